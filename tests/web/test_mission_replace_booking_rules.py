"""A booking carried over a mission-file replacement still obeys the file's booking rules
(availability, session limits, the parties' other meetings...), judged as a booking made on
the web is: one the file no longer allows is dropped, counted in the preview with why, and
a confirmation that would drop other bookings than the preview showed is refused. Runs on
SQLite, and on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.problems import InputError
from liqa.web.events import services
from liqa.web.events.models import Event
from tests.web.factories import at
from tests.web.mission_replace import (
    MADE,
    book,
    confirm_replacement,
    mission_file,
    preview_items,
    store_replacement,
    stored_bookings,
    upload_replacement,
)

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _bruno_away_at_nine() -> core.Event:
    """The file with Bruno available from 09:20 only: r-1 (Amina and Bruno) cannot be at 09:00."""
    return mission_file({"p-bruno": (core.TimeWindow(at(9, 20), at(10)),)})


def test_a_booking_of_a_party_the_file_makes_unavailable_is_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    book(event, "r-1", 0, 1)  # Amina and Bruno at 09:00: Bruno is away then in the file
    book(event, "r-2", 20, 2)  # Amina and Chen at 09:20: still allowed
    response = upload_replacement(organizer_client, _bruno_away_at_nine())
    answer = response.content.decode()
    assert response.status_code == 200, answer[:500]  # held for the organizer to confirm
    assert preview_items(answer, "work-deleted") == [
        "1 booking the file's rules no longer allow (availability, limits…)"
    ]
    assert preview_items(answer, "work-kept") == ["1 booking"]
    assert len(stored_bookings(event.slug)) == 2  # nothing stored yet
    response = confirm_replacement(organizer_client, answer, event.slug)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Event.objects.get(slug=event.slug).pk != event.pk
    assert stored_bookings(event.slug) == [("r-2", at(9, 20), 2)]


def test_bookings_breaking_a_rule_together_keep_the_earlier_one(
    event: Event, organizer: User
) -> None:
    book(event, "r-2", 0, 2, made=MADE.replace(minute=1))  # Amina and Chen, booked first
    book(event, "r-1", 20, 1, made=MADE.replace(minute=2))  # Amina and Bruno, booked next
    file = mission_file(limit=1)  # one meeting per session each: Amina has two
    preview = services.mission_preview(event, file, organizer.pk)
    work, kept = preview.work, preview.kept
    assert (work.bookings, work.bookings_disallowed, kept.bookings) == (0, 1, 1)
    store_replacement(file, preview.expected(), organizer)
    assert stored_bookings(event.slug) == [("r-2", at(9, 0), 2)]


def test_a_confirmation_that_would_drop_other_bookings_is_refused(
    event: Event, organizer: User
) -> None:
    book(event, "r-1", 0, 1)
    book(event, "r-2", 20, 2)
    file = _bruno_away_at_nine()
    expected = services.mission_preview(event, file, organizer.pk).expected()
    assert expected["work"]["bookings_disallowed"] == 1
    staged_before = {**expected, "work": {**expected["work"]}}
    del staged_before["work"]["bookings_disallowed"]  # a preview that did not count them
    with pytest.raises(InputError, match="changed since the preview"):
        store_replacement(file, staged_before, organizer)
    assert Event.objects.get(slug=event.slug).pk == event.pk  # nothing stored
    store_replacement(file, expected, organizer)
    assert stored_bookings(event.slug) == [("r-2", at(9, 20), 2)]
