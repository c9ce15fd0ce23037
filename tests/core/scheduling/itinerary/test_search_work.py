"""The search is a pure function of (problem, settings, seed) for a given amount of work:
its acceptance rule counts iterations, never the clock, which only stops it."""

from __future__ import annotations

from dataclasses import replace

from liqa.core.scheduling.itinerary import Settings, check_itinerary, solve
from liqa.core.scheduling.itinerary.problem import Problem, Result
from tests.core.scheduling.itinerary.tiny import tiny_problem


def _problem() -> Problem:
    """Too many sites for the tours' hours: the search never runs out of work early."""
    return tiny_problem(3, sites=40, tours=2, lunch=True)


def _trace(result: Result) -> tuple[object, ...]:
    """Everything the search decided (not how long it took)."""
    return (
        result.routes,
        result.score,
        result.iterations,
        result.options,
        tuple(score for _seconds, score in result.history),
    )


def test_same_seed_and_iteration_budget_give_identical_results() -> None:
    problem = _problem()
    settings = Settings(time_limit=600.0, iterations=400, seed=5, bound=False)
    first = solve(problem, settings)
    assert first.iterations == 400
    assert check_itinerary(problem, first.routes, first.score) == []
    again = solve(problem, settings)
    assert _trace(again) == _trace(first)
    # neither the time limit (when it does not bind) nor the kind of clock changes a thing
    longer = solve(problem, replace(settings, time_limit=6000.0, clock="cpu"))
    assert _trace(longer) == _trace(first)


def test_the_first_iterations_of_a_time_limited_run_do_not_depend_on_the_time_limit() -> None:
    """Without a budget the threshold follows the iterations too: a run stopped by the
    clock went the same way, as far as it went, as one stopped by fewer idle iterations."""
    problem = _problem()
    short = solve(problem, Settings(time_limit=600.0, max_no_improve=60, seed=2, bound=False))
    long = solve(problem, Settings(time_limit=6000.0, max_no_improve=60, seed=2, bound=False))
    assert _trace(short) == _trace(long)


def test_another_seed_searches_otherwise() -> None:
    problem = _problem()
    settings = Settings(time_limit=600.0, iterations=400, seed=5, bound=False)
    assert _trace(solve(problem, replace(settings, seed=6))) != _trace(solve(problem, settings))


def test_the_threshold_falls_over_the_budget_or_over_doubling_cycles() -> None:
    from liqa.core.scheduling.itinerary.search import CYCLE, THRESHOLD, threshold

    assert threshold(0, 400) == THRESHOLD
    assert threshold(200, 400) == THRESHOLD / 2
    assert threshold(400, 400) == threshold(500, 400) == 0.0
    # no budget: cycles of CYCLE, 2 CYCLE, 4 CYCLE... iterations, each from THRESHOLD down
    starts = [0, CYCLE, 3 * CYCLE, 7 * CYCLE]
    assert [threshold(s, None) for s in starts] == [THRESHOLD] * 4
    assert threshold(CYCLE // 2, None) == THRESHOLD / 2
    assert threshold(CYCLE + CYCLE, None) == THRESHOLD / 2
    assert 0 < threshold(3 * CYCLE - 1, None) < THRESHOLD / 100
