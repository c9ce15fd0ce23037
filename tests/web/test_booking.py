"""Slot bookings: the core's rules decide, the database refuses doubles, losers are told who."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.test import Client

from liqa.core import model as core
from liqa.core.scheduling.brokerage import Settings
from liqa.core.scheduling.brokerage.from_event import plan_brokerage
from liqa.web.accounts import services as accounts
from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest
from liqa.web.events.records import event_record, store_event
from tests.web.factories import DAY, at, make_core_event, person_user
from tests.web.factories import api_client_for as _api

ACCEPTED = core.RequestStatus.ACCEPTED


def crowd_event(
    slug: str = "crowd-b2b-2030", *, delegates: int = 4, pairs: int = 0, tables: int = 5
) -> core.Event:
    """A brokerage morning (09:00-10:00, 20-minute slots): one popular host person, Hana,
    whom every delegate asked to meet (``r-hana-<n>``), plus ``pairs`` meetings between
    people who meet nobody else (``r-pair-<n>``: ``p-left-<n>`` with ``p-right-<n>``)."""
    orgs = [
        core.Organization("o-host", "Host Bank", core.Side.HOST),
        core.Organization("o-del", "Delegation", core.Side.DELEGATION),
    ]
    people = [core.Person("p-hana", "Hana Host", "o-host", email="hana@example.org")]
    requests = []
    for n in range(1, delegates + 1):
        people.append(core.Person(f"p-d{n}", f"Delegate {n}", "o-del", email=f"d{n}@example.org"))
        requests.append(core.MeetingRequest(f"r-hana-{n}", f"p-d{n}", "p-hana", status=ACCEPTED))
    for n in range(1, pairs + 1):
        people += [
            core.Person(f"p-left-{n}", f"Left {n}", "o-del", email=f"left{n}@example.org"),
            core.Person(f"p-right-{n}", f"Right {n}", "o-host", email=f"right{n}@example.org"),
        ]
        requests.append(
            core.MeetingRequest(f"r-pair-{n}", f"p-left-{n}", f"p-right-{n}", status=ACCEPTED)
        )
    return core.Event(
        id=slug,
        kind=core.EventKind.BROKERAGE,
        title={"en": "Crowd B2B"},
        legs=(core.Leg("tunis", "Tunis", "Africa/Tunis", DAY, DAY),),
        venues=(core.Venue("v-hall", "Hall", "Tunis", "Africa/Tunis"),),
        organizations=tuple(orgs),
        people=tuple(people),
        requests=tuple(requests),
        brokerage=core.BrokerageSetup(
            venue="v-hall",
            slot_minutes=20,
            tables=tables,
            sessions=(core.Session("morning", at(9), at(10)),),
        ),
    )


def stored(event: core.Event) -> Event:
    """``event`` stored, with a participant account for everyone."""
    row = store_event(event)
    accounts.enrol_everyone(row)
    return row


def _seats(row: Event) -> list[tuple[str, int, str]]:
    return [
        (s.party, s.seat, s.booking.request.key)
        for s in BookingSeat.objects.filter(event=row).select_related("booking__request")
    ]


def test_book_takes_the_first_free_table_and_a_seat_per_party(event: Event) -> None:
    booking = bookings.book(event, "p-amina", "r-1", at(9, 20))
    assert (booking.request.key, booking.slot_start, booking.table, booking.booked_as) == (
        "r-1",
        at(9, 20),
        1,
        "p-amina",
    )
    assert _seats(event) == [("p-amina", 1, "r-1"), ("p-bruno", 1, "r-1")]


def test_book_refuses_a_busy_party_and_names_whom_they_meet(event: Event) -> None:
    bookings.book(event, "p-bruno", "r-1", at(9))
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(event, "p-chen", "r-2", at(9))
    assert str(refused.value) == (
        "9:00\u202fAM is no longer free: Amina Idrissi already meets Bruno Martin at that time."
    )


def test_book_refuses_when_every_table_is_taken(db: None) -> None:
    row = stored(crowd_event(delegates=0, pairs=3, tables=2))
    bookings.book(row, "p-left-1", "r-pair-1", at(9, 40))
    bookings.book(row, "p-left-2", "r-pair-2", at(9, 40))
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(row, "p-left-3", "r-pair-3", at(9, 40))
    assert (
        str(refused.value) == "9:40\u202fAM is no longer free: every table is taken at that time."
    )
    assert list(Booking.objects.filter(event=row).values_list("table", flat=True)) == [1, 2]


def test_book_refuses_the_same_meeting_twice(event: Event) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(event, "p-bruno", "r-1", at(9, 20))
    assert str(refused.value) == "This meeting is already booked at 9:00\u202fAM, table 1."


def test_book_refuses_a_party_who_is_not_available(db: None) -> None:
    base = make_core_event("tunis-away")
    chen = dataclasses.replace(base.people[2], availability=(core.TimeWindow(at(9), at(9, 40)),))
    row = stored(dataclasses.replace(base, people=(*base.people[:2], chen)))
    with pytest.raises(bookings.NotBookable) as refused:
        bookings.book(row, "p-amina", "r-2", at(9, 40))
    assert str(refused.value) == "9:40\u202fAM is not possible: Chen Li is not available then."


@pytest.mark.parametrize(
    ("person", "key", "start", "error", "message"),
    [
        (
            "p-bruno",
            "r-3",
            at(9),
            bookings.NotBookable,
            "Only accepted one-to-one meetings can be booked; request r-3 is not one.",
        ),
        (
            "p-amina",
            "r-1",
            at(9, 10),
            bookings.NotBookable,
            "9:10\u202fAM is not the start of a brokerage slot.",
        ),
    ],
    ids=["not-accepted", "not-a-slot"],
)
def test_book_refuses_what_is_not_bookable(
    event: Event, person: str, key: str, start: object, error: type, message: str
) -> None:
    with pytest.raises(error) as refused:
        bookings.book(event, person, key, start)  # type: ignore[arg-type]
    assert (str(refused.value), Booking.objects.count()) == (message, 0)


def test_book_refuses_someone_who_is_not_a_party(event: Event) -> None:
    with pytest.raises(bookings.NotYourRequest):
        bookings.book(event, "p-chen", "r-1", at(9))


def test_organization_party_meets_in_parallel_up_to_its_people(db: None) -> None:
    base = crowd_event("crowd-orgs", delegates=3)
    org_requests = tuple(
        core.MeetingRequest(f"r-org-{n}", f"p-d{n}", "o-host", status=ACCEPTED) for n in (1, 2, 3)
    )
    two_hosts = (*base.people, core.Person("p-hadi", "Hadi Host", "o-host"))
    row = stored(dataclasses.replace(base, people=two_hosts, requests=org_requests))
    bookings.book(row, "p-d1", "r-org-1", at(9))
    bookings.book(row, "p-d2", "r-org-2", at(9))
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(row, "p-d3", "r-org-3", at(9))
    assert str(refused.value) == (
        "9:00\u202fAM is no longer free: Host Bank already meets Delegate 1 and Delegate 2 "
        "at that time."
    )
    assert [(p, s) for p, s, _key in _seats(row) if p == "o-host"] == [("o-host", 1), ("o-host", 2)]


def test_book_seats_a_party_with_an_own_table_there_and_others_at_shared_tables(
    db: None,
) -> None:
    base = crowd_event("crowd-booth", delegates=0, pairs=2, tables=3)
    people = tuple(
        dataclasses.replace(p, table=1) if p.id == "p-right-1" else p for p in base.people
    )
    row = stored(dataclasses.replace(base, people=people))
    booths = [bookings.book(row, f"p-left-{n}", f"r-pair-{n}", at(9)).table for n in (2, 1)]
    assert booths == [2, 1]


def test_database_refuses_a_second_seat_for_the_same_party_and_slot(event: Event) -> None:
    booking = bookings.book(event, "p-amina", "r-1", at(9))
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingSeat.objects.create(
            event=event, party="p-amina", seat=1, slot_start=at(9), booking=booking
        )


def test_database_refuses_a_second_meeting_at_the_same_table(event: Event) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            event=event, request=MeetingRequest.objects.get(key="r-2"), slot_start=at(9), table=1
        )


def test_cancel_frees_the_slot_for_another_meeting(event: Event) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    bookings.cancel(event, "p-bruno", "r-1")
    again = bookings.book(event, "p-chen", "r-2", at(9))
    assert (again.request.key, again.table, BookingSeat.objects.count()) == ("r-2", 1, 2)


def test_cancel_without_booking_says_so(event: Event) -> None:
    with pytest.raises(bookings.NotBookable) as refused:
        bookings.cancel(event, "p-amina", "r-1")
    assert str(refused.value) == "Request r-1 has no booking to cancel."


def test_booked_meeting_reaches_the_scheduler_fixed_at_its_slot(event: Event) -> None:
    bookings.book(event, "p-amina", "r-2", at(9, 40))
    record = event_record(event)
    assert [(r.id, r.fixed_start) for r in record.requests] == [
        ("r-1", None),
        ("r-2", at(9, 40)),
        ("r-3", None),
    ]
    schedule, _result = plan_brokerage(record, Settings(method="greedy"))
    assert {a.id: a.start for a in schedule.assignments}["r-2"] == at(9, 40)


def test_free_slots_leave_out_the_slots_a_party_has_booked(event: Event) -> None:
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    options = bookings.options(event, "p-amina")
    assert [(o.request.id, o.booked_at, [label for _iso, label in o.free]) for o in options] == [
        ("r-1", "9:20\u202fAM", []),
        ("r-2", "", ["9:00\u202fAM", "9:40\u202fAM"]),
    ]


# --- API ---------------------------------------------------------------------------------


def _book_url(event: Event, key: str) -> str:
    return f"/api/events/{event.slug}/requests/{key}/book/"


def test_api_book_answers_201_with_request_slot_and_table(event: Event) -> None:
    response = _api(person_user("amina@example.org")).post(
        _book_url(event, "r-1"), {"slot": "2030-03-14T09:20:00+01:00"}, format="json"
    )
    assert (response.status_code, response.json()) == (
        201,
        {"request": "r-1", "slot": "2030-03-14T08:20:00Z", "table": 1},
    )


def test_api_book_answers_409_with_who_holds_the_slot(event: Event) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    response = _api(person_user("chen@example.org")).post(
        _book_url(event, "r-2"), {"slot": "2030-03-14T08:00:00Z"}, format="json"
    )
    assert (response.status_code, response.json()) == (
        409,
        {
            "detail": "9:00\u202fAM is no longer free: Amina Idrissi already meets Bruno Martin "
            "at that time."
        },
    )


@pytest.mark.parametrize(
    ("slot", "body"),
    [
        ("2030-03-14T09:00:00", {"slot": ["give the UTC offset, e.g. 2030-03-14T10:20:00+01:00"]}),
        ("tomorrow", {"slot": ["not an ISO 8601 date and time: 'tomorrow'"]}),
        (
            "2030-03-14T09:10:00+01:00",
            {"detail": "9:10\u202fAM is not the start of a brokerage slot."},
        ),
        (
            "9999-12-31T23:59:00-23:00",
            {"detail": "9999-12-31T23:59:00-23:00 is not the start of a brokerage slot."},
        ),
    ],
    ids=["naive", "garbage", "not-a-slot", "edge-of-time"],
)
def test_api_book_answers_400_for_a_bad_slot(event: Event, slot: str, body: object) -> None:
    response = _api(person_user("amina@example.org")).post(
        _book_url(event, "r-1"), {"slot": slot}, format="json"
    )
    assert (response.status_code, response.json()) == (400, body)


def test_api_book_refuses_anonymous_strangers_and_non_parties(event: Event, stranger: User) -> None:
    url, data = _book_url(event, "r-1"), {"slot": "2030-03-14T08:00:00Z"}
    statuses = [
        _api(user).post(url, data, format="json").status_code
        for user in (None, stranger, person_user("chen@example.org"))
    ]
    assert (statuses, Booking.objects.count()) == ([401, 403, 403], 0)


def test_api_book_unknown_request_is_404(event: Event) -> None:
    response = _api(person_user("amina@example.org")).post(
        _book_url(event, "r-404"), {"slot": "2030-03-14T08:00:00Z"}, format="json"
    )
    assert response.status_code == 404


def test_api_delete_cancels_the_booking(event: Event) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    client = _api(person_user("bruno@example.org"))
    first, second = client.delete(_book_url(event, "r-1")), client.delete(_book_url(event, "r-1"))
    assert (first.status_code, second.status_code, second.json(), Booking.objects.count()) == (
        204,
        400,
        {"detail": "Request r-1 has no booking to cancel."},
        0,
    )


# --- participant page --------------------------------------------------------------------


@pytest.fixture
def amina(event: Event, client_for: Callable[..., Client]) -> Client:
    return client_for(person_user("amina@example.org"))


def test_requests_page_offers_the_free_slots_of_accepted_meetings(
    amina: Client, event: Event
) -> None:
    page = amina.get(f"/me/{event.slug}/requests/").content.decode()
    section = page[page.index('id="bookings"') :].split("</section>")[0]
    assert (section.count('name="slot"'), section.count("<option value=")) == (2, 6)
    assert '<option value="2030-03-14T09:20:00+01:00">9:20\u202fAM</option>' in section


def test_requests_page_offers_nothing_to_book_when_the_event_data_has_problems(
    amina: Client, event: Event
) -> None:
    MeetingRequest.objects.filter(event=event, key="r-2").update(target="p-nobody")
    response = amina.get(f"/me/{event.slug}/requests/")
    assert (response.status_code, 'id="bookings"' in response.content.decode()) == (200, False)


def test_requests_page_books_then_shows_the_booking(amina: Client, event: Event) -> None:
    response = amina.post(
        f"/me/{event.slug}/requests/",
        {"action": "book", "key": "r-1", "slot": "2030-03-14T09:20:00+01:00"},
    )
    assert (response.status_code, response["Location"]) == (302, f"/me/{event.slug}/requests/")
    page = amina.get(f"/me/{event.slug}/requests/").content.decode()
    assert "Booked: 9:20\u202fAM, table 1" in page


def test_requests_page_tells_the_loser_who_holds_the_slot(
    event: Event, client_for: Callable[..., Client]
) -> None:
    bookings.book(event, "p-amina", "r-1", at(9))
    chen = client_for(person_user("chen@example.org"))
    response = chen.post(
        f"/me/{event.slug}/requests/",
        {"action": "book", "key": "r-2", "slot": "2030-03-14T09:00:00+01:00"},
    )
    assert response.status_code == 409
    assert (
        "9:00\u202fAM is no longer free: Amina Idrissi already meets Bruno Martin at that time."
        in response.content.decode()
    )


def test_requests_page_cancels_a_booking(amina: Client, event: Event) -> None:
    bookings.book(event, "p-bruno", "r-1", at(9))
    response = amina.post(f"/me/{event.slug}/requests/", {"action": "unbook", "key": "r-1"})
    assert (response.status_code, Booking.objects.count()) == (302, 0)
