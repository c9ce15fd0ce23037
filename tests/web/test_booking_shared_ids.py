"""Booking against the published schedule takes only the request's own meeting for it: a
programme item, lunch or visit whose id (free text of the organizer's file or spreadsheet)
is a request's, or a meeting of that id between other parties, is not that meeting."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, Event, MeetingRequest
from liqa.web.events.records import store_event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import api_client_for as _api
from tests.web.factories import at, make_core_event, make_schedule, person_user

NINE_FORTY = "9:40\u202fAM"
BRIEFING = core.ProgrammeItem(
    "r-3",  # the id of Bruno's request to meet Chen
    core.ProgrammeKind.BRIEFING,
    {"en": "Welcome briefing"},
    at(8, 30),
    at(8, 50),
    venue="v-hall",
)


def _event() -> tuple[Event, core.Event]:
    """The test event with the briefing in its programme and r-3 (Bruno, Chen) accepted."""
    record = dataclasses.replace(make_core_event(), programme=(BRIEFING,))
    row = store_event(record)
    accounts.enrol_everyone(row)
    MeetingRequest.objects.filter(event=row, key="r-3").update(status="accepted")
    return row, record


def _publish(row: Event, record: core.Event, extra: core.Assignment) -> None:
    """Publish r-1 (Amina, Bruno) at 09:00, r-2 (Amina, Chen) at 09:20, and ``extra``."""
    schedule = make_schedule(record)
    schedule = dataclasses.replace(schedule, assignments=(*schedule.assignments, extra))
    publish(store_schedule(row, schedule), notify=False)


def _briefing() -> core.Assignment:
    return core.Assignment(
        "r-3",
        BRIEFING.start,
        BRIEFING.end,
        "v-hall",
        ("p-amina", "p-bruno", "p-chen"),
        format=core.MeetingFormat.PROGRAMME_ITEM,
    )


def _visit() -> core.Assignment:
    return core.Assignment(
        "r-3",
        at(11),
        at(12),
        "v-hall",
        ("p-amina",),
        format=core.MeetingFormat.SITE_VISIT,
        parties=("o-gamma",),
    )


def _other_meeting() -> core.Assignment:
    """A 1:1 meeting of id r-3 at 09:40, but between Amina and Chen (not r-3's parties)."""
    return core.Assignment(
        "r-3",
        at(9, 40),
        at(10),
        "v-hall",
        ("p-amina", "p-chen"),
        table=3,
        parties=("p-amina", "p-chen"),
    )


def _options(row: Event, person: str) -> list[tuple[str, str, str, list[str]]]:
    """Each option as (request, published time, booked time, free slots)."""
    return [
        (o.request.id, o.scheduled_at, o.booked_at, [label for _iso, label in o.free])
        for o in bookings.options(row, person)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [_briefing, _visit], ids=["programme-item", "visit"])
def test_an_item_with_a_requests_id_is_not_its_meeting(
    extra: Callable[[], core.Assignment],
) -> None:
    item = extra()
    row, record = _event()
    _publish(row, record, item)
    # as for the meeting alone: Bruno meets Amina at 09:00, Chen meets her at 09:20
    assert _options(row, "p-bruno")[1] == ("r-3", "", "", [NINE_FORTY])
    booking = bookings.book(row, "p-bruno", "r-3", at(9, 40))
    assert (booking.slot_start, booking.table) == (at(9, 40), 1)
    assert _options(row, "p-chen")[1] == ("r-3", "", NINE_FORTY, [])
    bookings.cancel(row, "p-chen", "r-3")
    assert Booking.objects.filter(event=row).count() == 0


@pytest.mark.django_db
def test_a_booking_made_before_publication_stays_cancellable_beside_a_same_id_item() -> None:
    item = _briefing()
    row, record = _event()
    bookings.book(row, "p-bruno", "r-3", at(9, 40))
    _publish(row, record, item)
    assert _options(row, "p-bruno")[1] == ("r-3", "", NINE_FORTY, [])
    response = _api(person_user("chen@example.org")).delete(
        f"/api/events/{row.slug}/requests/r-3/book/"
    )
    assert (response.status_code, Booking.objects.filter(event=row).count()) == (204, 0)


@pytest.mark.django_db
def test_a_published_meeting_of_that_id_between_other_parties_is_not_the_requests() -> None:
    item = _other_meeting()
    row, record = _event()
    _publish(row, record, item)
    assert _options(row, "p-bruno")[1] == ("r-3", "", "", [NINE_FORTY])
    assert bookings.book(row, "p-chen", "r-3", at(9, 40)).slot_start == at(9, 40)


@pytest.mark.django_db
def test_the_requests_own_published_meeting_is_still_read_only() -> None:
    """The filter keeps the meeting itself: r-3 published between Bruno and Chen."""
    item = dataclasses.replace(_other_meeting(), parties=("p-chen", "p-bruno"))
    row, record = _event()
    _publish(row, record, item)
    assert _options(row, "p-bruno")[1] == ("r-3", NINE_FORTY, "", [])
    with pytest.raises(bookings.SlotTaken):
        bookings.book(row, "p-bruno", "r-3", at(9, 40))
