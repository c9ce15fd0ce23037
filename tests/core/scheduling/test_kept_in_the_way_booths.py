"""A meeting left out of a keep re-plan because the shared tables are full: only the kept
meetings at shared tables are in its way, not those held in a booth (an own table), which
never compete for a shared table (before: every kept meeting in the slot was counted)."""

from __future__ import annotations

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    Settings,
    Timetable,
    check_schedule,
)
from liqa.core.scheduling.brokerage.replan import KEPT_IN_PLACE, add_meeting, replan
from tests.core.scheduling.brokerage.factories import slots

REPLAN = Settings(time_limit=10.0, workers=1)


def one_shared_table() -> tuple[Problem, Timetable]:
    """One slot, two tables: table 2 is e's booth, so table 1 alone is shared. c-d is
    published at table 1, e-f in e's booth."""
    event = Problem(
        slots=slots(1),
        tables=2,
        participants=(
            *(Participant(pid) for pid in "abcdfgh"),
            Participant("e", table=2),
        ),
        meetings=(Meeting("m1", ("c", "d")), Meeting("m2", ("e", "f"))),
    )
    timetable = Timetable((Placement("m1", 0, 1), Placement("m2", 0, 2)))
    assert check_schedule(event, timetable) == []
    return event, timetable


def test_a_kept_booth_meeting_is_not_in_the_way_of_a_shared_table_meeting() -> None:
    """a-b needs the shared table that kept c-d holds: c-d alone is named (before: e-f in
    e's booth too)."""
    before, timetable = one_shared_table()
    after = add_meeting(before, Meeting("new", ("a", "b")))
    result, _ = replan(after, timetable, REPLAN, old_problem=before, keep_published=True)
    assert check_schedule(after, result.timetable) == []
    assert result.timetable.by_meeting() == timetable.by_meeting()
    (unplaced,) = result.unplaced
    assert unplaced.meeting == "new"
    assert unplaced.reason == KEPT_IN_PLACE
    assert unplaced.blocking == ("m1",)
    assert "m2" not in str(unplaced.detail)


def test_a_meeting_only_a_new_one_keeps_from_the_shared_table_keeps_its_own_reason() -> None:
    """c-d is cancelled and g-h (priority 5) takes the shared table: what keeps a-b out is
    a meeting not kept in place, so a-b keeps its own reason (before: e-f, kept in its
    booth, made it "published meetings kept in place")."""
    before, timetable = one_shared_table()
    after = Problem(
        slots=before.slots,
        tables=before.tables,
        participants=before.participants,
        meetings=(
            Meeting("m2", ("e", "f")),
            Meeting("first", ("g", "h"), priority=5),
            Meeting("new", ("a", "b")),
        ),
    )
    result, _ = replan(after, timetable, REPLAN, old_problem=before, keep_published=True)
    assert check_schedule(after, result.timetable) == []
    now = result.timetable.by_meeting()
    assert now["m2"] == Placement("m2", 0, 2)
    assert now["first"].slot == 0
    (unplaced,) = result.unplaced
    assert unplaced.meeting == "new"
    assert unplaced.reason != KEPT_IN_PLACE
    assert "m2" not in unplaced.blocking
