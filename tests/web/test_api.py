"""REST API: token authentication and the same permissions as the pages, per role."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import api_client_for as _client
from tests.web.factories import person_user


def _json(client: APIClient, path: str) -> Any:
    response = client.get(path)
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def amina(event: Event) -> APIClient:
    return _client(person_user("amina@example.org"))


@pytest.fixture
def chen(event: Event) -> APIClient:
    return _client(person_user("chen@example.org"))


def test_public_endpoints_need_no_token(event: Event) -> None:
    client = _client(None)
    assert [e["id"] for e in _json(client, "/api/events/")] == [event.slug]
    orgs = _json(client, f"/api/events/{event.slug}/organizations/")
    assert [o["id"] for o in orgs] == ["o-alpha", "o-beta", "o-gamma"]


@pytest.mark.parametrize(
    "path", ["people/", "requests/", "schedules/", "outcomes/"], ids=lambda p: p.strip("/")
)
def test_private_endpoints_refuse_anonymous_and_strangers(
    path: str, event: Event, stranger: User
) -> None:
    url = f"/api/events/{event.slug}/{path}"
    assert (_client(None).get(url).status_code, _client(stranger).get(url).status_code) == (
        401,
        403,
    )


def test_people_contact_details_only_for_self_and_organizers(
    amina: APIClient, organizer: User, event: Event
) -> None:
    seen = {p["id"]: p.get("email") for p in _json(amina, f"/api/events/{event.slug}/people/")}
    assert seen == {"p-amina": "amina@example.org", "p-bruno": None, "p-chen": None}
    everyone = _json(_client(organizer), f"/api/events/{event.slug}/people/")
    assert [p["email"] for p in everyone] == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]


def test_requests_only_those_involving_the_participant(amina: APIClient, event: Event) -> None:
    assert [r["id"] for r in _json(amina, f"/api/events/{event.slug}/requests/")] == [
        "r-1",
        "r-2",
    ]


def test_answer_a_request_through_the_api(chen: APIClient, amina: APIClient, event: Event) -> None:
    url = f"/api/events/{event.slug}/requests/r-3/answer/"
    refused = amina.post(url, {"action": "accept"}, format="json")
    accepted = chen.post(url, {"action": "accept"}, format="json")
    again = chen.post(url, {"action": "decline"}, format="json")
    assert (refused.status_code, accepted.status_code, again.status_code) == (403, 200, 400)
    assert accepted.json()["status"] == "accepted"


def test_schedules_hide_drafts_and_other_peoples_meetings(
    chen: APIClient, organizer: User, event: Event, draft: ScheduleVersion
) -> None:
    assert _json(chen, f"/api/events/{event.slug}/schedules/") == []
    publish(draft)
    mine = _json(chen, f"/api/events/{event.slug}/schedules/")
    assert [(v["version"], [a["id"] for a in v["assignments"]]) for v in mine] == [(1, ["r-2"])]
    everything = _json(_client(organizer), f"/api/events/{event.slug}/schedules/")
    assert [[a["id"] for a in v["assignments"]] for v in everything] == [["r-1", "r-2"]]


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_participant_records_outcome_of_own_meeting_only(
    chen: APIClient, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft)
    url = f"/api/events/{event.slug}/outcomes/"
    other = chen.post(url, {"assignment": "r-1", "kind": "held"}, format="json")
    own = chen.post(
        url,
        {"assignment": "r-2", "kind": "held", "follow_up": "proposal", "notes": "Send a quote"},
        format="json",
    )
    assert (other.status_code, own.status_code) == (403, 201)
    saved = Outcome.objects.get(event=event)
    assert (saved.assignment, saved.kind, saved.follow_up, saved.owner, saved.notes) == (
        "r-2",
        "held",
        "proposal",
        "p-chen",
        "Send a quote",
    )
    assert [o["assignment"] for o in _json(chen, url)] == ["r-2"]


def test_openapi_schema_lists_the_endpoints(db: None) -> None:
    response = _client(None).get("/api/schema/", HTTP_ACCEPT="application/json")
    paths = set(response.json()["paths"])
    assert {
        "/api/events/",
        "/api/events/{slug}/people/",
        "/api/events/{slug}/requests/",
        "/api/events/{slug}/schedules/",
        "/api/events/{slug}/outcomes/",
    } <= paths
