"""The API's venues: list and detail, for the event's organizers and participants only."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from tests.web.factories import api_client_for as _client
from tests.web.factories import make_core_event, person_user

HALL = {
    "id": "v-hall",
    "name": "Palais des Congrès",
    "name_ar": "",
    "name_fr": "",
    "city": "Tunis",
    "address": "Avenue Mohamed V, Tunis",
    "timezone": "Africa/Tunis",
    "latitude": 36.8065,
    "longitude": 10.1815,
}


def _get(user: User | None, path: str) -> Any:
    return _client(user).get(path)


def test_organizer_and_participant_list_the_venues(event: Event, organizer: User) -> None:
    url = f"/api/events/{event.slug}/venues/"
    for user in (organizer, person_user("amina@example.org")):
        response = _get(user, url)
        assert (response.status_code, response.json()) == (200, [HALL])


def test_detail_of_one_venue(event: Event, organizer: User) -> None:
    response = _get(organizer, f"/api/events/{event.slug}/venues/v-hall/")
    assert (response.status_code, response.json()) == (200, HALL)


def test_unknown_venue_is_404(event: Event, organizer: User) -> None:
    response = _get(organizer, f"/api/events/{event.slug}/venues/v-nowhere/")
    assert (response.status_code, response.json()) == (404, {"detail": "no such venue"})


@pytest.mark.parametrize("path", ["venues/", "venues/v-hall/"], ids=["list", "detail"])
def test_anonymous_strangers_and_host_admins_are_refused(
    path: str, event: Event, stranger: User, host_admin: User
) -> None:
    """A hotel's or an office's address is not public (people's contact details neither)."""
    url = f"/api/events/{event.slug}/{path}"
    codes = [_get(user, url).status_code for user in (None, stranger, host_admin)]
    assert codes == [401, 403, 403]


def test_a_private_event_has_no_venues_endpoint(event: Event, organizer: User) -> None:
    Event.objects.filter(pk=event.pk).update(public=False)
    assert _get(organizer, f"/api/events/{event.slug}/venues/").status_code == 404


def test_names_in_three_languages_and_no_coordinates(db: None) -> None:
    """A venue without coordinates gives nulls; its French and Arabic names are given."""
    venue = core.Venue(
        "v-min", "Ministry", "Tunis", "Africa/Tunis", name_ar="الوزارة", name_fr="Ministère"
    )
    row = store_event(dataclasses.replace(make_core_event("other-2030"), venues=(venue,)))
    organizer = User.objects.create_user("o2", "o2@example.org", "pass-pass-2")
    accounts.grant(organizer, row, Role.ORGANIZER)
    data = _get(organizer, f"/api/events/{row.slug}/venues/v-min/").json()
    assert (data["name_ar"], data["name_fr"], data["latitude"], data["longitude"]) == (
        "الوزارة",
        "Ministère",
        None,
        None,
    )


def test_openapi_schema_documents_the_venues(db: None) -> None:
    schema = _client(None).get("/api/schema/", HTTP_ACCEPT="application/json").json()
    detail = schema["paths"]["/api/events/{slug}/venues/{key}/"]["get"]
    assert set(detail["responses"]) == {"200", "401", "403", "404"}
    assert "/api/events/{slug}/venues/" in schema["paths"]
    fields = schema["components"]["schemas"]["Venue"]["properties"]
    assert fields["latitude"]["nullable"] is True
    assert set(fields) == set(HALL)
