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
from tests.core.scheduling.brokerage.strategies import breaks_range, gappy_problems
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


def run(p: Problem, before: int | None = None) -> tuple[SatTarget, list[int]]:
    """Glucose's search alone on ``p`` from the participants' own bound, with CP-SAT's
    question at that first target simulated: the list holds the bound each time that
    question was stopped. ``before``: every target below it refuted elsewhere first."""
    lower = participant_lower_bounds(p)
    sat = SatTarget(p, lower, sum(lower.values()), time.perf_counter() + 60.0)
    stops: list[int] = []
    sat.watch_exact(sat.bound, lambda: stops.append(sat.bound))
    if before is not None:
        sat.raise_to(before)
    sat.start()
    sat.wait()
    return sat, stops


def two_cycles() -> Problem:
    """Two cycles of four (as :func:`cycle`) in two halves of one session at one table:
    one break each, so two in all, though everyone alone could meet without a break."""
    base = problem(["a-b", "b-c", "c-d", "a-d", "e-f", "f-g", "g-h", "e-h"], n_slots=8, tables=1)
    late, early = set(range(4, 8)), set(range(4))
    return dataclasses.replace(
        base,
        participants=tuple(
            Participant(p.id, unavailable=frozenset(late if p.id < "e" else early))
            for p in base.participants
        ),
    )


def test_search_climbs_two_refutations_to_the_optimum() -> None:
    p = two_cycles()
    assert sum(participant_lower_bounds(p).values()) == 0
    assert exhaustive_breaks(cycle()) == 1  # each half (the whole is too big to enumerate)
    sat, stops = run(p)
    # CP-SAT's question at 0 is stopped when 0 is refuted, again when 1 is, and again when
    # the optimum is found at 2.
    assert stops == [1, 2, 2]
    assert (sat.bound, sat.found_target) == (2, 2)
    assert sat.found is not None
    assert check_schedule(p, timetable(sat.found)) == []
    assert total_breaks(p, timetable(sat.found)) == 2


def exhaustive_breaks(p: Problem) -> int | None:
    """The fewest breaks with every meeting placed, by exhaustive search (None: none)."""
    best = exhaustive(p)
    if best is None:
        return None
    assert best[0] == sum(m.priority for m in p.meetings)  # every meeting placed
    return -best[1]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(tiny_problems(), st.booleans())
def test_search_proves_the_exhaustive_optimum(drawn: Problem, elsewhere: bool) -> None:
    p = dataclasses.replace(drawn, require_all=True)
    optimum = exhaustive_breaks(p)
    if optimum is None:
        sat, _stops = run(p, None)
        assert sat.found is None
        return
    _search_proves(p, optimum, elsewhere)


def _search_proves(p: Problem, optimum: int, elsewhere: bool) -> None:
    """The search alone ends at ``optimum`` (the exhaustive one) with a valid timetable of
    that many breaks, or, when the total cannot count past it, asks nothing."""
    lower = sum(participant_lower_bounds(p).values())
    # With ``elsewhere``, CP-SAT's refutation of the participants' own bound is simulated.
    before = lower + 1 if elsewhere and optimum > lower else None
    sat, stops = run(p, before)
    if optimum > lower and (sat.found is not None or before is None):
        assert stops  # the question at the own bound was stopped (refuted)
    if sat.found is None:
        # Only when the total cannot count past the optimum (every break literal true in
        # every timetable, as with a-b three times in slots 0, 2, 3) is nothing asked:
        # CP-SAT answers then (and with ``before`` it answered the own bound itself).
        counted = encode(p, participant_lower_bounds(p), lower + 65).total
        assert len(counted) <= optimum
        assert sat.bound == optimum
        return
    assert (sat.found_target, sat.bound) == (optimum, optimum)
    assert check_schedule(p, timetable(sat.found)) == []
    assert total_breaks(p, timetable(sat.found)) == optimum


def test_search_on_an_infeasible_problem_finds_nothing() -> None:
    p = problem(["a-b", "a-c", "a-d"], n_slots=2)
    sat = SatTarget(p, participant_lower_bounds(p), 0, time.perf_counter() + 60.0)
    sat.start()
    sat.wait()
    assert sat.found is None


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(gappy_problems(), st.booleans())
def test_cnf_counts_breaks_like_exhaustive_search(p: Problem, bounds: bool) -> None:
    # Problems with breaks to remove: "at most T" is refuted below the optimum and
    # answered, with a valid timetable of at most T breaks, from it to the worst timetable.
    found = breaks_range(p)
    assert found is not None  # the planted timetable is valid
    optimum, worst = found[:2]
    if optimum > 0:
        assert answer(p, optimum - 1, bounds) is None
    for target in range(optimum, worst + 1):
        slots = answer(p, target, bounds)
        assert slots is not None
        assert check_schedule(p, timetable(slots)) == []
        assert optimum <= total_breaks(p, timetable(slots)) <= target


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(gappy_problems(), st.booleans())
def test_search_proves_the_exhaustive_optimum_of_breaks(p: Problem, elsewhere: bool) -> None:
    found = breaks_range(p)
    assert found is not None
    _search_proves(p, found[0], elsewhere)
