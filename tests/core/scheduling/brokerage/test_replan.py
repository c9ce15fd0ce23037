"""Re-planning keeps the published timetable where it can and names exactly what changed."""

from __future__ import annotations

from liqa.core.scheduling.brokerage import (
    Problem,
    Settings,
    Status,
    Timetable,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.replan import (
    cancel_participant,
    pin_meeting,
    remove_tables,
    replan,
)
from tests.core.scheduling.brokerage.factories import problem

SOLVER = Settings(time_limit=20.0, workers=1)
PAIRS = ["a-b", "a-c", "b-c", "c-d", "d-e", "a-e", "b-d", "e-f", "c-f", "a-f"]


def published() -> tuple[Problem, Timetable]:
    p = problem(PAIRS, n_slots=6, tables=3, require_all=False)
    result = solve(p, SOLVER)
    assert result.status == Status.OPTIMAL
    assert check_schedule(p, result.timetable) == []
    return p, result.timetable


def test_replan_after_cancellation_keeps_every_other_meeting_in_place() -> None:
    before, timetable = published()
    after = cancel_participant(before, "c")
    result, changes = replan(after, timetable, SOLVER, old_problem=before)
    assert result.status == Status.OPTIMAL
    assert check_schedule(after, result.timetable) == []
    old = timetable.by_meeting()
    new = result.timetable.by_meeting()
    for meeting in after.meetings:
        assert (new[meeting.id].slot, new[meeting.id].table) == (
            old[meeting.id].slot,
            old[meeting.id].table,
        )
    assert changes.dropped == ["m2", "m3", "m4", "m9"]
    assert changes.moved == []
    assert changes.added == []
    assert result.objective["changes"] == 0


def test_replan_pinned_meeting_moves_and_the_diff_names_it() -> None:
    before, timetable = published()
    old = timetable.by_meeting()
    target = (old["m1"].slot + 1) % 6
    after = pin_meeting(before, "m1", target)
    result, changes = replan(after, timetable, SOLVER, old_problem=before)
    assert result.status == Status.OPTIMAL
    assert check_schedule(after, result.timetable) == []
    assert result.timetable.by_meeting()["m1"].slot == target
    assert "m1" in changes.moved
    assert changes.dropped == []
    new = result.timetable.by_meeting()
    moved = sorted(m for m in old if (old[m].slot, old[m].table) != (new[m].slot, new[m].table))
    assert changes.moved == moved
    assert set(changes.per_person["a"]) == {m for m in moved if "a" in before.meeting(m).parties}


def test_replan_with_fewer_tables_stays_valid() -> None:
    before, timetable = published()
    after = remove_tables(before, 1)
    result, _ = replan(after, timetable, SOLVER, old_problem=before)
    assert result.status == Status.OPTIMAL
    assert check_schedule(after, result.timetable) == []
    assert result.objective["scheduled_priority"] == 10
