"""From a trade-mission :class:`Event` to the routing :class:`Problem`, and back.

Time is counted in minutes from midnight UTC of the mission's first day, so a visit at
10:00 in Houston and one at 10:00 in San Jose are 120 minutes apart, as they are. One tour
is one *segment* of one day for one subgroup of one of that segment's candidate splits of
the delegation (the problem's choices: the search takes one split per segment): a day
without a flight is one segment (hotel to hotel within the leg's daily window); a flight
day is cut in two (hotel to departure airport, then arrival airport to the next leg's
hotel). Fixed items (a briefing) are pinned into the tours of the subgroups that attend
them, and each tour that spans the lunch window holds a lunch break, taken where the group
happens to be. Where the afternoon's split differs from the morning's, the tours are half
days: the morning subgroups end at the regroup place (the leg's lunch venue, else its
hotel) by the start of the lunch window, everyone lunches there, and the afternoon
subgroups leave from it (a :class:`~liqa.core.scheduling.itinerary.problem.Meet`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
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
    DaySplit,
    FixedSplits,
    Partition,
    Subgroup,
    member_themes,
)
from liqa.core.scheduling.itinerary.inputs import require_basics, require_fixed_items_feasible
from liqa.core.scheduling.itinerary.problem import CLOSED, Meet, Problem, Tour
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
    half: str = ""
    """``""`` (the whole segment), ``morning`` or ``afternoon`` (the split changes at lunch)."""


@dataclass(frozen=True)
class Regroup:
    """Where and when the subgroups of a segment meet for lunch when its split changes."""

    venue: str
    start: datetime
    end: datetime


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
    splits: tuple[tuple[DaySplit, ...], ...] = ()
    """Per segment, its candidate (morning, afternoon) splits of the delegation (one when
    decided beforehand)."""
    choice_of: Mapping[int, int] = field(default_factory=dict)
    """Segment index -> index of its choice in ``problem.choices`` (several candidates)."""
    members: tuple[str, ...] = ()
    """The delegation members, in the order of ``problem.member_value``'s rows."""
    unsplittable: frozenset[int] = frozenset()
    """Segments where no candidate split satisfies every rule (the first one is kept)."""
    regroups: tuple[Regroup | None, ...] = ()
    """Per segment, where its subgroups would regroup for lunch (None: cannot)."""

    def instant(self, minutes: float) -> datetime:
        """The UTC instant ``minutes`` after the origin."""
        return self.origin + timedelta(minutes=float(minutes))

    def minutes(self, instant: datetime) -> float:
        """Whole minutes from the origin to ``instant``."""
        return round((instant - self.origin).total_seconds() / 60.0)

    def chosen(self, options: Sequence[int] = ()) -> list[DaySplit]:
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
    regroups = [regroup_of(event, seg, venues) for seg in segments]
    splits, unsplittable = segment_splits(
        event, members, segments, groups, visit_themes, reach, [r is not None for r in regroups]
    )
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
    meet_specs: list[tuple[tuple[int, ...], tuple[int, ...], int, Regroup]] = []
    for s, segment in enumerate(segments):
        start, end = venue_index(segment.start_venue), venue_index(segment.end_venue)
        options: list[tuple[int, ...]] = []
        for option, day_split in enumerate(splits[s]):
            first = len(tour_specs)
            regroup = regroups[s]
            if not day_split.same and regroup is not None:  # half days, regroup for lunch
                place = venue_index(regroup.venue)
                for group in day_split.morning:
                    tour_specs.append((s, option, group, start, place, [], None, "morning"))
                middle = len(tour_specs)
                for group in day_split.afternoon:
                    tour_specs.append((s, option, group, place, end, [], None, "afternoon"))
                meet_specs.append(
                    (
                        tuple(range(first, middle)),
                        tuple(range(middle, len(tour_specs))),
                        place,
                        regroup,
                    )
                )
                options.append(tuple(range(first, len(tour_specs))))
                continue
            for group in day_split.morning:
                items: list[tuple[int, ProgrammeItem]] = []
                for item in _items_within(event, segment, group):
                    items.append((len(nodes), item))
                    nodes.append(NodeInfo("item", item.venue, item=item))
                lunch = None
                if _needs_lunch(event, segment, group):
                    lunch = len(nodes)
                    nodes.append(NodeInfo("lunch", None))
                tour_specs.append((s, option, group, start, end, items, lunch, ""))
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
    for k, (s, option, group, start, end, items, lunch, half) in enumerate(tour_specs):
        segment = segments[s]
        t_open, t_close = model_minutes(segment.start), model_minutes(segment.end)
        regroup = regroups[s]
        cap = segment.leg.max_visits_per_day
        if half and regroup is not None:
            meet_at, meet_end = model_minutes(regroup.start), model_minutes(regroup.end)
            morning_cap = _morning_cap(cap, meet_at - t_open, t_close - meet_end)
            if half == "morning":
                t_close, cap = meet_at, morning_cap
            else:
                t_open, cap = meet_end, cap - morning_cap
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
            if reason is None and window is not None and half:
                window = (max(window[0], t_open), min(window[1], t_close - visit.duration_minutes))
                if window[1] < window[0]:
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
                max_visits=cap,
                fixed=tuple(node for _, node in sorted(fixed)),
                label=_tour_label(segment, half, group.id),
            )
        )
        infos.append(
            TourInfo(segment, group, lunch, tuple(items), present.members, s, option, half)
        )
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
        meets=tuple(
            Meet(am, pm, place, model_minutes(r.start), model_minutes(r.end))
            for am, pm, place, r in meet_specs
        ),
    )
    require_fixed_items_feasible(problem, infos)
    all_groups = {
        g.id: g
        for options_ in splits
        for day_split in options_
        for partition in (day_split.morning, day_split.afternoon)
        for g in partition
    }
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
        regroups=tuple(regroups),
    )


def _tour_label(segment: Segment, half: str, group_id: str) -> str:
    """A tour's label in diagnostics: ``2024-02-12 houston morning group-a``."""
    return f"{segment.label} {half + ' ' if half else ''}{group_id}"


def renamed(model: MissionModel, ids: Mapping[str, str]) -> MissionModel:
    """The same model with its subgroups' ids replaced by ``ids`` (old id -> new id, one to
    one; ids it leaves out are kept), in tours, candidate splits and tour labels alike."""

    def group(g: Subgroup) -> Subgroup:
        return Subgroup(ids.get(g.id, g.id), g.members)

    def partition(p: Partition) -> Partition:
        return tuple(group(g) for g in p)

    tours = tuple(replace(info, group=group(info.group)) for info in model.tours)
    labels = tuple(
        replace(tour, label=_tour_label(info.segment, info.half, info.group.id))
        for tour, info in zip(model.problem.tours, tours, strict=True)
    )
    return replace(
        model,
        problem=replace(model.problem, tours=labels),
        groups=partition(model.groups),
        tours=tours,
        splits=tuple(
            tuple(DaySplit(partition(d.morning), partition(d.afternoon)) for d in options)
            for options in model.splits
        ),
    )


_TourSpec = tuple[int, int, Subgroup, int, int, list[tuple[int, ProgrammeItem]], int | None, str]


def regroup_of(event: Event, segment: Segment, venues: Mapping[str, Venue]) -> Regroup | None:
    """Where the segment's subgroups meet for lunch if its split changes then, or None.

    The place is the leg's lunch venue, else its hotel, in the leg's time zone; lunch there
    starts when the leg's lunch window opens and lasts its minutes. None (the segment keeps
    one split all day) when the segment holds a fixed item (a briefing, a meal), when the
    leg allows fewer than two visits a day, or when the segment cannot reach the place by
    then or its end from there after lunch.
    """
    leg = segment.leg
    venue = venues.get(leg.lunch_venue or leg.hotel or "")
    if venue is None or venue.timezone != leg.timezone or leg.max_visits_per_day < 2:
        return None
    start = leg.local_datetime(segment.day, leg.lunch_start)
    end = start + timedelta(minutes=leg.lunch_minutes)
    if any(
        not is_move(p) and p.start < segment.end and segment.start < p.end for p in event.programme
    ):
        return None
    there = timedelta(minutes=travel_minutes(venues[segment.start_venue], venue, leg))
    back = timedelta(minutes=travel_minutes(venue, venues[segment.end_venue], leg))
    if segment.start + there > start or end + back > segment.end:
        return None
    return Regroup(venue.id, start, end)


def _morning_cap(cap: int, morning: float, afternoon: float) -> int:
    """The morning's share of the day's visit cap, by the lengths of the two halves (at
    least one visit each): a member's morning and afternoon visits never exceed the cap."""
    share = round(cap * max(morning, 0.0) / max(morning + afternoon, 1.0))
    return min(cap - 1, max(1, share))


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
