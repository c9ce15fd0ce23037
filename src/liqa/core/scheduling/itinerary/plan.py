"""Plan a trade mission's itinerary: build the model, search, check, and return a Schedule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from liqa.core.model import Assignment, Event, MeetingFormat, Provenance, Schedule
from liqa.core.scheduling.itinerary.check import check_itinerary
from liqa.core.scheduling.itinerary.explain import explain_unplaced
from liqa.core.scheduling.itinerary.groups import Subgroup
from liqa.core.scheduling.itinerary.mission import (
    MissionModel,
    build_model,
    delegation_members,
    visit_value,
)
from liqa.core.scheduling.itinerary.polish import polish
from liqa.core.scheduling.itinerary.problem import Result, Settings
from liqa.core.scheduling.itinerary.progress import Merged
from liqa.core.scheduling.itinerary.search import solve, timer
from liqa.core.scheduling.itinerary.timeline import timeline


class PlanningError(RuntimeError):
    """The planner produced routes its own checker rejects: a bug, reported with details."""


def plan_itinerary(
    event: Event, settings: Settings | None = None, groups: list[Subgroup] | None = None
) -> tuple[Schedule, Result]:
    """The best itinerary found for a trade mission, as a Schedule, with the search result.

    The schedule holds the site visits (attendees = the subgroup's members, ``group`` = the
    subgroup id, travel minutes before), lunch breaks and the fixed items, plus an
    :class:`~liqa.core.model.Unplaced` record with a reason for every visit not made.
    When the delegation may split, the plan with subgroups competes with the plan that
    keeps everyone together (each gets half the time; not when some members must be kept
    apart) and the more valuable one wins.
    """
    settings = settings or Settings(time_limit=3.0)
    options: list[list[Subgroup] | None] = [groups]
    everyone = tuple(p.id for p in delegation_members(event))
    apart = any(len(set(rule) & set(everyone)) > 1 for rule in event.apart)
    if groups is None and event.subgroups_max > 1 and not apart:
        options.append([Subgroup("all", everyone)])  # splitting must beat staying together
    share = replace(settings, time_limit=settings.time_limit / len(options))
    clock = timer(settings)
    merged = None if settings.on_progress is None else Merged(settings.on_progress, len(options))
    best: tuple[MissionModel, Result] | None = None
    stopped = False
    for n, option in enumerate(options):
        model = build_model(event, option)
        listener = None if merged is None else merged.option(n)
        result = solve(model.problem, replace(share, on_progress=listener))
        if best is None or result.score > best[1].score + 1e-9:
            best = (model, result)
        if result.stopped:
            stopped = True
            break
    assert best is not None
    model, result = best
    routes = polish(model.problem, result.routes)
    result = replace(result, routes=routes, seconds=clock(), stopped=stopped)
    return to_schedule(model, result, version=1), with_terms(model, result)


def verify(model: MissionModel, result: Result) -> None:
    """Raise :class:`PlanningError` when the independent checker finds any violation."""
    violations = check_itinerary(model.problem, result.routes, result.score)
    if violations:
        raise PlanningError(
            "; ".join(
                f"{v.rule} ({model.problem.tours[v.tour].label} {v.node}): {v.detail}"
                for v in violations[:10]
            )
        )


def with_terms(model: MissionModel, result: Result) -> Result:
    """The result with every objective term by name: value, travel, idle, fairness."""
    verify(model, result)
    problem = model.problem
    travel = idle = 0.0
    per_member: dict[str, float] = {pid: 0.0 for g in model.groups for pid in g.members}
    for k, route in enumerate(result.routes):
        stops = timeline(problem, k, route)
        visits = [s for s in stops[:-1] if model.nodes[s.node].kind == "visit"]
        travel += sum(s.travel for s in stops)
        if visits:
            idle += sum(s.wait for s in stops[1:-1] if s.start <= visits[-1].start)
        members = model.tours[k].present
        for stop in visits:
            visit = model.nodes[stop.node].visit
            assert visit is not None
            for pid in members:
                per_member[pid] += visit_value(model.event, (pid,), visit)
    values = list(per_member.values()) or [0.0]
    mean = sum(values) / len(values)
    terms = {
        "value": result.score,
        "travel_minutes": float(travel),
        "idle_minutes": float(idle),
        "fairness_min_member_value": min(values),
        "fairness_spread": (max(values) - min(values)) / mean if mean else 0.0,
        "visits": float(sum(1 for r in result.routes for n in r if n in set(problem.sites))),
    }
    return replace(result, terms=terms, bound=result.bound)


def to_schedule(model: MissionModel, result: Result, version: int) -> Schedule:
    """The domain Schedule of a checked result (visits, lunches, fixed items, unplaced)."""
    verify(model, result)
    problem = model.problem
    assignments: list[Assignment] = []
    for k, route in enumerate(result.routes):
        info = model.tours[k]
        group = info.group
        here_venue = info.segment.start_venue
        for stop in timeline(problem, k, route)[:-1]:
            node = model.nodes[stop.node]
            start, end = model.instant(stop.start), model.instant(stop.end)
            if node.visit is not None:
                assignments.append(
                    Assignment(
                        id=node.visit.id,
                        start=start,
                        end=end,
                        venue=node.visit.venue,
                        attendees=info.present,
                        format=MeetingFormat.SITE_VISIT,
                        parties=(node.visit.host,),
                        group=group.id,
                        travel_minutes_before=round(stop.travel),
                    )
                )
                here_venue = node.visit.venue
            elif node.kind == "lunch" and any(model.nodes[n].visit for n in route):
                assignments.append(
                    Assignment(
                        id=f"lunch-{info.segment.day.isoformat()}-{group.id}",
                        start=start,
                        end=end,
                        venue=None,
                        attendees=info.present,
                        format=MeetingFormat.PROGRAMME_ITEM,
                        group=group.id,
                        parties=(here_venue,),
                    )
                )
    seen_items: set[str] = set()
    for item in model.event.programme:
        if item.id in seen_items:
            continue
        seen_items.add(item.id)
        attendees = item.attendees or tuple(pid for g in model.groups for pid in g.members)
        assignments.append(
            Assignment(
                id=item.id,
                start=item.start,
                end=item.end,
                venue=item.venue,
                attendees=attendees,
                format=MeetingFormat.PROGRAMME_ITEM,
                pinned=True,
            )
        )
    assignments.sort(key=lambda a: (a.start, a.group or "", a.id))
    terms = with_terms(model, result).terms
    return Schedule(
        event=model.event.id,
        version=version,
        assignments=tuple(assignments),
        provenance=Provenance(
            method=result.method,
            created_at=datetime.now(UTC),
            status="missing required visits" if result.missing_required else "feasible",
            objective=dict(terms),
            bound=result.bound,
            gap=result.gap,
        ),
        unplaced=tuple(explain_unplaced(model, result)),
    )
