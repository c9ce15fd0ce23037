"""Re-plans of events large enough for the large-instance search (more meeting-slot pairs
than ``Settings.large_above``): a plain re-plan runs that search from the previous
timetable (before: the monolithic CP-SAT model, method ``cpsat``), moving few meetings and
saying how many; a keep re-plan whose large search finds nothing valid falls back to that
plain re-plan, never to the full model's questions. Every result goes through
``check_schedule``; nothing here is timed."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from liqa.core.scheduling.brokerage import Settings, check_schedule, replan
from liqa.core.scheduling.brokerage.problem import Meeting, Problem, Result, Status, Timetable
from liqa.core.scheduling.brokerage.results import count_changes
from tests.core.scheduling.large_events import NEW, with_new_meeting
from tests.core.scheduling.large_events import published as published  # (imported from here too)

# the modules (the package exports functions of the same names)
replan_module = importlib.import_module("liqa.core.scheduling.brokerage.replan")
solve_module = importlib.import_module("liqa.core.scheduling.brokerage.solve")
QUICK = Settings(time_limit=5.0, workers=1)
"""Time enough for the search to place every meeting on a loaded machine (nothing timed)."""


def busiest(problem: Problem, timetable: Timetable) -> str:
    """The participant with the most meetings in ``timetable``."""
    count: dict[str, int] = {}
    for placement in timetable.placements:
        for pid in problem.meeting(placement.meeting).people:
            count[pid] = count.get(pid, 0) + 1
    return max(sorted(count), key=lambda pid: count[pid])


def assert_moved_reported(previous: Timetable, result: Result) -> int:
    """The result's ``changes`` term is the number of previous meetings not in their slot
    any more; returned."""
    changes = result.objective["changes"]
    assert changes == count_changes(previous, result.timetable)
    return changes


def test_a_plain_replan_of_a_large_event_runs_the_large_search_from_the_previous_one() -> None:
    """The busiest participant is away for the first three slots of their meetings: those
    move, every other meeting keeps its slot (before: the full model, method ``cpsat``)."""
    problem, previous = published()
    who = busiest(problem, previous)
    slots = {p.meeting: p.slot for p in previous.placements}
    theirs = sorted(slots[m.id] for m in problem.meetings if who in m.people)
    away = frozenset(theirs[:3])
    participants = tuple(
        dataclasses.replace(p, unavailable=p.unavailable | away) if p.id == who else p
        for p in problem.participants
    )
    changed = dataclasses.replace(problem, participants=participants)
    touched = {m.id for m in changed.meetings if who in m.people and slots[m.id] in away}
    result, changes = replan(changed, previous, QUICK)
    assert result.method == "lns"
    assert result.status == Status.FEASIBLE
    assert check_schedule(changed, result.timetable) == []
    assert len(result.timetable.placements) == len(changed.meetings)
    moved = assert_moved_reported(previous, result)
    assert moved == len(touched)
    now = result.timetable.by_meeting()
    assert {mid for mid, t in slots.items() if now[mid].slot != t} == touched
    assert touched <= set(changes.moved)


def test_a_plain_replan_of_a_large_event_places_a_new_meeting_moving_few() -> None:
    """A new meeting every timetable must place: it is placed, a few published meetings
    move for it and the result says how many (before: the full model, method ``cpsat``)."""
    problem, previous = with_new_meeting()
    result, changes = replan(problem, previous, QUICK)
    assert result.method == "lns"
    assert result.status == Status.FEASIBLE
    assert check_schedule(problem, result.timetable) == []
    assert NEW in result.timetable.by_meeting()
    assert NEW in changes.added
    moved = assert_moved_reported(previous, result)
    assert 1 <= moved <= 10
    assert result.released == ()


def after_the_last(problem: Problem, previous: Timetable) -> tuple[Problem, str]:
    """The published event and a new meeting that must come after one published in the
    last slot, with one of its parties (the busiest such): kept in place, that one leaves
    no slot for the new meeting; moved earlier, it does."""
    last = len(problem.slots) - 1
    slots = {p.meeting: p.slot for p in previous.placements}
    ending = Timetable(tuple(p for p in previous.placements if p.slot == last))
    who = max(
        sorted({pid for p in ending.placements for pid in problem.meeting(p.meeting).people}),
        key=lambda pid: sum(1 for m in problem.meetings if pid in m.people),
    )
    late = next(
        m.id
        for m in sorted(problem.meetings, key=lambda m: m.id)
        if who in m.people and slots[m.id] == last
    )
    met = {pid for m in problem.meetings if who in m.people for pid in m.people}
    other = next(p.id for p in problem.participants if p.id not in met)
    meeting = Meeting(NEW, (who, other), after=(late,))
    return replan_module.add_meeting(problem, meeting), late


def test_a_keep_replan_the_large_search_cannot_keep_falls_back_to_the_plain_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The large search keeping every published meeting in place finds nothing valid (the
    new meeting must follow one kept in the last slot); the fallback is the plain re-plan
    by the large search in the time left, which moves that meeting earlier, listed as
    released. The full model is never built (before: the most-kept question built it,
    overrunning the time limit on a large event)."""
    problem, previous = published()
    changed, late = after_the_last(problem, previous)

    def no_full_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("the monolithic model was built")

    monkeypatch.setattr(replan_module, "build_model", no_full_model)
    monkeypatch.setattr(solve_module, "build_model", no_full_model)
    result, _ = replan(changed, previous, QUICK, keep_published=True)
    assert result.method == "lns"
    assert result.status == Status.FEASIBLE
    assert check_schedule(changed, result.timetable) == []
    now = result.timetable.by_meeting()
    assert now[late].slot < now[NEW].slot
    assert late in {r.meeting for r in result.released}
    assert assert_moved_reported(previous, result) >= 1
