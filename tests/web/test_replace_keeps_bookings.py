"""A mission-file replacement keeps only the bookings and hosts' confirmations that still
hold: a booking the published version carried over leaves no room for is dropped, a
booking whose slot has started stands as it was (the meeting is not booked again), and a
confirmation of an organization the file puts on the delegation's side is dropped; each
dropped item is counted in the preview with why. Runs on SQLite, and on PostgreSQL with
``DATABASE_URL``."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from liqa.core import model as core
from liqa.web.agendas import bookings
from liqa.web.agendas.models import HostConfirmation
from liqa.web.events import services
from liqa.web.events.models import Event
from liqa.web.events.replacing import Work
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at
from tests.web.mission_replace import (
    MADE,
    book,
    mission_file,
    preview_items,
    replace_on_the_page,
    store_replacement,
    stored_bookings,
)

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _now(monkeypatch: pytest.MonkeyPatch, instant: datetime) -> None:
    """Make ``django.utils.timezone.now()`` answer ``instant``."""
    monkeypatch.setattr(timezone, "now", lambda: instant)


def _bruno_and_chen_published_at_nine_forty(event: Event) -> None:
    """Publish a version placing r-3 (Bruno and Chen, still proposed on the web, so holding
    no slot) at 09:40, table 1."""
    meeting = core.Assignment(
        "r-3",
        at(9, 40),
        at(10),
        "v-hall",
        ("p-bruno", "p-chen"),
        table=1,
        parties=("p-bruno", "p-chen"),
    )
    provenance = core.Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC), status="feasible")
    schedule = core.Schedule(event.slug, 1, (meeting,), provenance=provenance)
    publish(store_schedule(event, schedule), notify=False)


def test_a_booking_clashing_with_the_published_version_is_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    _now(monkeypatch, at(8))
    _bruno_and_chen_published_at_nine_forty(event)
    booked = bookings.book(event, "p-amina", "r-1", at(9, 40))  # the web allows it: r-3 is
    assert booked.table == 1  # not an accepted meeting, so it holds neither Bruno nor table 1
    book(event, "r-2", 0, 2)  # Amina and Chen at 09:00: nothing published then
    monkeypatch.undo()  # back to now (the organizer's session is of now): every slot to come
    answer = replace_on_the_page(organizer_client, event, mission_file(accepted=("r-3",)))
    assert preview_items(answer, "work-deleted") == [
        "1 booking clashing with a meeting of the published schedule "
        "(a party busy then, the table taken…)"
    ]
    assert preview_items(answer, "work-kept") == ["1 schedule version, published", "1 booking"]
    assert stored_bookings(event.slug) == [("r-2", at(9), 2)]
    replaced = Event.objects.get(slug=event.slug)  # the booking path refuses it there too
    with pytest.raises(bookings.SlotTaken, match="Bruno Martin already meets Chen Li"):
        bookings.book(replaced, "p-amina", "r-1", at(9, 40))


def test_a_booking_whose_slot_started_stands_whatever_the_file_rules(
    event: Event, organizer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    book(event, "r-1", 0, 1)  # Amina and Bruno at 09:00, under way at 09:05
    book(event, "r-2", 20, 2)  # Amina and Chen at 09:20, still to come
    _now(monkeypatch, at(9, 5))
    file = mission_file({"p-bruno": (core.TimeWindow(at(9, 20), at(10)),)})  # away at 09:00
    preview = services.mission_preview(event, file, organizer.pk)
    assert (preview.work, preview.kept.bookings) == (Work(), 2)
    store_replacement(file, preview.expected(), organizer)
    assert stored_bookings(event.slug) == [("r-1", at(9), 1), ("r-2", at(9, 20), 2)]
    replaced = Event.objects.get(slug=event.slug)
    [option] = [o for o in bookings.options(replaced, "p-amina") if o.request.id == "r-1"]
    assert (option.started, option.free) == (True, [])  # not offered to be booked again
    with pytest.raises(bookings.NotBookable, match="the booking stands"):
        bookings.cancel(replaced, "p-amina", "r-1")


def test_a_booking_whose_slot_started_holds_its_slot_against_one_made_earlier(
    event: Event, organizer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Amina and Chen at 09:40, booked first; Amina and Bruno at 09:00, booked next: it took place
    book(event, "r-2", 40, 2, made=MADE.replace(minute=1))
    book(event, "r-1", 0, 1, made=MADE.replace(minute=2))
    _now(monkeypatch, at(9, 25))
    file = mission_file(limit=1)  # one meeting per session each: Amina has two
    preview = services.mission_preview(event, file, organizer.pk)
    work, kept = preview.work, preview.kept
    assert (work.bookings, work.bookings_disallowed, kept.bookings) == (0, 1, 1)
    store_replacement(file, preview.expected(), organizer)
    assert stored_bookings(event.slug) == [("r-1", at(9), 1)]


def test_a_confirmation_of_a_host_moved_to_the_delegation_is_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    for organization, meeting, person in (
        ("o-beta", "r-1", "p-bruno"),
        ("o-gamma", "r-2", "p-chen"),
    ):
        HostConfirmation.objects.create(
            event=event,
            assignment=meeting,
            organization=organization,
            attendees=[person],
            confirmed_by=organizer,
            confirmed_at=MADE,
        )
    answer = replace_on_the_page(organizer_client, event, mission_file(delegation=("o-beta",)))
    assert preview_items(answer, "work-deleted") == [
        "1 host's confirmation of an organization the file puts on the delegation's side "
        "(no longer a host)"
    ]
    assert preview_items(answer, "work-kept") == ["1 host's confirmation"]
    found = HostConfirmation.objects.filter(event__slug=event.slug)
    assert [(c.organization, c.assignment) for c in found] == [("o-gamma", "r-2")]
