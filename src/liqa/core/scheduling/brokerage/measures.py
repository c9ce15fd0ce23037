"""Objective measures of a timetable, computed the same way for solvers, checks and reports."""

from __future__ import annotations

import itertools

from liqa.core.scheduling.brokerage.problem import Problem, Timetable


def busy_slots(problem: Problem, timetable: Timetable) -> dict[str, list[int]]:
    """Every participant's busy slots, sorted (a slot appears once however many meetings)."""
    busy: dict[str, set[int]] = {p.id: set() for p in problem.participants}
    meetings = {m.id: m for m in problem.meetings}
    for placement in timetable.placements:
        meeting = meetings.get(placement.meeting)
        if meeting is None or not 0 <= placement.slot < len(problem.slots):
            continue
        for pid in meeting.people:
            busy.setdefault(pid, set()).add(placement.slot)
    return {pid: sorted(slots) for pid, slots in busy.items()}


def breaks_in(problem: Problem, slots: list[int]) -> int:
    """Breaks in sorted busy ``slots``: maximal idle runs between two meetings of one block."""
    count = 0
    for a, b in itertools.pairwise(slots):
        if b != a + 1 and problem.slots[a].block == problem.slots[b].block:
            count += 1
    return count


def breaks_per_participant(problem: Problem, timetable: Timetable) -> dict[str, int]:
    """Breaks of every participant."""
    return {pid: breaks_in(problem, s) for pid, s in busy_slots(problem, timetable).items()}


def total_breaks(problem: Problem, timetable: Timetable) -> int:
    """The breaks term: total breaks over all participants."""
    return sum(breaks_per_participant(problem, timetable).values())


def scheduled_priority(problem: Problem, timetable: Timetable) -> int:
    """The priority term: sum of the priorities of placed meetings."""
    placed = {p.meeting for p in timetable.placements}
    return sum(m.priority for m in problem.meetings if m.id in placed)


def table_changes(problem: Problem, timetable: Timetable) -> int:
    """How often a participant changes table between two consecutive meetings."""
    meetings = {m.id: m for m in problem.meetings}
    seen: dict[str, list[tuple[int, int]]] = {}
    for placement in timetable.placements:
        meeting = meetings.get(placement.meeting)
        if meeting is None or placement.table is None:
            continue
        for pid in meeting.people:
            seen.setdefault(pid, []).append((placement.slot, placement.table))
    changes = 0
    for visits in seen.values():
        visits.sort()
        changes += sum(1 for a, b in itertools.pairwise(visits) if a[1] != b[1])
    return changes
