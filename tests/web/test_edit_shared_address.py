"""Two people of an event under one e-mail address (a registration typed twice, imported
before spreadsheets refused it, or a mission file): the account takes part as one of
them. Deleting the copy, or giving it its own address, must leave the account taking part
as the other, not without access (found walking the web app: the participant then got
"Accès refusé" on their agenda)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event
from tests.web.editing_factories import post

CLAIRE = {"name": "Claire Martin", "organization": "o-gamma", "email": "claire@medifresh.example"}


@pytest.fixture
def org_client(organizer: User, client_for: Callable[..., Client]) -> Client:
    return client_for(organizer)


def _claire_takes_part_as(event: Event) -> list[str]:
    members = Membership.objects.filter(
        event=event, role=Role.PARTICIPANT, user__email="claire@medifresh.example"
    )
    return [m.person for m in members]


@pytest.fixture
def twice(org_client: Client, event: Event) -> Event:
    for key in ("p-claire", "p-claire-2"):
        assert post(org_client, event, "people/_add/", {"key": key, **CLAIRE}).status_code == 302
    assert _claire_takes_part_as(event) == ["p-claire-2"]  # the person saved last
    return event


def test_deleting_the_copy_leaves_the_account_to_the_other(
    org_client: Client, twice: Event
) -> None:
    assert post(org_client, twice, "people/p-claire-2/delete/", {}).status_code == 302
    assert _claire_takes_part_as(twice) == ["p-claire"]


def test_giving_the_copy_its_own_address_leaves_the_account_to_the_other(
    org_client: Client, twice: Event
) -> None:
    other = {"key": "p-claire-2", **CLAIRE, "email": "chloe@medifresh.example"}
    assert post(org_client, twice, "people/p-claire-2/", other).status_code == 302
    assert _claire_takes_part_as(twice) == ["p-claire"]
    chloe = Membership.objects.get(event=twice, user__email="chloe@medifresh.example")
    assert chloe.person == "p-claire-2"


def test_deleting_the_only_person_of_an_address_still_removes_its_access(
    org_client: Client, event: Event
) -> None:
    assert post(org_client, event, "people/_add/", {"key": "p-claire", **CLAIRE}).status_code == 302
    assert post(org_client, event, "people/p-claire/delete/", {}).status_code == 302
    assert _claire_takes_part_as(event) == []
