"""Host administrators in the API: what their page shows, with the same permissions."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from liqa.web.agendas.models import HostConfirmation
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import api_client_for as _client
from tests.web.factories import person_user

AMINA_PUBLIC = {
    "id": "p-amina",
    "name": "Amina Idrissi",
    "name_ar": "",
    "organization": "o-alpha",
    "role": "CEO",
    "gender": None,
    "languages": ["ar", "fr"],
}


def _host(event: Event) -> str:
    return f"/api/events/{event.slug}/host/"


@pytest.fixture
def host(host_admin: User) -> APIClient:
    return _client(host_admin)


def test_host_api_before_publication_lists_staff_and_no_meetings(
    host: APIClient, event: Event, draft: ScheduleVersion
) -> None:
    data: dict[str, Any] = host.get(_host(event)).json()
    assert (data["organization"]["id"], [p["id"] for p in data["staff"]], data["meetings"]) == (
        "o-beta",
        ["p-bruno"],
        [],
    )


def test_host_api_shows_who_is_coming_with_public_profile_only(
    host: APIClient, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft, notify=False)
    meetings = host.get(_host(event), HTTP_ACCEPT_LANGUAGE="en").json()["meetings"]
    assert meetings == [
        {
            "id": "r-1",
            "title": "Meeting with Alpha Pay",
            "start": "2030-03-14T08:00:00Z",  # instants in UTC, as everywhere in the API
            "end": "2030-03-14T08:20:00Z",
            "place": "Palais des Congrès",
            "incoming": [AMINA_PUBLIC],
            "staff": ["p-bruno"],
            "confirmed": None,
        }
    ]


def test_host_api_confirms_attendees(
    host: APIClient, host_admin: User, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft, notify=False)
    url = _host(event) + "confirmations/"
    response = host.post(url, {"assignment": "r-1", "attendees": ["p-bruno"]}, format="json")
    assert (response.status_code, response.json()) == (
        201,
        {"assignment": "r-1", "attendees": ["p-bruno"]},
    )
    saved = HostConfirmation.objects.get()
    assert (saved.organization, saved.attendees, saved.confirmed_by) == (
        "o-beta",
        ["p-bruno"],
        host_admin,
    )
    assert host.get(_host(event)).json()["meetings"][0]["confirmed"] == ["p-bruno"]


@pytest.mark.parametrize(
    ("assignment", "attendees"),
    [("r-2", []), ("r-1", ["p-chen"]), ("no-such-meeting", [])],
    ids=["others-meeting", "not-our-staff", "unknown"],
)
def test_host_api_refuses_confirming_what_is_not_theirs(
    assignment: str, attendees: list[str], host: APIClient, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft, notify=False)
    body = {"assignment": assignment, "attendees": attendees}
    response = host.post(_host(event) + "confirmations/", body, format="json")
    assert (response.status_code, HostConfirmation.objects.count()) == (403, 0)


@pytest.mark.parametrize("path", ["", "confirmations/"], ids=["view", "confirm"])
def test_host_api_denies_other_roles(
    path: str, event: Event, draft: ScheduleVersion, organizer: User, stranger: User
) -> None:
    publish(draft, notify=False)
    url = _host(event) + path
    body = {"assignment": "r-1", "attendees": ["p-bruno"]}

    def status(user: User | None) -> int:
        client = _client(user)
        response = client.get(url) if not path else client.post(url, body, format="json")
        return response.status_code

    participant = person_user("bruno@example.org")  # Bruno is staff, but not the administrator
    assert [status(u) for u in (None, stranger, participant, organizer)] == [401, 403, 403, 403]
    assert HostConfirmation.objects.count() == 0


def test_host_api_is_in_the_schema(event: Event) -> None:
    schema = _client(None).get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert ("/api/events/{slug}/host/" in schema, "/host/confirmations/" in schema) == (True, True)
