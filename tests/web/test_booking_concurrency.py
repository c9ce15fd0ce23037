"""Concurrent bookings against a live server on PostgreSQL: one winner per seat, clear losers.

Requests go through the API with token authentication, from threads, all released at once.
At most :data:`IN_FLIGHT` are open together so that the shared PostgreSQL (100 connections
by default) keeps room for other sessions; the server handles each in its own thread and
database connection, so every transaction races every other one in flight. Run it with
``DATABASE_URL=postgres://... uv run pytest tests/web/test_booking_concurrency.py``.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.db.models import Count
from pytest_django.live_server_helper import LiveServer
from rest_framework.authtoken.models import Token

from liqa.core.scheduling.brokerage import Placement, Timetable, check_schedule
from liqa.core.scheduling.brokerage.from_event import event_problem
from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, BookingSeat, Event
from liqa.web.events.records import event_record
from tests.web.factories import at
from tests.web.test_booking import crowd_event, stored

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent bookings race only on PostgreSQL (SQLite runs one writer at a "
        "time); run with DATABASE_URL=postgres://... as .ci/run does",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.integration,
]

IN_FLIGHT = 25

# Django's test server listens with a queue of 10 pending connections, and a burst larger
# than that is reset before the server accepts it; this is set at import, before the
# session's live server starts, and only lengthens that queue.
ThreadedWSGIServer.request_queue_size = 4 * IN_FLIGHT
NINE, NINE_TWENTY = "2030-03-14T09:00:00+01:00", "2030-03-14T09:20:00+01:00"


def _tokens(row: Event) -> dict[str, str]:
    """An API token per person key."""
    users = get_user_model().objects.filter(memberships__event=row)
    out = {}
    for user in users.prefetch_related("memberships"):
        token, _created = Token.objects.get_or_create(user=user)
        out[user.memberships.get(event=row).person] = token.key
    return out


def _post(url: str, token: str, slot: str) -> tuple[int, dict[str, Any]]:
    """POST one booking; the status and the JSON body (or the raw text of a non-JSON one)."""
    request = urllib.request.Request(
        url,
        data=json.dumps({"slot": slot}).encode(),
        method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, {"raw": body.decode(errors="replace")[:300]}


def _fire(calls: list[tuple[str, str, str]]) -> list[tuple[int, dict[str, Any]]]:
    """Send every (url, token, slot) from threads; the answers in call order.

    The first :data:`IN_FLIGHT` calls are released together; each later one starts as soon
    as a thread is free, while the others are still in flight.
    """
    first = min(IN_FLIGHT, len(calls))
    start = threading.Barrier(first)

    def send(n: int) -> tuple[int, dict[str, Any]]:
        if n < first:
            start.wait(timeout=20)
        return _post(*calls[n])

    with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
        return list(pool.map(send, range(len(calls))))


def _url(server: LiveServer, row: Event, key: str) -> str:
    return f"{server.url}/api/events/{row.slug}/requests/{key}/book/"


def _double_bookings(row: Event) -> dict[str, object]:
    """Anything booked twice: a person's seat, a table, and the core checker's verdict."""
    seats = (
        BookingSeat.objects.filter(event=row)
        .values("party", "seat", "slot_start")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    people = (
        BookingSeat.objects.filter(event=row, party__startswith="p-")
        .values("party", "slot_start")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    tables = (
        Booking.objects.filter(event=row)
        .values("slot_start", "table")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    event = event_record(row)
    assert event.brokerage is not None, f"{row.slug} has no brokerage"
    slot_of = {s.start: s.index for s in event.brokerage.slots()}
    timetable = Timetable(
        tuple(
            Placement(b.request.key, slot_of[b.slot_start], b.table)
            for b in Booking.objects.filter(event=row).select_related("request")
        )
    )
    return {
        "seats": list(seats),
        "people": list(people),
        "tables": list(tables),
        "violations": check_schedule(event_problem(event), timetable),
    }


NONE_DOUBLE: dict[str, object] = {"seats": [], "people": [], "tables": [], "violations": []}


def test_hundred_bookings_of_one_host_and_the_last_table_leave_one_winner_each(
    live_server: LiveServer,
) -> None:
    row = stored(crowd_event("crowd-100", delegates=100, pairs=20, tables=3))
    tokens = _tokens(row)
    for n in (19, 20):  # two of the three tables are taken at 09:20 beforehand
        bookings.book(row, f"p-left-{n}", f"r-pair-{n}", at(9, 20))
    hana = [(_url(live_server, row, f"r-hana-{n}"), tokens[f"p-d{n}"], NINE) for n in range(1, 101)]
    pairs = [
        (_url(live_server, row, f"r-pair-{n}"), tokens[f"p-left-{n}"], NINE_TWENTY)
        for n in range(1, 19)
    ]
    calls = hana[:20] + pairs + hana[20:]  # both races in the first wave
    answers = dict(zip(calls, _fire(calls), strict=True))

    assert Counter(status for status, _body in answers.values()) == {201: 2, 409: 116}
    booked = {b.request.key: b for b in Booking.objects.filter(event=row).select_related("request")}
    hana_won = [k for k in booked if k.startswith("r-hana-")]
    pairs_won = [k for k in booked if k.startswith("r-pair-")]
    assert (len(hana_won), sorted(booked[k].table for k in pairs_won)) == (1, [1, 2, 3])
    name = f"Delegate {booked[hana_won[0]].booked_as.removeprefix('p-d')}"
    hana_lost = {answers[c][1]["detail"] for c in hana if answers[c][0] == 409}
    pairs_lost = {answers[c][1]["detail"] for c in pairs if answers[c][0] == 409}
    assert hana_lost == {
        f"9:00\u202fAM is no longer free: Hana Host already meets {name} at that time."
    }
    assert pairs_lost == {"9:20\u202fAM is no longer free: every table is taken at that time."}
    assert _double_bookings(row) == NONE_DOUBLE


def test_two_delegates_booking_one_host_at_the_same_second_one_wins(
    live_server: LiveServer,
) -> None:
    row = stored(crowd_event("crowd-2", delegates=2))
    tokens = _tokens(row)
    calls = [(_url(live_server, row, f"r-hana-{n}"), tokens[f"p-d{n}"], NINE) for n in (1, 2)]
    answers = _fire(calls)

    assert sorted(status for status, _body in answers) == [201, 409]
    (loser,) = [body["detail"] for status, body in answers if status == 409]
    (booking,) = Booking.objects.filter(event=row)
    name = f"Delegate {booking.booked_as.removeprefix('p-d')}"
    assert loser == f"9:00\u202fAM is no longer free: Hana Host already meets {name} at that time."
    assert _double_bookings(row) == NONE_DOUBLE


def test_both_parties_booking_one_meeting_at_once_get_one_booking(
    live_server: LiveServer,
) -> None:
    row = stored(crowd_event("crowd-pair", delegates=1))
    tokens = _tokens(row)
    url = _url(live_server, row, "r-hana-1")
    answers = _fire([(url, tokens["p-d1"], NINE), (url, tokens["p-hana"], NINE_TWENTY)])

    assert sorted(status for status, _body in answers) == [201, 409]
    (booking,) = Booking.objects.filter(event=row)
    (loser,) = [body["detail"] for status, body in answers if status == 409]
    time = "9:00\u202fAM" if booking.slot_start == at(9) else "9:20\u202fAM"
    assert loser == f"This meeting is already booked at {time}, table 1."
    assert _double_bookings(row) == NONE_DOUBLE
