"""A keep re-plan of a large event weighs the changes of the meetings it does not keep: the
large search gets the previous timetable (the kept meetings are fixed there), and the
meetings it releases are inserted again weighing it (``release.Releaser``, the fewest
meetings taken from their previous slot, a meeting's own previous slot first), as the
search's own insertion does. Before, the keep mode's search had no previous timetable and
the releaser took the first chain that fitted, so the meetings the change touched (here:
those a lost table left without room in their slot) stayed wherever the fresh greedy put
them although the releases made room for some of them at home again.

The generated event below loses tables (two fewer than its busiest slot holds) and gets
three new meetings that each need a published meeting to move (seed 0, 5 s, one run
each, old / new side by side): 34 / 29 published meetings moved (24 / 19 of those the lost
tables touched, 10 / 10 released), 35 / 35 table moves, 385 / 388 breaks. Every result
goes through ``check_schedule``; nothing here is timed."""

from __future__ import annotations

from collections import Counter

from liqa.core.scheduling.brokerage import check_schedule, replan
from liqa.core.scheduling.brokerage.problem import Problem, Status, Timetable
from liqa.core.scheduling.brokerage.repair import still_allowed
from liqa.core.scheduling.brokerage.replan import remove_tables
from liqa.core.scheduling.brokerage.results import count_changes, count_table_moves
from tests.core.scheduling.large_events import published
from tests.core.scheduling.test_replan_large import QUICK
from tests.core.scheduling.test_replan_large_insertion import with_new_meetings


def fewer_tables(problem: Problem, previous: Timetable) -> Problem:
    """``problem`` with two tables fewer than its busiest slot of ``previous`` uses."""
    most = max(Counter(p.slot for p in previous.placements).values())
    return remove_tables(problem, problem.tables - most + 2)


def test_a_keep_replan_of_a_large_event_moves_few_of_the_meetings_it_does_not_keep() -> None:
    problem, previous = published()
    changed, added = with_new_meetings(fewer_tables(problem, previous), previous)
    kept = set(still_allowed(changed, previous))
    result, changes = replan(changed, previous, QUICK, keep_published=True)
    assert result.method == "lns"
    assert result.status == Status.FEASIBLE
    assert check_schedule(changed, result.timetable) == []
    now = result.timetable.by_meeting()
    assert set(added) <= set(now)
    released = {r.meeting for r in result.released}
    assert released <= kept
    assert all(r.detail for r in result.released)
    moved = count_changes(previous, result.timetable)
    assert result.objective["changes"] == moved
    assert result.objective["table_moves"] == count_table_moves(previous, result.timetable)
    listed = len(changes.moved) + len(changes.dropped)
    assert result.objective["changes"] + result.objective["table_moves"] == listed
    # every kept meeting not released is in its place
    before = previous.by_meeting()
    assert all(now[mid].slot == before[mid].slot for mid in kept - released)
    touched = [p.meeting for p in previous.placements if p.meeting not in kept and p.meeting in now]
    away = [mid for mid in touched if now[mid].slot != before[mid].slot]
    assert len(away) <= 21  # before: 24 (now 19)
    assert moved <= 31  # before: 34 (now 29)
