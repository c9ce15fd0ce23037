"""The one-meeting check of a booking gives the full checker's verdict, on random cases.

``booking.broken`` must refuse exactly what ``check_schedule`` refuses when one meeting is
added to the meetings already fixed in time: the labels of the full checker's violations
that name the meeting (fairness aside). Random small problems are drawn to hit every rule
often: few tables, people with own tables (some sharing one), organizations that meet in
parallel, attendees, sessions, fixed slots, orders (cycles and self-references too), a
session limit, and fixed placements that already break rules among themselves.
"""

from __future__ import annotations

import random

import pytest

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    SlotInfo,
    Timetable,
    check_schedule,
)
from liqa.core.scheduling.brokerage import booking as check
from liqa.core.scheduling.brokerage.constraints import fairness, tables


def _problem(rng: random.Random) -> Problem:
    sessions = ("am", "pm")
    n_slots = rng.randint(2, 6)
    slots = tuple(SlotInfo(s, s) for s in sorted(rng.choice(sessions) for _ in range(n_slots)))
    n_tables = rng.randint(1, 4)
    people = []
    for n in range(rng.randint(2, 7)):
        capacity = rng.choice((1, 1, 1, 2, 3))
        away = frozenset(t for t in range(n_slots) if rng.random() < 0.15)
        table = rng.randint(1, n_tables) if capacity == 1 and rng.random() < 0.2 else None
        people.append(Participant(f"p{n}", capacity, away, table))
    ids = [p.id for p in people]
    meetings = []
    for n in range(rng.randint(1, 10)):
        a, b = rng.sample(ids, 2) if rng.random() < 0.95 else [rng.choice(ids)] * 2
        attendees = tuple(rng.sample(ids, rng.randint(0, 2))) if rng.random() < 0.3 else ()
        meetings.append(
            Meeting(
                f"m{n}",
                (a, b),
                attendees=attendees,
                session=rng.choice(sessions) if rng.random() < 0.2 else None,
                fixed_slot=rng.randrange(n_slots) if rng.random() < 0.1 else None,
                after=tuple(f"m{rng.randrange(n + 2)}" for _ in range(rng.randint(0, 2)))
                if rng.random() < 0.3
                else (),
            )
        )
    known = {m.id for m in meetings}
    meetings = [
        Meeting(m.id, m.parties, m.attendees, 1, m.session, m.fixed_slot, m.after)
        if all(a in known for a in m.after)
        else Meeting(m.id, m.parties, m.attendees, 1, m.session, m.fixed_slot, ())
        for m in meetings
    ]
    return Problem(
        slots=slots,
        tables=n_tables,
        participants=tuple(people),
        meetings=tuple(meetings),
        max_meetings_per_session=rng.choice((None, None, 1, 2)),
        max_break_spread=rng.choice((None, 0)),
    )


def _placements(rng: random.Random, problem: Problem) -> list[Placement]:
    out = []
    for meeting in problem.meetings:
        if rng.random() < 0.6:
            table = rng.choice((None, *range(1, problem.tables + 2)))
            out.append(Placement(meeting.id, rng.randrange(len(problem.slots)), table))
    return out


def _full(
    problem: Problem, placed: list[Placement], meeting: Meeting, t: int, table: int | None
) -> set[str]:
    """The full checker's verdict on the timetable with ``meeting`` at (t, table)."""
    others = tuple(p for p in placed if p.meeting != meeting.id)
    trial = Timetable((*others, Placement(meeting.id, t, table)))
    return {
        v.label
        for v in check_schedule(problem, trial)
        if meeting.id in v.meetings and v.label != fairness.LABEL
    }


@pytest.mark.parametrize("seed", range(4))
def test_one_meeting_check_gives_the_full_checkers_verdict(seed: int) -> None:
    rng = random.Random(seed)
    refused = allowed = 0
    labels: set[str] = set()
    for _case in range(1500):
        problem = _problem(rng)
        placed = _placements(rng, problem)
        board = check.fixed(check.rules(problem), placed)
        for _try in range(4):
            meeting = rng.choice(problem.meetings)
            t = rng.randrange(len(problem.slots))
            table = (
                check.table_for(board, meeting, t)
                if rng.random() < 0.6
                else rng.choice((None, *range(1, problem.tables + 2)))
            )
            expected = _full(problem, placed, meeting, t, table)
            assert check.broken(board, meeting, t, table) == expected, (problem, placed, meeting)
            labels |= expected
            refused, allowed = refused + bool(expected), allowed + (not expected)
    # the draw reaches every rule, and both verdicts, often
    assert labels == {
        "availability",
        "fixed",
        "session",
        "overlap",
        "tables",
        "precedence",
        "session_limit",
    }
    assert refused > 1000
    assert allowed > 1000


def test_table_for_picks_an_own_table_or_a_free_shared_one() -> None:
    rng = random.Random(7)
    for _case in range(2000):
        problem = _problem(rng)
        placed = _placements(rng, problem)
        board = check.fixed(check.rules(problem), placed)
        meeting = rng.choice(problem.meetings)
        t = rng.randrange(len(problem.slots))
        table = check.table_for(board, meeting, t)
        own = tables.own_table(problem, meeting)
        used = {p.table for p in placed if p.slot == t and p.meeting != meeting.id}
        shared = tables.shared_tables(problem)
        if own is not None:
            assert table == own
        elif table is None:
            assert set(shared) <= used
        else:
            assert table in shared
            assert table not in used
            assert table == min(k for k in shared if k not in used)


def test_holders_are_the_other_meetings_of_a_participant_in_a_slot() -> None:
    problem = Problem(
        slots=(SlotInfo("am", "am"),) * 2,
        tables=3,
        participants=(Participant("a", 2), Participant("b"), Participant("c")),
        meetings=(Meeting("m1", ("a", "b")), Meeting("m2", ("a", "c")), Meeting("m3", ("b", "c"))),
    )
    board = check.fixed(
        check.rules(problem), [Placement("m1", 0, 1), Placement("m2", 0, 2), Placement("m3", 1, 1)]
    )
    assert [m.id for m in check.holders(board, "a", 0, problem.meeting("m3"))] == ["m1", "m2"]
    assert [m.id for m in check.holders(board, "a", 0, problem.meeting("m1"))] == ["m2"]
    assert check.holders(board, "a", 1, problem.meeting("m3")) == []
    assert check.broken(board, problem.meeting("m3"), 2, None) == {"once"}  # no slot 2
