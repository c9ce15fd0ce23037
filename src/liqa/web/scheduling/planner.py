"""The one place the web app calls the core's schedulers (it never schedules by itself).

A fresh plan is ``liqa.core.scheduling.planning.plan_event`` (brokerage scheduler or
itinerary planner by the event's kind). Re-planning around a previous version is
``liqa.core.scheduling.replanning.replan_event``, as for ``liqa plan --previous``: the
itinerary planner's re-plan (keeps every still-valid visit, changes as little as possible)
or the brokerage scheduler's minimal-change re-plan with the pinned meetings fixed in their
slots (and, when the organizer asks, every published meeting the change allows).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from liqa.core import model as core
from liqa.core.scheduling.progress import OnProgress

if TYPE_CHECKING:
    from liqa.core.scheduling.planning import PlanOutcome, Released


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
    """Relative (0.05 = the best possible is at most 5 % better)."""
    bound_term: str | None = None
    """The objective term the bound and gap are for (the core's ``bound_term``)."""
    released: tuple[Released, ...] = ()
    """Published meetings a re-plan keeping them in place had to move (the core's
    ``PlanOutcome.released``)."""

    def released_records(self) -> list[dict[str, object]]:
        """:attr:`released` as ``Run.released`` keeps it (JSON: ids and an ISO instant)."""
        return [
            {
                "meeting": r.meeting,
                "start": r.start.isoformat(),
                "table": r.table,
                "blockers": list(r.blockers),
            }
            for r in self.released
        ]


def _plan_of(outcome: PlanOutcome) -> Plan:
    """What the web keeps of the core's :class:`PlanOutcome`."""
    return Plan(
        outcome.schedule,
        outcome.status,
        outcome.objective,
        outcome.bound,
        outcome.gap,
        outcome.bound_term,
        outcome.released,
    )


def _fresh(event: core.Event, time_limit: float, on_progress: OnProgress | None) -> Plan:
    try:
        from liqa.core.scheduling.planning import PlanSettings, plan_event
    except ImportError as error:
        raise PlannerMissing(f"the core planner is not available: {error}") from error
    outcome = plan_event(event, PlanSettings(time_limit=time_limit, on_progress=on_progress))
    return _plan_of(outcome)


def _replan(
    event: core.Event,
    previous: core.Schedule,
    time_limit: float,
    on_progress: OnProgress | None,
    keep_published: bool = False,
) -> Plan:
    """The core's re-plan (:func:`~liqa.core.scheduling.replanning.replan_event`, as
    ``liqa plan --previous``): minimal change, the previous version's pins fixed in place;
    with ``keep_published``, its other meetings too wherever still allowed."""
    if event.kind is core.EventKind.BROKERAGE and event.brokerage is None:
        raise PlannerMissing("this brokerage event has no sessions and tables yet")
    from liqa.core.scheduling.planning import PlanSettings
    from liqa.core.scheduling.replanning import replan_event

    settings = PlanSettings(time_limit=time_limit, on_progress=on_progress)
    outcome = replan_event(event, previous, settings, keep_published=keep_published)
    return _plan_of(outcome)


def plan(
    event: core.Event,
    *,
    time_limit: float,
    previous: core.Schedule | None = None,
    on_progress: OnProgress | None = None,
    keep_published: bool = False,
) -> Plan:
    """Plan ``event`` with the core (re-plan around ``previous`` when given; with
    ``keep_published``, keeping ``previous``'s meetings in place wherever still allowed).

    ``on_progress`` hears the solver's live progress and may stop it (see
    :mod:`liqa.core.scheduling.progress`); every path ends with one last report.
    """
    if previous is not None:
        return _replan(event, previous, time_limit, on_progress, keep_published)
    return _fresh(event, time_limit, on_progress)
