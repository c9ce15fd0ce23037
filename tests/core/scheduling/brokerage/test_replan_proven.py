"""A re-plan whose repaired previous timetable cannot be beaten is answered without a
search (``method`` ``replan``, ``optimal``): every meeting placed, every previous meeting
whose slot is still allowed kept there, and breaks at the participants' own lower bounds.
Before, CP-SAT searched until its time limit even when nothing had changed."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from liqa.core.scheduling.brokerage import (
    Placement,
    Problem,
    Settings,
    Status,
    Timetable,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.measures import scheduled_priority, total_breaks
from liqa.core.scheduling.brokerage.replan import cancel_participant, replan
from tests.core.scheduling.brokerage.factories import problem
from tests.core.scheduling.brokerage.test_exhaustive import tiny_problems

SOLVER = Settings(time_limit=20.0, workers=1)


def kept(previous: Timetable, timetable: Timetable) -> int:
    """Previous meetings still in their slot."""
    now = timetable.by_meeting()
    return sum(1 for p in previous.placements if p.meeting in now and now[p.meeting].slot == p.slot)


def valid_timetables(p: Problem) -> list[Timetable]:
    """Every valid timetable of ``p`` (some meetings may be left out)."""
    out = []
    for combo in itertools.product([None, *range(len(p.slots))], repeat=len(p.meetings)):
        timetable = Timetable(
            tuple(
                Placement(m.id, t) for m, t in zip(p.meetings, combo, strict=True) if t is not None
            )
        )
        if not check_schedule(p, timetable):
            out.append(timetable)
    return out


def best_replan(p: Problem, previous: Timetable) -> tuple[int, int, int] | None:
    """Best (scheduled priority, kept, -breaks) over every valid timetable, the re-plan's
    order (:func:`liqa.core.scheduling.brokerage.build.weighted_objective`)."""
    values = [
        (scheduled_priority(p, t), kept(previous, t), -total_breaks(p, t))
        for t in valid_timetables(p)
    ]
    return max(values) if values else None


@st.composite
def replans(draw: st.DrawFn) -> tuple[Problem, Timetable]:
    """A tiny problem and any valid timetable of it as the previous one."""
    p = draw(tiny_problems())
    timetables = [t for t in valid_timetables(p) if t.placements]
    assume(timetables)
    return p, draw(st.sampled_from(timetables))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(replans())
def replans_match_exhaustive_search(
    case: tuple[Problem, Timetable],
) -> None:
    p, previous = case
    result, _diff = replan(p, previous, SOLVER)
    expected = best_replan(p, previous)
    assert expected is not None  # previous itself is valid
    assert check_schedule(p, result.timetable) == []
    got = (
        scheduled_priority(p, result.timetable),
        kept(previous, result.timetable),
        -total_breaks(p, result.timetable),
    )
    assert result.status == Status.OPTIMAL
    assert got == expected, result.method
    METHODS.append(result.method)


METHODS: list[str] = []
"""The method of each example's answer: the property must also meet the answers given
without a search (checked below)."""


def test_every_replan_is_the_exhaustive_optimum_also_when_proven_without_search() -> None:
    replans_match_exhaustive_search()
    assert METHODS.count("replan") >= 5, METHODS
    assert len(set(METHODS)) >= 2, METHODS  # and searched ones


def test_an_unchanged_event_is_answered_without_a_search() -> None:
    p = problem(["a-b", "b-c", "c-d", "d-e"], n_slots=4, tables=2)
    first = solve(p, SOLVER)
    assert (first.status, first.objective["breaks"]) == (Status.OPTIMAL, 0)
    result, changes = replan(p, first.timetable, SOLVER)
    assert (result.status, result.method) == (Status.OPTIMAL, "replan")
    assert result.timetable.by_meeting().keys() == first.timetable.by_meeting().keys()
    assert all(
        result.timetable.by_meeting()[m].slot == placement.slot
        for m, placement in first.timetable.by_meeting().items()
    )
    assert (result.bound, result.gap) == (0, 0)
    assert changes.moved == []
    assert changes.dropped == []


def test_a_previous_timetable_with_a_break_the_bounds_cannot_explain_is_searched() -> None:
    # b meets a at 0 and c at 2: a break the participants' own bounds say is avoidable
    p = problem(["a-b", "b-c"], n_slots=3, tables=2)
    previous = Timetable((Placement("m1", 0), Placement("m2", 2)))
    assert check_schedule(p, previous) == []
    result, _diff = replan(p, previous, SOLVER)
    assert result.method != "replan"
    assert result.status == Status.OPTIMAL
    assert kept(previous, result.timetable) == 2  # keeping both outranks the break


def test_a_cancellation_the_repair_absorbs_is_answered_without_a_search() -> None:
    p = problem(["a-b", "b-c", "c-d", "d-e"], n_slots=4, tables=2)
    first = solve(p, SOLVER)
    after = cancel_participant(p, "e")
    result, changes = replan(after, first.timetable, SOLVER, old_problem=p)
    assert (result.status, result.method) == (Status.OPTIMAL, "replan")
    assert (changes.dropped, changes.moved) == (["m4"], [])
