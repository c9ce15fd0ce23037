"""Times along a solved route: when each node starts and how long the group travelled to it.

Computed from scratch (not from the search's caches), with the same rules as the checker.
"""

from __future__ import annotations

from dataclasses import dataclass

from liqa.core.scheduling.itinerary.problem import Problem


@dataclass(frozen=True)
class Stop:
    """One node of a route: arrival, service start and end, travel and wait before it."""

    node: int
    arrive: float
    start: float
    end: float
    travel: float
    wait: float


def timeline(problem: Problem, k: int, route: tuple[int, ...] | list[int]) -> list[Stop]:
    """Every stop of tour ``k`` including the final arrival at the end node (last item)."""
    tour = problem.tours[k]
    here, time = tour.start, tour.open
    stops: list[Stop] = []
    for node in route:
        location = here if node in problem.breaks else node
        drive = float(problem.travel[here, location])
        arrive = time + drive
        start = max(arrive, float(problem.open[k, node]))
        end = start + float(problem.service[node])
        stops.append(Stop(node, arrive, start, end, drive, start - arrive))
        here, time = location, end
    drive = float(problem.travel[here, tour.end])
    stops.append(Stop(tour.end, time + drive, time + drive, time + drive, drive, 0.0))
    return stops
