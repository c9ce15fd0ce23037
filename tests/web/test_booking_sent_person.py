"""A person whom the published schedule sends to their organization's meeting is in it: that
slot is not free for a meeting of their own.

Since 4d59ead a meeting of an organization of several people names none of its people in
the brokerage problem: its place is the organization's, and the schedule sends those of its
people it chooses. The published meetings held their slots for the organization but not for
the person sent, so Bruno, whose published agenda has him meeting Eli at nine for Visitor
Org, could book his own meeting with Fay at nine as well.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.test import Client

from liqa.core import model as core
from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, Event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at, person_user
from tests.web.test_booking import stored
from tests.web.test_booking_organization_busy import visitor_event

BRUNO_MEETS_ELI = (
    "9:00\u202fAM is no longer free: Bruno Martin already meets Eli Host at that time."
)


@pytest.fixture
def published(db: None) -> Event:
    """Visitor Org's meeting with Eli published at nine, Bruno sent to it (as the schedule
    sends one of its people when the event limits meetings per session); its other
    requests, Bruno's with Fay, Chen's with Dana and its own with Gil, still to book."""
    row = stored(visitor_event())
    visit = core.Assignment(
        "r-visit",
        at(9),
        at(9, 20),
        "v-hall",
        ("p-bruno", "p-eli"),
        table=1,
        parties=("o-visit", "p-eli"),
    )
    schedule = core.Schedule(
        event=row.slug,
        version=1,
        assignments=(visit,),
        provenance=core.Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC), status="feasible"),
    )
    publish(store_schedule(row, schedule), notify=False)
    return row


def test_the_person_sent_cannot_book_a_meeting_of_their_own_then(published: Event) -> None:
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(published, "p-fay", "r-bruno", at(9))
    assert (str(refused.value), Booking.objects.count()) == (BRUNO_MEETS_ELI, 0)
    free = {
        o.request.id: [label for _iso, label in o.free]
        for o in bookings.options(published, "p-bruno")
    }
    assert free["r-bruno"] == ["9:20\u202fAM", "9:40\u202fAM"]


def test_the_page_says_so(published: Event, client_for: Callable[..., Client]) -> None:
    response = client_for(person_user("bruno@example.org")).post(
        f"/me/{published.slug}/requests/",
        {"action": "book", "key": "r-bruno", "slot": "2030-03-14T09:00:00+01:00"},
    )
    assert response.status_code == 409
    assert BRUNO_MEETS_ELI in response.content.decode()


def test_its_other_person_and_place_stay_free_and_the_person_sent_is_named(
    published: Event,
) -> None:
    # Chen is not sent, and Visitor Org has a second place at nine (as before); once both
    # are taken, its published meeting is named by the person it sends
    assert bookings.book(published, "p-chen", "r-chen", at(9)).table == 2
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(published, "p-gil", "r-visit-2", at(9))  # now both places are taken
    assert str(refused.value) == (
        "9:00\u202fAM is no longer free: every person of Visitor Org is already in a meeting at "
        "that time (Chen Li with Dana Host and Bruno Martin with Eli Host)."
    )
