"""Replacing an event by its mission file keeps the event row's own settings the file does
not hold (a private event stays private, its communiqué and creation instant are kept),
and never deletes the work done on the web silently: an event holding schedule versions,
runs, bookings, hosts' confirmations, reminders sent or outcomes the file does not hold
stops at the preview, which counts them; nothing is stored until confirmed, and the
confirmation is refused when the counts changed since. An event holding none of them is
replaced at once. Runs on SQLite, and on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.agendas import services as agendas
from liqa.web.agendas.models import HostConfirmation, ReminderSent
from liqa.web.events import services
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest, Outcome
from liqa.web.scheduling.models import Run, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at, make_core_event, make_schedule

pytestmark = [
    pytest.mark.integration,
    pytest.mark.usefixtures("data_dir", "after_the_day"),  # outcomes of past meetings
]

CREATED = datetime(2029, 5, 4, 3, 2, 1, tzinfo=UTC)
COMMUNIQUE = {"en": "The mission closed with 12 agreements.", "fr": "La mission a conclu."}


def _retitled() -> core.Event:
    """The test event's mission file with another title (and no outcomes)."""
    return dataclasses.replace(make_core_event(), title={"en": "Replaced"})


def _replace(client: Client, event: core.Event) -> Any:
    text = dumps_event(event).encode()
    mission = SimpleUploadedFile("mission.yaml", text, content_type="application/yaml")
    return client.post("/events/import/", {"mission": mission, "replace": "on"})


def _decide(client: Client, answer: str, action: str) -> Any:
    staged = re.search(r'name="staged" value="([^"]+)"', answer)
    slug = re.search(r'name="event" value="([^"]+)"', answer)
    assert staged, answer[:500]
    assert slug, answer[:500]
    data = {"staged": staged.group(1), "event": slug.group(1), "action": action}
    return client.post("/events/import/", data)


def _private(event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(
        public=False, communique=COMMUNIQUE, created_at=CREATED
    )


def _anonymous(slug: str) -> str:
    """What the public page answers an anonymous visitor: the page, or sent to sign in."""
    response = Client().get(f"/events/{slug}/")
    if response.status_code == 302 and response["Location"].startswith("/accounts/signin/"):
        return "sign in"
    return str(response.status_code)


def _do_work(event: Event, organizer: User) -> None:
    """Version 1 published, version 2 a draft, a run, a booking with its seats, Beta's
    confirmation of r-1, a reminder sent and an outcome recorded on the web."""
    publish(store_schedule(event, make_schedule(make_core_event())))
    store_schedule(event, make_schedule(make_core_event(), version=2, r1_start=20))
    Run.objects.create(event=event, created_by=organizer)
    request = MeetingRequest.objects.get(event=event, key="r-2")  # accepted: bookable
    booking = Booking.objects.create(
        event=event, request=request, slot_start=at(9, 40), table=3, booked_as="p-amina"
    )
    for party in ("p-amina", "p-chen"):
        BookingSeat.objects.create(event=event, party=party, slot_start=at(9, 40), booking=booking)
    agendas.confirm_attendees(event, "o-beta", "r-1", ["p-bruno"], organizer)
    ReminderSent.objects.create(event=event, person="p-amina", months=3, sent_at=CREATED)
    agendas.record_outcome(event, None, "r-1", "held", notes="Signed a pilot")


def _work(slug: str) -> tuple[int, int, int, int, int, int, int]:
    """Versions, published ones, runs, bookings, seats, confirmations and reminders."""
    return (
        ScheduleVersion.objects.filter(event__slug=slug).count(),
        ScheduleVersion.objects.filter(event__slug=slug, published_at__isnull=False).count(),
        Run.objects.filter(event__slug=slug).count(),
        Booking.objects.filter(event__slug=slug).count(),
        BookingSeat.objects.filter(booking__event__slug=slug).count(),
        HostConfirmation.objects.filter(event__slug=slug).count(),
        ReminderSent.objects.filter(event__slug=slug).count(),
    )


def _kept(answer: str) -> list[str]:
    """The preview's list of work carried over, item by item."""
    return _items(answer, "work-kept")


def _items(answer: str, list_id: str = "work-deleted") -> list[str]:
    """The preview's list of work deleted (or another list), item by item."""
    found = re.search(rf'<ul id="{list_id}">(.*?)</ul>', answer, re.S)
    assert found, answer[:800]
    return [
        html.unescape(re.sub(r"\s+", " ", item).strip())
        for item in re.findall(r"<li[^>]*>(.*?)</li>", found[1], re.S)
    ]


def test_a_private_event_stays_private_after_a_replace(
    event: Event, organizer_client: Client
) -> None:
    _private(event)
    assert _anonymous(event.slug) == "sign in"
    response = _replace(organizer_client, _retitled())
    assert response.status_code == 302, response.content.decode()[:500]  # no work: at once
    row = Event.objects.get(slug=event.slug)
    assert (row.pk != event.pk, row.title) == (True, {"en": "Replaced"})
    assert (row.public, row.communique, row.created_at) == (False, COMMUNIQUE, CREATED)
    assert _anonymous(event.slug) == "sign in"  # refused to an anonymous visitor
    assert organizer_client.get(f"/events/{event.slug}/").status_code == 200


def test_an_event_without_work_done_on_the_web_is_replaced_at_once(
    event: Event, organizer_client: Client
) -> None:
    response = _replace(organizer_client, _retitled())
    assert response.status_code == 302, response.content.decode()[:500]
    row = Event.objects.get(slug=event.slug)
    assert (row.pk != event.pk, row.title, row.public) == (True, {"en": "Replaced"}, True)
    assert _anonymous(event.slug) == "200"


def test_work_done_on_the_web_is_previewed_with_counts(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    _private(event)
    _do_work(event, organizer)
    held = _work(event.slug)
    assert held == (2, 1, 1, 1, 2, 1, 1)
    response = _replace(organizer_client, _retitled())
    answer = response.content.decode()
    assert response.status_code == 200, answer[:500]
    assert "Check what replacing the event deletes" in answer
    assert _items(answer) == [
        "1 scheduler run not finished (queued or running): start it again after the replacement",
    ]
    assert _kept(answer) == [
        "2 schedule versions, 1 of them published",
        "1 booking",
        "1 host's confirmation",
        "1 follow-up reminder recorded as sent",
        "1 outcome recorded",
    ]
    assert f"liqa export --event {event.slug} -o backup.zip" in answer
    assert "docs/howto/backup-restore.md" in answer
    assert "Replace the event and delete this work" in answer
    assert 'id="access-withdrawn"' not in answer  # nobody loses access
    row = Event.objects.get(slug=event.slug)  # nothing stored
    assert (row.pk, row.title) == (event.pk, make_core_event().title)
    assert _work(event.slug) == held


def test_cancelling_keeps_everything(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    _do_work(event, organizer)
    held = _work(event.slug)
    answer = _replace(organizer_client, _retitled()).content.decode()
    response = _decide(organizer_client, answer, "cancel")
    assert 'id="cancelled"' in response.content.decode()
    row = Event.objects.get(slug=event.slug)
    assert (row.pk, row.title) == (event.pk, make_core_event().title)
    assert _work(event.slug) == held
    assert list(Outcome.objects.filter(event=row).values_list("assignment", "notes")) == [
        ("r-1", "Signed a pilot")
    ]


def test_confirming_replaces_the_event_and_keeps_its_settings(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    _private(event)
    _do_work(event, organizer)
    answer = _replace(organizer_client, _retitled()).content.decode()
    response = _decide(organizer_client, answer, "confirm")
    assert response.status_code == 302, response.content.decode()[:500]
    row = Event.objects.get(slug=event.slug)
    assert (row.pk != event.pk, row.title) == (True, {"en": "Replaced"})
    assert _work(event.slug) == (2, 1, 0, 1, 2, 1, 1)  # all but the queued run kept
    assert list(Outcome.objects.filter(event=row).values_list("assignment", "notes")) == [
        ("r-1", "Signed a pilot")
    ]
    assert (row.public, row.communique, row.created_at) == (False, COMMUNIQUE, CREATED)
    assert _anonymous(event.slug) == "sign in"


def test_work_done_after_the_preview_stops_the_confirmation(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    _do_work(event, organizer)
    answer = _replace(organizer_client, _retitled()).content.decode()
    ReminderSent.objects.create(event=event, person="p-bruno", months=3, sent_at=CREATED)
    Run.objects.create(event=event, created_by=organizer)  # neither changes the data stamp
    response = _decide(organizer_client, answer, "confirm")
    text = response.content.decode()
    assert response.status_code == 400, text[:500]
    assert "the event changed since the preview" in text
    row = Event.objects.get(slug=event.slug)
    assert (row.pk, row.title) == (event.pk, make_core_event().title)
    assert _work(event.slug) == (2, 1, 2, 1, 2, 1, 2)


def test_an_outcome_the_file_holds_is_not_counted(event: Event, organizer: User) -> None:
    publish(store_schedule(event, make_schedule(make_core_event())))
    recorded = agendas.record_outcome(event, None, "r-1", "held", notes="Signed a pilot")
    preview = services.mission_preview(event, _retitled(), organizer.pk)
    assert (preview.kept.versions, preview.kept.outcomes, bool(preview.work)) == (1, 1, False)
    held = dataclasses.replace(_retitled(), outcomes=(recorded,))
    preview = services.mission_preview(event, held, organizer.pk)
    assert (preview.kept.versions, preview.kept.outcomes, bool(preview.work)) == (1, 0, False)
