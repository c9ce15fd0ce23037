"""check_schedule lists every broken rule by its label, independently of any solver."""

from __future__ import annotations

import dataclasses

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    Timetable,
    Violation,
    check_schedule,
)
from liqa.core.scheduling.brokerage.measures import breaks_per_participant, total_breaks
from tests.core.scheduling.brokerage.factories import problem, slots


def tt(*placements: tuple[str, int] | tuple[str, int, int]) -> Timetable:
    return Timetable(tuple(Placement(*p) for p in placements))


def labels(violations: list[Violation]) -> list[str]:
    return [v.label for v in violations]


def test_check_valid_timetable_has_no_violation() -> None:
    p = problem(["a-b", "a-c", "b-c"], n_slots=3)
    assert check_schedule(p, tt(("m1", 0, 1), ("m2", 1, 1), ("m3", 2, 1))) == []


def test_check_double_booking_is_overlap() -> None:
    p = problem(["a-b", "a-c"], n_slots=3)
    assert check_schedule(p, tt(("m1", 0), ("m2", 0))) == [
        Violation("overlap", "a is in 2 meetings in slot 0 (can attend 1)", ("m1", "m2"))
    ]


def test_check_missing_required_meeting_is_required() -> None:
    p = problem(["a-b", "c-d"], n_slots=2)
    assert labels(check_schedule(p, tt(("m1", 0)))) == ["required"]


def test_check_too_many_meetings_for_tables() -> None:
    p = problem(["a-b", "c-d"], n_slots=2, tables=1)
    assert check_schedule(p, tt(("m1", 0), ("m2", 0))) == [
        Violation("tables", "slot 0: 2 meetings for 1 tables", ("m1", "m2"))
    ]


def test_check_same_table_twice_in_a_slot() -> None:
    p = problem(["a-b", "c-d"], n_slots=2, tables=2)
    assert labels(check_schedule(p, tt(("m1", 0, 2), ("m2", 0, 2)))) == ["tables"]


def test_check_own_table_must_be_used() -> None:
    base = problem(["a-b"], n_slots=1, tables=3)
    p = dataclasses.replace(base, participants=(Participant("a", table=3), Participant("b")))
    assert check_schedule(p, tt(("m1", 0, 3))) == []
    assert labels(check_schedule(p, tt(("m1", 0, 1)))) == ["tables"]


def test_check_session_fixed_availability_precedence() -> None:
    p = Problem(
        slots=(*slots(2, "am", "day"), *slots(2, "pm", "day")),
        tables=4,
        participants=(
            Participant("a", unavailable=frozenset({3})),
            Participant("b"),
            Participant("c"),
        ),
        meetings=(
            Meeting("m1", ("a", "b"), session="am"),
            Meeting("m2", ("b", "c"), fixed_slot=1),
            Meeting("m3", ("a", "c"), after=("m1",)),
        ),
        require_all=True,
    )
    found = check_schedule(p, tt(("m1", 2), ("m2", 0), ("m3", 3)))
    assert labels(found) == ["session", "fixed", "availability"]
    assert labels(check_schedule(p, tt(("m1", 1), ("m2", 1), ("m3", 0)))) == [
        "overlap",
        "precedence",
    ]


def test_check_session_limit() -> None:
    p = problem(["a-b", "a-c", "a-d"], n_slots=3, max_meetings_per_session=2)
    assert check_schedule(p, tt(("m1", 0), ("m2", 1), ("m3", 2))) == [
        Violation("session_limit", "a has 3 meetings in session s1 (limit 2)", ("m1", "m2", "m3"))
    ]


def test_check_fairness_spread() -> None:
    p = problem(["a-b", "a-c", "d-e", "d-f"], n_slots=5, max_break_spread=0)
    good = tt(("m1", 0), ("m2", 1), ("m3", 0), ("m4", 1))
    bad = tt(("m1", 0), ("m2", 2), ("m3", 0), ("m4", 1))
    assert check_schedule(p, good) == []
    assert labels(check_schedule(p, bad)) == ["fairness"]


def test_check_unknown_and_duplicate_meetings_are_once() -> None:
    p = problem(["a-b"], n_slots=2)
    assert [
        v.message for v in check_schedule(p, tt(("m1", 0), ("m1", 1), ("zz", 0), ("m1", 9)))
    ] == [
        "meeting m1 is placed more than once",
        "meeting zz is not in the problem",
        "meeting m1 is placed more than once",
        "meeting m1: slot 9 does not exist",
    ]


def test_breaks_count_idle_runs_between_meetings_only() -> None:
    p = problem(["a-b", "a-c", "a-d", "a-e"], n_slots=8)
    timetable = tt(("m1", 1), ("m2", 3), ("m3", 4), ("m4", 7))
    assert breaks_per_participant(p, timetable)["a"] == 2
    assert total_breaks(p, timetable) == 2


def test_breaks_are_not_counted_across_blocks() -> None:
    p = dataclasses.replace(
        problem(["a-b", "a-c"], n_slots=4), slots=(*slots(2, "am"), *slots(2, "pm"))
    )
    assert total_breaks(p, tt(("m1", 0), ("m2", 3))) == 0
