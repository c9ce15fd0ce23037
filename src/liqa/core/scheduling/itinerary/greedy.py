"""Greedy insertion baseline: insert the best ``profit^2 / shift`` site until none fits."""

from __future__ import annotations

import random

from liqa.core.scheduling.itinerary.problem import Problem, Result, Settings
from liqa.core.scheduling.itinerary.search import timer
from liqa.core.scheduling.itinerary.solution import Solution, initial_middles


def greedy(problem: Problem) -> Result:
    """One deterministic pass of best-ratio insertion (no search): the comparison baseline.

    With choices (a mission's candidate splits per day), every day takes its first one.
    """
    clock = timer(Settings(clock="cpu"))
    sol = Solution(problem, initial_middles(problem))
    sol.insert_all(random.Random(0))
    routes = tuple(tuple(m) for m in sol.middles())
    placed = {node for r in routes for node in r}
    return Result(
        routes=routes,
        score=sol.score(),
        method="greedy",
        seconds=clock(),
        missing_required=tuple(sorted(problem.required - placed)),
        options=tuple(sol.options),
    )
