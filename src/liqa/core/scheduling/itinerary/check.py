"""Independent itinerary checker: recomputes every route from scratch and lists violations.

It shares no code with the search (no cached waits or shifts): it walks each route from the
tour's start, adds service and travel, waits for windows, and reports by label every
violated rule: ``unknown_node``, ``not_allowed`` (the tour may not visit the node),
``window`` (service starts after the close), ``late_return``, ``twice`` (a site in two
places), ``pinned`` (a tour lost a fixed item or holds another tour's), ``max_visits``, and
``score`` (the claimed score differs from the recomputed one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from liqa.core.scheduling.itinerary.problem import Problem

TOLERANCE = 1e-6


@dataclass(frozen=True)
class Violation:
    """One broken rule, with the tour and node concerned."""

    rule: str
    tour: int
    node: int | None
    detail: str


def check_itinerary(
    problem: Problem, routes: Sequence[Sequence[int]], score: float | None = None
) -> list[Violation]:
    """Every violation of the routes (empty when valid); ``score`` is checked when given."""
    out: list[Violation] = []
    if len(routes) > len(problem.tours):
        out.append(Violation("tours", -1, None, f"{len(routes)} routes for {len(problem.tours)}"))
    seen: dict[int, int] = {}
    total = 0.0
    sites = set(problem.sites)
    for k, route in enumerate(routes[: len(problem.tours)]):
        total += _check_route(problem, k, list(route), sites, seen, out)
    if score is not None and abs(score - total) > TOLERANCE:
        out.append(Violation("score", -1, None, f"claimed {score:g}, recomputed {total:g}"))
    return out


def _check_route(
    problem: Problem,
    k: int,
    route: list[int],
    sites: set[int],
    seen: dict[int, int],
    out: list[Violation],
) -> float:
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
            return value
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
    return value
