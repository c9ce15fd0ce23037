"""Bookings are judged one meeting at a time; the verdict is the full checker's, at every step.

A seeded run of bookings and cancellations on a stored brokerage event with every kind of
rule (a booth, an organization meeting in parallel, two sessions and a session limit, an
absent person, a session-bound, a file-fixed and an ordered request, few tables). Before
each attempt the full verdict is worked out the way bookings were judged before: the whole
problem built from the event's record with its bookings (``event_problem``), and
``check_schedule`` over every fixed meeting plus the new one. The service must book exactly
when that verdict allows it, and the board's one-meeting check must give the same labels for
every accepted meeting in every slot.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from liqa.core import model as core
from liqa.core.scheduling.brokerage import Placement, Problem, Timetable, check_schedule
from liqa.core.scheduling.brokerage import booking as check
from liqa.core.scheduling.brokerage.constraints import tables
from liqa.core.scheduling.brokerage.from_event import event_problem
from liqa.web.agendas import bookings
from liqa.web.events.models import Booking, Event, MeetingRequest
from liqa.web.events.records import event_record
from tests.web.factories import at
from tests.web.test_booking import crowd_event, stored

ACCEPTED = core.RequestStatus.ACCEPTED


def rich_event() -> core.Event:
    """Two sessions of three slots, two tables (one a booth), every rule in play."""
    base = crowd_event("verdicts-b2b-2030", delegates=5, pairs=3, tables=2)
    people = [
        dataclasses.replace(p, table=1)
        if p.id == "p-right-1"
        else dataclasses.replace(p, availability=(core.TimeWindow(at(9), at(9, 40)),))
        if p.id == "p-d2"
        else p
        for p in base.people
    ]
    people.append(core.Person("p-hadi", "Hadi Host", "o-host", email="hadi@example.org"))
    requests = list(base.requests)
    requests[0] = dataclasses.replace(requests[0], session="late")
    requests[1] = dataclasses.replace(requests[1], fixed_start=at(10, 20))
    requests[2] = dataclasses.replace(requests[2], after=("r-hana-4",))
    requests += [
        core.MeetingRequest(f"r-org-{n}", f"p-d{n}", "o-host", status=ACCEPTED) for n in (1, 3, 5)
    ]
    requests.append(core.MeetingRequest("r-left", "p-left-1", "p-d4", status=ACCEPTED))
    assert base.brokerage is not None
    setup = dataclasses.replace(
        base.brokerage,
        max_meetings_per_session=2,
        sessions=(core.Session("early", at(9), at(10)), core.Session("late", at(10), at(11))),
    )
    return dataclasses.replace(
        base, people=tuple(people), requests=tuple(requests), brokerage=setup
    )


def _full_problem(row: Event) -> tuple[Problem, dict[str, Placement]]:
    """The problem and fixed meetings as bookings were judged before: whole, every time."""
    problem = event_problem(event_record(row))
    held = dict(Booking.objects.filter(event=row).values_list("request__key", "table"))
    fixed = {
        m.id: Placement(m.id, m.fixed_slot, held.get(m.id))
        for m in problem.meetings
        if m.fixed_slot is not None
    }
    return problem, fixed


def _full_verdict(
    problem: Problem, fixed: dict[str, Placement], key: str, t: int
) -> tuple[int | None, set[str]]:
    """The table the meeting would take and the full checker's labels naming it."""
    meeting = problem.meeting(key)
    others = [p for p in fixed.values() if p.meeting != key]
    table = tables.own_table(problem, meeting)
    if table is None:
        used = {p.table for p in others if p.slot == t}
        table = next((k for k in tables.shared_tables(problem) if k not in used), None)
    trial = Timetable((*others, Placement(key, t, table)))
    labels = {v.label for v in check_schedule(problem, trial) if key in v.meetings}
    return table, labels - {"fairness"}


@pytest.mark.django_db
def test_bookings_follow_the_full_checkers_verdict_step_by_step() -> None:
    row = stored(rich_event())
    rng = random.Random(8)
    accepted = list(
        MeetingRequest.objects.filter(event=row, status="accepted").values_list(
            "key", "requester", "target"
        )
    )
    slots = [at(9), at(9, 20), at(9, 40), at(10), at(10, 20), at(10, 40)]
    outcomes: dict[str, int] = {"booked": 0, "refused": 0, "cancelled": 0}
    seen: set[str] = set()
    for _step in range(60):
        problem, fixed = _full_problem(row)
        board = bookings.board(row)
        for meeting in problem.meetings:  # the board's check, every meeting, every slot
            for t in range(len(slots)):
                table, labels = _full_verdict(problem, fixed, meeting.id, t)
                assert check.table_for(board.fixed, meeting, t) == table
                assert check.broken(board.fixed, meeting, t, table) == labels
                seen |= labels
        key, requester, target = rng.choice(accepted)
        person = requester if requester.startswith("p-") else target
        held = Booking.objects.filter(event=row, request__key=key).exists()
        if held and rng.random() < 0.5:
            bookings.cancel(row, person, key)
            outcomes["cancelled"] += 1
            continue
        t = rng.randrange(len(slots))
        table, labels = _full_verdict(problem, fixed, key, t)
        allowed = not held and table is not None and not labels
        try:
            bookings.book(row, person, key, slots[t])
            outcomes["booked"] += 1
        except bookings.BookingError:
            outcomes["refused"] += 1
            assert not allowed, (key, slots[t])
        else:
            assert allowed, (key, slots[t], labels)
    assert min(outcomes.values()) >= 5, outcomes
    rules = {"availability", "fixed", "session", "overlap", "tables", "precedence"}
    assert rules | {"session_limit"} == seen


@pytest.mark.django_db
def test_board_follows_a_change_to_the_events_rows() -> None:
    row = stored(rich_event())
    assert "r-pair-2" in {m.id for m in bookings.board(row).problem.meetings}
    MeetingRequest.objects.filter(event=row, key="r-pair-2").update(status="declined")
    with pytest.raises(bookings.NotBookable) as refused:
        bookings.book(row, "p-left-2", "r-pair-2", at(9))
    assert str(refused.value) == (
        "Only accepted one-to-one meetings can be booked; request r-pair-2 is not one."
    )
