"""The SAT engine of the target search: its CNF answers "at most T breaks?" as an
exhaustive search does, and its search thread proves the optimum."""

from __future__ import annotations

import dataclasses
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pysat.solvers import Solver

from liqa.core.scheduling.brokerage import (
    Participant,
    Placement,
    Problem,
    Timetable,
    check_schedule,
)
from liqa.core.scheduling.brokerage.bounds import participant_lower_bounds
from liqa.core.scheduling.brokerage.cnf import encode
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.sat_target import SatTarget
from tests.core.scheduling.brokerage.factories import problem
from tests.core.scheduling.brokerage.test_exhaustive import exhaustive, tiny_problems


def timetable(slots: dict[str, int]) -> Timetable:
    return Timetable(tuple(Placement(m, t) for m, t in slots.items()))


def answer(p: Problem, target: int, bounds: bool = True) -> dict[str, int] | None:
    """The CNF's timetable with at most ``target`` breaks (None: proven impossible), with
    or without the participants' own lower bounds."""
    cnf = encode(p, participant_lower_bounds(p) if bounds else {}, target + 2)
    if any(not clause for clause in cnf.clauses):
        return None
    with Solver(name="glucose4", bootstrap_with=cnf.clauses) as solver:
        if not solver.solve(assumptions=[-cnf.total[target]] if target < len(cnf.total) else []):
            return None
        return cnf.slots(solver.get_model())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(tiny_problems(), st.booleans())
def test_cnf_answers_like_exhaustive_search(drawn: Problem, bounds: bool) -> None:
    p = dataclasses.replace(drawn, require_all=True)
    best = exhaustive(p)
    if best is None:
        assert answer(p, 0, bounds) is None
        assert answer(p, 2 * len(p.meetings), bounds) is None
        return
    optimum = -best[1]
    found = answer(p, optimum, bounds)
    assert found is not None
    assert check_schedule(p, timetable(found)) == []
    assert total_breaks(p, timetable(found)) == optimum
    if optimum > 0:
        assert answer(p, optimum - 1, bounds) is None


def test_cnf_counts_every_break_of_a_participant() -> None:
    # a meets b, c and d only in slots 0, 2 and 4: two breaks, which the clauses must count
    # (without the participants' own bounds, which would say so already).
    p = dataclasses.replace(
        problem(["a-b", "a-c", "a-d"], n_slots=5),
        participants=(
            Participant("a"),
            Participant("b", unavailable=frozenset({1, 2, 3, 4})),
            Participant("c", unavailable=frozenset({0, 1, 3, 4})),
            Participant("d", unavailable=frozenset({0, 1, 2, 3})),
        ),
    )
    assert answer(p, 1, bounds=False) is None
    found = answer(p, 2, bounds=False)
    assert found == {"m1": 0, "m2": 2, "m3": 4}


def cycle() -> Problem:
    """Four people meeting round a cycle at one table: someone's two meetings cannot be
    next to each other (one break), though each alone could meet without a break."""
    return problem(["a-b", "b-c", "c-d", "a-d"], n_slots=4, tables=1)


def test_search_refutes_the_own_bounds_and_finds_the_optimum() -> None:
    p = cycle()
    lower = participant_lower_bounds(p)
    assert sum(lower.values()) == 0
    stopped: list[str] = []
    sat = SatTarget(p, lower, 0, time.perf_counter() + 60.0)
    sat.watch_exact(0, lambda: stopped.append("question at 0"))
    sat.start()
    sat.wait()
    # CP-SAT's open question at 0 is stopped (on the refutation, and again on the find).
    assert (sat.bound, sat.found_target, stopped[0]) == (1, 1, "question at 0")
    assert sat.found is not None
    assert check_schedule(p, timetable(sat.found)) == []
    assert total_breaks(p, timetable(sat.found)) == 1


def test_search_skips_targets_refuted_elsewhere() -> None:
    p = problem(["a-b", "b-c", "c-d", "a-d", "a-c"], n_slots=5, tables=1)
    best = exhaustive(p)
    assert best is not None
    sat = SatTarget(p, participant_lower_bounds(p), 0, time.perf_counter() + 60.0)
    sat.raise_to(-best[1])  # as when CP-SAT refuted every target below the optimum
    sat.start()
    sat.wait()
    assert sat.found is not None
    assert sat.found_target == -best[1]
    assert check_schedule(p, timetable(sat.found)) == []
    assert total_breaks(p, timetable(sat.found)) == -best[1]


def test_search_on_an_infeasible_problem_finds_nothing() -> None:
    p = problem(["a-b", "a-c", "a-d"], n_slots=2)
    sat = SatTarget(p, participant_lower_bounds(p), 0, time.perf_counter() + 60.0)
    sat.start()
    sat.wait()
    assert sat.found is None
