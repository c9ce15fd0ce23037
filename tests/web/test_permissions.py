"""Every page, every role: who gets what (200 page, 302 redirect, 403 refusal, 404)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user

ROLES = ("anonymous", "stranger", "amina", "chen", "host_admin", "organizer")


@pytest.fixture
def users(organizer: User, host_admin: User, stranger: User) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "stranger": stranger,
        "amina": person_user("amina@example.org"),
        "chen": person_user("chen@example.org"),
        "host_admin": host_admin,
        "organizer": organizer,
    }


def _get(client: Client, path: str) -> int:
    return client.get(path).status_code


# (path template, who gets 200; everyone else signed in gets 403, anonymous is redirected)
GET_PAGES = [
    ("/organize/{slug}/", {"organizer"}),
    ("/organize/{slug}/versions/1/", {"organizer"}),
    ("/organize/{slug}/follow-ups/", {"organizer"}),
    ("/organize/{slug}/mission.yaml", {"organizer"}),
    ("/organize/{slug}/communique/", {"organizer"}),
    ("/events/import/", {"organizer"}),
    ("/me/{slug}/", {"amina", "chen"}),
    ("/me/{slug}/agenda.ics", {"amina", "chen"}),
    ("/me/{slug}/requests/", {"amina", "chen"}),
    ("/me/{slug}/profile/", {"amina", "chen"}),
    ("/host/{slug}/", {"host_admin"}),
]


@pytest.mark.parametrize(("path", "allowed"), GET_PAGES)
def test_page_access_by_role(
    path: str,
    allowed: set[str],
    users: dict[str, User | None],
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[[User | None], Client],
) -> None:
    publish(draft, notify=False)
    url = path.format(slug=event.slug)
    seen = {}
    for role in ROLES:
        response = client_for(users[role]).get(url)
        seen[role] = response.status_code
        if role == "anonymous":
            assert response["Location"].startswith("/accounts/signin/?next=")
    expected = {
        role: 200 if role in allowed else 302 if role == "anonymous" else 403 for role in ROLES
    }
    assert seen == expected


@pytest.mark.parametrize("role", ROLES)
def test_public_pages_open_to_everyone(
    role: str, users: dict[str, User | None], event: Event, client_for: Callable[..., Client]
) -> None:
    client = client_for(users[role])
    assert (_get(client, "/"), _get(client, f"/events/{event.slug}/")) == (200, 200)


@pytest.mark.parametrize("role", ["stranger", "host_admin", "organizer"])
def test_participant_actions_refused_to_non_participants(
    role: str, users: dict[str, User | None], event: Event, client_for: Callable[..., Client]
) -> None:
    client = client_for(users[role])
    codes = [
        client.post(f"/me/{event.slug}/outcome/", {"assignment": "r-1", "kind": "held"}),
        client.post(f"/me/{event.slug}/requests/", {"key": "r-3", "action": "accept"}),
        client.post(f"/me/{event.slug}/feed/", {"action": "create"}),
    ]
    assert [c.status_code for c in codes] == [403, 403, 403]


@pytest.mark.parametrize(
    "path",
    [
        "/organize/{slug}/runs/",
        "/organize/{slug}/versions/1/pin/",
        "/organize/{slug}/versions/1/publish/",
        "/organize/{slug}/runs/1/cancel/",
    ],
)
@pytest.mark.parametrize("role", ["stranger", "amina", "host_admin"])
def test_organizer_actions_refused_to_others(
    path: str,
    role: str,
    users: dict[str, User | None],
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
) -> None:
    response = client_for(users[role]).post(path.format(slug=event.slug), {"key": "r-1"})
    assert response.status_code == 403
    assert ScheduleVersion.objects.get(pk=draft.pk).published_at is None


def test_unknown_event_is_404_for_organizer(
    organizer: User, client_for: Callable[..., Client]
) -> None:
    assert _get(client_for(organizer), "/organize/no-such-event/") == 404
