"""The slot-capacity bound: never above the optimum (exhaustive search on tiny problems),
above the participants' own bounds where the tables are few, and raised into the target
search's shared bound before Glucose starts."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Problem,
    Settings,
    SlotInfo,
    Status,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.bounds import participant_lower_bounds
from liqa.core.scheduling.brokerage.capacity_bound import CapacityBound, applies, capacity_bound
from liqa.core.scheduling.brokerage.dzn import read_dzn
from liqa.core.scheduling.brokerage.sat_target import SatTarget
from tests.core.scheduling.brokerage.factories import problem
from tests.core.scheduling.brokerage.test_exhaustive import exhaustive, tiny_problems

TIC13C = Path(__file__).parents[4] / "../shared/bench/b2b/instances/tic-13crafc.original.dzn"


def proof(p: Problem) -> CapacityBound | None:
    return capacity_bound(p, participant_lower_bounds(p), time.perf_counter() + 60.0)


def bound(p: Problem) -> int | None:
    """The relaxation's bound (None: not computed; the tests below never draw an
    instance without a timetable here)."""
    found = proof(p)
    assert found is None or found.breaks is not None
    return None if found is None else found.breaks


def triangle() -> Problem:
    """Three people, each meeting the two others, in three slots at one table: one meeting
    per slot, so whoever meets first and last has a break; alone, each could meet
    without one."""
    return problem(["a-b", "b-c", "a-c"], n_slots=3, tables=1)


def test_bound_sees_what_the_own_bounds_miss() -> None:
    p = triangle()
    assert sum(participant_lower_bounds(p).values()) == 0
    best = exhaustive(p)
    assert best is not None
    assert -best[1] == 1
    assert bound(p) == 1


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(tiny_problems())
def test_bound_never_exceeds_the_optimum(drawn: Problem) -> None:
    p = dataclasses.replace(drawn, require_all=True)
    got = proof(p)
    best = exhaustive(p)
    if got is None:
        return
    if got.breaks is None:
        assert best is None  # "no timetable" only when there is none
        return
    if best is not None:
        assert sum(participant_lower_bounds(p).values()) <= got.breaks <= -best[1]


def crowded() -> Problem:
    """Four people meeting all round in three slots at one table: six meetings, at most
    three fit — the relaxation sees it at once (busy people would exceed two per slot)."""
    return problem(["a-b", "a-c", "a-d", "b-c", "b-d", "c-d"], n_slots=3, tables=1)


def test_no_timetable_is_proven_and_reported() -> None:
    p = crowded()
    assert exhaustive(p) is None
    assert proof(p) == CapacityBound(None)
    sat = SatTarget(p, participant_lower_bounds(p), 0, time.perf_counter() + 60.0)
    stopped: list[str] = []
    sat.watch_exact(0, lambda: stopped.append("question at 0"))
    sat.watch_any(lambda: stopped.append("any timetable"))
    sat.relax()
    assert sat.impossible
    assert sorted(stopped) == ["any timetable", "question at 0"]
    result = solve(p, Settings(time_limit=20.0, workers=2))
    assert result.status == Status.INFEASIBLE
    assert result.timetable.placements == ()


def test_bound_only_where_valid() -> None:
    p = triangle()
    assert applies(p)
    two_blocks = dataclasses.replace(p, slots=(SlotInfo("am", "am"), *[SlotInfo("pm", "pm")] * 2))
    organisation = dataclasses.replace(
        p, participants=(Participant("a", capacity=2), *p.participants[1:])
    )
    extra = dataclasses.replace(
        p, meetings=(Meeting("m1", ("a", "b"), attendees=("c",)), *p.meetings[1:])
    )
    optional = dataclasses.replace(p, require_all=False)
    for other in (two_blocks, organisation, extra, optional):
        assert not applies(other)
        assert bound(other) is None


def test_sat_engine_raises_its_bound_from_the_capacity_bound() -> None:
    p = triangle()
    lower = participant_lower_bounds(p)
    stopped: list[str] = []
    sat = SatTarget(p, lower, 0, time.perf_counter() + 60.0)
    sat.watch_exact(0, lambda: stopped.append("question at 0"))
    sat.relax()  # before any clause: the relaxation alone refutes 0
    assert (sat.bound, stopped) == (1, ["question at 0"])


def test_target_search_proves_the_triangle() -> None:
    p = triangle()
    result = solve(p, Settings(time_limit=20.0, workers=2))
    assert result.status == Status.OPTIMAL
    assert check_schedule(p, result.timetable) == []
    assert result.objective["breaks"] == result.bound == 1


@pytest.mark.skipif(not TIC13C.exists(), reason="benchmark instances not checked out")
def test_tic13crafc_bound_is_its_optimum() -> None:
    # 47 participants, 180 meetings, 10 slots, 19 tables: everyone alone fits without a
    # break, yet the optimum (published, with d = 2) is 4 — which the relaxation proves.
    p = read_dzn(TIC13C, fairness=2)
    assert sum(participant_lower_bounds(p).values()) == 0
    assert bound(p) == 4
