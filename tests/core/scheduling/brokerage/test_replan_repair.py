"""A re-plan never comes back with nothing: with no time for CP-SAT to answer, the repaired
previous timetable (still-valid placements kept, the rest inserted greedily) is returned."""

from __future__ import annotations

from liqa.core.scheduling.brokerage import (
    Problem,
    Settings,
    Status,
    Timetable,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.repair import repaired_slots
from liqa.core.scheduling.brokerage.replan import (
    cancel_participant,
    remove_tables,
    replan,
    set_unavailable,
)
from tests.core.scheduling.brokerage.factories import problem

PUBLISH = Settings(time_limit=20.0, workers=1)
NO_TIME = Settings(time_limit=0.01, workers=1)
"""So little time that CP-SAT cannot answer (the test asserts on the result, not on time)."""

PAIRS = [
    "a-b", "a-c", "a-d", "a-e", "b-c", "b-d", "b-f", "c-e", "c-f", "d-e",
    "d-f", "e-f", "a-g", "b-g", "c-h", "d-h", "g-h", "e-h", "f-g", "a-h",
]  # fmt: skip


def published() -> tuple[Problem, Timetable]:
    """An event of 8 people, 20 meetings, 8 slots, 4 tables, solved and checked."""
    p = problem(PAIRS, n_slots=8, tables=4, require_all=False)
    result = solve(p, PUBLISH)
    assert check_schedule(p, result.timetable) == []
    assert len(result.timetable.placements) == len(PAIRS)
    return p, result.timetable


def test_cancellation_keeps_every_other_meeting_slot_and_table() -> None:
    before, timetable = published()
    after = cancel_participant(before, "h")
    result, changes = replan(after, timetable, NO_TIME, old_problem=before)
    assert result.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert check_schedule(after, result.timetable) == []
    old = timetable.by_meeting()
    new = result.timetable.by_meeting()
    assert sorted(new) == sorted(m.id for m in after.meetings)
    for mid, placement in new.items():
        assert (placement.slot, placement.table) == (old[mid].slot, old[mid].table)
    assert result.objective["changes"] == 0
    assert "weighted" in result.objective
    assert changes.moved == []


def test_availability_change_moves_only_the_meetings_in_the_lost_slots() -> None:
    before, timetable = published()
    old = timetable.by_meeting()
    lost = {old[m.id].slot for m in before.meetings if "a" in m.parties}
    lost = set(sorted(lost)[:2])
    after = set_unavailable(before, "a", lost)
    result, changes = replan(after, timetable, NO_TIME, old_problem=before)
    assert result.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert check_schedule(after, result.timetable) == []
    new = result.timetable.by_meeting()
    hit = {m.id for m in before.meetings if "a" in m.parties and old[m.id].slot in lost}
    assert len(hit) == 2
    for meeting in after.meetings:
        if meeting.id not in hit:
            assert new[meeting.id].slot == old[meeting.id].slot
    # a's meetings in the lost slots go wherever greedy finds room: the CP-SAT-free
    # answer places exactly what the repair places.
    assert set(new) == set(repaired_slots(after, timetable))
    assert result.objective["changes"] == len(hit - set(new)) + sum(
        1 for mid in hit if mid in new and new[mid].slot != old[mid].slot
    )
    assert set(changes.moved) | set(changes.dropped) <= hit


def test_table_removal_keeps_as_many_meetings_per_slot_as_tables_left() -> None:
    before, timetable = published()
    after = remove_tables(before, 1)
    result, _ = replan(after, timetable, NO_TIME, old_problem=before)
    assert result.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert check_schedule(after, result.timetable) == []
    old = timetable.by_meeting()
    new = result.timetable.by_meeting()
    for t in range(len(after.slots)):
        was = [m for m, p in old.items() if p.slot == t]
        kept = [m for m in was if m in new and new[m].slot == t]
        assert len(kept) == min(len(was), after.tables)
    assert len(new) >= len(repaired_slots(after, timetable)) > 0
