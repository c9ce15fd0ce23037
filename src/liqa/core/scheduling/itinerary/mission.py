"""From a trade-mission :class:`Event` to the routing :class:`Problem`, and back.

Time is counted in minutes from midnight UTC of the mission's first day, so a visit at
10:00 in Houston and one at 10:00 in San Jose are 120 minutes apart, as they are. One tour
is one *segment* of one day for one subgroup: a day without a flight is one segment (hotel
to hotel within the leg's daily window); a flight day is cut in two (hotel to departure
airport, then arrival airport to the next leg's hotel). Fixed items (a briefing) are pinned
into the tours of the subgroups that attend them, and each tour that spans the lunch window
holds a lunch break, taken where the group happens to be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np

from liqa.core.model import (
    CandidateVisit,
    Event,
    Person,
    ProgrammeItem,
    ProgrammeKind,
    TimeWindow,
    Venue,
)
from liqa.core.scheduling.itinerary.groups import Subgroup, member_themes, split_delegation
from liqa.core.scheduling.itinerary.inputs import require_basics, require_fixed_items_feasible
from liqa.core.scheduling.itinerary.problem import CLOSED, Problem, Tour
from liqa.core.scheduling.itinerary.segments import Segment, day_segments, is_move
from liqa.core.scheduling.itinerary.travel import travel_minutes

OFF_THEME_INTEREST = 0.25
"""Interest of a member in a visit none of whose themes they share (a delegation visit
still informs everyone, but much less)."""
MAX_DRIVE_FROM_HOTEL = 120
"""A host more minutes than this from the leg's hotel is out of that leg's reach."""


@dataclass(frozen=True)
class TourInfo:
    """What one tour of the problem stands for."""

    segment: Segment
    group: Subgroup
    lunch: int | None
    items: tuple[tuple[int, ProgrammeItem], ...]
    present: tuple[str, ...] = ()
    """The group's members available for the whole segment (they attend its visits)."""


@dataclass(frozen=True)
class NodeInfo:
    """What one node stands for: a visit, a venue (hotel, airport), an item or lunch."""

    kind: str
    """``visit``, ``venue``, ``item`` or ``lunch``."""
    venue: str | None
    visit: CandidateVisit | None = None
    item: ProgrammeItem | None = None


@dataclass(frozen=True, eq=False)
class MissionModel:
    """The routing problem built from an event, with the meaning of every tour and node."""

    event: Event
    problem: Problem
    origin: datetime
    groups: tuple[Subgroup, ...]
    tours: tuple[TourInfo, ...]
    nodes: tuple[NodeInfo, ...]
    visit_node: dict[str, int]
    why_not: dict[tuple[int, int], str] = field(default_factory=dict)
    """(tour, visit node) -> reason code when the tour may not visit it."""

    def instant(self, minutes: float) -> datetime:
        """The UTC instant ``minutes`` after the origin."""
        return self.origin + timedelta(minutes=float(minutes))

    def minutes(self, instant: datetime) -> float:
        """Whole minutes from the origin to ``instant``."""
        return round((instant - self.origin).total_seconds() / 60.0)


def delegation_members(event: Event) -> list[Person]:
    """The people who travel: delegation-side people (everyone when no side is given)."""
    return event.delegates() or list(event.people)


def interest(event: Event, person: Person, visit: CandidateVisit) -> float:
    """1 when the member shares a theme with the visit or its host, else a small share."""
    themes = set(visit.themes)
    orgs = {o.id: o for o in event.organizations}
    if visit.host in orgs:
        themes |= set(orgs[visit.host].themes)
    return 1.0 if member_themes(event, person) & themes else OFF_THEME_INTEREST


def visit_value(event: Event, group_members: tuple[str, ...], visit: CandidateVisit) -> float:
    """Host priority x the interest of the members who attend."""
    people = {p.id: p for p in event.people}
    return visit.priority * sum(interest(event, people[m], visit) for m in group_members)


def build_model(event: Event, groups: list[Subgroup] | None = None) -> MissionModel:
    """The routing problem of a trade mission (``groups`` fixes the subgroups, e.g. to re-plan)."""
    require_basics(event)
    venues = {v.id: v for v in event.venues}
    people = {p.id: p for p in event.people}
    members = delegation_members(event)
    groups = groups or split_delegation(event, members)
    origin = datetime.combine(event.start - timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    nodes: list[NodeInfo] = [NodeInfo("visit", v.venue, visit=v) for v in event.visits]
    venue_node: dict[str, int] = {}

    def venue_index(venue_id: str) -> int:
        if venue_id not in venue_node:
            venue_node[venue_id] = len(nodes)
            nodes.append(NodeInfo("venue", venue_id))
        return venue_node[venue_id]

    tour_specs: list[_TourSpec] = []
    for segment in day_segments(event, venues):
        start, end = venue_index(segment.start_venue), venue_index(segment.end_venue)
        for group in groups:
            items: list[tuple[int, ProgrammeItem]] = []
            for item in _items_within(event, segment, group):
                items.append((len(nodes), item))
                nodes.append(NodeInfo("item", item.venue, item=item))
            lunch = None
            if _needs_lunch(event, segment, group):
                lunch = len(nodes)
                nodes.append(NodeInfo("lunch", None))
            tour_specs.append((segment, group, start, end, items, lunch))
    size = len(nodes)
    m = len(tour_specs)
    model_minutes = _Clock(origin)
    travel = _travel_matrix(event, nodes, venues)
    service = np.zeros(size)
    profit = np.zeros((m, size))
    opens = np.zeros((m, size))
    closes = np.full((m, size), CLOSED)
    tours: list[Tour] = []
    infos: list[TourInfo] = []
    why_not: dict[tuple[int, int], str] = {}
    for j, node in enumerate(nodes):
        if node.visit is not None:
            service[j] = node.visit.duration_minutes
        elif node.item is not None:
            service[j] = model_minutes(node.item.end) - model_minutes(node.item.start)
    for k, (segment, group, start, end, items, lunch) in enumerate(tour_specs):
        t_open, t_close = model_minutes(segment.start), model_minutes(segment.end)
        fixed: list[tuple[float, int]] = []
        for node_id, item in items:
            at = model_minutes(item.start)
            opens[k, node_id] = closes[k, node_id] = at
            fixed.append((at, node_id))
            if item.venue is not None:  # leave early enough to reach a fixed item in time
                t_open = min(t_open, at - travel[start, node_id])
        if lunch is not None:
            leg = segment.leg
            lo = model_minutes(leg.local_datetime(segment.day, leg.lunch_start))
            hi = model_minutes(leg.local_datetime(segment.day, leg.lunch_end)) - leg.lunch_minutes
            opens[k, lunch], closes[k, lunch] = max(lo, t_open), min(hi, t_close)
            service[lunch] = leg.lunch_minutes
            fixed.append((opens[k, lunch], lunch))
        span = TimeWindow(segment.start, segment.end)
        present = Subgroup(
            group.id, tuple(m for m in group.members if people[m].is_available(span))
        )
        for idx, visit in enumerate(event.visits):
            reason = _allow_visit(event, venues, segment, present, visit, travel, start, idx)
            if reason is None:
                window = _best_window(visit, segment, model_minutes)
                if window is None:
                    reason = "outside_windows"
                else:
                    opens[k, idx], closes[k, idx] = window
                    profit[k, idx] = visit_value(event, present.members, visit)
            if reason is not None:
                why_not[(k, idx)] = reason
        tours.append(
            Tour(
                start=start,
                end=end,
                open=t_open,
                close=t_close,
                max_visits=segment.leg.max_visits_per_day,
                fixed=tuple(node for _, node in sorted(fixed)),
                label=f"{segment.day.isoformat()} {segment.leg.id} {group.id}",
            )
        )
        infos.append(TourInfo(segment, group, lunch, tuple(items), present.members))
    problem = Problem(
        name=event.id,
        travel=travel,
        service=service,
        profit=profit,
        open=opens,
        close=closes,
        sites=tuple(range(len(event.visits))),
        tours=tuple(tours),
        labels=tuple(_label(n) for n in nodes),
        breaks=frozenset(j for j, n in enumerate(nodes) if n.venue is None),
        required=frozenset(i for i, v in enumerate(event.visits) if v.required),
    )
    require_fixed_items_feasible(problem, infos)
    return MissionModel(
        event=event,
        problem=problem,
        origin=origin,
        groups=tuple(groups),
        tours=tuple(infos),
        nodes=tuple(nodes),
        visit_node={v.id: i for i, v in enumerate(event.visits)},
        why_not=why_not,
    )


_TourSpec = tuple[Segment, Subgroup, int, int, list[tuple[int, ProgrammeItem]], int | None]


class _Clock:
    def __init__(self, origin: datetime) -> None:
        self.origin = origin

    def __call__(self, instant: datetime) -> float:
        return float(round((instant - self.origin).total_seconds() / 60.0))


def _label(node: NodeInfo) -> str:
    if node.visit is not None:
        return node.visit.id
    if node.item is not None:
        return node.item.id
    return node.venue or node.kind


def _attends(item: ProgrammeItem, group: Subgroup) -> bool:
    return not item.attendees or bool(set(item.attendees) & set(group.members))


def _items_within(event: Event, segment: Segment, group: Subgroup) -> list[ProgrammeItem]:
    return sorted(
        (
            p
            for p in event.programme
            if not is_move(p)
            and segment.start <= p.start
            and p.end <= segment.end
            and _attends(p, group)
        ),
        key=lambda p: p.start,
    )


def _needs_lunch(event: Event, segment: Segment, group: Subgroup) -> bool:
    leg = segment.leg
    lo = leg.local_datetime(segment.day, leg.lunch_start)
    hi = leg.local_datetime(segment.day, leg.lunch_end)
    lunch = timedelta(minutes=leg.lunch_minutes)
    if max(lo, segment.start) + lunch > min(hi, segment.end):
        return False
    meals = [
        p
        for p in event.programme
        if p.kind is ProgrammeKind.MEAL and p.start < hi and lo < p.end and _attends(p, group)
    ]
    return not meals


def _allow_visit(
    event: Event,
    venues: dict[str, Venue],
    segment: Segment,
    group: Subgroup,
    visit: CandidateVisit,
    travel: np.ndarray,
    start_node: int,
    visit_node: int,
) -> str | None:
    venue = venues[visit.venue]
    if venue.timezone != segment.leg.timezone:
        return "too_far"
    if travel[start_node, visit_node] > MAX_DRIVE_FROM_HOTEL + segment.leg.buffer_minutes:
        return "too_far"
    if not group.members:
        return "capacity"
    if visit.max_visitors is not None and len(group.members) > visit.max_visitors:
        return "capacity"
    if not set(visit.required_attendees) <= set(group.members):
        return "capacity"
    del event
    return None


def _best_window(
    visit: CandidateVisit, segment: Segment, minutes: _Clock
) -> tuple[float, float] | None:
    lo, hi = minutes(segment.start), minutes(segment.end)
    windows = [(minutes(w.start), minutes(w.end)) for w in visit.windows] or [(lo, hi)]
    best: tuple[float, float] | None = None
    for start, end in windows:
        s, e = max(start, lo), min(end, hi) - visit.duration_minutes
        if e >= s and (best is None or e - s > best[1] - best[0]):
            best = (s, e)
    return best


def _travel_matrix(event: Event, nodes: list[NodeInfo], venues: dict[str, Venue]) -> np.ndarray:
    size = len(nodes)
    travel = np.zeros((size, size))
    cache: dict[tuple[str, str], int] = {}
    legs_by_tz = {leg.timezone: leg for leg in event.legs}
    for i, a in enumerate(nodes):
        for j, b in enumerate(nodes):
            if a.venue is None or b.venue is None or a.venue == b.venue:
                continue
            key = (a.venue, b.venue)
            if key not in cache:
                va, vb = venues[a.venue], venues[b.venue]
                leg = legs_by_tz.get(va.timezone, event.legs[0])
                cache[key] = travel_minutes(va, vb, leg)
            travel[i, j] = cache[key]
    return travel
