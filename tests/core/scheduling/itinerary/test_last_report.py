"""The itinerary planner ends with one last progress report (phase ``finishing``) carrying
the plan's own figures, as the brokerage solver does: a listener heard only the search's
reports before (the polished plan's value, terms and status never reached it), and a
re-plan sent nothing at all."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from liqa.core.missionfile import load_event
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.scheduling.progress import Progress
from liqa.core.scheduling.replanning import replan_event

DEMO = Path(__file__).parents[4] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


class Listener:
    """Keeps every report; asks to stop after ``stop_after`` reports with an objective."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.reports: list[Progress] = []
        self.stop_after = stop_after

    def __call__(self, report: Progress) -> bool:
        self.reports.append(report)
        found = sum(1 for r in self.reports if r.objective is not None)
        return self.stop_after is None or found < self.stop_after


def test_a_mission_plan_ends_with_the_plans_figures_status_and_bound() -> None:
    listener = Listener()
    outcome = plan_event(load_event(DEMO), PlanSettings(time_limit=1.0, on_progress=listener))
    phases = [r.phase for r in listener.reports]
    assert phases.count("finishing") == 1
    last = listener.reports[-1]
    assert last.phase == "finishing"
    assert (last.status, outcome.status) == ("feasible", "feasible")
    assert last.objective == outcome.objective["objective"]  # value + the fairness term
    assert last.terms == outcome.objective
    assert last.bound is not None
    assert outcome.bound is not None
    assert last.bound >= last.objective
    assert last.bound >= max(r.bound or 0.0 for r in listener.reports[:-1]) - 1e-9
    assert last.gap == pytest.approx((last.bound - last.objective) / last.bound)
    assert all(r.status is None for r in listener.reports[:-1])
    assert all(a.elapsed <= b.elapsed for a, b in pairwise(listener.reports))


def test_a_listener_that_stopped_the_plan_hears_no_more() -> None:
    listener = Listener(stop_after=1)
    outcome = plan_event(load_event(DEMO), PlanSettings(time_limit=60.0, on_progress=listener))
    assert outcome.stopped
    assert "finishing" not in [r.phase for r in listener.reports]


def test_an_itinerary_replan_reports_its_result_once() -> None:
    event = load_event(DEMO)
    first = plan_event(event, PlanSettings(time_limit=1.0))
    listener = Listener()
    again = replan_event(event, first.schedule, PlanSettings(on_progress=listener))
    (last,) = listener.reports
    assert (last.phase, last.status, last.bound) == ("finishing", "feasible", None)
    assert last.terms == again.objective
    assert last.objective == again.objective["objective"]
