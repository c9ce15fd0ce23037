"""The solver, the greedy baseline and the explanations of unplaced meetings."""

from __future__ import annotations

import dataclasses

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Settings,
    Status,
    check_schedule,
    greedy,
    solve,
)
from tests.core.scheduling.brokerage.factories import problem

SOLVER = Settings(time_limit=20.0, workers=1)


def test_solve_finds_a_schedule_without_breaks() -> None:
    p = problem(["a-b", "a-c", "a-d", "b-c", "b-d", "c-d"], n_slots=3, tables=2)
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    assert (result.status, result.breaks, result.bound, result.gap) == (Status.OPTIMAL, 0, 0, 0.0)
    assert sorted(pl.table or 0 for pl in result.timetable.placements) == [1, 1, 1, 2, 2, 2]


def test_solve_proves_a_forced_break() -> None:
    # a meets b only in slot 0 and c only in slot 2: one break for a, whatever the solver does.
    p = dataclasses.replace(
        problem(["a-b", "a-c"], n_slots=3),
        participants=(
            Participant("a"),
            Participant("b", unavailable=frozenset({1, 2})),
            Participant("c", unavailable=frozenset({0, 1})),
        ),
    )
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    assert (result.status, result.breaks, result.bound) == (Status.OPTIMAL, 1, 1)


def test_solve_reports_infeasible_when_required_meetings_cannot_fit() -> None:
    p = problem(["a-b", "a-c", "a-d"], n_slots=2)
    assert solve(p, SOLVER).status == Status.INFEASIBLE


def test_solve_fairness_bound_can_make_a_problem_infeasible() -> None:
    # a needs one break (see above) while b and c have none: d = 0 cannot hold, d = 1 can.
    p = dataclasses.replace(
        problem(["a-b", "a-c"], n_slots=3),
        participants=(
            Participant("a"),
            Participant("b", unavailable=frozenset({1, 2})),
            Participant("c", unavailable=frozenset({0, 1})),
        ),
    )
    assert solve(dataclasses.replace(p, max_break_spread=0), SOLVER).status == Status.INFEASIBLE
    loose = dataclasses.replace(p, max_break_spread=1)
    result = solve(loose, SOLVER)
    assert check_schedule(loose, result.timetable) == []
    assert (result.status, result.breaks) == (Status.OPTIMAL, 1)


def test_unplaced_no_common_slot() -> None:
    p = dataclasses.replace(
        problem(["a-b", "a-c"], n_slots=2, require_all=False),
        participants=(
            Participant("a"),
            Participant("b", unavailable=frozenset({0, 1})),
            Participant("c"),
        ),
    )
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    assert [(u.meeting, u.reason) for u in result.unplaced] == [("m1", "no_common_slot")]


def test_unplaced_lost_to_higher_priority_names_the_blockers() -> None:
    p = dataclasses.replace(
        problem(["a-b", "a-c"], n_slots=1, require_all=False),
        meetings=(Meeting("low", ("a", "b"), priority=1), Meeting("high", ("a", "c"), priority=3)),
    )
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    assert [p.meeting for p in result.timetable.placements] == ["high"]
    assert [(u.meeting, u.reason, u.blocking) for u in result.unplaced] == [
        ("low", "lost_to_higher_priority", ("high",))
    ]


def test_unplaced_no_table_left() -> None:
    p = problem(["a-b", "c-d"], n_slots=1, tables=1, require_all=False)
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    assert [u.reason for u in result.unplaced] == ["no_table_left"]


def test_unplaced_party_at_maximum() -> None:
    p = problem(["a-b", "a-c"], n_slots=2, require_all=False, max_meetings_per_session=1)
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    assert [u.reason for u in result.unplaced] == ["party_at_maximum"]


def test_organization_meets_in_parallel_up_to_its_people() -> None:
    p = dataclasses.replace(
        problem(["org-b", "org-c", "org-d"], n_slots=1, require_all=False),
        participants=(
            Participant("org", capacity=2),
            Participant("b"),
            Participant("c"),
            Participant("d"),
        ),
    )
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    assert (result.objective["scheduled_priority"], len(result.unplaced)) == (2, 1)


def test_own_table_is_used_for_every_meeting_of_its_owner() -> None:
    p = dataclasses.replace(
        problem(["a-b", "a-c", "b-c"], n_slots=3, tables=3),
        participants=(Participant("a", table=3), Participant("b"), Participant("c")),
    )
    result = solve(p, SOLVER)
    assert check_schedule(p, result.timetable) == []
    tables = {pl.meeting: pl.table for pl in result.timetable.placements}
    assert (tables["m1"], tables["m2"]) == (3, 3)
    assert tables["m3"] in (1, 2)


def test_greedy_is_valid_and_never_claims_optimality() -> None:
    p = problem(["a-b", "a-c", "a-d", "b-c", "b-d", "c-d"], n_slots=4, tables=2)
    result = greedy(p)
    assert check_schedule(p, result.timetable) == []
    assert (result.status, result.method, result.bound) == (Status.FEASIBLE, "greedy", None)


def test_greedy_is_a_method_of_solve() -> None:
    p = problem(["a-b", "b-c"], n_slots=2)
    result = solve(p, Settings(method="greedy"))
    assert check_schedule(p, result.timetable) == []
    assert (result.method, result.breaks) == ("greedy", 0)


def test_meetings_with_extra_attendees_fill_every_table() -> None:
    # One table, three people per meeting: three busy participants per slot are fine (an
    # implied bound of two per table would call this infeasible).
    p = dataclasses.replace(
        problem(["a-b", "d-e"], n_slots=2, tables=1),
        participants=tuple(Participant(pid) for pid in "abcdef"),
        meetings=(
            Meeting("m1", ("a", "b"), attendees=("c",)),
            Meeting("m2", ("d", "e"), attendees=("f",)),
        ),
    )
    result = solve(p, SOLVER)
    assert result.status == Status.OPTIMAL
    assert check_schedule(p, result.timetable) == []
    assert sorted(pl.slot for pl in result.timetable.placements) == [0, 1]
