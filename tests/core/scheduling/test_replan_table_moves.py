"""A re-plan reports its table moves as a term of their own (``table_moves``: meetings of the
previous timetable in the same slot at another table) next to ``changes`` (slot moves and
drops), so the figures agree with the diff, which lists a table move as a move:
``changes + table_moves`` is the number of previous meetings the diff lists as moved or
dropped. Before, a table move of a meeting that kept its slot was listed by the diff and
counted nowhere. A plan without a previous timetable (the benchmark's) has neither term.
Every result goes through ``check_schedule``; nothing here is timed."""

from __future__ import annotations

import pytest

from liqa.core.scheduling.brokerage import Problem, Settings, check_schedule, replan, solve
from liqa.core.scheduling.brokerage.diff import ScheduleDiff
from liqa.core.scheduling.brokerage.problem import Placement, Result, Timetable
from liqa.core.scheduling.brokerage.replan import remove_tables
from liqa.core.scheduling.terms import TERM_WORDS
from tests.core.scheduling.brokerage.factories import meetings, people, slots

SETTINGS = (Settings(time_limit=10.0, workers=1), Settings(method="greedy"))


def published() -> tuple[Problem, Timetable]:
    """Two slots, two tables: a-b (m1) alone in slot 0 at table 2, c-d (m2) in slot 1 at
    table 1. Losing a table (only table 1 left) moves a-b to table 1 in its own slot."""
    problem = Problem(
        slots=slots(2),
        tables=2,
        participants=people(*"abcd"),
        meetings=meetings("a-b", "c-d"),
        require_all=True,
    )
    timetable = Timetable((Placement("m1", 0, 2), Placement("m2", 1, 1)))
    assert check_schedule(problem, timetable) == []
    return problem, timetable


def agree(previous: Timetable, result: Result, changes: ScheduleDiff) -> None:
    """The terms count what the diff lists of the previous meetings."""
    listed = len(changes.moved) + len(changes.dropped)
    assert result.objective["changes"] + result.objective["table_moves"] == listed


@pytest.mark.parametrize("keep", [False, True], ids=["plain", "keep"])
@pytest.mark.parametrize("settings", SETTINGS, ids=["cpsat", "greedy"])
def test_a_table_move_in_the_same_slot_is_counted_and_reported(
    settings: Settings, keep: bool
) -> None:
    problem, previous = published()
    changed = remove_tables(problem, 1)
    result, changes = replan(changed, previous, settings, keep_published=keep)
    assert check_schedule(changed, result.timetable) == []
    now = result.timetable.by_meeting()
    assert (now["m1"].slot, now["m1"].table) == (0, 1)
    assert changes.moved == ["m1"]
    assert result.objective["changes"] == 0
    assert result.objective["table_moves"] == 1  # before: no such term, the move uncounted
    agree(previous, result, changes)


def test_an_unchanged_replan_counts_no_table_move() -> None:
    problem, previous = published()
    result, changes = replan(problem, previous, SETTINGS[0])
    assert check_schedule(problem, result.timetable) == []
    assert result.objective["table_moves"] == 0
    assert changes.moved == changes.dropped == []
    agree(previous, result, changes)


def test_a_plan_without_a_previous_timetable_has_no_change_terms() -> None:
    problem, _ = published()
    result = solve(problem, SETTINGS[0])
    assert check_schedule(problem, result.timetable) == []
    assert "changes" not in result.objective
    assert "table_moves" not in result.objective


def test_the_term_has_words() -> None:
    assert str(TERM_WORDS["table_moves"]) == "table moves from the previous version (same time)"
