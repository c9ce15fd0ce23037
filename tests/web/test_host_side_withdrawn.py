"""A host organization put on the delegation's side loses its host administrators.

The role lasts while its organization receives the delegation (side host or both): the
editing page's change of side, and a spreadsheet re-import that gives the organization
another side, withdraw it like the other withdrawals, each kept in the event's history; the
re-import's preview names the role before anything is stored. Runs on SQLite, and on
PostgreSQL with ``DATABASE_URL``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event, Organization
from tests.web.editing_factories import post
from tests.web.factories import host_admins as _admins
from tests.web.factories import host_role_withdrawals as _withdrawals
from tests.web.spreadsheet_steps import decide, staged_token, tables, upload

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]

GAMMA = {"key": "o-gamma", "name": "Gamma Farms", "side": "host", "kind": "other"}
WITHDRAWN = "<li>Chen Li will no longer administer the host page of Gamma Farms.</li>"


@pytest.fixture
def gamma_admins(event: Event) -> None:
    """Chen Li (a person of host Gamma Farms) and a deputy named from no person administer
    Gamma Farms; Beta Bank's administrator is another host's."""
    accounts.grant_host(event, "o-gamma", "p-chen")
    deputy = accounts.user_for_email("deputy@gamma.example")
    accounts.grant(deputy, event, Role.HOST_ADMIN, organization="o-gamma")
    beta = accounts.user_for_email("admin@beta.example")
    accounts.grant(beta, event, Role.HOST_ADMIN, organization="o-beta")


def test_the_editing_page_putting_a_host_on_the_delegations_side_withdraws_its_roles(
    event: Event, gamma_admins: None, organizer_client: Client
) -> None:
    answer = post(organizer_client, event, "organizations/o-gamma/", GAMMA | {"side": "both"})
    assert answer.status_code == 302
    assert len(_admins(event)) == 3  # still a host: every role stands
    answer = post(organizer_client, event, "organizations/o-gamma/", GAMMA | {"side": "delegation"})
    assert answer.status_code == 302
    assert Organization.objects.get(event=event, key="o-gamma").side == "delegation"
    assert _admins(event) == [("admin@beta.example", "o-beta")]
    assert _withdrawals(event) == [
        ("org", "o-gamma", ["chen@example.org", ""]),
        ("org", "o-gamma", ["deputy@gamma.example", ""]),
    ]


def test_enrolling_withdraws_the_roles_of_an_organization_no_longer_a_host(
    event: Event, gamma_admins: None
) -> None:
    Organization.objects.filter(event=event, key="o-gamma").update(side="delegation")
    assert accounts.withdraw_stale_hosts(event) == 2
    assert _admins(event) == [("admin@beta.example", "o-beta")]
    assert [w[1:] for w in _withdrawals(event)] == [
        ("o-gamma", ["chen@example.org", ""]),
        ("o-gamma", ["deputy@gamma.example", ""]),
    ]


def test_a_reimport_putting_a_host_on_the_delegations_side_previews_then_withdraws_its_roles(
    event: Event, gamma_admins: None, organizer_client: Client, tmp_path: Path
) -> None:
    path = tables(event, tmp_path)["organization"]
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = [
        line.replace(",host,", ",delegation,") if line.startswith("o-gamma,") else line
        for line in lines
    ]
    assert changed != lines
    path.write_text("\n".join(changed) + "\n", encoding="utf-8")
    answer = upload(organizer_client, event.slug, [path], "keep")
    assert answer.startswith("200 "), answer
    withdrawn = answer.split('id="hosts-withdrawn">', 1)[1].split("</ul>", 1)[0]
    assert withdrawn == (
        WITHDRAWN + "<li>deputy@gamma.example will no longer administer the host page of "
        "Gamma Farms.</li>"
    )
    assert len(_admins(event)) == 3  # not yet
    answer = decide(organizer_client, event.slug, staged_token(answer))
    assert answer.startswith("200 "), answer
    assert Organization.objects.get(event=event, key="o-gamma").side == "delegation"
    assert _admins(event) == [("admin@beta.example", "o-beta")]
    assert _withdrawals(event) == [
        ("org", "o-gamma", ["chen@example.org", ""]),
        ("org", "o-gamma", ["deputy@gamma.example", ""]),
    ]
