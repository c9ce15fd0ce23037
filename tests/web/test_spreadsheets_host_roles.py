"""A spreadsheet upload that withdraws a host administrator role says so before storing.

The role lasts while its person stays at that host under that address, and while the host
is in the event: an upload that removes the person or the host, moves the person to
another organization or gives them another address takes it away. The preview names each
role it withdraws (whatever the choice for the rows left out: an update can move a
person), confirming withdraws them and keeps each in the event's history as a revocation
on the hosts page is, cancelling keeps them, and a role granted after the preview refuses
the confirmation. Runs on SQLite, and on PostgreSQL with ``DATABASE_URL``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event, Organization, Person
from tests.web.factories import host_admins as _admins
from tests.web.factories import host_role_withdrawals as _withdrawals
from tests.web.spreadsheet_steps import decide, staged_token, tables, upload, without_rows

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]

WITHDRAWN = "<li>Fatima Zahra will no longer administer the host page of Beta Bank.</li>"
BUTTON = 'id="confirm-removal">Store the files and withdraw these roles</button>'


def _add_fatima(event: Event, organization: str) -> Person:
    person = Person.objects.create(
        event=event,
        key="p-fatima",
        position=3,
        name="Fatima Zahra",
        name_ar="فاطمة الزهراء",
        organization=organization,
        email="fatima@example.org",
    )
    accounts.enrol_everyone(event)
    return person


@pytest.fixture
def fatima(event: Event) -> Person:
    """A person of host Beta Bank whom the organizer named its administrator."""
    person = _add_fatima(event, "o-beta")
    accounts.grant_host(event, "o-beta", "p-fatima")
    return person


def _edited(path: Path, key: str, old: str, new: str) -> Path:
    """The CSV file with ``old`` replaced by ``new`` in the row of ``key``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = [line.replace(old, new) if line.split(",")[0] == key else line for line in lines]
    assert changed != lines
    path.write_text("\n".join(changed) + "\n", encoding="utf-8")
    return path


def test_removing_the_administrator_names_the_role_then_confirming_withdraws_it(
    event: Event, fatima: Person, organizer_client: Client, tmp_path: Path
) -> None:
    people = without_rows(tables(event, tmp_path)["people"], "p-fatima")
    answer = upload(organizer_client, event.slug, [people], "remove")
    assert answer.startswith("200 "), answer
    assert "<h3>Host administrator roles to be withdrawn</h3>" in answer
    assert WITHDRAWN in answer
    assert "Remove 1 record</button>" in answer
    assert (_admins(event), _withdrawals(event)) == ([("fatima@example.org", "o-beta")], [])
    answer = decide(organizer_client, event.slug, staged_token(answer))
    assert answer.startswith("200 "), answer
    assert not Person.objects.filter(event=event, key="p-fatima").exists()
    assert _admins(event) == []
    assert _withdrawals(event) == [("org", "o-beta", ["fatima@example.org", ""])]


@pytest.mark.parametrize("missing", ["keep", "remove", None])
def test_moving_the_administrator_to_another_host_is_previewed_then_withdrawn(
    event: Event, fatima: Person, organizer_client: Client, tmp_path: Path, missing: str | None
) -> None:
    people = _edited(tables(event, tmp_path)["people"], "p-fatima", "o-beta", "o-gamma")
    answer = upload(organizer_client, event.slug, [people], missing)
    assert answer.startswith("200 "), answer
    assert (WITHDRAWN in answer, BUTTON in answer) == (True, True)
    assert "0 removed" in answer
    assert Person.objects.get(event=event, key="p-fatima").organization == "o-beta"  # not yet
    assert _admins(event) == [("fatima@example.org", "o-beta")]
    answer = decide(organizer_client, event.slug, staged_token(answer))
    assert answer.startswith("200 "), answer
    assert Person.objects.get(event=event, key="p-fatima").organization == "o-gamma"
    assert _admins(event) == []
    assert _withdrawals(event) == [("org", "o-beta", ["fatima@example.org", ""])]


def test_a_new_address_is_previewed_in_the_readers_script_and_cancelling_keeps_the_role(
    event: Event, fatima: Person, organizer_client: Client, tmp_path: Path
) -> None:
    people = _edited(
        tables(event, tmp_path)["people"], "p-fatima", "fatima@example.org", "fz@example.org"
    )
    organizer_client.cookies["django_language"] = "ar"
    answer = upload(organizer_client, event.slug, [people], "keep")
    assert answer.startswith("200 "), answer
    withdrawn = answer.split('id="hosts-withdrawn">', 1)[1].split("</ul>", 1)[0]
    assert "فاطمة الزهراء" in withdrawn
    assert "Fatima Zahra" not in withdrawn
    answer = decide(organizer_client, event.slug, staged_token(answer), "cancel")
    assert answer.startswith("200 "), answer
    assert Person.objects.get(event=event, key="p-fatima").email == "fatima@example.org"
    assert (_admins(event), _withdrawals(event)) == ([("fatima@example.org", "o-beta")], [])


def test_removing_a_host_names_each_of_its_administrators(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    Organization.objects.create(
        event=event, key="o-delta", position=3, name="Houston e-Government Office", side="host"
    )
    _add_fatima(event, "o-delta")
    accounts.grant_host(event, "o-delta", "p-fatima")
    deputy = accounts.user_for_email("deputy@delta.example")
    accounts.grant(deputy, event, Role.HOST_ADMIN, organization="o-delta")  # from no person
    files = tables(event, tmp_path)
    organizations = without_rows(files["organization"], "o-delta")
    people = without_rows(files["people"], "p-fatima")
    answer = upload(organizer_client, event.slug, [organizations, people], "remove")
    assert answer.startswith("200 "), answer
    withdrawn = answer.split('id="hosts-withdrawn">', 1)[1].split("</ul>", 1)[0]
    assert withdrawn == (
        "<li>Fatima Zahra will no longer administer the host page of Houston e-Government "
        "Office.</li><li>deputy@delta.example will no longer administer the host page of "
        "Houston e-Government Office.</li>"
    )
    answer = decide(organizer_client, event.slug, staged_token(answer))
    assert answer.startswith("200 "), answer
    assert _admins(event) == []
    assert _withdrawals(event) == [
        ("org", "o-delta", ["fatima@example.org", ""]),
        ("org", "o-delta", ["deputy@delta.example", ""]),
    ]


def test_a_role_granted_after_the_preview_refuses_the_confirmation(
    event: Event, dina: Person, organizer_client: Client, tmp_path: Path
) -> None:
    _add_fatima(event, "o-beta")
    files = tables(event, tmp_path)
    people = _edited(without_rows(files["people"], "p-dina"), "p-fatima", "o-beta", "o-gamma")
    answer = upload(organizer_client, event.slug, [people], "remove")
    assert answer.startswith("200 "), answer
    assert 'id="hosts-withdrawn"' not in answer  # nobody administers a host yet
    accounts.grant_host(event, "o-beta", "p-fatima")  # meanwhile, on the hosts page
    answer = decide(organizer_client, event.slug, staged_token(answer))
    assert answer.startswith("400 "), answer
    assert "the event changed since the preview" in answer
    assert Person.objects.get(event=event, key="p-fatima").organization == "o-beta"
    assert _admins(event) == [("fatima@example.org", "o-beta")]


def test_an_update_that_keeps_every_role_stores_at_once(
    event: Event, fatima: Person, host_admin: User, organizer_client: Client, tmp_path: Path
) -> None:
    people = _edited(tables(event, tmp_path)["people"], "p-bruno", "CTO", "CEO")
    answer = upload(organizer_client, event.slug, [people], "keep")
    assert answer.startswith("200 "), answer
    assert ('name="staged"' in answer, 'id="imported"' in answer) == (False, True)
    assert Person.objects.get(event=event, key="p-bruno").role == "CEO"
    assert _admins(event) == [("admin@beta.example", "o-beta"), ("fatima@example.org", "o-beta")]
    assert _withdrawals(event) == []
