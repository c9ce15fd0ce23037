"""The search against exhaustive enumeration on tiny instances; every result is checked."""

from __future__ import annotations

import pytest

from liqa.core.scheduling.itinerary import Settings, check_itinerary, greedy, solve
from tests.core.scheduling.itinerary.tiny import exhaustive_best, tiny_problem

SETTINGS = Settings(time_limit=20.0, max_no_improve=300, seed=1)


@pytest.mark.parametrize("seed", range(4))
def test_solve_equals_exhaustive_optimum_on_tiny_instances(seed: int) -> None:
    problem = tiny_problem(seed, sites=6, tours=2)
    result = solve(problem, SETTINGS)
    assert check_itinerary(problem, result.routes, result.score) == []
    assert result.score == exhaustive_best(problem)


@pytest.mark.parametrize("seed", range(4))
def test_solve_equals_exhaustive_optimum_with_a_lunch_break(seed: int) -> None:
    problem = tiny_problem(100 + seed, sites=5, tours=2, lunch=True)
    result = solve(problem, SETTINGS)
    assert check_itinerary(problem, result.routes, result.score) == []
    assert result.score == exhaustive_best(problem)


@pytest.mark.parametrize("seed", range(3))
def test_greedy_is_valid_and_never_beats_the_search(seed: int) -> None:
    problem = tiny_problem(200 + seed, sites=7, tours=2, lunch=seed % 2 == 1)
    base = greedy(problem)
    found = solve(problem, SETTINGS)
    assert check_itinerary(problem, base.routes, base.score) == []
    assert check_itinerary(problem, found.routes, found.score) == []
    assert base.score <= found.score


def test_solve_reports_a_bound_at_least_its_score() -> None:
    problem = tiny_problem(7, sites=6, tours=2)
    result = solve(problem, SETTINGS)
    assert result.bound is not None
    assert result.bound >= result.score
    assert result.gap == (result.bound - result.score) / result.bound


@pytest.mark.slow
def test_solve_reaches_the_exhaustive_optimum_on_most_of_forty_more_instances() -> None:
    """A heuristic, not an exact method: measured, it misses the optimum on a few."""
    problems = [tiny_problem(s, sites=6, tours=2) for s in range(4, 24)]
    problems += [tiny_problem(100 + s, sites=5, tours=2, lunch=True) for s in range(4, 24)]
    gaps = []
    for problem in problems:
        result = solve(problem, SETTINGS)
        assert check_itinerary(problem, result.routes, result.score) == []
        best = exhaustive_best(problem)
        gaps.append((best - result.score) / best)
    assert sum(1 for g in gaps if g == 0) >= 36
    assert max(gaps) <= 0.1
