"""On tiny random problems the solver's optimum equals an exhaustive search's optimum."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    Settings,
    SlotInfo,
    Status,
    Timetable,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.measures import scheduled_priority, total_breaks

SOLVER = Settings(time_limit=20.0, workers=1)


@st.composite
def tiny_problems(draw: st.DrawFn) -> Problem:
    n_slots = draw(st.integers(2, 4))
    split = draw(st.booleans()) and n_slots >= 3
    slots = tuple(
        SlotInfo(
            "am" if not split or t < n_slots // 2 else "pm",
            "am" if not split or t < n_slots // 2 else "pm",
        )
        for t in range(n_slots)
    )
    sessions = sorted({s.session for s in slots})
    ids = ["a", "b", "c", "d"][: draw(st.integers(2, 4))]
    participants = tuple(
        Participant(
            pid, unavailable=frozenset(draw(st.sets(st.integers(0, n_slots - 1), max_size=1)))
        )
        for pid in ids
    )
    pairs = list(itertools.combinations(ids, 2))
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=4))
    meetings = []
    for n, pair in enumerate(chosen, start=1):
        meetings.append(
            Meeting(
                f"m{n}",
                pair,
                priority=draw(st.integers(1, 3)),
                session=draw(st.none() | st.sampled_from(sessions)),
                fixed_slot=draw(st.none() | st.none() | st.integers(0, n_slots - 1)),
                after=(f"m{n - 1}",) if n > 1 and draw(st.integers(0, 4)) == 0 else (),
            )
        )
    return Problem(
        slots=slots,
        tables=draw(st.integers(1, 2)),
        participants=participants,
        meetings=tuple(meetings),
        max_meetings_per_session=draw(st.none() | st.just(2)),
        max_break_spread=draw(st.none() | st.integers(0, 1)),
        require_all=draw(st.booleans()),
    )


def exhaustive(problem: Problem) -> tuple[int, int] | None:
    """Best (scheduled priority, -breaks) over every valid timetable, or None."""
    choices = [None, *range(len(problem.slots))]
    best: tuple[int, int] | None = None
    for combo in itertools.product(choices, repeat=len(problem.meetings)):
        timetable = Timetable(
            tuple(
                Placement(m.id, t)
                for m, t in zip(problem.meetings, combo, strict=True)
                if t is not None
            )
        )
        if check_schedule(problem, timetable):
            continue
        value = (scheduled_priority(problem, timetable), -total_breaks(problem, timetable))
        if best is None or value > best:
            best = value
    return best


def assert_solver_matches_exhaustive(problem: Problem) -> None:
    result = solve(problem, SOLVER)
    expected = exhaustive(problem)
    if expected is None:
        assert result.status == Status.INFEASIBLE
        return
    assert result.status == Status.OPTIMAL
    assert check_schedule(problem, result.timetable) == []
    got = (result.objective["scheduled_priority"], -result.objective["breaks"])
    assert got == expected


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(tiny_problems())
def test_solver_optimum_equals_exhaustive_search(problem: Problem) -> None:
    assert_solver_matches_exhaustive(problem)


@pytest.mark.slow
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(tiny_problems())
def test_solver_optimum_equals_exhaustive_search_many(problem: Problem) -> None:
    assert_solver_matches_exhaustive(problem)
