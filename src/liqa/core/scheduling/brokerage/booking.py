"""One meeting added to the meetings already fixed in time: the rules it breaks, checked locally.

:func:`~liqa.core.scheduling.brokerage.check.check_schedule` judges a whole timetable: at a
busy event that is every booked meeting, each time a participant books one more. A single
added meeting can only break the rules that involve it: its own placement (session, fixed
slot, its people's availability), its people's load in its slot and in its session, the
tables of its slot, and the order against the meetings it follows or that follow it.
:func:`broken` checks exactly those, from indexes of the fixed meetings by slot and by
participant (:class:`Fixed`), and gives the same labels as the full checker's violations
that name the meeting (fairness aside: it compares every participant's breaks and never
names a meeting).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from liqa.core.scheduling.brokerage.constraints import (
    overlap,
    placement,
    precedence,
    session_limit,
    tables,
)
from liqa.core.scheduling.brokerage.problem import Meeting, Placement, Problem


@dataclass(frozen=True)
class Rules:
    """What one-meeting checks need of a problem, worked out once per problem."""

    problem: Problem
    followers: Mapping[str, tuple[str, ...]]
    """Meetings by the meeting they must follow (the reverse of ``Meeting.after``)."""
    shared: tuple[int, ...]
    """Tables free for meetings without an own table (``tables.shared_tables``)."""


def rules(problem: Problem) -> Rules:
    """The :class:`Rules` of ``problem``."""
    followers: dict[str, list[str]] = defaultdict(list)
    for meeting in problem.meetings:
        for before in meeting.after:
            followers[before].append(meeting.id)
    return Rules(
        problem,
        {k: tuple(v) for k, v in followers.items()},
        tuple(tables.shared_tables(problem)),
    )


@dataclass(frozen=True)
class Fixed:
    """The meetings fixed in time (at most one placement each), indexed for one-meeting checks."""

    rules: Rules
    placements: Mapping[str, Placement]
    """By meeting id."""
    by_slot: Mapping[int, tuple[Placement, ...]]
    by_participant: Mapping[str, tuple[Placement, ...]]
    """Each placement once per time its meeting's ``people`` name the participant."""


def fixed(rules_: Rules, placements: Iterable[Placement]) -> Fixed:
    """Index ``placements`` (of meetings of the problem, one each) for :func:`broken`."""
    problem = rules_.problem
    by_meeting: dict[str, Placement] = {}
    by_slot: dict[int, list[Placement]] = defaultdict(list)
    by_participant: dict[str, list[Placement]] = defaultdict(list)
    for p in placements:
        by_meeting[p.meeting] = p
        by_slot[p.slot].append(p)
        for pid in problem.meeting(p.meeting).people:
            by_participant[pid].append(p)
    return Fixed(
        rules_,
        by_meeting,
        {t: tuple(v) for t, v in by_slot.items()},
        {pid: tuple(v) for pid, v in by_participant.items()},
    )


def _others(found: Iterable[Placement], meeting: Meeting) -> list[Placement]:
    return [p for p in found if p.meeting != meeting.id]


def table_for(board: Fixed, meeting: Meeting, t: int) -> int | None:
    """The table ``meeting`` takes in slot ``t``: a party's own, else the first free shared
    table (``None`` when every shared table is taken)."""
    own = tables.own_table(board.rules.problem, meeting)
    if own is not None:
        return own
    used = {p.table for p in _others(board.by_slot.get(t, ()), meeting)}
    return next((k for k in board.rules.shared if k not in used), None)


def holders(board: Fixed, pid: str, t: int, meeting: Meeting) -> list[Meeting]:
    """The meetings other than ``meeting`` that hold participant ``pid`` in slot ``t``."""
    problem = board.rules.problem
    found = _others(board.by_participant.get(pid, ()), meeting)
    return [problem.meeting(p.meeting) for p in found if p.slot == t]


def broken(board: Fixed, meeting: Meeting, t: int, table: int | None) -> set[str]:
    """The labels of the rules ``meeting`` breaks at slot ``t`` and ``table``, among the
    meetings of ``board`` (its own placement there, if any, replaced).

    The same labels as ``check_schedule(problem, Timetable(others + (Placement(meeting.id,
    t, table),)))`` gives to the violations naming ``meeting``, fairness aside, for a slot
    ``t`` of the problem (any other ``t`` gives just ``once``: no such slot).
    """
    problem = board.rules.problem
    if not 0 <= t < len(problem.slots):
        return {placement.ONCE}
    out = set(placement.slot_allowed(problem, meeting, t))
    session = problem.slots[t].session
    for pid in meeting.people:
        mine = _others(board.by_participant.get(pid, ()), meeting)
        here = meeting.people.count(pid)
        if sum(p.slot == t for p in mine) + here > problem.participant(pid).capacity_at(t):
            out.add(overlap.LABEL)
        limit = problem.session_limit(pid)
        if limit is not None:
            in_session = sum(problem.slots[p.slot].session == session for p in mine)
            if in_session + here > limit:
                out.add(session_limit.LABEL)
    if _tables_broken(board, meeting, t, table):
        out.add(tables.LABEL)
    if _order_broken(board, meeting, t):
        out.add(precedence.LABEL)
    return out


def _tables_broken(board: Fixed, meeting: Meeting, t: int, table: int | None) -> bool:
    problem = board.rules.problem
    here = _others(board.by_slot.get(t, ()), meeting)
    if len(here) + 1 > problem.tables:
        return True
    if table is None:
        return False
    if any(p.table == table for p in here):
        return True
    owned = {k for pid in meeting.people if (k := problem.participant(pid).table) is not None}
    if owned:
        return table not in owned
    return table not in board.rules.shared


def _order_broken(board: Fixed, meeting: Meeting, t: int) -> bool:
    def slot_of(mid: str) -> int | None:
        if mid == meeting.id:
            return t
        found = board.placements.get(mid)
        return found.slot if found is not None else None

    for before in meeting.after:
        earlier = slot_of(before)
        if earlier is not None and not earlier < t:
            return True
    for later in board.rules.followers.get(meeting.id, ()):
        after = slot_of(later)
        if after is not None and not t < after:
            return True
    return False
