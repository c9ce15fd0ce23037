"""The large-instance method (greedy, insertion, annealing) and its cheap bound."""

from __future__ import annotations

import dataclasses

from liqa.core.scheduling.brokerage import (
    Settings,
    Status,
    check_schedule,
    greedy,
    solve,
)
from liqa.core.scheduling.brokerage.bounds import participant_lower_bounds, quick_lower_bounds
from liqa.core.scheduling.brokerage.generate import generate
from liqa.core.scheduling.brokerage.lns import large_enough
from liqa.core.scheduling.progress import Progress

from .factories import people, problem, slots

LNS = Settings(time_limit=2.0, method="lns")
SEARCH = Settings(time_limit=100.0, method="lns")
"""For tests that stop the search once it has done what they check (never the time)."""


def test_lns_places_the_meeting_greedy_left_out() -> None:
    """The search runs until every meeting is placed with no more breaks than greedy's,
    however slow the machine: with a time limit of 2 s, a loaded machine left greedy's
    run no time to place it."""
    p = generate(100, 500, days=1, slots_per_session=10, seed=2)
    base = greedy(p)
    every = sum(m.priority for m in p.meetings)

    def until_done(report: Progress) -> bool:
        done = report.terms.get("scheduled_priority") == every
        return not (done and report.terms["breaks"] <= base.breaks)

    result = solve(p, dataclasses.replace(SEARCH, on_progress=until_done))
    assert len(base.timetable.placements) == 499
    assert check_schedule(p, result.timetable) == []
    assert (result.method, result.status, result.unplaced) == ("lns", Status.FEASIBLE, ())
    assert len(result.timetable.placements) == 500
    assert result.breaks <= base.breaks
    assert result.bound == sum(quick_lower_bounds(p).values())
    assert result.gap == result.breaks - result.bound


def test_lns_never_loses_scheduled_priority_and_explains_what_is_left_out() -> None:
    p = generate(80, 400, days=1, slots_per_session=5, seed=0)
    base = greedy(p)
    result = solve(p, LNS)
    assert check_schedule(p, result.timetable) == []
    assert result.objective["scheduled_priority"] >= base.objective["scheduled_priority"]
    placed = {x.meeting for x in result.timetable.placements}
    assert {u.meeting for u in result.unplaced} == {m.id for m in p.meetings} - placed
    # Not every meeting is placed: the bound (for complete timetables) is not claimed.
    assert result.unplaced
    assert (result.bound, result.gap) == (None, None)


def test_lns_returns_a_valid_timetable_under_a_tiny_time_limit() -> None:
    p = generate(200, 1000, days=1, slots_per_session=10, seed=5)
    base = greedy(p)
    result = solve(p, Settings(time_limit=0.1, method="lns"))
    assert check_schedule(p, result.timetable) == []
    assert result.objective["scheduled_priority"] >= base.objective["scheduled_priority"]


def test_lns_on_several_days_cuts_greedy_breaks() -> None:
    p = generate(150, 600, days=2, slots_per_session=6, seed=1)
    base = greedy(p)
    result = solve(p, LNS)
    assert check_schedule(p, result.timetable) == []
    assert len(result.timetable.placements) == len(base.timetable.placements) == len(p.meetings)
    assert result.breaks < base.breaks


def test_lns_keeps_capacities_own_tables_precedences_and_session_limits() -> None:
    p = generate(40, 120, days=1, slots_per_session=5, seed=1)
    parts = list(p.participants)
    parts[0] = dataclasses.replace(parts[0], capacity=2)
    parts[1] = dataclasses.replace(parts[1], table=1)
    ms = list(p.meetings)
    ms[5] = dataclasses.replace(ms[5], after=(ms[4].id,))
    ms[7] = dataclasses.replace(ms[7], session="d1-s2")
    ms[9] = dataclasses.replace(ms[9], fixed_slot=3)
    p = dataclasses.replace(
        p, participants=tuple(parts), meetings=tuple(ms), max_meetings_per_session=4
    )
    base = greedy(p)
    result = solve(p, LNS)
    assert check_schedule(p, result.timetable) == []
    mine = (result.objective["scheduled_priority"], -result.breaks)
    assert mine >= (base.objective["scheduled_priority"], -base.breaks)


def test_lns_reports_improving_breaks_and_the_bound() -> None:
    """The search runs until it has reported the bound (every meeting placed), however
    slow the machine: with a time limit of 2 s, a loaded machine could report no search at
    all. The last report of a run that is not stopped: test_last_report.py."""
    p = generate(100, 500, days=1, slots_per_session=10, seed=2)
    reports: list[Progress] = []

    def listen(report: Progress) -> bool:
        reports.append(report)
        return not (report.phase == "searching" and report.bound is not None)

    result = solve(p, dataclasses.replace(SEARCH, on_progress=listen))
    searching = [r for r in reports if r.phase == "searching"]
    assert searching
    assert all(r.terms["breaks"] >= result.breaks for r in searching)
    last = reports[-1]
    assert result.stopped
    assert (last.phase, last.terms["breaks"], last.bound) == (
        "searching",
        result.breaks,
        result.bound,
    )
    assert result.bound == sum(quick_lower_bounds(p).values())


def test_lns_stops_when_the_listener_says_so() -> None:
    p = generate(100, 500, days=1, slots_per_session=10, seed=2)

    def stop_when_searching(report: Progress) -> bool:
        return report.phase != "searching"

    settings = Settings(time_limit=30.0, method="lns", on_progress=stop_when_searching)
    result = solve(p, settings)
    assert result.stopped
    assert check_schedule(p, result.timetable) == []


def test_solve_switches_to_lns_above_the_threshold_only() -> None:
    p = generate(60, 300, days=1, slots_per_session=5, seed=2)
    assert large_enough(p, Settings(large_above=1000))
    assert not large_enough(p, Settings(large_above=None))
    assert not large_enough(p, Settings())
    assert not large_enough(dataclasses.replace(p, max_break_spread=2), Settings(large_above=1))
    assert solve(p, Settings(time_limit=2.0, large_above=1000)).method == "lns"
    assert solve(p, Settings(time_limit=2.0)).method == "cpsat"


def test_quick_lower_bound_counts_a_break_forced_by_availability() -> None:
    p = dataclasses.replace(
        problem(["a-b", "a-c", "a-d"], n_slots=4),
        participants=people("a", "b", "c", "d", a={1}),
    )
    assert quick_lower_bounds(p) == {"a": 1, "b": 0, "c": 0, "d": 0}
    result = solve(p, Settings(time_limit=5.0))
    assert (result.status, result.breaks) == (Status.OPTIMAL, 1)


def test_quick_lower_bound_uses_the_blocks() -> None:
    # Two blocks of 3 slots; 4 meetings fit as 3 + 1 without a break.
    p = dataclasses.replace(
        problem(["a-b", "a-c", "a-d", "a-e"], n_slots=6),
        slots=slots(3, "s1") + slots(3, "s2"),
        participants=people("a", "b", "c", "d", "e", a={1}),
    )
    # Block 1 has runs [1, 1] (slot 1 away), block 2 one run of 3: 3 + 1 costs nothing.
    assert quick_lower_bounds(p)["a"] == 0
    p2 = dataclasses.replace(p, participants=people("a", "b", "c", "d", "e", a={1, 4}))
    # Block 2 now has runs [1, 1] too: 4 meetings in runs of 1, 1, 1, 1 -> 2 breaks.
    assert quick_lower_bounds(p2)["a"] == 2


def test_quick_lower_bounds_never_exceed_the_exact_ones() -> None:
    for seed in range(4):
        p = dataclasses.replace(
            generate(12, 30, days=1, slots_per_session=3, seed=seed), require_all=True
        )
        quick = quick_lower_bounds(p)
        exact = participant_lower_bounds(p)
        assert all(quick[pid] <= exact[pid] for pid in exact)
        result = solve(p, Settings(time_limit=5.0))
        if result.status == Status.OPTIMAL:
            assert sum(quick.values()) <= result.breaks
