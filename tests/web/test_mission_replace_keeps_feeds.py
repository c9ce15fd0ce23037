"""Replacing an event by its mission file keeps its people's private calendar feeds: the
replacement deletes the event row (and every row cascading from it) and stores it again,
so each feed of a person the file still has is carried to the new row, with its digest and
dates (revoked ones too, kept for the record); a removed person's feed goes, and a person
given another address has their feeds revoked, as a spreadsheet upload does. Runs on
SQLite, and on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from typing import Any

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.accounts.models import CalendarFeed
from liqa.web.agendas import services as agendas
from liqa.web.events import services
from liqa.web.events.models import Event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]

R1 = "r-1@tunis-b2b-2030.liqa"
R2 = "r-2@tunis-b2b-2030.liqa"


def _publish(slug: str) -> None:
    """Publish version 1 of the test schedule on the event stored under ``slug``."""
    publish(store_schedule(Event.objects.get(slug=slug), make_schedule(make_core_event())))


def _feed(secret: str) -> tuple[int, set[str]]:
    """The feed's status and the UIDs of its meetings (none when it is not found)."""
    response = Client().get(f"/feeds/{secret}.ics")
    if response.status_code != 200:
        return response.status_code, set()
    calendar = icalendar.Calendar.from_ical(response.content)
    return 200, {str(v["UID"]) for v in calendar.walk("VEVENT")}


def _rows(slug: str) -> list[tuple[str, str, datetime, datetime | None]]:
    """The event's feeds: person, digest, created and revoked, in creation order."""
    feeds = CalendarFeed.objects.filter(event__slug=slug).order_by("created_at", "pk")
    return list(feeds.values_list("person", "digest", "created_at", "revoked_at"))


def _replace(client: Client, event: core.Event) -> Any:
    text = dumps_event(event).encode()
    mission = SimpleUploadedFile("mission.yaml", text, content_type="application/yaml")
    return client.post("/events/import/", {"mission": mission, "replace": "on"})


def _confirm(client: Client, answer: str) -> Any:
    staged = re.search(r'name="staged" value="([^"]+)"', answer)
    slug = re.search(r'name="event" value="([^"]+)"', answer)
    assert staged, answer[:500]
    assert slug, answer[:500]
    data = {"staged": staged.group(1), "event": slug.group(1), "action": "confirm"}
    return client.post("/events/import/", data)


def _without_chen() -> core.Event:
    """The test event without Chen and the requests naming Chen."""
    event = make_core_event()
    return dataclasses.replace(
        event,
        people=tuple(p for p in event.people if p.id != "p-chen"),
        requests=tuple(r for r in event.requests if r.id == "r-1"),
    )


def _chen_readdressed() -> core.Event:
    event = make_core_event()
    people = tuple(
        dataclasses.replace(p, email="li.chen@newco.example") if p.id == "p-chen" else p
        for p in event.people
    )
    return dataclasses.replace(event, people=people)


def test_a_delegates_feed_answers_the_calendar_before_and_after_a_replace(
    event: Event, organizer_client: Client
) -> None:
    _publish(event.slug)
    old = agendas.create_feed(event, "p-amina")
    secret = agendas.create_feed(event, "p-amina")  # the first one is revoked
    held = _rows(event.slug)
    assert _feed(secret) == (200, {R1, R2})
    response = _replace(organizer_client, dataclasses.replace(make_core_event(), title={"en": "R"}))
    assert response.status_code == 302, response.content.decode()[:500]  # its version is kept
    row = Event.objects.get(slug=event.slug)
    assert (row.pk != event.pk, row.title) == (True, {"en": "R"})  # the row was stored again
    assert _rows(event.slug) == held  # same digests and dates, revoked one included
    assert _feed(secret) == (200, {R1, R2})  # the published version, carried over
    assert _feed(old)[0] == 404


def test_a_removed_persons_feed_answers_not_found(event: Event, organizer_client: Client) -> None:
    _publish(event.slug)
    chen = agendas.create_feed(event, "p-chen")
    amina = agendas.create_feed(event, "p-amina")
    assert (_feed(chen), _feed(amina)) == ((200, {R2}), (200, {R1, R2}))
    answer = _replace(organizer_client, _without_chen())  # Chen's access withdrawn: previewed
    assert answer.status_code == 200, answer.content.decode()[:500]
    response = _confirm(organizer_client, answer.content.decode())
    assert response.status_code == 302, response.content.decode()[:500]
    assert [person for person, *_rest in _rows(event.slug)] == ["p-amina"]
    assert _feed(chen)[0] == 404
    assert _feed(amina) == (200, {R1, R2})  # as published: a new version tells her of r-2


def test_a_person_given_another_address_has_their_feed_revoked(event: Event) -> None:
    chen = agendas.create_feed(event, "p-chen")
    amina = agendas.create_feed(event, "p-amina")
    before = {person: (digest, at) for person, digest, at, _revoked in _rows(event.slug)}
    services.import_event(_chen_readdressed(), filename="mission.yaml", replace=True)
    feeds = {person: (digest, at, revoked) for person, digest, at, revoked in _rows(event.slug)}
    assert (feeds["p-chen"][:2], feeds["p-amina"][:2]) == (before["p-chen"], before["p-amina"])
    assert feeds["p-chen"][2] is not None  # kept for the record, revoked
    assert feeds["p-amina"][2] is None
    assert (_feed(chen)[0], _feed(amina)[0]) == (404, 200)
