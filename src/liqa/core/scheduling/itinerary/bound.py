"""An upper bound on the best score: a linear relaxation solved with OR-Tools' GLOP.

Variables ``x[k, j]`` in [0, 1] say how much of site ``j`` tour ``k`` takes, for pairs the
tour may visit. Each site is taken at most once; a tour takes at most ``max_visits`` sites;
and the time a tour spends on its sites — service plus the least travel time into each —
fits in the tour's length minus its fixed items. With choices (a day's candidate splits),
``y[c, o]`` in [0, 1] says how much option ``o`` of choice ``c`` is taken, the options of a
choice sum to 1, and a tour of option ``o`` has ``y[c, o]`` times its length and visit cap.
Every feasible itinerary satisfies these, so the LP optimum bounds the score from above
(loosely: it ignores the order of visits).
"""

from __future__ import annotations

import numpy as np
from ortools.linear_solver import pywraplp

from liqa.core.scheduling.itinerary.problem import Problem


def lp_bound(problem: Problem) -> float | None:
    """The LP relaxation's optimum, or None when GLOP is unavailable or fails."""
    sites = np.array(problem.sites, dtype=np.int64)
    if sites.size == 0:
        return 0.0
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:
        return None
    others = np.array([i for i in range(problem.size) if i not in problem.breaks])
    travel = problem.travel[np.ix_(others, sites)].astype(float)
    travel[others[:, None] == sites[None, :]] = np.inf
    min_in = travel.min(axis=0)
    min_in[~np.isfinite(min_in)] = 0.0
    take: dict[int, list[tuple[int, pywraplp.Variable]]] = {int(j): [] for j in sites}
    objective = solver.Objective()
    share: dict[int, pywraplp.Variable] = {}
    for c, choice in enumerate(problem.choices):
        one = solver.Constraint(1.0, 1.0, f"choice[{c}]")
        for o, tours in enumerate(choice):
            y = solver.NumVar(0.0, 1.0, f"y[{c},{o}]")
            one.SetCoefficient(y, 1.0)
            for k in tours:
                share[k] = y
    for k, tour in enumerate(problem.tours):
        fixed_time = float(sum(problem.service[node] for node in tour.fixed))
        length = max(0.0, tour.close - tour.open - fixed_time)
        y = share.get(k)
        time_row = solver.Constraint(
            -solver.infinity(), 0.0 if y is not None else length, f"time[{k}]"
        )
        count_row = None
        if tour.max_visits is not None:
            cap = 0.0 if y is not None else float(tour.max_visits)
            count_row = solver.Constraint(-solver.infinity(), cap, f"visits[{k}]")
        if y is not None:
            time_row.SetCoefficient(y, -length)
            if count_row is not None:
                count_row.SetCoefficient(y, -float(tour.max_visits or 0))
        for idx, j in enumerate(sites):
            value = float(problem.profit[k, j])
            if problem.close[k, j] < problem.open[k, j] or value <= 0:
                continue
            var = solver.NumVar(0.0, 1.0, f"x[{k},{j}]")
            take[int(j)].append((k, var))
            objective.SetCoefficient(var, value)
            time_row.SetCoefficient(var, float(problem.service[j] + min_in[idx]))
            if count_row is not None:
                count_row.SetCoefficient(var, 1.0)
            if y is not None:
                link = solver.Constraint(-solver.infinity(), 0.0, f"use[{k},{j}]")
                link.SetCoefficient(var, 1.0)
                link.SetCoefficient(y, -1.0)
    for j, pairs in take.items():
        if pairs:
            once = solver.Constraint(0.0, 1.0, f"once[{j}]")
            for _, var in pairs:
                once.SetCoefficient(var, 1.0)
    objective.SetMaximization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    return float(objective.Value())
