"""Re-planning with minimal changes, and the per-member diff between two schedules.

After a change (a host cancels, a flight moves, a member falls ill) the previous itinerary
is kept wherever it is still valid: each subgroup keeps its members (minus those who left),
each visit stays on its day and in its order, visits that no longer fit are dropped one by
one (least valuable first), and only then are free places filled by greedy insertion.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import numpy as np

from liqa.core.model import Event, MeetingFormat, Schedule
from liqa.core.scheduling.itinerary.groups import (
    FixedSplits,
    Partition,
    Subgroup,
    first_free_id,
    split_delegation,
)
from liqa.core.scheduling.itinerary.mission import MissionModel, build_model, delegation_members
from liqa.core.scheduling.itinerary.plan import to_schedule, with_terms
from liqa.core.scheduling.itinerary.problem import Result
from liqa.core.scheduling.itinerary.routes import Route
from liqa.core.scheduling.itinerary.segments import Segment, day_segments
from liqa.core.scheduling.itinerary.solution import Solution


@dataclass(frozen=True)
class MemberChange:
    """What changed in one person's itinerary (assignment ids)."""

    person: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    """Same id, other time, place, subgroup or table."""


def schedule_diff(old: Schedule, new: Schedule) -> dict[str, MemberChange]:
    """Per person whose itinerary changed: visits and items added, removed or moved (another
    time, place, subgroup or table: a brokerage meeting that only changes table is moved for
    its attendees, as the brokerage diff and the agendas tell it)."""
    people = {pid for s in (old, new) for a in s.assignments for pid in a.attendees}
    out: dict[str, MemberChange] = {}
    for pid in sorted(people):
        before = {a.id: a for a in old.for_person(pid)}
        after = {a.id: a for a in new.for_person(pid)}
        added = tuple(sorted(set(after) - set(before)))
        removed = tuple(sorted(set(before) - set(after)))
        moved = tuple(
            sorted(
                i
                for i in set(before) & set(after)
                if (before[i].start, before[i].venue, before[i].group, before[i].table)
                != (after[i].start, after[i].venue, after[i].group, after[i].table)
            )
        )
        if added or removed or moved:
            out[pid] = MemberChange(pid, added, removed, moved)
    return out


def previous_groups(event: Event, previous: Schedule) -> FixedSplits:
    """Each day's subgroups in the previous schedule, minus people who left.

    A day whose subgroups changed at lunch (a lunch for everyone, without a subgroup) keeps
    its morning and its afternoon subgroups. A day (or half-day) whose visits show only
    some of its subgroups is completed from another that used those subgroups; newcomers
    join the smallest subgroup. Days without visits take the split used most often.
    """
    present = [p.id for p in delegation_members(event)]
    segments = day_segments(event, {v.id: v for v in event.venues})

    def segment_of(instant: datetime) -> Segment | None:
        return next((s for s in segments if s.start <= instant <= s.end), None)

    regroup_at: dict[tuple[date, str], datetime] = {}
    for a in previous.assignments:
        if a.id.startswith("lunch-") and a.group is None and a.venue:
            segment = segment_of(a.start)
            if segment is not None:
                regroup_at[segment.key] = a.start
    members: dict[str, list[str]] = {}
    seen: dict[tuple[tuple[date, str], str], list[str]] = {}
    for a in previous.assignments:
        if a.group is None:
            continue
        group = members.setdefault(a.group, [])
        group.extend(pid for pid in a.attendees if pid in present and pid not in group)
        segment = segment_of(a.start)
        if segment is not None:
            half = ""
            if segment.key in regroup_at:
                half = "morning" if a.start < regroup_at[segment.key] else "afternoon"
            ids = seen.setdefault((segment.key, half), [])
            if a.group not in ids:
                ids.append(a.group)
    kept = {g: tuple(m) for g, m in members.items() if m}
    if not kept:
        return FixedSplits(tuple(split_delegation(event, delegation_members(event))))
    days = [[g for g in ids if g in kept] for ids in seen.values()]
    free_ids: dict[frozenset[str], str] = {}
    completed = {
        where: _complete(ids, days, kept, present, free_ids)
        for where, ids in zip(seen, days, strict=True)
        if ids
    }
    by_segment = {key: split for (key, half), split in completed.items() if not half}
    by_half: dict[tuple[date, str], tuple[Partition, Partition]] = {}
    for key in regroup_at:
        morning, afternoon = completed.get((key, "morning")), completed.get((key, "afternoon"))
        if morning is not None and afternoon is not None:
            by_half[key] = (morning, afternoon)
        elif morning is not None or afternoon is not None:
            by_segment[key] = morning or afternoon or ()
    splits = list(by_segment.values()) or list(completed.values())
    counts = Counter(tuple(g.id for g in split) for split in splits)
    default = next(
        split for split in splits if tuple(g.id for g in split) == counts.most_common(1)[0][0]
    )
    return FixedSplits(default, by_segment, by_half)


def _complete(
    ids: list[str],
    days: list[list[str]],
    kept: dict[str, tuple[str, ...]],
    present: list[str],
    free_ids: dict[frozenset[str], str],
) -> Partition:
    """The day's subgroups ``ids`` plus those that shared a day with them; the members the
    day left free as one more subgroup (named by the next letter no subgroup has, the same
    for the same members on every day: ``free_ids``); then newcomers, in the smallest
    subgroup."""
    chosen = max((other for other in days if set(ids) <= set(other)), key=len, default=ids)
    groups = {g: list(kept[g]) for g in chosen}
    placed = {pid for members in groups.values() for pid in members}
    for g, members in kept.items():  # a subgroup of the same day that made no visit
        if g not in groups and not placed & set(members):
            groups[g] = list(members)
            placed |= set(members)
    known = {pid for members in kept.values() for pid in members}
    free = [pid for pid in present if pid not in placed and pid in known]
    if free:  # members the day's plan left free travelled as a subgroup of their own
        same = next((g for g, m in kept.items() if g not in groups and set(m) == set(free)), None)
        if same is None:
            same = free_ids.get(frozenset(free)) or first_free_id({*kept, *free_ids.values()})
            free_ids[frozenset(free)] = same
        groups[same] = free
    for pid in present:
        if pid not in placed and pid not in known:  # newcomers
            min(groups.values(), key=len).append(pid)
    return tuple(Subgroup(g, tuple(m)) for g, m in sorted(groups.items()))


def replan(event: Event, previous: Schedule) -> tuple[Schedule, Result, dict[str, MemberChange]]:
    """A new version of ``previous`` for the changed ``event``, with the per-member diff."""
    model = build_model(event, previous_groups(event, previous))
    model = _not_earlier(model, previous)
    middles = _carry_over(model, previous)
    sol = Solution(model.problem, middles)
    sol.insert_all(random.Random(0))
    routes = tuple(tuple(m) for m in sol.middles())
    placed = {node for r in routes for node in r}
    result = Result(
        routes=routes,
        score=sol.score(),
        method="replan",
        seconds=0.0,
        missing_required=tuple(sorted(model.problem.required - placed)),
    )
    schedule = to_schedule(model, result, version=previous.version + 1)
    schedule = Schedule(
        event=schedule.event,
        version=schedule.version,
        assignments=schedule.assignments,
        provenance=type(schedule.provenance)(
            method="replan",
            created_at=datetime.now(UTC),
            status=schedule.provenance.status,
            objective=schedule.provenance.objective,
            parent_version=previous.version,
        ),
        unplaced=schedule.unplaced,
    )
    return schedule, with_terms(model, result), schedule_diff(previous, schedule)


def _not_earlier(model: MissionModel, previous: Schedule) -> MissionModel:
    """Visits and lunches kept from ``previous`` may start later, never earlier, than before.

    Without this, cancelling a morning visit would pull the rest of the day forward and
    change every later time on it: a change for each member for no benefit.
    """
    problem = model.problem
    opens = problem.open.copy()
    starts = {(a.id, a.group): model.minutes(a.start) for a in previous.assignments}
    for k, info in enumerate(model.tours):
        tour = problem.tours[k]
        if info.lunch is not None:
            lunch_id = f"lunch-{info.segment.day.isoformat()}-{info.group.id}"
            if (lunch_id, info.group.id) in starts:
                earliest = starts[(lunch_id, info.group.id)]
                opens[k, info.lunch] = min(
                    max(opens[k, info.lunch], earliest), problem.close[k, info.lunch]
                )
        for visit in model.event.visits:
            minute = starts.get((visit.id, info.group.id))
            j = model.visit_node[visit.id]
            if minute is not None and tour.open <= minute <= tour.close:
                opens[k, j] = min(max(opens[k, j], minute), problem.close[k, j])
    return replace(model, problem=replace(problem, open=opens))


def _carry_over(model: MissionModel, previous: Schedule) -> list[list[int]]:
    """Each tour's previous visits (in their previous order), repaired to fit again."""
    problem = model.problem
    wanted: list[list[tuple[float, int]]] = [[] for _ in problem.tours]
    for a in previous.assignments:
        if a.format is not MeetingFormat.SITE_VISIT or a.id not in model.visit_node:
            continue
        j = model.visit_node[a.id]
        minute = model.minutes(a.start)
        for k, info in enumerate(model.tours):
            tour = problem.tours[k]
            if info.group.id == a.group and tour.open <= minute <= tour.close:
                wanted[k].append((minute, j))
                break
    middles: list[list[int]] = []
    for k, tour in enumerate(problem.tours):
        fixed = [(float(problem.open[k, node]), node) for node in tour.fixed]
        visits = [(t, j) for t, j in wanted[k] if problem.close[k, j] >= problem.open[k, j]]
        middles.append(_repair(model, k, [node for _, node in sorted(fixed + visits)]))
    return middles


def _repair(model: MissionModel, k: int, middle: list[int]) -> list[int]:
    """Drop visits, least valuable first among those before the first violation, until valid."""
    problem = model.problem
    sites = set(problem.sites)
    while True:
        route = Route(problem, k, middle)
        late = np.flatnonzero(route.start > route.close + 1e-9)
        count_ok = problem.tours[k].max_visits is None or route.sites <= (
            problem.tours[k].max_visits or 0
        )
        if not late.size and count_ok:
            return middle
        upto = int(late[0]) if late.size else len(route.seq) - 1
        candidates = [node for node in route.seq[1 : upto + 1] if node in sites]
        if not candidates:
            candidates = [node for node in middle if node in sites]
        if not candidates:
            return middle
        drop = min(candidates, key=lambda node: float(problem.profit[k, node]))
        middle = [node for node in middle if node != drop]
