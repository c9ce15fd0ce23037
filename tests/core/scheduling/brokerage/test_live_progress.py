"""Live progress of the target search: the timetables improved by the annealing and by the
SAT engine's neighbourhood search are reported as they improve, and a listener that
answers False stops the run with the best of them."""

from __future__ import annotations

import dataclasses
import random
import time

from liqa.core.scheduling.brokerage import (
    Placement,
    Problem,
    Settings,
    Status,
    Timetable,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.bounds import participant_lower_bounds
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.primal import Primal
from liqa.core.scheduling.brokerage.sat_target import SatTarget
from liqa.core.scheduling.progress import Best, Progress, Reporter
from tests.core.scheduling.brokerage.factories import problem
from tests.core.scheduling.brokerage.test_sat_target import cycle


def breaks(p: Problem, slots: dict[str, int]) -> int:
    timetable = Timetable(tuple(Placement(m, t) for m, t in slots.items()))
    assert check_schedule(p, timetable) == []
    return total_breaks(p, timetable)


def test_best_is_lowered_only_by_a_better_objective() -> None:
    best = Best(objective=10, bound=0)
    reports: list[Progress] = []

    def listen(report: Progress) -> bool:
        reports.append(report)
        return True

    reporter = Reporter(listen)
    assert best.lower_to(7, {"breaks": 7})
    assert not best.lower_to(9, {"breaks": 9})  # another search's worse timetable
    assert not best.lower_to(7)
    assert best.report(reporter, "proving", force=True)
    assert (reports[-1].objective, reports[-1].terms) == (7, {"breaks": 7})


def test_sat_neighbourhood_search_reports_each_improvement() -> None:
    p = cycle()  # optimum 1, own bounds 0: the search never meets the bound
    start = {"m1": 0, "m2": 2, "m3": 1, "m4": 3}
    assert breaks(p, start) == 3
    heard: list[int] = []
    lower = participant_lower_bounds(p)
    # The ladder's share is over at once: the search improves the source's timetable.
    sat = SatTarget(p, lower, 0, time.perf_counter(), lambda: (start, 3), on_better=heard.append)
    sat.start()
    deadline = time.perf_counter() + 60.0
    while (sat.improved is None or sat.improved[1] > 1) and time.perf_counter() < deadline:
        time.sleep(0.01)
    sat.stop()
    assert sat.improved is not None
    assert heard
    assert heard == sorted(set(heard), reverse=True)  # each one better than the last
    assert heard[0] < 3
    assert heard[-1] == sat.improved[1] == breaks(p, sat.improved[0]) == 1


def test_annealing_reports_each_new_best() -> None:
    # a-b-c-d-e at one table in 8 slots, from a timetable where b, c and d have a break.
    p = problem(["a-b", "b-c", "c-d", "d-e"], n_slots=8, tables=1)
    start = {"m1": 0, "m2": 2, "m3": 4, "m4": 6}
    assert breaks(p, start) == 3
    heard: list[int] = []
    primal = Primal(p, start, 0, time.perf_counter() + 60.0, on_better=heard.append)
    primal.target = 0  # annealing ends when it meets it
    primal.start()
    deadline = time.perf_counter() + 60.0
    while not primal.reached() and time.perf_counter() < deadline:
        time.sleep(0.01)
    primal.stop()
    assert heard[0] == 3
    assert heard == sorted(set(heard), reverse=True)
    assert primal.best is not None
    assert heard[-1] == primal.breaks == breaks(p, primal.best)


def hard_enough() -> Problem:
    """24 people, 80 random meetings, 12 slots, 7 tables, fairness 2: greedy leaves a
    meeting out (no valid timetable to report at first), and the optimum is not proven
    within seconds (bound 2, best 6 after 8 s, measured)."""
    rng = random.Random(1)
    ids = [f"p{i:02d}" for i in range(24)]
    pairs: set[tuple[str, ...]] = set()
    while len(pairs) < 80:
        pairs.add(tuple(sorted(rng.sample(ids, 2))))
    pairs_text = [f"{a}-{b}" for a, b in sorted(pairs)]
    return dataclasses.replace(problem(pairs_text, n_slots=12, tables=7), max_break_spread=2)


def test_listener_hears_the_engines_timetables_and_stops_them() -> None:
    p = hard_enough()
    reports: list[Progress] = []

    def listen(report: Progress) -> bool:
        reports.append(report)
        heard = {r.objective for r in reports if r.objective is not None}
        return len(heard) < 2  # stop once a timetable was improved on (by an engine)

    result = solve(p, Settings(time_limit=30.0, on_progress=listen))
    assert result.stopped
    assert result.status == Status.FEASIBLE
    assert check_schedule(p, result.timetable) == []
    objectives = [r.objective for r in reports if r.objective is not None]
    assert objectives == sorted(objectives, reverse=True)  # never worse than reported
    assert all(r.terms == {"breaks": r.objective} for r in reports if r.objective is not None)
    bounds = [r.bound for r in reports if r.phase == "proving"]
    assert bounds == sorted(bounds)  # type: ignore[type-var]
    assert result.breaks is not None
    assert result.breaks <= objectives[-1]
