"""Second objective: for the visits chosen, the order with the least travel and idle time.

Each tour's middle (visits and pinned items; pinned items keep their order) is re-ordered
exhaustively when it is short (missions have a handful of visits per day), keeping the
feasible order with the least travel, then the least waiting, then the earliest return.
"""

from __future__ import annotations

from itertools import permutations

from liqa.core.scheduling.itinerary.problem import Problem
from liqa.core.scheduling.itinerary.timeline import timeline

MAX_EXHAUSTIVE = 7
"""Longest middle re-ordered exhaustively (7! = 5040 orders)."""


def _cost(problem: Problem, k: int, order: tuple[int, ...]) -> tuple[float, float, float] | None:
    stops = timeline(problem, k, order)
    for stop in stops[:-1]:
        if stop.start > problem.close[k, stop.node] + 1e-9:
            return None
    if stops[-1].arrive > problem.tours[k].close + 1e-9:
        return None
    travel = sum(s.travel for s in stops)
    waits = sum(s.wait for s in stops[1:-1])
    return (travel, waits, stops[-1].arrive)


def polish_route(problem: Problem, k: int, route: tuple[int, ...]) -> tuple[int, ...]:
    """The best-ordered feasible permutation of ``route`` (itself when none is better)."""
    if len(route) < 2 or len(route) > MAX_EXHAUSTIVE:
        return route
    fixed = [node for node in route if node in problem.tours[k].fixed]
    best = route
    best_cost = _cost(problem, k, route)
    if best_cost is None:
        return route
    for order in permutations(route):
        if [node for node in order if node in problem.tours[k].fixed] != fixed:
            continue
        cost = _cost(problem, k, order)
        if cost is not None and cost < best_cost:
            best, best_cost = order, cost
    return best


def polish(problem: Problem, routes: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
    """Every tour re-ordered by :func:`polish_route`; the same visits, the same score."""
    return tuple(polish_route(problem, k, route) for k, route in enumerate(routes))
