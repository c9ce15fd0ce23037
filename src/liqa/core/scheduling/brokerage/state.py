"""Incremental bookkeeping of a partial timetable: who is busy, which tables are taken.

The greedy baseline and the explanations of unplaced meetings both ask it "could this
meeting go in slot t, and if not, what stands in the way?", using the same rules that the
constraint families post in the model.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from liqa.core.scheduling.brokerage.constraints import (
    overlap,
    precedence,
    session_limit,
    tables,
)
from liqa.core.scheduling.brokerage.constraints.tables import own_table, shared_tables
from liqa.core.scheduling.brokerage.problem import Meeting, Problem


@dataclass
class Obstacle:
    """Why a meeting cannot take a slot: a constraint label and the meetings in the way."""

    label: str
    people: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()


@dataclass
class PartialTimetable:
    """Meetings placed so far, with the loads the hard rules look at."""

    problem: Problem
    slots: dict[str, int] = field(default_factory=dict)
    at: dict[tuple[str, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    busy: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    general: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    owned: dict[tuple[int, int], str] = field(default_factory=dict)
    per_session: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        self._meetings = {m.id: m for m in self.problem.meetings}
        self._free_tables = len(shared_tables(self.problem))
        self._successors: dict[str, list[str]] = defaultdict(list)
        for m in self.problem.meetings:
            for before in m.after:
                self._successors[before].append(m.id)

    def obstacles(self, meeting: Meeting, t: int) -> list[Obstacle]:
        """Everything that keeps ``meeting`` out of slot ``t`` now (empty: it fits)."""
        out: list[Obstacle] = []
        problem = self.problem
        full = [
            pid
            for pid in meeting.people
            if len(self.at[pid, t]) >= problem.participant(pid).capacity_at(t)
        ]
        if full:
            blockers = sorted({mid for pid in full for mid in self.at[pid, t]})
            out.append(Obstacle(overlap.LABEL, tuple(full), tuple(blockers)))
        session = problem.slots[t].session
        maxed = [
            pid
            for pid in meeting.people
            if (limit := problem.session_limit(pid)) is not None
            and self.per_session[pid, session] >= limit
        ]
        if maxed:
            out.append(Obstacle(session_limit.LABEL, tuple(maxed)))
        table = own_table(problem, meeting)
        if table is None and self.general[t] >= self._free_tables:
            out.append(Obstacle(tables.LABEL))
        if table is not None and (t, table) in self.owned:
            out.append(Obstacle(tables.LABEL, meetings=(self.owned[t, table],)))
        late = [b for b in meeting.after if b in self.slots and self.slots[b] >= t]
        early = [s for s in self._successors[meeting.id] if s in self.slots and self.slots[s] <= t]
        if late or early:
            out.append(Obstacle(precedence.LABEL, meetings=tuple(late + early)))
        return out

    def place(self, meeting: Meeting, t: int) -> None:
        """Record ``meeting`` in slot ``t``."""
        self.slots[meeting.id] = t
        for pid in meeting.people:
            self.at[pid, t].append(meeting.id)
            if not self.at[pid, t][1:]:
                bisect.insort(self.busy[pid], t)
            self.per_session[pid, self.problem.slots[t].session] += 1
        table = own_table(self.problem, meeting)
        if table is None:
            self.general[t] += 1
        else:
            self.owned[t, table] = meeting.id

    def added_breaks(self, meeting: Meeting, t: int) -> int:
        """How many breaks placing ``meeting`` in slot ``t`` adds (may be negative)."""
        return sum(self._delta(self.busy[pid], t) for pid in meeting.people)

    def distance(self, pid: str, t: int) -> int:
        """Slots between ``t`` and the participant's nearest meeting (0 without meetings)."""
        busy = self.busy[pid]
        if not busy:
            return 0
        k = bisect.bisect_left(busy, t)
        near = [abs(busy[j] - t) for j in (k - 1, k) if 0 <= j < len(busy)]
        return min(near)

    def _delta(self, busy: list[int], t: int) -> int:
        k = bisect.bisect_left(busy, t)
        if k < len(busy) and busy[k] == t:
            return 0
        a = busy[k - 1] if k > 0 else None
        b = busy[k] if k < len(busy) else None
        return self._gap(a, t) + self._gap(t, b) - self._gap(a, b)

    def _gap(self, a: int | None, b: int | None) -> int:
        if a is None or b is None:
            return 0
        same = self.problem.slots[a].block == self.problem.slots[b].block
        return 1 if same and b != a + 1 else 0
