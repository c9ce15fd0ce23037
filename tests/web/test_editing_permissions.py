"""Only the event's organizers reach the editing pages; nobody else changes anything."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record, store_event
from tests.web.factories import make_core_event, person_user

PAGES = ["", "people/_add/", "people/p-chen/", "brokerage/"]
POSTS = [
    ("people/_add/", {"key": "p-x", "name": "X", "organization": "o-alpha"}),
    ("people/p-chen/", {"name": "Someone else", "organization": "o-gamma"}),
    ("people/p-amina/delete/", {}),
    ("organizations/o-gamma/delete/", {}),
    ("brokerage/", {"venue": "v-hall", "slot_minutes": "10", "tables": "1"}),
]


def _statuses(client: Client, event: Event) -> list[int]:
    base = f"/events/{event.slug}/edit/"
    gets = [client.get(base + path).status_code for path in PAGES]
    posts = [client.post(base + path, data).status_code for path, data in POSTS]
    return gets + posts


@pytest.mark.parametrize("who", ["participant", "host_admin", "stranger", "staff"])
def test_editing_is_refused_to_other_roles(
    who: str,
    event: Event,
    host_admin: User,
    stranger: User,
    client_for: Callable[..., Client],
    django_user_model: type[User],
) -> None:
    users = {
        "participant": person_user("amina@example.org"),
        "host_admin": host_admin,
        "stranger": stranger,
        "staff": django_user_model.objects.create_user("staff", "staff@x.org", is_staff=True),
    }
    before = event_record(event)
    assert _statuses(client_for(users[who]), event) == [403] * (len(PAGES) + len(POSTS))
    event.refresh_from_db()
    assert event_record(event) == before


def test_editing_sends_anonymous_visitors_to_sign_in(event: Event) -> None:
    before = event_record(event)
    assert _statuses(Client(), event) == [302] * (len(PAGES) + len(POSTS))
    event.refresh_from_db()
    assert event_record(event) == before


def test_organizer_of_one_event_cannot_edit_another(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    other = store_event(make_core_event("other-b2b-2031"))
    assert _statuses(client_for(organizer), other) == [403] * (len(PAGES) + len(POSTS))
    accounts.grant(organizer, other, Role.ORGANIZER)
    assert client_for(organizer).get(f"/events/{other.slug}/edit/").status_code == 200
