"""The web app re-plans through the core's one re-plan (``replanning.replan_event``, as
``liqa plan --previous``): the itinerary re-plan used to be called apart and told its
listener nothing, so a run page never heard how the re-plan ended."""

from __future__ import annotations

from pathlib import Path

from liqa.core.missionfile import load_event
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.scheduling.progress import Progress
from liqa.core.scheduling.replanning import replan_event
from liqa.web.scheduling import planner

DEMO = Path(__file__).parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


def test_the_web_itinerary_replan_ends_with_one_last_report_as_the_cli_does() -> None:
    event = load_event(DEMO)
    first = plan_event(event, PlanSettings(time_limit=1.0)).schedule
    heard: list[Progress] = []

    def listen(report: Progress) -> bool:
        heard.append(report)
        return True

    plan = planner.plan(event, time_limit=1.0, previous=first, on_progress=listen)
    (last,) = heard
    assert last.phase == "finishing"
    assert last.terms == plan.objective
    cli = replan_event(event, first, PlanSettings(time_limit=1.0))
    assert (plan.status, dict(plan.objective), plan.bound, plan.gap) == (
        cli.status,
        dict(cli.objective),
        cli.bound,
        cli.gap,
    )
    assert plan.schedule.assignments == cli.schedule.assignments
