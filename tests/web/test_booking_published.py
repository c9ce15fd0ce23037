"""Booking after publication: a published meeting has its time (shown, never booked again),
and the published meetings hold their slots for the meetings still to book."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, Event, MeetingRequest
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import api_client_for as _api
from tests.web.factories import at, person_user

IN_SCHEDULE = (
    "This meeting is in the published schedule at {}: to change its time, ask the organizer "
    "to move it."
)
NINE = "9:00\u202fAM"


@pytest.fixture
def published(event: Event, draft: ScheduleVersion) -> Event:
    """The event with version 1 published: r-1 (Amina, Bruno) at 09:00 table 1, r-2 (Amina,
    Chen) at 09:20 table 2; r-3 (Bruno, Chen) accepted after publication, so not in it."""
    publish(draft, notify=False)
    MeetingRequest.objects.filter(event=event, key="r-3").update(status="accepted")
    return event


def _free(event: Event, person: str) -> list[tuple[str, str, str, object, list[str]]]:
    """Each option as (request, published time, booked time, published table, free slots)."""
    return [
        (
            o.request.id,
            o.scheduled_at,
            o.booked_at,
            o.scheduled.table if o.scheduled else None,
            [label for _iso, label in o.free],
        )
        for o in bookings.options(event, person)
    ]


def test_a_draft_changes_nothing_before_publication(event: Event, draft: ScheduleVersion) -> None:
    assert [o.scheduled for o in bookings.options(event, "p-amina")] == [None, None]
    assert bookings.book(event, "p-amina", "r-1", at(9, 40)).table == 1


def test_published_meetings_show_their_time_and_table_and_offer_no_slot(
    published: Event,
) -> None:
    assert _free(published, "p-amina") == [
        ("r-1", NINE, "", 1, []),
        ("r-2", "9:20\u202fAM", "", 2, []),
    ]


def test_booking_a_published_meeting_is_refused_and_says_whom_to_ask(published: Event) -> None:
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(published, "p-bruno", "r-1", at(9, 40))
    assert (str(refused.value), Booking.objects.count()) == (IN_SCHEDULE.format(NINE), 0)


def test_published_meetings_hold_their_slots_for_the_meetings_still_to_book(
    published: Event,
) -> None:
    # Bruno meets Amina at 09:00 and Chen meets her at 09:20 in the published schedule
    assert _free(published, "p-bruno")[1] == ("r-3", "", "", None, ["9:40\u202fAM"])
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(published, "p-chen", "r-3", at(9))
    assert str(refused.value) == (
        "9:00\u202fAM is no longer free: Bruno Martin already meets Amina Idrissi at that time."
    )


def test_a_meeting_booked_after_publication_still_reaches_the_scheduler_fixed(
    published: Event,
) -> None:
    booking = bookings.book(published, "p-chen", "r-3", at(9, 40))
    fixed = {r.id: r.fixed_start for r in event_record(published).requests}
    assert (booking.table, fixed) == (1, {"r-1": None, "r-2": None, "r-3": at(9, 40)})


def test_a_booked_meeting_once_published_is_shown_and_not_cancelled(
    event: Event, draft: ScheduleVersion
) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    publish(draft, notify=False)
    assert _free(event, "p-amina")[0] == ("r-1", NINE, "", 1, [])
    with pytest.raises(bookings.NotBookable) as refused:
        bookings.cancel(event, "p-bruno", "r-1")
    assert (str(refused.value), Booking.objects.count()) == (IN_SCHEDULE.format(NINE), 1)


# --- API ---------------------------------------------------------------------------------


def test_api_book_of_a_published_meeting_answers_409(published: Event) -> None:
    response = _api(person_user("amina@example.org")).post(
        f"/api/events/{published.slug}/requests/r-1/book/",
        {"slot": "2030-03-14T09:40:00+01:00"},
        format="json",
    )
    assert (response.status_code, response.json(), Booking.objects.count()) == (
        409,
        {"detail": IN_SCHEDULE.format(NINE)},
        0,
    )


def test_api_cancel_of_a_published_booked_meeting_answers_400(
    event: Event, draft: ScheduleVersion
) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    publish(draft, notify=False)
    response = _api(person_user("bruno@example.org")).delete(
        f"/api/events/{event.slug}/requests/r-1/book/"
    )
    assert (response.status_code, response.json(), Booking.objects.count()) == (
        400,
        {"detail": IN_SCHEDULE.format(NINE)},
        1,
    )


# --- participant page --------------------------------------------------------------------


@pytest.fixture
def bruno(published: Event, client_for: Callable[..., Client]) -> Client:
    return client_for(person_user("bruno@example.org"))


def _entry(page: str, key: str) -> str:
    section = page[page.index('id="bookings"') :].split("</section>")[0]
    return section[section.index(f'data-id="{key}"') :].split("</li>")[0]


def test_requests_page_shows_the_published_time_read_only(bruno: Client, published: Event) -> None:
    page = bruno.get(f"/me/{published.slug}/requests/").content.decode()
    mine, still_free = _entry(page, "r-1"), _entry(page, "r-3")
    assert "In the published schedule: 9:00\u202fAM, table 1" in mine
    assert "To change this time, ask the organizer to move the meeting." in mine
    assert ("<form" in mine, "Book a slot" in page) == (False, True)
    assert still_free.count("<option value=") == 1  # 09:40: Bruno and Chen are busy before
    assert '<option value="2030-03-14T09:40:00+01:00">' in still_free


def test_requests_page_refuses_to_book_a_published_meeting(bruno: Client, published: Event) -> None:
    response = bruno.post(
        f"/me/{published.slug}/requests/",
        {"action": "book", "key": "r-1", "slot": "2030-03-14T09:40:00+01:00"},
    )
    assert (response.status_code, Booking.objects.count()) == (409, 0)
    assert IN_SCHEDULE.format(NINE) in response.content.decode()
