"""Minimal-change re-planning: apply changes to a problem, re-solve against the published
timetable (a changes-count term comes first after scheduled priority), report the diff."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from liqa.core.scheduling.brokerage.diff import ScheduleDiff, diff
from liqa.core.scheduling.brokerage.problem import Meeting, Problem, Result, Settings, Timetable
from liqa.core.scheduling.brokerage.solve import solve


def replan(
    problem: Problem,
    previous: Timetable,
    settings: Settings | None = None,
    old_problem: Problem | None = None,
) -> tuple[Result, ScheduleDiff]:
    """Re-solve the changed ``problem`` keeping ``previous`` as far as possible.

    Every meeting that can keep its slot does (unless that costs scheduled priority), and
    keeps its table when that table is free; the diff names what moved, dropped or came.
    """
    known = {m.id for m in problem.meetings}
    kept = Timetable(tuple(p for p in previous.placements if p.meeting in known))
    result = solve(problem, settings, previous=kept)
    return result, diff(previous, result.timetable, problem, old_problem)


def cancel_participant(problem: Problem, pid: str) -> Problem:
    """The participant withdraws: their meetings go, and they leave others' attendee lists."""
    meetings = tuple(
        dataclasses.replace(m, attendees=tuple(a for a in m.attendees if a != pid))
        for m in problem.meetings
        if pid not in m.parties
    )
    return _with_meetings(problem, meetings)


def cancel_meeting(problem: Problem, mid: str) -> Problem:
    """One meeting is cancelled."""
    return _with_meetings(problem, tuple(m for m in problem.meetings if m.id != mid))


def add_meeting(problem: Problem, meeting: Meeting) -> Problem:
    """A new accepted meeting."""
    return _with_meetings(problem, (*problem.meetings, meeting))


def pin_meeting(problem: Problem, mid: str, slot: int) -> Problem:
    """Fix a meeting in a slot."""
    return _with_meetings(
        problem,
        tuple(
            dataclasses.replace(m, fixed_slot=slot) if m.id == mid else m for m in problem.meetings
        ),
    )


def set_unavailable(problem: Problem, pid: str, slots: Iterable[int]) -> Problem:
    """A participant can no longer attend these slots."""
    extra = frozenset(slots)
    participants = tuple(
        dataclasses.replace(p, unavailable=p.unavailable | extra) if p.id == pid else p
        for p in problem.participants
    )
    return dataclasses.replace(problem, participants=participants)


def remove_tables(problem: Problem, count: int) -> Problem:
    """``count`` tables are no longer available."""
    return dataclasses.replace(problem, tables=max(0, problem.tables - count))


def _with_meetings(problem: Problem, meetings: tuple[Meeting, ...]) -> Problem:
    known = {m.id for m in meetings}
    meetings = tuple(
        dataclasses.replace(m, after=tuple(a for a in m.after if a in known)) for m in meetings
    )
    return dataclasses.replace(problem, meetings=meetings)
