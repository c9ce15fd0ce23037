"""Plan a trade mission's itinerary: build the model, search, check, and return a Schedule."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from liqa.core.model import Assignment, Event, MeetingFormat, Provenance, Schedule
from liqa.core.scheduling.itinerary.check import check_itinerary, check_partitions
from liqa.core.scheduling.itinerary.explain import explain_unplaced
from liqa.core.scheduling.itinerary.groups import EVERYONE, Subgroup, subgroup_id
from liqa.core.scheduling.itinerary.mission import (
    MissionModel,
    build_model,
    renamed,
    visit_value,
)
from liqa.core.scheduling.itinerary.polish import polish
from liqa.core.scheduling.itinerary.problem import Result, Settings
from liqa.core.scheduling.itinerary.progress import report_result
from liqa.core.scheduling.itinerary.search import solve, timer
from liqa.core.scheduling.itinerary.solution import Solution
from liqa.core.scheduling.itinerary.timeline import timeline


class PlanningError(RuntimeError):
    """The planner produced routes its own checker rejects: a bug, reported with details."""


def plan_itinerary(
    event: Event, settings: Settings | None = None, groups: Sequence[Subgroup] | None = None
) -> tuple[Schedule, Result]:
    """The best itinerary found for a trade mission, as a Schedule, with the search result.

    The schedule holds the site visits (attendees = the subgroup's members, ``group`` = the
    subgroup id, travel minutes before), lunch breaks and the fixed items, plus an
    :class:`~liqa.core.model.Unplaced` record with a reason for every visit not made.
    When the delegation may split, each day takes one of its candidate splits (everyone
    together among them), or one in the morning and another in the afternoon with a lunch
    for everyone at the regroup place, as part of the search; ``groups`` fixes one split
    for every day (and names its subgroups). The subgroups the planner makes are named
    ``group-a``, ``group-b``, … in the order the plan first uses them (:func:`ids_by_use`).
    A listener (``settings.on_progress``) hears the search, then one last report with the
    plan's figures (:func:`.progress.report_result`).
    """
    settings = settings or Settings(time_limit=3.0)
    began = time.perf_counter()
    clock = timer(settings)
    model = build_model(event, groups)
    result = whole_days(model, solve(model.problem, settings), settings)
    routes = polish(model.problem, result.routes)
    result = replace(result, routes=routes, seconds=clock())
    if groups is None:  # the planner named the subgroups: letters in the order the plan uses them
        model = renamed(model, ids_by_use(model, result))
    schedule, result = (
        to_schedule(model, result, version=1, settings=settings),
        with_terms(model, result, settings),
    )
    report_result(
        settings.on_progress,
        result,
        began=began,
        problem=model.problem,
        fairness_weight=settings.fairness_weight,
    )
    return schedule, result


def ids_by_use(model: MissionModel, result: Result) -> dict[str, str]:
    """New ids for the model's subgroups: ``group-a``, ``group-b``, … in the order the plan
    first sends them on a visit (day by day, the morning before the afternoon, each split's
    subgroups in its order), then those it never uses; ``all`` (everyone) keeps its id.

    The search names each candidate split's subgroups as it meets them, the mission-wide
    split first: a plan that never uses that split would show ``group-c`` and ``group-d``
    alone. The same routes give the same ids.
    """
    active = model.problem.active_tours(result.options or None)
    sites = set(model.problem.sites)
    used = [
        info.group.id
        for k, info in enumerate(model.tours)
        if active[k] and any(node in sites for node in result.routes[k])
    ]
    order = [g for g in dict.fromkeys([*used, *(g.id for g in model.groups)]) if g != EVERYONE]
    return {old: subgroup_id(n) for n, old in enumerate(order)}


def whole_days(model: MissionModel, result: Result, settings: Settings) -> Result:
    """Days whose split changes at lunch while one half makes no visit keep the other
    half's split all day instead, when its visits all fit (no needless regroup)."""
    problem = model.problem
    if not problem.meets or not result.options:
        return result
    sol = Solution(
        problem,
        [list(r) for r in result.routes],
        options=result.options,
        fairness=settings.fairness_weight,
    )
    sites = set(problem.sites)
    before = sol.objective()
    for s, c in model.choice_of.items():
        split = model.splits[s][sol.options[c]]
        if split.same:
            continue
        tours = problem.choices[c][sol.options[c]]
        busy = {model.tours[k].half for k in tours if any(n in sites for n in sol.routes[k].seq)}
        if len(busy) != 1:
            continue
        kept = split.morning if busy == {"morning"} else split.afternoon
        whole = next(
            (
                o
                for o, other in enumerate(model.splits[s])
                if other.same and [g.id for g in other.morning] == [g.id for g in kept]
            ),
            None,
        )
        if whole is None:
            continue
        trial = Solution(
            problem, sol.middles(), options=sol.options, fairness=settings.fairness_weight
        )
        trial.switch(c, whole)
        if trial.objective() >= sol.objective() - 1e-9:
            sol = trial
    if sol.objective() < before - 1e-9 or sol.options == list(result.options):
        return result
    routes = tuple(tuple(m) for m in sol.middles())
    return replace(result, routes=routes, options=tuple(sol.options), score=sol.score())


def verify(model: MissionModel, result: Result) -> None:
    """Raise :class:`PlanningError` when the independent checkers find any violation.

    Days where no candidate split keeps every rule (contradictory rules in the mission)
    keep their split as it is and are not held against the plan.
    """
    problem = model.problem
    options = result.options or None
    violations = check_itinerary(problem, result.routes, result.score, options)
    messages = [
        f"{v.rule} ({problem.tours[v.tour].label if v.tour >= 0 else '-'} {v.node}): {v.detail}"
        for v in violations
    ]
    days = [
        (f"{segment.label} {half}".strip(), split)
        for s, (segment, day_split) in enumerate(
            zip(model.segments, model.chosen(result.options), strict=True)
        )
        if s not in model.unsplittable
        for half, split in day_split.halves()
    ]
    messages += [f"{v.rule} ({v.segment}): {v.detail}" for v in check_partitions(model.event, days)]
    if messages:
        raise PlanningError("; ".join(messages[:10]))


def with_terms(model: MissionModel, result: Result, settings: Settings | None = None) -> Result:
    """The result with every objective term by name: value, travel, idle, fairness.

    ``objective`` is what the search maximizes: value + w x members x the least member's
    value (``w`` = the settings' ``fairness_weight``).
    """
    verify(model, result)
    weight = (settings or Settings()).fairness_weight
    problem = model.problem
    active = problem.active_tours(result.options or None)
    travel = idle = 0.0
    per_member: dict[str, float] = dict.fromkeys(model.members, 0.0)
    for k, route in enumerate(result.routes):
        if not active[k]:
            continue
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
                per_member[pid] = per_member.get(pid, 0.0) + visit_value(model.event, (pid,), visit)
    values = list(per_member.values()) or [0.0]
    claimed = check_itinerary(problem, result.routes, None, result.options or None, min(values))
    if claimed:
        raise PlanningError("; ".join(f"{v.rule}: {v.detail}" for v in claimed))
    mean = sum(values) / len(values)
    fairness = weight * len(values) * min(values) if per_member else 0.0
    terms = {
        "value": result.score,
        "objective": result.score + fairness,
        "travel_minutes": float(travel),
        "idle_minutes": float(idle),
        "fairness_min_member_value": min(values),
        "fairness_spread": (max(values) - min(values)) / mean if mean else 0.0,
        "visits": float(sum(1 for r in result.routes for n in r if n in set(problem.sites))),
        "split_days": float(
            sum(
                1
                for s, split in enumerate(model.chosen(result.options))
                if max(len(split.morning), len(split.afternoon)) > 1 and _busy(model, result, s)
            )
        ),
        "regroup_days": float(
            sum(
                1
                for s, split in enumerate(model.chosen(result.options))
                if not split.same and _busy(model, result, s)
            )
        ),
    }
    return replace(result, terms=terms, bound=result.bound)


def _busy(model: MissionModel, result: Result, segment: int) -> bool:
    """True when two subgroups or more of the segment's chosen split make visits in one
    half of the day."""
    active = model.problem.active_tours(result.options or None)
    sites = set(model.problem.sites)
    visiting = Counter(
        info.half
        for k, info in enumerate(model.tours)
        if info.segment_index == segment and active[k] and any(n in sites for n in result.routes[k])
    )
    return any(count > 1 for count in visiting.values())


def _regroup_lunches(model: MissionModel, result: Result, active: list[bool]) -> list[Assignment]:
    """One lunch for everyone at the regroup place of each day whose split changes then
    (when a subgroup makes a visit that day): ``lunch-<day>``, no subgroup."""
    out: list[Assignment] = []
    sites = set(model.problem.sites)
    for s, split in enumerate(model.chosen(result.options)):
        regroup = model.regroups[s] if model.regroups else None
        if split.same or regroup is None:
            continue
        tours = [k for k, info in enumerate(model.tours) if info.segment_index == s and active[k]]
        if not any(n in sites for k in tours for n in result.routes[k]):
            continue
        present = {pid for k in tours for pid in model.tours[k].present}
        out.append(
            Assignment(
                id=f"lunch-{model.segments[s].day.isoformat()}",
                start=regroup.start.astimezone(UTC),
                end=regroup.end.astimezone(UTC),
                venue=regroup.venue,
                attendees=tuple(pid for pid in model.members if pid in present),
                format=MeetingFormat.PROGRAMME_ITEM,
                parties=(regroup.venue,),
            )
        )
    return out


def to_schedule(
    model: MissionModel, result: Result, version: int, settings: Settings | None = None
) -> Schedule:
    """The domain Schedule of a checked result (visits, lunches, fixed items, unplaced)."""
    verify(model, result)
    problem = model.problem
    active = problem.active_tours(result.options or None)
    assignments: list[Assignment] = []
    for k, route in enumerate(result.routes):
        if not active[k]:
            continue
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
    assignments += _regroup_lunches(model, result, active)
    seen_items: set[str] = set()
    for item in model.event.programme:
        if item.id in seen_items:
            continue
        seen_items.add(item.id)
        attendees = item.attendees or model.members
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
    terms = with_terms(model, result, settings).terms
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
