"""The independent checkers name every broken rule exactly (routes, and each day's split)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from liqa.core.scheduling.itinerary import Problem, Tour, Violation, check_itinerary
from liqa.core.scheduling.itinerary.check import (
    PartitionViolation,
    check_partitions,
    member_values,
)
from liqa.core.scheduling.itinerary.groups import Subgroup
from tests.core.scheduling.itinerary.factories import two_days


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


def test_check_itinerary_flags_sites_in_a_split_the_day_did_not_take() -> None:
    problem = replace(line_problem(), choices=(((0,), (1,)),))
    assert check_itinerary(problem, [[1], [2]]) == [
        Violation("options", -1, None, "choice 0: options [0, 1] all used"),
        Violation("unused_tour", 1, 2, "choice 0 took option 0"),
    ]
    assert check_itinerary(problem, [[1], [2]], 3.0, options=(0,)) == [
        Violation("unused_tour", 1, 2, "choice 0 took option 0")
    ]
    assert check_itinerary(problem, [[1], []], 1.0, options=(0,)) == []
    assert check_itinerary(problem, [[1], []], 1.0, options=(2,)) == [
        Violation("options", -1, None, "choice 0 has no option 2")
    ]


def test_check_itinerary_flags_a_member_in_two_tours_at_once() -> None:
    problem = replace(line_problem(), crews=((0, 1), (1, 2)))
    assert check_itinerary(problem, [[1], [2]], 3.0) == [
        Violation("double_presence", 1, None, "member 1 also in tour 0")
    ]
    apart = replace(line_problem(), crews=((0, 1), (2,)))
    assert check_itinerary(apart, [[1], [2]], 3.0) == []


def test_check_partitions_lists_each_broken_rule_of_a_day() -> None:
    event = two_days(
        [],
        {"ai": ("a1", "a2", "a3"), "energy": ("e1", "e2")},
        together=(("a1", "e1"),),
        apart=(("a2", "a3"),),
    )
    good = [Subgroup("g1", ("a1", "e1", "a2")), Subgroup("g2", ("a3", "e2"))]
    bad = [
        Subgroup("g1", ("a1", "a2", "a3")),
        Subgroup("g2", ("e1",)),
        Subgroup("g3", ("a1", "zz")),
    ]
    assert check_partitions(event, [("day 1", good), ("day 2", bad)]) == [
        PartitionViolation("member_twice", "day 2", "a1 in g1 and g3"),
        PartitionViolation("unknown_member", "day 2", "zz in g3"),
        PartitionViolation("member_missing", "day 2", "e2 in no subgroup"),
        PartitionViolation("group_count", "day 2", "3 subgroups > 2"),
        PartitionViolation("group_size", "day 2", "g2: 1 < 2"),
        PartitionViolation("together", "day 2", "a1, e1 split over g1, g2"),
        PartitionViolation("apart", "day 2", "a2, a3 in g1"),
    ]
    everyone = [Subgroup("all", ("a1", "a2", "a3", "e1", "e2"))]
    assert check_partitions(event, [("day 3", everyone)]) == [
        PartitionViolation("apart", "day 3", "a2, a3 in all")
    ]


def test_check_itinerary_recomputes_the_least_served_members_value() -> None:
    values = np.array([[0.0, 1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 3.0], [0.0, 1.0, 1.0, 1.0]])
    problem = replace(line_problem(), crews=((0, 2), (1,)), member_value=values)
    assert member_values(problem, [[1, 2], []]) == [3.0, 0.0, 2.0]
    assert check_itinerary(problem, [[1, 2], []], 3.0, least=0.0) == []
    assert check_itinerary(problem, [[1, 2], []], 3.0, least=2.0) == [
        Violation("fairness", -1, None, "claimed 2, recomputed 0")
    ]
