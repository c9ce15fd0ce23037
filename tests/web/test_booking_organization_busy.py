"""A booking refused because an organization of several people is full says that each of its
people is in a meeting then, and with whom.

Since 4d59ead an organization that is a party of requests attends its people's own
meetings in the brokerage problem: in one slot its own meetings and its people's share its
number of people. When it is the party that is full, the refusal named its own people as
whom it already meets ("Visitor Org already meets Bruno Martin, Fay Host, Chen Li, and Dana
Host at that time"); it now names each of its people's meetings by who goes and with whom.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from django.test import Client
from django.utils import translation

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.local_time import local_time_words
from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, Event
from tests.web.factories import TUNIS, at, person_user
from tests.web.test_booking import crowd_event, stored

ACCEPTED = core.RequestStatus.ACCEPTED
NINE = "2030-03-14T09:00:00+01:00"
FULL = (
    "%(time)s is no longer free: every person of %(organization)s is already in a meeting at "
    "that time (%(meetings)s)."
)
WITH = "%(person)s with %(others)s"


def visitor_event() -> core.Event:
    """Visitor Org's two people, Bruno and Chen, each with a meeting of their own (with Fay,
    with Dana), and Visitor Org's own meetings with Eli and Gil; a morning of 20-minute
    slots."""
    base = crowd_event("visitor-b2b-2030", delegates=0)
    orgs = (
        core.Organization("o-host", "Host Bank", core.Side.HOST),
        core.Organization("o-visit", "Visitor Org", core.Side.DELEGATION),
    )
    people = tuple(
        core.Person(pid, name, org, email=f"{pid[2:]}@example.org")
        for pid, name, org in (
            ("p-bruno", "Bruno Martin", "o-visit"),
            ("p-chen", "Chen Li", "o-visit"),
            ("p-dana", "Dana Host", "o-host"),
            ("p-eli", "Eli Host", "o-host"),
            ("p-fay", "Fay Host", "o-host"),
            ("p-gil", "Gil Host", "o-host"),
        )
    )
    requests = tuple(
        core.MeetingRequest(rid, a, b, status=ACCEPTED)
        for rid, a, b in (
            ("r-bruno", "p-bruno", "p-fay"),
            ("r-chen", "p-chen", "p-dana"),
            ("r-visit", "o-visit", "p-eli"),
            ("r-visit-2", "o-visit", "p-gil"),
        )
    )
    return core.Event(
        id=base.id,
        kind=base.kind,
        title=base.title,
        legs=base.legs,
        venues=base.venues,
        organizations=orgs,
        people=people,
        requests=requests,
        brokerage=base.brokerage,
    )


@pytest.fixture
def visitors(db: None) -> Event:
    return stored(visitor_event())


def _refusal(client: Client, row: Event, key: str) -> str:
    response = client.post(
        f"/me/{row.slug}/requests/", {"action": "book", "key": key, "slot": NINE}
    )
    assert response.status_code == 409
    return html.unescape(response.content.decode())


def test_a_full_organization_says_each_of_its_people_is_in_a_meeting_and_with_whom(
    visitors: Event, client_for: Callable[..., Client]
) -> None:
    bookings.book(visitors, "p-bruno", "r-bruno", at(9))
    bookings.book(visitors, "p-chen", "r-chen", at(9))
    page = _refusal(client_for(person_user("bruno@example.org")), visitors, "r-visit")
    assert (
        "9:00\u202fAM is no longer free: every person of Visitor Org is already in a meeting at "
        "that time (Bruno Martin with Fay Host and Chen Li with Dana Host)." in page
    )
    assert "already meets" not in page
    assert Booking.objects.filter(event=visitors).count() == 2


def test_its_own_meeting_is_named_by_the_organization_whose_person_goes(
    visitors: Event,
) -> None:
    bookings.book(visitors, "p-bruno", "r-bruno", at(9))
    bookings.book(visitors, "p-eli", "r-visit", at(9))
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(visitors, "p-chen", "r-chen", at(9))
    assert str(refused.value) == (
        "9:00\u202fAM is no longer free: every person of Visitor Org is already in a meeting at "
        "that time (Bruno Martin with Fay Host and Visitor Org with Eli Host)."
    )


def test_its_own_two_meetings_alone_are_still_whom_it_already_meets(visitors: Event) -> None:
    # a guard: no person of it is named by the meetings that fill it, so it meets their hosts
    bookings.book(visitors, "p-eli", "r-visit", at(9))
    bookings.book(visitors, "p-gil", "r-visit-2", at(9))
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(visitors, "p-fay", "r-bruno", at(9))
    assert str(refused.value) == (
        "9:00\u202fAM is no longer free: Visitor Org already meets Eli Host and Gil Host at "
        "that time."
    )


def test_the_refusal_is_marked_for_translation_and_read_in_the_readers_language(
    visitors: Event, client_for: Callable[..., Client]
) -> None:
    source = Path(bookings.__file__)
    marked = {
        message for _line, message, _comments, _context in extract_from_file("python", source)
    }
    assert {FULL, WITH} <= marked
    bookings.book(visitors, "p-bruno", "r-bruno", at(9))
    bookings.book(visitors, "p-chen", "r-chen", at(9))
    client = client_for(person_user("bruno@example.org"))
    client.cookies["django_language"] = "fr"
    page = _refusal(client, visitors, "r-visit")
    lists = translator("fr")
    with translation.override("fr"):
        meetings = [
            translation.gettext(WITH) % {"person": who, "others": other}
            for who, other in (("Bruno Martin", "Fay Host"), ("Chen Li", "Dana Host"))
        ]
        expected = translation.gettext(FULL) % {
            "time": local_time_words(at(9).astimezone(TUNIS), "fr"),
            "organization": "Visitor Org",
            "meetings": lists.format_list(meetings),
        }
    assert expected.startswith("09:00 ")  # the French clock, whatever the catalog says
    assert expected in page


def test_with_one_of_its_people_away_it_is_full_when_the_other_is_busy(db: None) -> None:
    # Chen arrives at 9:20: at nine Visitor Org has one person there, Bruno, who meets Fay
    ev = visitor_event()
    late = core.TimeWindow(at(9, 20), at(10))
    ev = replace(
        ev,
        people=tuple(
            replace(p, availability=(late,)) if p.id == "p-chen" else p for p in ev.people
        ),
    )
    row = stored(ev)
    bookings.book(row, "p-bruno", "r-bruno", at(9))
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.book(row, "p-eli", "r-visit", at(9))
    assert str(refused.value) == (
        "9:00\u202fAM is no longer free: every person of Visitor Org who is there at that time "
        "is already in a meeting (Bruno Martin with Fay Host)."
    )
    assert Booking.objects.filter(event=row).count() == 1
    bookings.book(row, "p-eli", "r-visit", at(9, 20))  # Chen is there then
    assert Booking.objects.filter(event=row).count() == 2
