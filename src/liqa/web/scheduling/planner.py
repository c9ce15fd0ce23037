"""The one place the web app calls the core's schedulers (it never schedules by itself).

A fresh plan is ``liqa.core.scheduling.planning.plan_event`` (brokerage scheduler or
itinerary planner by the event's kind). Re-planning around a previous version is the
itinerary planner's :func:`replan` (keeps every still-valid visit, changes as little as
possible); brokerage re-planning is wired when the core exposes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from liqa.core import model as core


class PlannerMissing(RuntimeError):
    """This build of liqa has no planner for what was asked."""


@dataclass(frozen=True)
class Plan:
    """A planned schedule with the figures the run record shows."""

    schedule: core.Schedule
    status: str
    objective: Mapping[str, float] = field(default_factory=dict)
    bound: float | None = None
    gap: float | None = None


def _fresh(event: core.Event, time_limit: float) -> Plan:
    try:
        from liqa.core.scheduling.planning import PlanSettings, plan_event
    except ImportError as error:
        raise PlannerMissing(f"the core planner is not available: {error}") from error
    outcome = plan_event(event, PlanSettings(time_limit=time_limit))
    return Plan(outcome.schedule, outcome.status, outcome.objective, outcome.bound, outcome.gap)


def _replan(event: core.Event, previous: core.Schedule) -> Plan:
    if event.kind is core.EventKind.BROKERAGE:
        raise PlannerMissing(
            "re-planning a brokerage event around a previous version is not available yet; "
            "run the scheduler without a base version"
        )
    from liqa.core.scheduling import itinerary

    schedule, result, _changes = itinerary.replan(event, previous)
    return Plan(schedule, schedule.provenance.status, dict(result.terms), result.bound, result.gap)


def plan(event: core.Event, *, time_limit: float, previous: core.Schedule | None = None) -> Plan:
    """Plan ``event`` with the core (re-plan around ``previous`` when given)."""
    if previous is not None:
        return _replan(event, previous)
    return _fresh(event, time_limit)
