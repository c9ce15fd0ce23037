"""Every brokerage solve path ends with one last report (phase ``finishing``) carrying the
result's own breaks, bound and status: the target search (every meeting required, one
block: the benchmark's path) sent none before, so a listener never learned its final
figures from the reports."""

from __future__ import annotations

import dataclasses

import pytest

from liqa.core.scheduling.brokerage import Problem, Result, Settings, Status, solve
from liqa.core.scheduling.progress import Progress
from tests.core.scheduling.brokerage.factories import problem
from tests.core.scheduling.brokerage.test_sat_target import cycle


def _heard(p: Problem, settings: Settings) -> tuple[Result, list[Progress]]:
    reports: list[Progress] = []

    def listen(report: Progress) -> bool:
        reports.append(report)
        return True

    result = solve(p, dataclasses.replace(settings, on_progress=listen))
    return result, reports


def _assert_last_is_the_result(result: Result, reports: list[Progress]) -> None:
    assert [r.phase for r in reports].count("finishing") == 1
    last = reports[-1]
    assert last.phase == "finishing"
    assert (last.terms["breaks"], last.bound, last.status) == (
        result.breaks,
        result.bound,
        result.status,
    )
    assert last.terms == result.objective
    assert all(r.status is None for r in reports[:-1])  # the status is the final one's


def test_the_target_search_ends_with_the_optimum_and_its_proof() -> None:
    """A cycle of four at one table: own bounds 0, optimum 1 (proven by the search)."""
    result, reports = _heard(cycle(), Settings(time_limit=20.0))
    assert (result.status, result.breaks, result.bound) == (Status.OPTIMAL, 1, 1)
    _assert_last_is_the_result(result, reports)
    assert (reports[-1].objective, reports[-1].gap) == (1, 0.0)


def test_the_weighted_search_ends_with_its_weighted_cost() -> None:
    """Not every meeting required: CP-SAT's weighted objective, as its live reports."""
    p = problem(["a-b", "b-c", "c-d", "a-d", "a-c"], n_slots=3, tables=1, require_all=False)
    result, reports = _heard(p, Settings(time_limit=20.0))
    assert result.status == Status.OPTIMAL
    assert result.unplaced  # five meetings, three slots at one table
    _assert_last_is_the_result(result, reports)
    assert reports[-1].objective == result.objective["weighted"]


@pytest.mark.parametrize("method", ["greedy", "lns"])
def test_the_baseline_and_the_large_event_search_end_with_their_result(method: str) -> None:
    p = problem(["a-b", "b-c", "c-d", "d-e"], n_slots=8, tables=1)
    result, reports = _heard(p, Settings(time_limit=2.0, method=method))
    _assert_last_is_the_result(result, reports)


def test_a_listener_that_asked_to_stop_hears_no_more() -> None:
    p = problem(["a-b", "b-c", "c-d", "a-d"], n_slots=4, tables=1)
    reports: list[Progress] = []

    def stop_at_once(report: Progress) -> bool:
        reports.append(report)
        return False

    result = solve(p, Settings(time_limit=20.0, on_progress=stop_at_once))
    assert result.stopped
    assert [r.phase for r in reports] == ["building"]
