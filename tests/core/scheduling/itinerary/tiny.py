"""Tiny random TOPTW instances and an exhaustive solver to compare the search against."""

from __future__ import annotations

import math
import random
from itertools import permutations, product

import numpy as np

from liqa.core.scheduling.itinerary import Problem, Tour, check_itinerary


def tiny_problem(seed: int, sites: int = 6, tours: int = 2, lunch: bool = False) -> Problem:
    """Sites on a 40 x 40 square, a depot at the centre, tour-dependent windows and profits.

    With ``lunch``, every tour holds a 10-unit break that must start in [40, 60].
    """
    rng = random.Random(seed)
    points = [(20.0, 20.0)] + [(rng.uniform(0, 40), rng.uniform(0, 40)) for _ in range(sites)]
    breaks = list(range(sites + 1, sites + 1 + tours)) if lunch else []
    size = sites + 1 + len(breaks)
    travel = np.zeros((size, size))
    for i, a in enumerate(points):
        for j, b in enumerate(points):
            travel[i, j] = math.floor(math.dist(a, b))
    service = np.zeros(size)
    service[1 : sites + 1] = [rng.randint(5, 15) for _ in range(sites)]
    service[sites + 1 :] = 10
    profit = np.zeros((tours, size))
    opens = np.zeros((tours, size))
    closes = np.full((tours, size), -1.0)
    for k in range(tours):
        for j in range(1, sites + 1):
            if rng.random() < 0.85:
                start = rng.randint(0, 70)
                opens[k, j], closes[k, j] = start, start + rng.randint(5, 40)
                profit[k, j] = rng.randint(1, 10)
    for k, node in enumerate(breaks):
        opens[k, node], closes[k, node] = 40, 60
    tour_list = tuple(
        Tour(0, 0, 0.0, 110.0, fixed=(breaks[k],) if lunch else (), label=f"t{k}")
        for k in range(tours)
    )
    return Problem(
        name=f"tiny-{seed}",
        travel=travel,
        service=service,
        profit=profit,
        open=opens,
        close=closes,
        sites=tuple(range(1, sites + 1)),
        tours=tour_list,
        breaks=frozenset(breaks),
    )


def exhaustive_best(problem: Problem) -> float:
    """The optimum by trying every assignment of sites to tours and every order."""
    return max(value for value, _ in exhaustive_plans(problem))


def exhaustive_plans(problem: Problem) -> list[tuple[float, tuple[int, ...]]]:
    """Every feasible plan's value and options: each option of every choice (one per day
    segment), every assignment of sites to the tours in use, every order."""
    plans: list[tuple[float, tuple[int, ...]]] = []
    for options in product(*(range(len(choice)) for choice in problem.choices)):
        active = problem.active_tours(options)
        tours = [k for k in range(len(problem.tours)) if active[k]]
        best: float | None = None
        for owner in product([-1, *tours], repeat=len(problem.sites)):
            total = 0.0
            for k in tours:
                chosen = [s for s, o in zip(problem.sites, owner, strict=True) if o == k]
                value = _best_tour(problem, k, chosen)
                if value is None:
                    break
                total += value
            else:
                best = total if best is None else max(best, total)
        if best is not None:
            plans.append((best, tuple(options)))
    return plans


def _best_tour(problem: Problem, k: int, chosen: list[int]) -> float | None:
    nodes = chosen + list(problem.tours[k].fixed)
    for order in permutations(nodes):
        routes: list[list[int]] = [[] for _ in problem.tours]
        routes[k] = list(order)
        if not [v for v in check_itinerary(problem, routes) if v.tour == k]:
            return float(sum(problem.profit[k, s] for s in chosen))
    return None
