"""The large-instance search's insertion weighs a re-plan's changes: a meeting it must place
goes where the fewest published meetings leave their slot (its own previous slot first,
then a free one, then the Kempe chain that moves the fewest published meetings; in the
CP-SAT neighbourhood, the changes term between placing and breaks). Before, the first
chain that fitted was taken and the neighbourhood counted breaks only, so a re-plan moved
more published meetings than it had to: on the generated event below, with three new
meetings each of which needs one published meeting to move, 7 moved in a plain re-plan
and 10 in a keep re-plan that fell back to it; now 3 and 5. Every result goes through
``check_schedule``; nothing here is timed."""

from __future__ import annotations

from liqa.core.scheduling.brokerage import check_schedule, replan
from liqa.core.scheduling.brokerage.problem import Meeting, Problem, Status, Timetable
from liqa.core.scheduling.brokerage.replan import add_meeting
from liqa.core.scheduling.brokerage.results import count_changes
from tests.core.scheduling.large_events import published
from tests.core.scheduling.test_replan_large import QUICK, after_the_last

NEW = 3
"""New meetings, each between two busy participants with no free slot in common."""


def with_new_meetings(problem: Problem, timetable: Timetable) -> tuple[Problem, list[str]]:
    """``problem`` with :data:`NEW` new meetings, each between the busiest participant not
    yet in one and the next busiest who has never met them and with whom they have no free
    slot in common (so one published meeting of theirs at least must move), and their ids."""
    busy: dict[str, set[int]] = {p.id: set() for p in problem.participants}
    for placement in timetable.placements:
        for pid in problem.meeting(placement.meeting).people:
            busy[pid].add(placement.slot)
    met = {frozenset(m.parties) for m in problem.meetings}
    everyone = sorted(busy, key=lambda pid: (-len(busy[pid]), pid))
    used: set[str] = set()
    added: list[str] = []
    for a in everyone:
        if len(added) == NEW:
            break
        if a in used:
            continue
        b = next(
            (
                pid
                for pid in everyone
                if pid != a
                and pid not in used
                and frozenset((a, pid)) not in met
                and len(busy[a] | busy[pid]) == len(problem.slots)
            ),
            None,
        )
        if b is None:
            continue
        added.append(f"new-{len(added)}")
        problem = add_meeting(problem, Meeting(added[-1], (a, b)))
        used |= {a, b}
    assert len(added) == NEW
    return problem, added


def test_a_plain_replan_moves_one_published_meeting_per_new_meeting() -> None:
    problem, previous = published()
    changed, added = with_new_meetings(problem, previous)
    result, changes = replan(changed, previous, QUICK)
    assert result.method == "lns"
    assert result.status == Status.FEASIBLE
    assert check_schedule(changed, result.timetable) == []
    now = result.timetable.by_meeting()
    assert set(added) <= set(now)
    moved = count_changes(previous, result.timetable)
    assert result.objective["changes"] == moved
    assert 1 <= moved <= NEW  # before: 7
    assert len(changes.moved) >= moved


def test_a_keep_replan_falling_back_to_the_plain_one_moves_few() -> None:
    """Keeping every published meeting leaves the meeting that must follow one in the last
    slot no room, so the keep re-plan falls back to the plain re-plan by the large search;
    its insertion moves that one meeting's chain and one published meeting per new one."""
    problem, previous = published()
    changed, late = after_the_last(problem, previous)
    changed, added = with_new_meetings(changed, previous)
    result, _ = replan(changed, previous, QUICK, keep_published=True)
    assert result.method == "lns"
    assert result.status == Status.FEASIBLE
    assert check_schedule(changed, result.timetable) == []
    now = result.timetable.by_meeting()
    assert set(added) <= set(now)
    assert now[late].slot < now["new"].slot
    released = {r.meeting for r in result.released}
    assert late in released
    moved = count_changes(previous, result.timetable)
    assert 1 <= moved <= NEW + 2  # before: 10
    # each published meeting moved is listed as released, with words
    assert len(released) == moved
    assert all(r.detail for r in result.released)
