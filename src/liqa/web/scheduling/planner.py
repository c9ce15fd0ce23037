"""The one place the web app calls the core's schedulers (it never schedules by itself).

A fresh plan is ``liqa.core.scheduling.planning.plan_event`` (brokerage scheduler or
itinerary planner by the event's kind). Re-planning around a previous version is
``liqa.core.scheduling.replanning.replan_event``, as for ``liqa plan --previous``: the
itinerary planner's re-plan (keeps every still-valid visit, changes as little as possible)
or the brokerage scheduler's minimal-change re-plan with the pinned meetings fixed in their
slots (and, when the organizer asks, every published meeting the change allows).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
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
    plan = _plan_of(outcome)
    if keep_published and event.kind is core.EventKind.BROKERAGE:
        plan = replace(plan, released=plan.released + _not_kept(event, previous, outcome))
    return plan


def _not_kept(
    event: core.Event, previous: core.Schedule, outcome: PlanOutcome
) -> tuple[Released, ...]:
    """The meetings of ``previous`` a re-plan keeping them in place still could not keep at
    their time and table, beyond those it lists: the change itself ruled that place out (a
    party no longer available then, their table gone), so the core placed them again as it
    places a new meeting. Each with where it was and, when its time is still open to it,
    the meetings now there with one of its parties or at its table. Meetings the event no
    longer has (dropped) are not listed."""
    from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
    from liqa.core.scheduling.brokerage.from_event import event_problem
    from liqa.core.scheduling.planning import Released

    assert event.brokerage is not None  # the re-plan has checked it
    problem = event_problem(event)
    meetings = {m.id: m for m in problem.meetings}
    slots = {slot.start: slot for slot in event.brokerage.slots()}  # on the event's clock
    listed = {r.meeting for r in outcome.released}
    now = {a.id: a for a in outcome.schedule.assignments if a.id in meetings}
    at: dict[datetime, list[core.Assignment]] = defaultdict(list)
    for a in now.values():
        at[a.start].append(a)
    out = []
    for was in sorted(previous.assignments, key=lambda a: (a.start, a.id)):
        meeting = meetings.get(was.id)
        if meeting is None or was.id in listed or was.format != core.MeetingFormat.ONE_TO_ONE:
            continue
        if set(meeting.parties) != set(was.parties):
            continue  # another meeting under a request's id: dropped
        new = now.get(was.id)
        if new is not None and (new.start, new.table) == (was.start, was.table):
            continue
        there: list[str] = []
        slot = slots.get(was.start)
        if slot is not None and slot.index in allowed_slots(problem, meeting):
            there = [
                a.id
                for a in at[was.start]
                if a.id != was.id
                and (set(a.parties) & set(was.parties) or (was.table and a.table == was.table))
            ]
        start = was.start if slot is None else slot.start
        out.append(Released(was.id, start, was.table, tuple(sorted(there))))
    return tuple(out)


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
