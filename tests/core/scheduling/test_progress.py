"""Live progress: reports in order, throttled, and a listener that stops the search."""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

import pytest

from liqa.core.missionfile import load_event
from liqa.core.scheduling.brokerage import Settings, Status, check_schedule, solve
from liqa.core.scheduling.brokerage.generate import generate
from liqa.core.scheduling.itinerary import Settings as TourSettings
from liqa.core.scheduling.itinerary import check_itinerary
from liqa.core.scheduling.itinerary import solve as tour_solve
from liqa.core.scheduling.itinerary.mission import build_model
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.scheduling.progress import MIN_INTERVAL, Progress, Reporter

DEMO = Path(__file__).resolve().parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


class Listener:
    """Collects every report; asks to stop once ``stop_when`` says so."""

    def __init__(self, stop_when: int | None = None) -> None:
        self.reports: list[Progress] = []
        self.stop_when = stop_when

    def __call__(self, report: Progress) -> bool:
        self.reports.append(report)
        found = [r for r in self.reports if r.objective is not None]
        return self.stop_when is None or len(found) < self.stop_when

    def objectives(self) -> list[float]:
        return [r.objective for r in self.reports if r.objective is not None]


def _non_decreasing(values: list[float]) -> bool:
    return all(a <= b for a, b in pairwise(values))


def test_reporter_sends_at_most_one_report_per_min_interval() -> None:
    listener = Listener()
    reporter = Reporter(listener)
    began = time.perf_counter()
    while time.perf_counter() - began < 3 * MIN_INTERVAL:
        reporter.offer("searching", improved=True, objective=1.0)
    elapsed = [r.elapsed for r in listener.reports]
    assert len(listener.reports) <= 4
    assert all(b - a >= MIN_INTERVAL * 0.99 for a, b in pairwise(elapsed))


def test_reporter_delivers_a_throttled_improvement_with_the_next_allowed_offer() -> None:
    listener = Listener()
    reporter = Reporter(listener)
    reporter.offer("searching", objective=5.0)
    reporter.offer("searching", improved=True, objective=4.0)  # too soon: held back
    time.sleep(MIN_INTERVAL * 1.2)
    reporter.offer("searching", objective=4.0)
    assert listener.objectives() == [5.0, 4.0]


def test_brokerage_reports_improving_solutions_then_the_optimum() -> None:
    problem = generate(20, 50, seed=1)  # every meeting fits; 6 breaks first, 0 at the optimum
    listener = Listener()
    result = solve(problem, Settings(time_limit=60.0, workers=1, on_progress=listener))
    objectives = listener.objectives()
    assert (result.status, result.breaks, result.stopped) == (Status.OPTIMAL, 0, False)
    assert check_schedule(problem, result.timetable) == []
    assert _non_decreasing([r.elapsed for r in listener.reports])
    assert _non_decreasing([-v for v in objectives])
    assert len(set(objectives)) >= 2
    assert [r.terms["breaks"] for r in listener.reports if r.objective is not None] == objectives
    found = [(r.objective, r.bound) for r in listener.reports if r.objective is not None]
    assert all(bound is not None and bound <= value for value, bound in found)


@pytest.mark.timeout(60)
def test_brokerage_stops_when_the_listener_says_so_with_a_valid_timetable() -> None:
    problem = generate(60, 200, seed=1)  # far from proven within the two-minute limit
    listener = Listener(stop_when=1)
    result = solve(problem, Settings(time_limit=120.0, workers=1, on_progress=listener))
    assert (result.status, result.stopped) == (Status.FEASIBLE, True)
    assert listener.reports[-1].objective is not None  # nothing reported after "stop"
    assert check_schedule(problem, result.timetable) == []
    assert len(result.timetable.placements) == len(problem.meetings)


class RisingListener(Listener):
    """Asks to stop once it has heard a value rise (two different values)."""

    def __call__(self, report: Progress) -> bool:
        self.reports.append(report)
        return len(set(self.objectives())) < 2


def test_mission_plan_reports_a_rising_value_and_a_bound() -> None:
    """The search runs until a value has risen, however slow the machine: with a time limit
    of 3 s, a loaded machine could end it before any better plan (``1 >= 2``)."""
    listener = RisingListener()
    settings = PlanSettings(time_limit=100.0, on_progress=listener)
    outcome = plan_event(load_event(DEMO), settings)
    objectives = listener.objectives()
    bounded = [r for r in listener.reports if r.bound is not None]
    assert (outcome.status, outcome.stopped) == ("feasible", True)
    assert _non_decreasing([r.elapsed for r in listener.reports])
    assert _non_decreasing(objectives)
    assert len(set(objectives)) >= 2
    assert bounded != []
    assert all(r.bound >= (r.objective or 0.0) for r in bounded if r.bound is not None)
    assert objectives[-1] <= outcome.objective["objective"]  # value + fairness term


@pytest.mark.timeout(60)
def test_itinerary_search_stops_when_asked_with_valid_routes() -> None:
    problem = build_model(load_event(DEMO)).problem
    listener = Listener(stop_when=2)
    result = tour_solve(problem, TourSettings(time_limit=120.0, seed=1, on_progress=listener))
    assert result.stopped
    assert listener.reports[-1].terms["value"] == result.score
    assert check_itinerary(problem, result.routes, result.score) == []


@pytest.mark.timeout(60)
def test_mission_plan_stopped_early_says_so() -> None:
    listener = Listener(stop_when=1)
    settings = PlanSettings(time_limit=120.0, on_progress=listener)
    outcome = plan_event(load_event(DEMO), settings)
    assert (outcome.status, outcome.stopped) == ("feasible", True)
    assert outcome.report.splitlines()[0].endswith(", stopped early")
