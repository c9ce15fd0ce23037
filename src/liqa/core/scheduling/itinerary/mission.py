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
from datetime import UTC, date, datetime, timedelta

import numpy as np

from liqa.core.model import (
    CandidateVisit,
    Event,
    Leg,
    Person,
    ProgrammeItem,
    ProgrammeKind,
    TimeWindow,
    Venue,
)
from liqa.core.problems import InputError
from liqa.core.problems import Problem as InputProblem
from liqa.core.scheduling.itinerary.groups import Subgroup, member_themes, split_delegation
from liqa.core.scheduling.itinerary.problem import CLOSED, Problem, Tour
from liqa.core.scheduling.itinerary.routes import Route
from liqa.core.scheduling.itinerary.travel import travel_minutes

OFF_THEME_INTEREST = 0.25
"""Interest of a member in a visit none of whose themes they share (a delegation visit
still informs everyone, but much less)."""
MAX_DRIVE_FROM_HOTEL = 120
"""A host more minutes than this from the leg's hotel is out of that leg's reach."""


@dataclass(frozen=True)
class Segment:
    """Part of one day in one leg: from a venue at ``start`` to a venue by ``end``."""

    day: date
    leg: Leg
    start_venue: str
    end_venue: str
    start: datetime
    end: datetime


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
    _require_basics(event)
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
    for segment in _segments(event, venues):
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
    _require_fixed_items_feasible(problem, infos)
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


def _require_basics(event: Event) -> None:
    problems: list[InputProblem] = []
    venue_ids = {v.id for v in event.venues}
    for i, leg in enumerate(event.legs):
        if leg.hotel is None:
            problems.append(
                InputProblem(
                    event.id,
                    f"leg {leg.id!r} has no hotel",
                    path=f"legs[{i}].hotel",
                    hint="give the venue id of the hotel where each day starts and ends",
                )
            )
        elif leg.hotel not in venue_ids:
            problems.append(
                InputProblem(
                    event.id,
                    f"leg {leg.id!r}: unknown hotel venue {leg.hotel!r}",
                    path=f"legs[{i}].hotel",
                    hint="add the hotel under venues",
                )
            )
    for i, visit in enumerate(event.visits):
        if visit.venue not in venue_ids:
            problems.append(
                InputProblem(
                    event.id,
                    f"visit {visit.id!r}: unknown venue {visit.venue!r}",
                    path=f"visits[{i}].venue",
                    hint="add the venue under venues",
                )
            )
    if problems:
        raise InputError(problems)


def _require_fixed_items_feasible(problem: Problem, infos: list[TourInfo]) -> None:
    problems: list[InputProblem] = []
    for k, tour in enumerate(problem.tours):
        if Route(problem, k, list(tour.fixed)).feasible():
            continue
        items = ", ".join(item.id for _, item in infos[k].items) or "lunch"
        problems.append(
            InputProblem(
                problem.name,
                f"{tour.label}: the fixed items ({items}) cannot all be attended on time",
                path="programme",
                hint="check their times, venues and the travel between them and the hotel",
            )
        )
    if problems:
        raise InputError(problems)


def _is_move(item: ProgrammeItem) -> bool:
    return item.kind in (ProgrammeKind.FLIGHT, ProgrammeKind.TRANSFER) and bool(
        item.end_venue and item.venue and item.end_venue != item.venue
    )


def _leg_for(event: Event, venue: Venue, near: date) -> Leg | None:
    matching = [leg for leg in event.legs if leg.timezone == venue.timezone]
    if not matching:
        return None
    return min(matching, key=lambda leg: min(abs((d - near).days) for d in leg.days()))


def _local_day(instant: datetime, venue: Venue) -> date:
    return instant.astimezone(venue.tz).date()


def _segments(event: Event, venues: dict[str, Venue]) -> list[Segment]:
    """Each day's segments: cut by flights and transfers that leave or arrive that day."""
    moves = sorted((p for p in event.programme if _is_move(p)), key=lambda p: p.start)
    hotels = {leg.hotel for leg in event.legs}
    # An arrival on the first day from outside (not from a hotel) opens the mission; a
    # departure on the last day to outside ends it.
    # A flight within the mission (between two legs' zones) is neither.
    zones = {leg.timezone for leg in event.legs}
    opening = closing = None
    if moves:
        first, last = moves[0], moves[-1]
        start_venue, end_venue = venues[first.venue or ""], venues[last.end_venue or ""]
        if (
            (first.kind is ProgrammeKind.TRANSFER and first.venue not in hotels)
            or start_venue.timezone not in zones
        ) and _local_day(first.end, venues[first.end_venue or ""]) <= event.start:
            opening = first
        if (
            (last.kind is ProgrammeKind.TRANSFER and last.end_venue not in hotels)
            or end_venue.timezone not in zones
        ) and _local_day(last.start, venues[last.venue or ""]) >= event.end:
            closing = last
    out: list[Segment] = []
    for leg in sorted(event.legs, key=lambda leg: leg.start):
        for day in leg.days():
            here_leg: Leg | None = leg
            here, at = leg.hotel or "", leg.local_datetime(day, leg.day_start)
            if opening is not None and day < _local_day(
                opening.end, venues[opening.end_venue or ""]
            ):
                continue
            if closing is not None and day > _local_day(closing.start, venues[closing.venue or ""]):
                continue
            for move in moves:
                dep, arr = venues[move.venue or ""], venues[move.end_venue or ""]
                if day not in (_local_day(move.start, dep), _local_day(move.end, arr)):
                    continue
                if (
                    move is not opening
                    and here_leg is not None
                    and dep.timezone == here_leg.timezone
                    and move.start > at
                ):
                    out.append(Segment(day, here_leg, here, dep.id, at, move.start))
                here_leg = None if move is closing else _leg_for(event, arr, day)
                if here_leg is None:
                    break
                here = arr.id
                at = max(move.end, here_leg.local_datetime(day, here_leg.day_start))
            if here_leg is None:
                continue
            end_of_day = here_leg.local_datetime(day, here_leg.day_end)
            if at < end_of_day:
                out.append(Segment(day, here_leg, here, here_leg.hotel or "", at, end_of_day))
    return out


def _attends(item: ProgrammeItem, group: Subgroup) -> bool:
    return not item.attendees or bool(set(item.attendees) & set(group.members))


def _items_within(event: Event, segment: Segment, group: Subgroup) -> list[ProgrammeItem]:
    return sorted(
        (
            p
            for p in event.programme
            if not _is_move(p)
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
