"""From a trade-mission :class:`Event` to the routing :class:`Problem`, and back.

Time is counted in minutes from midnight UTC of the mission's first day, so a visit at
10:00 in Houston and one at 10:00 in San Jose are 120 minutes apart, as they are. One tour
is one *segment* of one day for one subgroup of one of that segment's candidate splits of
the delegation (the problem's choices: the search takes one split per segment): a day
without a flight is one segment (hotel to hotel within the leg's daily window); a flight
day is cut in two (hotel to departure airport, then arrival airport to the next leg's
hotel). Fixed items (a briefing) are pinned into the tours of the subgroups that attend
them, and each tour that spans the lunch window holds a lunch break, taken where the group
happens to be.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from liqa.core.scheduling.itinerary.groups import (
    FixedSplits,
    Partition,
    Subgroup,
    member_themes,
)
from liqa.core.scheduling.itinerary.inputs import require_basics, require_fixed_items_feasible
from liqa.core.scheduling.itinerary.problem import CLOSED, Problem, Tour
from liqa.core.scheduling.itinerary.reach import Clock, capacity, reachable
from liqa.core.scheduling.itinerary.segments import Segment, day_segments, is_move
from liqa.core.scheduling.itinerary.splits import segment_splits
from liqa.core.scheduling.itinerary.travel import travel_minutes

OFF_THEME_INTEREST = 0.25
"""Interest of a member in a visit none of whose themes they share (a delegation visit
still informs everyone, but much less)."""


@dataclass(frozen=True)
class TourInfo:
    """What one tour of the problem stands for."""

    segment: Segment
    group: Subgroup
    lunch: int | None
    items: tuple[tuple[int, ProgrammeItem], ...]
    present: tuple[str, ...] = ()
    """The group's members available for the whole segment (they attend its visits)."""
    segment_index: int = 0
    option: int = 0
    """Which of the segment's candidate splits the tour belongs to."""


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
    """Every subgroup some tour stands for (ids name one set of members each)."""
    tours: tuple[TourInfo, ...]
    nodes: tuple[NodeInfo, ...]
    visit_node: dict[str, int]
    why_not: dict[tuple[int, int], str] = field(default_factory=dict)
    """(tour, visit node) -> reason code when the tour may not visit it."""
    segments: tuple[Segment, ...] = ()
    splits: tuple[tuple[Partition, ...], ...] = ()
    """Per segment, its candidate splits of the delegation (one when decided beforehand)."""
    choice_of: Mapping[int, int] = field(default_factory=dict)
    """Segment index -> index of its choice in ``problem.choices`` (several candidates)."""
    members: tuple[str, ...] = ()
    """The delegation members, in the order of ``problem.member_value``'s rows."""
    unsplittable: frozenset[int] = frozenset()
    """Segments where no candidate split satisfies every rule (the first one is kept)."""

    def instant(self, minutes: float) -> datetime:
        """The UTC instant ``minutes`` after the origin."""
        return self.origin + timedelta(minutes=float(minutes))

    def minutes(self, instant: datetime) -> float:
        """Whole minutes from the origin to ``instant``."""
        return round((instant - self.origin).total_seconds() / 60.0)

    def chosen(self, options: Sequence[int] = ()) -> list[Partition]:
        """Per segment, the split taken when the choices take ``options`` (default: first)."""
        out = []
        for s, candidates in enumerate(self.splits):
            c = self.choice_of.get(s)
            out.append(candidates[options[c] if c is not None and options else 0])
        return out


def delegation_members(event: Event) -> list[Person]:
    """The people who travel: delegation-side people (everyone when no side is given)."""
    return event.delegates() or list(event.people)


def interest(event: Event, person: Person, visit: CandidateVisit) -> float:
    """1 when the member shares a theme with the visit or its host, else a small share."""
    return _interest(member_themes(event, person), _visit_themes(event, visit))


def _visit_themes(event: Event, visit: CandidateVisit) -> set[str]:
    themes = set(visit.themes)
    orgs = {o.id: o for o in event.organizations}
    if visit.host in orgs:
        themes |= set(orgs[visit.host].themes)
    return themes


def _interest(member: frozenset[str], visit: set[str]) -> float:
    return 1.0 if member & visit else OFF_THEME_INTEREST


def visit_value(event: Event, group_members: tuple[str, ...], visit: CandidateVisit) -> float:
    """Host priority x the interest of the members who attend."""
    people = {p.id: p for p in event.people}
    return visit.priority * sum(interest(event, people[m], visit) for m in group_members)


def build_model(
    event: Event, groups: Sequence[Subgroup] | FixedSplits | None = None
) -> MissionModel:
    """The routing problem of a trade mission.

    Without ``groups``, each day segment offers its candidate splits of the delegation
    (:func:`~liqa.core.scheduling.itinerary.groups.day_partitions`, those that keep every
    rule) as one choice of the problem; ``groups`` fixes one split for the whole mission,
    or per segment with :class:`FixedSplits` (e.g. to re-plan).
    """
    require_basics(event)
    venues = {v.id: v for v in event.venues}
    people = {p.id: p for p in event.people}
    members = delegation_members(event)
    origin = datetime.combine(event.start - timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    model_minutes = Clock(origin)
    segments = day_segments(event, venues)
    visit_themes = [_visit_themes(event, v) for v in event.visits]
    reach = [reachable(event, venues, seg, model_minutes) for seg in segments]
    splits, unsplittable = segment_splits(event, members, segments, groups, visit_themes, reach)
    nodes: list[NodeInfo] = [NodeInfo("visit", v.venue, visit=v) for v in event.visits]
    venue_node: dict[str, int] = {}

    def venue_index(venue_id: str) -> int:
        if venue_id not in venue_node:
            venue_node[venue_id] = len(nodes)
            nodes.append(NodeInfo("venue", venue_id))
        return venue_node[venue_id]

    tour_specs: list[_TourSpec] = []
    choices: list[tuple[tuple[int, ...], ...]] = []
    choice_of: dict[int, int] = {}
    for s, segment in enumerate(segments):
        start, end = venue_index(segment.start_venue), venue_index(segment.end_venue)
        options: list[tuple[int, ...]] = []
        for option, partition in enumerate(splits[s]):
            first = len(tour_specs)
            for group in partition:
                items: list[tuple[int, ProgrammeItem]] = []
                for item in _items_within(event, segment, group):
                    items.append((len(nodes), item))
                    nodes.append(NodeInfo("item", item.venue, item=item))
                lunch = None
                if _needs_lunch(event, segment, group):
                    lunch = len(nodes)
                    nodes.append(NodeInfo("lunch", None))
                tour_specs.append((s, option, group, start, end, items, lunch))
            options.append(tuple(range(first, len(tour_specs))))
        if len(options) > 1:
            choice_of[s] = len(choices)
            choices.append(tuple(options))
    size = len(nodes)
    m = len(tour_specs)
    travel = _travel_matrix(event, nodes, venues)
    member_ids = tuple(p.id for p in members)
    row_of = {pid: i for i, pid in enumerate(member_ids)}
    member_themes_ = [member_themes(event, p) for p in members]
    member_value = np.zeros((len(members), size))
    for idx, visit in enumerate(event.visits):
        for i, themes in enumerate(member_themes_):
            member_value[i, idx] = visit.priority * _interest(themes, visit_themes[idx])
    service = np.zeros(size)
    profit = np.zeros((m, size))
    opens = np.zeros((m, size))
    closes = np.full((m, size), CLOSED)
    tours: list[Tour] = []
    infos: list[TourInfo] = []
    crews: list[tuple[int, ...]] = []
    why_not: dict[tuple[int, int], str] = {}
    for j, node in enumerate(nodes):
        if node.visit is not None:
            service[j] = node.visit.duration_minutes
        elif node.item is not None:
            service[j] = model_minutes(node.item.end) - model_minutes(node.item.start)
    for k, (s, option, group, start, end, items, lunch) in enumerate(tour_specs):
        segment = segments[s]
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
            group.id,
            tuple(m for m in group.members if m in people and people[m].is_available(span)),
        )
        crew = tuple(row_of[pid] for pid in present.members if pid in row_of)
        for idx, visit in enumerate(event.visits):
            reason, window = reach[s][idx]
            if reason is None:
                reason = capacity(present, visit)
            if reason is None and window is None:
                reason = "outside_windows"
            if reason is None and window is not None:
                opens[k, idx], closes[k, idx] = window
                profit[k, idx] = visit.priority * sum(
                    _interest(member_themes(event, people[pid]), visit_themes[idx])
                    for pid in present.members
                )
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
                label=f"{segment.label} {group.id}",
            )
        )
        infos.append(TourInfo(segment, group, lunch, tuple(items), present.members, s, option))
        crews.append(crew)
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
        choices=tuple(choices),
        crews=tuple(crews),
        member_value=member_value,
    )
    require_fixed_items_feasible(problem, infos)
    all_groups = {g.id: g for partitions in splits for partition in partitions for g in partition}
    return MissionModel(
        event=event,
        problem=problem,
        origin=origin,
        groups=tuple(all_groups.values()),
        tours=tuple(infos),
        nodes=tuple(nodes),
        visit_node={v.id: i for i, v in enumerate(event.visits)},
        why_not=why_not,
        segments=tuple(segments),
        splits=tuple(splits),
        choice_of=choice_of,
        members=member_ids,
        unsplittable=frozenset(unsplittable),
    )


_TourSpec = tuple[int, int, Subgroup, int, int, list[tuple[int, ProgrammeItem]], int | None]


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
