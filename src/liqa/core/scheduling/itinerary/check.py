"""Independent itinerary checker: recomputes every route from scratch and lists violations.

It shares no code with the search (no cached waits or shifts): it walks each route from the
tour's start, adds service and travel, waits for windows, and reports by label every
violated rule: ``unknown_node``, ``not_allowed`` (the tour may not visit the node),
``window`` (service starts after the close), ``late_return``, ``twice`` (a site in two
places), ``pinned`` (a tour lost a fixed item or holds another tour's), ``max_visits``,
``options`` (a day's tours of two different splits both used, or an option that does not
exist), ``unused_tour`` (sites in a tour of a split the day did not take),
``double_presence`` (a member in two tours at once), ``regroup`` (where the subgroups
change at lunch: a morning tour that does not end at the meeting place in time, an
afternoon tour that leaves it too early or from elsewhere, or members who are not all
there), ``score`` (the claimed score differs from the recomputed one) and ``fairness`` (the
claimed least member value differs).

:func:`check_partitions` checks the delegation's split of each day (or half-day) against
the event's rules: ``member_missing``, ``member_twice``, ``unknown_member``,
``group_count`` (more than ``subgroups_max``), ``group_size`` (below
``subgroup_min_size`` or above ``subgroup_max_size``), ``together`` and ``apart``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from liqa.core.model import Event
from liqa.core.scheduling.itinerary.groups import Subgroup
from liqa.core.scheduling.itinerary.problem import Problem

TOLERANCE = 1e-6


@dataclass(frozen=True)
class Violation:
    """One broken rule, with the tour and node concerned."""

    rule: str
    tour: int
    node: int | None
    detail: str


@dataclass(frozen=True)
class PartitionViolation:
    """One broken rule of a day's split of the delegation."""

    rule: str
    segment: str
    """The day (segment) concerned, as labelled by the caller."""
    detail: str


def check_itinerary(
    problem: Problem,
    routes: Sequence[Sequence[int]],
    score: float | None = None,
    options: Sequence[int] | None = None,
    least: float | None = None,
) -> list[Violation]:
    """Every violation of the routes (empty when valid); ``score`` is checked when given.

    ``options`` names the option taken in each of the problem's choices; when omitted, a
    choice may hold sites in the tours of one option at most. ``least`` is a claimed value
    of the least-served member (problems with members), checked when given.
    """
    out: list[Violation] = []
    if len(routes) > len(problem.tours):
        out.append(Violation("tours", -1, None, f"{len(routes)} routes for {len(problem.tours)}"))
    seen: dict[int, int] = {}
    total = 0.0
    sites = set(problem.sites)
    spans: dict[int, tuple[float, float]] = {}
    for k, route in enumerate(routes[: len(problem.tours)]):
        value, span = _check_route(problem, k, list(route), sites, seen, out)
        total += value
        spans[k] = span
    used = _check_options(problem, routes, sites, options, out)
    _check_presence(problem, spans, used, out)
    _check_meets(problem, spans, used, out)
    if score is not None and abs(score - total) > TOLERANCE:
        out.append(Violation("score", -1, None, f"claimed {score:g}, recomputed {total:g}"))
    if least is not None:
        values = member_values(problem, routes, used)
        recomputed = min(values) if values else 0.0
        if abs(least - recomputed) > TOLERANCE:
            out.append(
                Violation("fairness", -1, None, f"claimed {least:g}, recomputed {recomputed:g}")
            )
    return out


def member_values(
    problem: Problem, routes: Sequence[Sequence[int]], used: set[int] | None = None
) -> list[float]:
    """What each member receives: the value to them of every site of the used tours they
    travel in (all tours when ``used`` is None); empty for a problem without members."""
    if problem.member_value is None or not problem.crews:
        return []
    sites = set(problem.sites)
    values = [0.0] * int(problem.member_value.shape[0])
    for k, route in enumerate(routes[: len(problem.tours)]):
        if used is not None and k not in used:
            continue
        for node in route:
            if node in sites and 0 <= node < problem.size:
                for member in problem.crews[k]:
                    values[member] += float(problem.member_value[member, node])
    return values


def _check_route(
    problem: Problem,
    k: int,
    route: list[int],
    sites: set[int],
    seen: dict[int, int],
    out: list[Violation],
) -> tuple[float, tuple[float, float]]:
    tour = problem.tours[k]
    pinned = [node for node in route if node not in sites]
    if pinned != list(tour.fixed):
        out.append(Violation("pinned", k, None, f"fixed items {pinned} != {list(tour.fixed)}"))
    visits = [node for node in route if node in sites]
    if tour.max_visits is not None and len(visits) > tour.max_visits:
        out.append(Violation("max_visits", k, None, f"{len(visits)} > {tour.max_visits}"))
    time, here, value = tour.open, tour.start, 0.0
    for node in route:
        if not 0 <= node < problem.size:
            out.append(Violation("unknown_node", k, node, "no such node"))
            return value, (tour.open, time)
        if node in sites:
            if node in seen:
                out.append(Violation("twice", k, node, f"also in tour {seen[node]}"))
            seen[node] = k
            value += float(problem.profit[k, node])
        opens, closes = float(problem.open[k, node]), float(problem.close[k, node])
        if closes < opens:
            out.append(Violation("not_allowed", k, node, "the tour may not visit it"))
        location = here if node in problem.breaks else node
        arrive = time + float(problem.travel[here, location])
        time = max(arrive, opens)
        if time > closes + TOLERANCE:
            out.append(Violation("window", k, node, f"starts at {time:g} after close {closes:g}"))
        time += float(problem.service[node])
        here = location
    back = time + float(problem.travel[here, tour.end])
    if back > tour.close + TOLERANCE:
        out.append(Violation("late_return", k, None, f"ends at {back:g} after {tour.close:g}"))
    return value, (tour.open, back)


def _check_options(
    problem: Problem,
    routes: Sequence[Sequence[int]],
    sites: set[int],
    options: Sequence[int] | None,
    out: list[Violation],
) -> set[int]:
    """The tours in use; flags sites in tours of options not taken."""
    used = set(range(len(problem.tours)))
    if not problem.choices:
        return used
    if options is not None and len(options) != len(problem.choices):
        out.append(
            Violation("options", -1, None, f"{len(options)} options for {len(problem.choices)}")
        )
        options = None
    for c, choice in enumerate(problem.choices):
        busy = [
            p
            for p, tours in enumerate(choice)
            if any(node in sites for k in tours if k < len(routes) for node in routes[k])
        ]
        if options is None:
            if len(busy) > 1:
                out.append(Violation("options", -1, None, f"choice {c}: options {busy} all used"))
            taken = busy[0] if busy else 0
        else:
            taken = options[c]
            if not 0 <= taken < len(choice):
                out.append(Violation("options", -1, None, f"choice {c} has no option {taken}"))
                continue
        for p, tours in enumerate(choice):
            if p == taken:
                continue
            for k in tours:
                used.discard(k)
                held = [node for node in routes[k] if node in sites] if k < len(routes) else []
                for node in held:
                    out.append(Violation("unused_tour", k, node, f"choice {c} took option {taken}"))
    return used


def _check_presence(
    problem: Problem, spans: dict[int, tuple[float, float]], used: set[int], out: list[Violation]
) -> None:
    """No member travels in two used tours whose times overlap."""
    if not problem.crews:
        return
    by_member: dict[int, list[tuple[float, float, int]]] = {}
    for k in sorted(used):
        if k in spans:
            for member in problem.crews[k]:
                by_member.setdefault(member, []).append((*spans[k], k))
    for member, tours in sorted(by_member.items()):
        tours.sort()
        for (_, end, k0), (start, _, k1) in itertools.pairwise(tours):
            if start < end - TOLERANCE:
                out.append(
                    Violation("double_presence", k1, None, f"member {member} also in tour {k0}")
                )


def _check_meets(
    problem: Problem, spans: dict[int, tuple[float, float]], used: set[int], out: list[Violation]
) -> None:
    """Where the subgroups change at lunch, everyone is at the meeting place in between."""
    for meet in problem.meets:
        morning = [k for k in meet.morning if k in used]
        afternoon = [k for k in meet.afternoon if k in used]
        if not morning and not afternoon:
            continue
        if len(morning) != len(meet.morning) or len(afternoon) != len(meet.afternoon):
            out.append(Violation("regroup", -1, None, "half of a day's tours are not in use"))
            continue
        for k in morning:
            tour = problem.tours[k]
            if tour.end != meet.place:
                out.append(Violation("regroup", k, tour.end, f"ends away from {meet.place}"))
            if k in spans and spans[k][1] > meet.start + TOLERANCE:
                out.append(
                    Violation("regroup", k, meet.place, f"arrives {spans[k][1]:g} > {meet.start:g}")
                )
        for k in afternoon:
            tour = problem.tours[k]
            if tour.start != meet.place:
                out.append(Violation("regroup", k, tour.start, f"leaves from {tour.start}"))
            if tour.open < meet.end - TOLERANCE:
                out.append(
                    Violation("regroup", k, meet.place, f"leaves {tour.open:g} < {meet.end:g}")
                )
        if problem.crews:
            before = sorted(m for k in morning for m in problem.crews[k])
            after = sorted(m for k in afternoon for m in problem.crews[k])
            if before != after:
                out.append(
                    Violation("regroup", -1, meet.place, f"members {before} before, {after} after")
                )


def check_partitions(
    event: Event, days: Sequence[tuple[str, Sequence[Subgroup]]]
) -> list[PartitionViolation]:
    """Every broken rule of each day's split: ``days`` holds (label, subgroups) pairs.

    Each delegation member is in exactly one subgroup, there are at most
    ``event.subgroups_max`` subgroups, each of at least ``event.subgroup_min_size`` and at
    most ``event.subgroup_max_size`` members when there are several, members who must stay
    together share one, and members who must stay apart do not. A day whose subgroups change
    at lunch is given as two entries, its morning and its afternoon.
    """
    delegation = [p.id for p in event.delegates() or list(event.people)]
    known = set(delegation)
    out: list[PartitionViolation] = []
    for label, groups in days:
        where: dict[str, str] = {}
        for group in groups:
            for pid in group.members:
                if pid not in known:
                    out.append(PartitionViolation("unknown_member", label, f"{pid} in {group.id}"))
                elif pid in where:
                    out.append(
                        PartitionViolation(
                            "member_twice", label, f"{pid} in {where[pid]} and {group.id}"
                        )
                    )
                else:
                    where[pid] = group.id
        for pid in delegation:
            if pid not in where:
                out.append(PartitionViolation("member_missing", label, f"{pid} in no subgroup"))
        if len(groups) > max(1, event.subgroups_max):
            out.append(
                PartitionViolation(
                    "group_count", label, f"{len(groups)} subgroups > {event.subgroups_max}"
                )
            )
        if len(groups) > 1:
            for group in groups:
                if len(group.members) < event.subgroup_min_size:
                    out.append(
                        PartitionViolation(
                            "group_size",
                            label,
                            f"{group.id}: {len(group.members)} < {event.subgroup_min_size}",
                        )
                    )
        high = event.subgroup_max_size
        for group in groups:
            if high is not None and len(group.members) > high:
                out.append(
                    PartitionViolation(
                        "group_size", label, f"{group.id}: {len(group.members)} > {high}"
                    )
                )
        for rule in event.together:
            apart_groups = sorted({where[pid] for pid in rule if pid in where})
            if len(apart_groups) > 1:
                out.append(
                    PartitionViolation(
                        "together", label, f"{', '.join(rule)} split over {', '.join(apart_groups)}"
                    )
                )
        for rule in event.apart:
            for group in groups:
                clash = [pid for pid in rule if pid in group.members]
                if len(clash) > 1:
                    out.append(
                        PartitionViolation("apart", label, f"{', '.join(clash)} in {group.id}")
                    )
    return out
