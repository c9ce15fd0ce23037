"""The neighbourhood search on the SAT engine's solver: every timetable it returns is
valid with fewer breaks than the one it improves, and it stops at the proven bound."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pysat.solvers import Solver

from liqa.core.scheduling.brokerage import Placement, Problem, Timetable, check_schedule
from liqa.core.scheduling.brokerage.bounds import participant_lower_bounds
from liqa.core.scheduling.brokerage.cnf import encode
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.sat_lns import SatNeighbourhoods
from liqa.core.scheduling.brokerage.sat_target import SatTarget
from tests.core.scheduling.brokerage.factories import problem
from tests.core.scheduling.brokerage.strategies import breaks_range, gappy_problems
from tests.core.scheduling.brokerage.test_sat_target import cycle, exhaustive_breaks


def timetable(slots: dict[str, int]) -> Timetable:
    return Timetable(tuple(Placement(m, t) for m, t in slots.items()))


def breaks(p: Problem, slots: dict[str, int]) -> int:
    assert check_schedule(p, timetable(slots)) == []
    return total_breaks(p, timetable(slots))


def chain() -> tuple[Problem, dict[str, int]]:
    """a-b-c-d-e at one table in 8 slots (no break needed), and a valid timetable with a
    free slot after every meeting: b, c and d have a break each."""
    p = problem(["a-b", "b-c", "c-d", "d-e"], n_slots=8, tables=1)
    return p, {"m1": 0, "m2": 2, "m3": 4, "m4": 6}


def test_steps_only_improve_down_to_the_optimum() -> None:
    p, slots = chain()
    now = breaks(p, slots)
    assert (now, exhaustive_breaks(p)) == (3, 0)
    cnf = encode(p, participant_lower_bounds(p), now + 1)
    search = SatNeighbourhoods(cnf, seed=0)
    with Solver(name="glucose4", bootstrap_with=cnf.clauses) as solver:
        for _ in range(100):
            if now == 0:
                break
            found = search.step(solver, slots, now)
            if found is not None:
                better = breaks(p, found)  # valid, else the helper fails
                assert better < now  # the incumbent only improves
                slots, now = found, better
        assert now == 0
        assert search.step(solver, slots, now) is None  # nothing below zero is asked


def test_no_step_goes_below_the_optimum() -> None:
    p = cycle()  # optimum 1 (every person alone: 0)
    slots = {"m1": 0, "m2": 1, "m3": 2, "m4": 3}
    assert breaks(p, slots) == exhaustive_breaks(p) == 1
    cnf = encode(p, participant_lower_bounds(p), 3)
    search = SatNeighbourhoods(cnf, seed=0)
    with Solver(name="glucose4", bootstrap_with=cnf.clauses) as solver:
        assert all(search.step(solver, slots, 1) is None for _ in range(30))


def test_search_after_the_ladder_stops_at_the_bound() -> None:
    p, slots = chain()
    asked: list[int] = []

    def source() -> tuple[dict[str, int], int]:
        asked.append(3)
        return slots, 3

    lower = participant_lower_bounds(p)
    # The ladder's share is over at once: the search improves the source's timetable.
    sat = SatTarget(p, lower, 0, time.perf_counter(), source, seed=1)
    sat.start()
    sat.wait()  # it ends by itself: a timetable at the bound (0) is optimal
    assert sat.found is not None
    assert sat.found_target == 0
    assert breaks(p, sat.found) == 0
    if sat.improved is not None:  # found by the search (else by the ladder, first)
        assert asked
        assert sat.improved == (sat.found, 0)


def test_search_keeps_its_best_until_stopped_when_the_bound_is_not_met() -> None:
    p = cycle()
    start = {"m1": 0, "m2": 2, "m3": 1, "m4": 3}
    assert breaks(p, start) == 3
    sat = SatTarget(p, participant_lower_bounds(p), 0, time.perf_counter(), lambda: (start, 3))
    sat.start()
    deadline = time.perf_counter() + 60.0
    while (sat.improved is None or sat.improved[1] > 1) and time.perf_counter() < deadline:
        time.sleep(0.01)
    sat.stop()
    assert sat.found is None  # the bound 0 was never proven nor met
    assert sat.improved is not None
    assert sat.improved[1] == breaks(p, sat.improved[0]) == 1


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(gappy_problems(), st.integers(0, 3))
def test_steps_from_the_worst_timetable_reach_the_exhaustive_optimum(p: Problem, seed: int) -> None:
    found = breaks_range(p)
    assert found is not None  # the planted timetable is valid
    optimum, now, _, slots = found  # from the worst timetable
    cnf = encode(p, participant_lower_bounds(p), now + 1)
    search = SatNeighbourhoods(cnf, seed)
    with Solver(name="glucose4", bootstrap_with=cnf.clauses) as solver:
        for _ in range(40):
            if now == optimum:
                break
            step = search.step(solver, slots, now)
            if step is not None:
                better = breaks(p, step)  # valid, else the helper fails
                assert optimum <= better < now  # only better, never below the optimum
                slots, now = step, better
        # Every meeting is freed in most steps of so small a problem: they reach it, and
        # below it every step is refuted.
        assert now == optimum
        assert all(search.step(solver, slots, now) is None for _ in range(5))
