"""The independent checker names every broken rule exactly."""

from __future__ import annotations

import numpy as np

from liqa.core.scheduling.itinerary import Problem, Tour, Violation, check_itinerary


def line_problem() -> Problem:
    """Depot 0 and sites 1..3 on a line, 10 apart; site 3 only in tour 0; tours end by 60."""
    xs = np.array([0.0, 10.0, 20.0, 30.0])
    travel = np.abs(xs[:, None] - xs[None, :])
    opens = np.array([[0.0, 0.0, 15.0, 0.0], [0.0, 0.0, 15.0, 0.0]])
    closes = np.array([[60.0, 50.0, 25.0, 50.0], [60.0, 50.0, 25.0, -1.0]])
    return Problem(
        name="line",
        travel=travel,
        service=np.array([0.0, 5.0, 5.0, 5.0]),
        profit=np.array([[0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0]]),
        open=opens,
        close=closes,
        sites=(1, 2, 3),
        tours=(Tour(0, 0, 0.0, 60.0, max_visits=2), Tour(0, 0, 0.0, 60.0)),
    )


def test_check_itinerary_accepts_a_valid_route_set() -> None:
    assert check_itinerary(line_problem(), [[1, 2], []], 3.0) == []


def test_check_itinerary_lists_each_violation_by_rule() -> None:
    problem = line_problem()
    violations = check_itinerary(problem, [[3, 2, 1], [3]], 9.0)
    assert violations == [
        Violation("max_visits", 0, None, "3 > 2"),
        Violation("window", 0, 2, "starts at 45 after close 25"),
        Violation("window", 0, 1, "starts at 60 after close 50"),
        Violation("late_return", 0, None, "ends at 75 after 60"),
        Violation("twice", 1, 3, "also in tour 0"),
        Violation("not_allowed", 1, 3, "the tour may not visit it"),
        Violation("window", 1, 3, "starts at 30 after close -1"),
        Violation("late_return", 1, None, "ends at 65 after 60"),
    ]


def test_check_itinerary_reports_a_wrong_claimed_score() -> None:
    assert check_itinerary(line_problem(), [[1], []], 5.0) == [
        Violation("score", -1, None, "claimed 5, recomputed 1")
    ]
