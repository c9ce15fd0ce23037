"""Plan any event: dispatch to the brokerage scheduler or the itinerary planner by its kind.

One settings object for both, one outcome record with the domain :class:`Schedule`, the
solver's status, each objective term by name, the bound and gap, and a plain-text report
(no Rich) that the CLI prints and tests compare.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from liqa.core.model import Event, EventKind, Schedule, pick
from liqa.core.outputs.labels import item_titles
from liqa.core.scheduling.progress import OnProgress, relative_gap
from liqa.core.scheduling.reasons import reason_words

Method = Literal["optimal", "greedy"]


@dataclass(frozen=True)
class PlanSettings:
    """How to plan: time limit (seconds), solver workers, seed, method, solver log, and
    an optional listener for live progress (see :mod:`liqa.core.scheduling.progress`)."""

    time_limit: float = 10.0
    workers: int = 2
    seed: int = 0
    method: Method = "optimal"
    log: bool = False
    on_progress: OnProgress | None = field(default=None, compare=False, repr=False)
    """Called with each :class:`~liqa.core.scheduling.progress.Progress`; False stops the
    search, which then returns the best schedule found so far (``stopped`` is set)."""
    lang: str = "en"
    """Language of the itinerary in the report (ar, fr or en)."""


@dataclass(frozen=True)
class PlanOutcome:
    """A planned event: the schedule, how good it is, and a readable report.

    ``gap`` is relative (0.05 = the best possible is at most 5 % better), for both kinds.
    """

    schedule: Schedule
    status: str
    objective: Mapping[str, float] = field(default_factory=dict)
    bound: float | None = None
    gap: float | None = None
    seconds: float = 0.0
    report: str = ""
    stopped: bool = False
    """True when the listener stopped the search early (the best schedule found so far)."""


def plan_event(event: Event, settings: PlanSettings | None = None) -> PlanOutcome:
    """Schedule a brokerage event or plan a trade mission's itinerary."""
    settings = settings or PlanSettings()
    if event.kind is EventKind.BROKERAGE:
        return _plan_brokerage(event, settings)
    return _plan_itinerary(event, settings)


def _plan_itinerary(event: Event, settings: PlanSettings) -> PlanOutcome:
    from liqa.core.scheduling.itinerary import Settings
    from liqa.core.scheduling.itinerary.plan import plan_itinerary
    from liqa.core.scheduling.itinerary.render import render_itinerary

    schedule, result = plan_itinerary(
        event,
        Settings(
            time_limit=settings.time_limit,
            seed=settings.seed,
            log=settings.log,
            on_progress=settings.on_progress,
        ),
    )
    terms = dict(result.terms)
    lines = [
        f"Plan: {result.method}, value {result.score:g}"
        + (f", bound {result.bound:g}, gap {result.gap:.1%}" if result.gap is not None else "")
        + f", {result.seconds:.1f} s"
        + (", stopped early" if result.stopped else ""),
        "Objective terms: " + ", ".join(f"{k} = {v:g}" for k, v in terms.items()),
        "",
        render_itinerary(event, schedule, settings.lang),
    ]
    return PlanOutcome(
        schedule=schedule,
        status="feasible" if not result.missing_required else "infeasible",
        objective=terms,
        bound=result.bound,
        gap=result.gap,
        seconds=result.seconds,
        report="\n".join(lines),
        stopped=result.stopped,
    )


def _plan_brokerage(event: Event, settings: PlanSettings) -> PlanOutcome:
    from liqa.core.scheduling.brokerage import Settings
    from liqa.core.scheduling.brokerage.from_event import plan_brokerage

    schedule, result = plan_brokerage(
        event,
        Settings(
            time_limit=settings.time_limit,
            workers=settings.workers,
            seed=settings.seed,
            log=settings.log,
            method="greedy" if settings.method == "greedy" else "cpsat",
            on_progress=settings.on_progress,
        ),
    )
    objective = {name: float(value) for name, value in result.objective.items()}
    # The solver's gap is absolute (breaks, or the weighted cost, minus the bound).
    solved = objective.get("weighted", objective.get("breaks"))
    gap = relative_gap(solved, result.bound) if result.gap is not None else None
    lines = [
        f"Schedule: {result.status.value} ({result.method}), {result.seconds:.1f} s"
        + (", stopped early" if result.stopped else "")
        + (f", breaks bound {result.bound:g}" if result.bound is not None else "")
        + (f", gap {gap:.1%}" if gap is not None else ""),
        "Objective terms: " + ", ".join(f"{k} = {v:g}" for k, v in objective.items()),
        f"Meetings placed: {len(schedule.assignments)}; not placed: {len(schedule.unplaced)}",
    ]
    people = {p.id: p for p in event.people}
    titles = item_titles(event, (u.id for u in schedule.unplaced))
    for unplaced in schedule.unplaced:
        text = f"  - {titles[unplaced.id]} ({unplaced.id}): {reason_words(unplaced.reason)}"
        if unplaced.detail:
            text += f" — {unplaced.detail}"
        lines.append(text)
    busiest = sorted(people, key=lambda pid: -len(schedule.for_person(pid)))[:1]
    for pid in busiest:
        lines.append(f"Busiest participant: {people[pid].name} ({len(schedule.for_person(pid))})")
    lines.insert(0, f"Event: {pick(event.title, 'en') or event.id}")
    return PlanOutcome(
        schedule=schedule,
        status=result.status.value,
        objective=objective,
        bound=result.bound,
        gap=gap,
        seconds=result.seconds,
        report="\n".join(lines),
        stopped=result.stopped,
    )
