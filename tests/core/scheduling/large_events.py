"""Generated brokerage events large enough for the large-instance search (more meeting-slot
pairs than ``Settings.large_above``), shared by the tests of re-plans and keep mode on them:
a published timetable of every meeting required, and a new meeting that only fits if a
published one moves."""

from __future__ import annotations

import dataclasses
from functools import cache

from liqa.core.scheduling.brokerage import Settings, check_schedule, greedy
from liqa.core.scheduling.brokerage.generate import generate
from liqa.core.scheduling.brokerage.lns import large_enough
from liqa.core.scheduling.brokerage.problem import Meeting, Problem, Timetable
from liqa.core.scheduling.brokerage.replan import add_meeting

NEW = "new"
"""The id of the meeting :func:`with_new_meeting` adds."""


@cache
def published() -> tuple[Problem, Timetable]:
    """A generated event of 2,100 meetings over 20 slots (42,000 pairs), every meeting
    required, and its greedy timetable (every meeting placed) as the published one."""
    event = generate(300, 2100, seed=1)
    first = greedy(event)
    placed = first.timetable.by_meeting()
    meetings = tuple(m for m in event.meetings if m.id in placed)
    event = dataclasses.replace(event, require_all=True, meetings=meetings)
    assert check_schedule(event, first.timetable) == []
    assert large_enough(event, Settings())
    return event, first.timetable


def with_new_meeting() -> tuple[Problem, Timetable]:
    """The published event and a new meeting (:data:`NEW`) between two busy participants
    who have no free slot in common: it takes a slot only if a published meeting there
    moves."""
    event, timetable = published()
    busy: dict[str, set[int]] = {p.id: set() for p in event.participants}
    for placement in timetable.placements:
        for pid in event.meeting(placement.meeting).people:
            busy[pid].add(placement.slot)
    met = {frozenset(m.parties) for m in event.meetings}
    everyone = sorted(busy, key=lambda pid: (-len(busy[pid]), pid))
    a = everyone[0]
    b = next(
        pid
        for pid in everyone[1:]
        if frozenset((a, pid)) not in met and len(busy[a] | busy[pid]) == len(event.slots)
    )
    return add_meeting(event, Meeting(NEW, (a, b))), timetable
