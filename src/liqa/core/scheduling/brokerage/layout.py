"""A brokerage problem by index, and a timetable kept up to date move by move.

The large-instance search (:mod:`.lns`, :mod:`.anneal`) moves a few meetings at a time,
hundreds of thousands of times, in events of tens of thousands of meetings; it needs the
participants' loads per slot, the tables taken and the breaks per participant and block
without recounting the whole timetable. Everything here
is plain Python lists indexed by meeting, participant and slot numbers.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from liqa.core.scheduling.brokerage.constraints.breaks import blocks
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.constraints.tables import own_table, shared_tables
from liqa.core.scheduling.brokerage.problem import Problem

UNPLACED = -1


@dataclass
class Layout:
    """The problem's meetings, participants and slots as numbers (built once)."""

    problem: Problem
    people: list[tuple[int, ...]] = field(default_factory=list)
    """Participant numbers of each meeting's attendees."""
    capacity: list[int] = field(default_factory=list)
    room: list[list[int]] = field(default_factory=list)
    """How many meetings each participant may attend in each slot (its capacity there)."""
    limit: list[int | None] = field(default_factory=list)
    """Each participant's most meetings per session (None: no limit)."""
    of: list[list[int]] = field(default_factory=list)
    """Meeting numbers of each participant."""
    domain: list[list[int]] = field(default_factory=list)
    slot_sets: list[frozenset[int]] = field(default_factory=list)
    """Each meeting's domain as a set."""
    own: list[int | None] = field(default_factory=list)
    """The own table each meeting must use (None: a shared table)."""
    after: list[list[int]] = field(default_factory=list)
    successors: list[list[int]] = field(default_factory=list)
    blocks: list[list[int]] = field(default_factory=list)
    block_of: list[int] = field(default_factory=list)
    session_of: list[int] = field(default_factory=list)
    shared: int = 0
    """How many tables meetings without an own table share."""

    @classmethod
    def of_problem(cls, problem: Problem) -> Layout:
        """Index ``problem``."""
        pindex = {p.id: k for k, p in enumerate(problem.participants)}
        mindex = {m.id: i for i, m in enumerate(problem.meetings)}
        out = cls(problem)
        out.capacity = [p.capacity for p in problem.participants]
        out.room = [
            [p.capacity_at(t) for t in range(len(problem.slots))] for p in problem.participants
        ]
        out.limit = [problem.session_limit(p.id) for p in problem.participants]
        out.of = [[] for _ in problem.participants]
        out.successors = [[] for _ in problem.meetings]
        for i, meeting in enumerate(problem.meetings):
            people = tuple(pindex[pid] for pid in meeting.people)
            out.people.append(people)
            for k in people:
                out.of[k].append(i)
            out.domain.append(allowed_slots(problem, meeting))
            out.slot_sets.append(frozenset(out.domain[-1]))
            out.own.append(own_table(problem, meeting))
            before = [mindex[b] for b in meeting.after if b in mindex]
            out.after.append(before)
            for j in before:
                out.successors[j].append(i)
        out.blocks = blocks(problem)
        out.block_of = [0] * len(problem.slots)
        for b, block in enumerate(out.blocks):
            for t in block:
                out.block_of[t] = b
        sessions: dict[str, int] = {}
        out.session_of = [sessions.setdefault(s.session, len(sessions)) for s in problem.slots]
        out.shared = len(shared_tables(problem))
        return out


@dataclass
class Incumbent:
    """A valid timetable by meeting number, with the loads every hard rule looks at."""

    layout: Layout
    slot: list[int]
    load: list[list[int]] = field(default_factory=list)
    """Meetings of each participant in each slot."""
    general: list[int] = field(default_factory=list)
    """Shared-table meetings in each slot."""
    owned: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    per_session: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))

    @classmethod
    def of_slots(cls, layout: Layout, slots: Mapping[str, int]) -> Incumbent:
        """The incumbent placing meetings as in ``slots`` (by meeting id)."""
        problem = layout.problem
        n = len(problem.slots)
        out = cls(layout, [UNPLACED] * len(problem.meetings))
        out.load = [[0] * n for _ in problem.participants]
        out.general = [0] * n
        for i, meeting in enumerate(problem.meetings):
            t = slots.get(meeting.id, UNPLACED)
            if t != UNPLACED:
                out.move(i, t)
        return out

    def move(self, i: int, t: int) -> None:
        """Put meeting ``i`` in slot ``t`` (``UNPLACED``: take it out)."""
        layout = self.layout
        old = self.slot[i]
        if old == t:
            return
        for when, step in ((old, -1), (t, 1)):
            if when == UNPLACED:
                continue
            for k in layout.people[i]:
                self.load[k][when] += step
                self.per_session[k, layout.session_of[when]] += step
            table = layout.own[i]
            if table is None:
                self.general[when] += step
            else:
                self.owned[when, table] += step
        self.slot[i] = t

    def breaks_in_block(self, k: int, b: int) -> int:
        """Breaks of participant ``k`` in block ``b``."""
        busy = [t for t in self.layout.blocks[b] if self.load[k][t] > 0]
        return sum(1 for s, t in itertools.pairwise(busy) if t != s + 1)

    def slots_by_id(self) -> dict[str, int]:
        """The placed meetings' slots by meeting id."""
        meetings = self.layout.problem.meetings
        return {meetings[i].id: t for i, t in enumerate(self.slot) if t != UNPLACED}
