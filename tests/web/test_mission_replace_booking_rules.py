"""A booking carried over a mission-file replacement still obeys the file's booking rules
(availability, session limits, the parties' other meetings...), judged as a booking made on
the web is: one the file no longer allows is dropped, counted in the preview with why, and
a confirmation that would drop other bookings than the preview showed is refused. Runs on
SQLite, and on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.core.problems import InputError
from liqa.web.events import services
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest
from tests.web.factories import at, make_core_event

pytestmark = pytest.mark.integration

MADE = datetime(2030, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    """A data directory of the test's own, where the uploads are staged."""
    settings.DATA_DIR = tmp_path / "data"
    return Path(settings.DATA_DIR)


def _book(event: Event, request: str, minute: int, table: int, made: int = 0) -> None:
    """Book ``request`` at 09:``minute`` at ``table``, made ``made`` minutes after MADE."""
    row = MeetingRequest.objects.get(event=event, key=request)
    booking = Booking.objects.create(
        event=event, request=row, slot_start=at(9, minute), table=table, booked_as=row.requester
    )
    made_at = MADE.replace(minute=made)
    Booking.objects.filter(pk=booking.pk).update(created_at=made_at)
    for party in (row.requester, row.target):
        BookingSeat.objects.create(
            event=event, party=party, slot_start=at(9, minute), booking=booking
        )


def _bookings(slug: str) -> list[tuple[str, datetime, int]]:
    found = Booking.objects.filter(event__slug=slug).order_by("request__key")
    return [(b.request.key, b.slot_start, b.table) for b in found]


def _file(
    people: dict[str, tuple[core.TimeWindow, ...]] | None = None, limit: int | None = None
) -> core.Event:
    """The test event's mission file, retitled, with some people's availability and the
    brokerage's meetings per session limit."""
    event = make_core_event()
    assert event.brokerage is not None
    available = people or {}
    return dataclasses.replace(
        event,
        title={"en": "Replaced"},
        people=tuple(
            dataclasses.replace(p, availability=available[p.id]) if p.id in available else p
            for p in event.people
        ),
        brokerage=dataclasses.replace(event.brokerage, max_meetings_per_session=limit),
    )


def _bruno_away_at_nine() -> core.Event:
    """The file with Bruno available from 09:20 only: r-1 (Amina and Bruno) cannot be at 09:00."""
    return _file({"p-bruno": (core.TimeWindow(at(9, 20), at(10)),)})


def _items(answer: str, list_id: str) -> list[str]:
    found = re.search(rf'<ul id="{list_id}">(.*?)</ul>', answer, re.S)
    assert found, answer[:800]
    return [
        html.unescape(re.sub(r"\s+", " ", item).strip())
        for item in re.findall(r"<li[^>]*>(.*?)</li>", found[1], re.S)
    ]


def test_a_booking_of_a_party_the_file_makes_unavailable_is_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    _book(event, "r-1", 0, 1)  # Amina and Bruno at 09:00: Bruno is away then in the file
    _book(event, "r-2", 20, 2)  # Amina and Chen at 09:20: still allowed
    text = dumps_event(_bruno_away_at_nine()).encode()
    mission = SimpleUploadedFile("mission.yaml", text, content_type="application/yaml")
    response = organizer_client.post("/events/import/", {"mission": mission, "replace": "on"})
    answer = response.content.decode()
    assert response.status_code == 200, answer[:500]  # held for the organizer to confirm
    assert _items(answer, "work-deleted") == [
        "1 booking the file's rules no longer allow (availability, limits…)"
    ]
    assert _items(answer, "work-kept") == ["1 booking"]
    assert len(_bookings(event.slug)) == 2  # nothing stored yet
    staged = re.search(r'name="staged" value="([^"]+)"', answer)
    assert staged, answer[:500]
    data = {"staged": staged[1], "event": event.slug, "action": "confirm"}
    response = organizer_client.post("/events/import/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Event.objects.get(slug=event.slug).pk != event.pk
    assert _bookings(event.slug) == [("r-2", at(9, 20), 2)]


def test_bookings_breaking_a_rule_together_keep_the_earlier_one(
    event: Event, organizer: User
) -> None:
    _book(event, "r-2", 0, 2, made=1)  # Amina and Chen, booked first
    _book(event, "r-1", 20, 1, made=2)  # Amina and Bruno, booked next
    file = _file(limit=1)  # one meeting per session each: Amina has two
    preview = services.mission_preview(event, file, organizer.pk)
    work, kept = preview.work, preview.kept
    assert (work.bookings, work.bookings_disallowed, kept.bookings) == (0, 1, 1)
    services.import_event(
        file,
        filename="mission.yaml",
        replace=True,
        expected=preview.expected(),
        importer=organizer.pk,
    )
    assert _bookings(event.slug) == [("r-2", at(9, 0), 2)]


def test_a_confirmation_that_would_drop_other_bookings_is_refused(
    event: Event, organizer: User
) -> None:
    _book(event, "r-1", 0, 1)
    _book(event, "r-2", 20, 2)
    file = _bruno_away_at_nine()
    expected = services.mission_preview(event, file, organizer.pk).expected()
    assert expected["work"]["bookings_disallowed"] == 1
    staged_before = {**expected, "work": {**expected["work"]}}
    del staged_before["work"]["bookings_disallowed"]  # a preview that did not count them
    with pytest.raises(InputError, match="changed since the preview"):
        services.import_event(
            file,
            filename="mission.yaml",
            replace=True,
            expected=staged_before,
            importer=organizer.pk,
        )
    assert Event.objects.get(slug=event.slug).pk == event.pk  # nothing stored
    services.import_event(
        file, filename="mission.yaml", replace=True, expected=expected, importer=organizer.pk
    )
    assert _bookings(event.slug) == [("r-2", at(9, 20), 2)]
