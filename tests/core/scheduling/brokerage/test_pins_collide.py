"""Organizer pins that collide in a fresh plan: every path answers ``infeasible``, the
meetings left out explained by the pins in their way, never a pin silently released.

A meeting ``required`` at a ``fixed_slot`` is the organizer's rule in a fresh plan (no
previous timetable, no meetings the caller kept): two of one person's meetings pinned to
one slot, or more pins in a slot than tables, leave no timetable. Before, the greedy and
the large-instance paths released one pin (moved or left out, listed in ``released`` as
a published meeting) and answered ``feasible`` or ``optimal``; CP-SAT said ``infeasible``
without a word on why."""

from __future__ import annotations

import dataclasses

import pytest

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    Result,
    Settings,
    SlotInfo,
    Status,
    Timetable,
    check_schedule,
    greedy,
    solve,
)
from liqa.core.scheduling.brokerage.replan import add_meeting, replan, set_unavailable

METHODS = ("greedy", "lns", "cpsat")
NAMES = {
    "a": "Amal",
    "b": "Badr",
    "c": "Chadia",
    "d": "Driss",
    "e": "Elias",
    "f": "Fatima",
    "g": "Ghita",
    "h": "Hamza",
}


def named(meetings: tuple[Meeting, ...], people: str, tables: int, require_all: bool) -> Problem:
    """Three slots at 09:00, 09:20 and 09:40; people and meetings named."""
    labels = NAMES | {m.id: f"{NAMES[m.parties[0]]} – {NAMES[m.parties[1]]}" for m in meetings}
    return Problem(
        slots=tuple(SlotInfo("s", "s") for _ in range(3)),
        tables=tables,
        participants=tuple(Participant(pid) for pid in people),
        meetings=meetings,
        require_all=require_all,
        labels=labels,
        slot_labels=("09:00", "09:20", "09:40"),
    )


def one_person_twice(require_all: bool = False) -> Problem:
    """Amal's meetings with Badr and Chadia both pinned (and required) at 09:00; one with
    Driss free."""
    return named(
        (
            Meeting("ab", ("a", "b"), fixed_slot=0, required=True),
            Meeting("ac", ("a", "c"), fixed_slot=0, required=True),
            Meeting("ad", ("a", "d")),
        ),
        "abcd",
        tables=5,
        require_all=require_all,
    )


def more_pins_than_tables(require_all: bool = False) -> Problem:
    """Three meetings of different people pinned (and required) at 09:20, two tables."""
    return named(
        (
            Meeting("ab", ("a", "b"), fixed_slot=1, required=True),
            Meeting("cd", ("c", "d"), fixed_slot=1, required=True),
            Meeting("ef", ("e", "f"), fixed_slot=1, required=True),
            Meeting("gh", ("g", "h")),
        ),
        "abcdefgh",
        tables=2,
        require_all=require_all,
    )


def settings(method: str) -> Settings:
    """Settings that take ``method``'s path in ``solve`` (CP-SAT: these events are small)."""
    return Settings(time_limit=2.0, workers=1, method=method)


def assert_pins_answered(problem: Problem, result: Result, pins: set[str]) -> None:
    """``infeasible``, no pin released or away from its slot, and the pins left out each
    explained by the other pins in its way, by their names."""
    assert result.status == Status.INFEASIBLE
    assert result.released == ()
    placed = result.timetable.by_meeting()
    assert all(placed[mid].slot == problem.meeting(mid).fixed_slot for mid in pins & set(placed))
    out = {u.meeting: u for u in result.unplaced}
    missing = pins - set(placed)
    assert missing
    assert missing <= set(out)
    for mid in missing:
        why = out[mid]
        assert why.blocking
        assert set(why.blocking) <= pins - {mid}
        words = str(why.detail)
        assert "pinned" in words
        assert all(problem.label(b) in words for b in why.blocking)


@pytest.mark.parametrize("require_all", [False, True])
@pytest.mark.parametrize("method", METHODS)
def test_two_pins_of_one_person_in_one_slot_are_infeasible(method: str, require_all: bool) -> None:
    """Before: greedy 'feasible' with Amal – Chadia released, the large search 'optimal'
    with Amal – Badr released and moved to 09:40; CP-SAT 'infeasible' with no reason."""
    problem = one_person_twice(require_all)
    result = solve(problem, settings(method))
    assert result.method == method
    assert_pins_answered(problem, result, {"ab", "ac"})
    for why in result.unplaced:  # one of them (both when no timetable is given)
        assert why.blocking == tuple({"ab", "ac"} - {why.meeting})
        assert "Amal" in str(why.detail)


@pytest.mark.parametrize("require_all", [False, True])
@pytest.mark.parametrize("method", METHODS)
def test_more_pins_in_a_slot_than_tables_are_infeasible(method: str, require_all: bool) -> None:
    """Before: greedy 'feasible' with Elias – Fatima released, the large search 'optimal'
    with Amal – Badr moved to 09:40; CP-SAT 'infeasible' with no reason."""
    problem = more_pins_than_tables(require_all)
    result = solve(problem, settings(method))
    assert result.method == method
    assert_pins_answered(problem, result, {"ab", "cd", "ef"})
    placed = result.timetable.by_meeting()
    if method != "cpsat":  # the rest of the plan stands
        assert placed["gh"].slot != 1
        kept = tuple(m for m in problem.meetings if m.id in placed)
        assert check_schedule(dataclasses.replace(problem, meetings=kept), result.timetable) == []


@pytest.mark.parametrize("method", METHODS)
def test_a_required_meeting_whose_slots_are_all_pinned_is_infeasible(method: str) -> None:
    """Chadia can meet only at 09:00, where Amal is pinned with Badr: the required Amal –
    Chadia has no slot (before: greedy 'unknown' and the large search 'optimal' with
    the pin released and moved; CP-SAT 'infeasible' with no reason)."""
    problem = one_person_twice()
    meetings = (problem.meetings[0], dataclasses.replace(problem.meetings[1], fixed_slot=None))
    away = Participant("c", unavailable=frozenset({1, 2}))
    problem = dataclasses.replace(
        problem,
        meetings=meetings,
        participants=tuple(away if p.id == "c" else p for p in problem.participants),
    )
    result = solve(problem, settings(method))
    assert result.status == Status.INFEASIBLE
    assert result.released == ()
    placed = result.timetable.by_meeting()
    assert "ab" not in placed or placed["ab"].slot == 0
    (why,) = result.unplaced
    assert (why.meeting, why.blocking) == ("ac", ("ab",))
    assert "Amal – Badr" in str(why.detail)


def test_greedy_alone_answers_infeasible_and_keeps_both_pins() -> None:
    """``greedy`` called on its own (the baseline) answers as ``solve`` does (before:
    'feasible', Amal – Chadia listed as a published meeting released)."""
    problem = one_person_twice()
    result = greedy(problem)
    assert_pins_answered(problem, result, {"ab", "ac"})


def test_keep_replan_places_a_released_meeting_the_problem_requires() -> None:
    """A keep re-plan by the large search: the new required Amal – Chadia (Chadia free at
    09:00 only) takes the slot of the published Amal – Badr, which the problem requires;
    that one goes to 09:20 in place of the optional Amal – Driss, released too. Before:
    Amal – Badr was released and left out, the answer fell back to a plain re-plan that
    found nothing valid, and the result was 'unknown' with Amal – Chadia out, as if kept
    meetings were the only thing in its way (the CP-SAT path answers as now)."""
    base = named(
        (
            Meeting("ab", ("a", "b"), required=True),
            Meeting("ad", ("a", "d")),
            Meeting("ae", ("a", "e")),
        ),
        "abcde",
        tables=5,
        require_all=False,
    )
    previous = Timetable((Placement("ab", 0, 1), Placement("ad", 1, 1), Placement("ae", 2, 1)))
    assert check_schedule(base, previous) == []
    changed = set_unavailable(
        add_meeting(base, Meeting("ac", ("a", "c"), required=True)), "c", {1, 2}
    )
    result, _ = replan(changed, previous, settings("lns"), keep_published=True)
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert check_schedule(changed, result.timetable) == []
    now = {p.meeting: p.slot for p in result.timetable.placements}
    assert (now["ac"], now["ab"]) == (0, 1) or (now["ac"], now["ab"]) == (0, 2)
    assert {r.meeting for r in result.released} == {"ab", "ad" if now["ab"] == 1 else "ae"}
