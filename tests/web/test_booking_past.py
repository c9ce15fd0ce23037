"""Booking on the day: a slot that has started (``timezone.now()``) is neither offered nor
booked, on the page and through the API alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, Event
from tests.web.factories import api_client_for as _api
from tests.web.factories import at, person_user

STARTED = "9:00\u202fAM has already started: choose a later slot."


def _now(monkeypatch: pytest.MonkeyPatch, instant: datetime) -> None:
    """Make ``django.utils.timezone.now()`` answer ``instant``."""
    monkeypatch.setattr(timezone, "now", lambda: instant)


def _free(event: Event, person: str) -> list[list[str]]:
    return [[label for _iso, label in o.free] for o in bookings.options(event, person)]


def test_slots_that_started_are_not_offered(event: Event, monkeypatch: pytest.MonkeyPatch) -> None:
    _now(monkeypatch, at(9, 25))  # 09:00 and 09:20 have started
    assert _free(event, "p-amina") == [["9:40\u202fAM"], ["9:40\u202fAM"]]


def test_a_slot_starting_now_is_still_offered(
    event: Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    _now(monkeypatch, at(9, 40))
    assert _free(event, "p-amina") == [["9:40\u202fAM"], ["9:40\u202fAM"]]
    _now(monkeypatch, at(9, 40) + timedelta(microseconds=1))
    assert _free(event, "p-amina") == [[], []]


def test_booking_a_slot_that_started_is_refused(
    event: Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    _now(monkeypatch, at(9, 5))
    with pytest.raises(bookings.NotBookable) as refused:
        bookings.book(event, "p-amina", "r-1", at(9))
    assert (str(refused.value), Booking.objects.count()) == (STARTED, 0)
    assert bookings.book(event, "p-amina", "r-1", at(9, 20)).slot_start == at(9, 20)


def test_api_book_of_a_slot_that_started_answers_400(
    event: Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    _now(monkeypatch, at(10, 5))  # the QA walk: 09:00 booked at 10:05
    response = _api(person_user("amina@example.org")).post(
        f"/api/events/{event.slug}/requests/r-1/book/",
        {"slot": "2030-03-14T09:00:00+01:00"},
        format="json",
    )
    assert (response.status_code, response.json(), Booking.objects.count()) == (
        400,
        {"detail": STARTED},
        0,
    )


@pytest.fixture
def amina_at(
    event: Event, client_for: Callable[..., Client], monkeypatch: pytest.MonkeyPatch
) -> Callable[[datetime], Client]:
    """Amina signed in at ``instant`` (a session opened earlier would have expired by then)."""

    def sign_in(instant: datetime) -> Client:
        _now(monkeypatch, instant)
        return client_for(person_user("amina@example.org"))

    return sign_in


def test_requests_page_offers_only_the_slots_to_come(
    amina_at: Callable[[datetime], Client], event: Event
) -> None:
    amina = amina_at(at(9, 25))
    page = amina.get(f"/me/{event.slug}/requests/").content.decode()
    section = page[page.index('id="bookings"') :].split("</section>")[0]
    assert section.count("<option value=") == 2  # 09:40 for each of Amina's two meetings
    assert '<option value="2030-03-14T09:00:00+01:00">' not in section


def test_requests_page_says_when_no_slot_is_left_today(
    amina_at: Callable[[datetime], Client], event: Event
) -> None:
    amina = amina_at(at(10, 5))
    page = amina.get(f"/me/{event.slug}/requests/").content.decode()
    assert page.count("No free slot left for this meeting.") == 2


def test_requests_page_refuses_a_slot_that_started(
    amina_at: Callable[[datetime], Client], event: Event
) -> None:
    amina = amina_at(at(10, 5))
    response = amina.post(
        f"/me/{event.slug}/requests/",
        {"action": "book", "key": "r-1", "slot": "2030-03-14T09:00:00+01:00"},
    )
    assert (response.status_code, Booking.objects.count()) == (400, 0)
    assert STARTED in response.content.decode()


def test_a_booking_whose_slot_started_stands_and_offers_no_cancel(
    event: Event, monkeypatch: pytest.MonkeyPatch, client_for: Callable[..., Client]
) -> None:
    """The page offered "Cancel the booking" for a meeting already under way (or over)."""
    _now(monkeypatch, at(8, 30))
    bookings.book(event, "p-amina", "r-1", at(9))
    _now(monkeypatch, at(9, 5))
    [option] = [o for o in bookings.options(event, "p-amina") if o.request.id == "r-1"]
    assert option.started
    with pytest.raises(bookings.NotBookable) as refused:
        bookings.cancel(event, "p-amina", "r-1")
    assert str(refused.value) == "9:00\u202fAM has already started: the booking stands."
    assert Booking.objects.filter(request__key="r-1").count() == 1
    amina = client_for(person_user("amina@example.org"))
    assert 'value="unbook"' not in amina.get(f"/me/{event.slug}/requests/").content.decode()
    _now(monkeypatch, at(8, 55))  # before it starts, either party may still cancel
    assert 'value="unbook"' in amina.get(f"/me/{event.slug}/requests/").content.decode()
    [option] = [o for o in bookings.options(event, "p-amina") if o.request.id == "r-1"]
    assert not option.started
    bookings.cancel(event, "p-amina", "r-1")
    assert not Booking.objects.filter(request__key="r-1").exists()
