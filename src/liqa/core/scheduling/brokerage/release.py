"""Releasing published meetings kept in place, for the searches that place meetings one by
one (the large-instance search, :mod:`.lns`; greedy, :mod:`.greedy`).

A kept meeting is ``required`` at a ``fixed_slot`` (:func:`.replan.keep_in_place`): those
searches place it first and no move takes it out or away. When a meeting the problem still
needs placed (every meeting under ``require_all``, or a ``required`` one) finds no slot,
the fewest kept meetings in its way in one of its slots are *released*: their fixed slot
and table stop binding them, the meeting takes the slot, and each released meeting is
inserted again wherever it fits. The result is a timetable of :func:`relaxed` and each
released meeting is listed in ``Result.released`` as the CP-SAT path lists it
(:func:`released_meetings`, :func:`.explain.explain_released`).

Only the meetings the caller kept in place may be released (:func:`releasable`): in a
re-plan a meeting ``required`` at a ``fixed_slot`` of the changed problem itself is the
organizer's rule, never released (before, a plain re-plan by the large search released
such a meeting when it blocked another required one and reported the timetable
``feasible``, though it broke the changed problem).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping

from liqa.core.scheduling.brokerage.anneal import Annealer, can_take
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.explain import explain_released
from liqa.core.scheduling.brokerage.layout import UNPLACED, Incumbent
from liqa.core.scheduling.brokerage.problem import Meeting, Problem, ReleasedMeeting

TRIES = 8
"""Slots tried per meeting to place, fewest kept meetings in the way first."""


def kept_in_place(meeting: Meeting) -> bool:
    """Whether ``meeting`` is a published meeting kept in place (required at a fixed slot)."""
    return meeting.required and meeting.fixed_slot is not None


def loosened(meeting: Meeting) -> Meeting:
    """``meeting`` released: no fixed slot or table, no longer required on its own."""
    return dataclasses.replace(meeting, fixed_slot=None, fixed_table=None, required=False)


def releasable(
    problem: Problem, previous_given: bool, keep: Collection[str] | None = None
) -> frozenset[str]:
    """The meetings of ``problem`` kept in place that a search may release: those of
    ``keep`` (the ones the caller kept in place, :func:`.replan.keep_in_place`) when given;
    else every meeting kept in place of a fresh plan (``required`` at a ``fixed_slot``
    stands for a kept meeting there), and none of a re-plan (``previous_given``: there the
    changed problem's pinned required meetings are the organizer's rules)."""
    if keep is None and previous_given:
        return frozenset()
    return frozenset(
        m.id for m in problem.meetings if kept_in_place(m) and (keep is None or m.id in keep)
    )


def relaxed(problem: Problem, released: Collection[str]) -> Problem:
    """``problem`` with the ``released`` meetings loosened (the others unchanged)."""
    if not released:
        return problem
    meetings = tuple(loosened(m) if m.id in released else m for m in problem.meetings)
    return dataclasses.replace(problem, meetings=meetings)


def released_meetings(
    problem: Problem, slots: Mapping[str, int], released: Collection[str]
) -> tuple[ReleasedMeeting, ...]:
    """Each meeting of ``released`` (kept in place in ``problem``) with its slot and the
    meetings not kept in place that hold it in ``slots``, as the CP-SAT path says it."""
    stayed = frozenset(
        m.id for m in problem.meetings if kept_in_place(m) and slots.get(m.id) == m.fixed_slot
    )
    out = []
    for mid in sorted(released):
        slot = problem.meeting(mid).fixed_slot
        assert slot is not None  # only kept meetings are released
        out.append(explain_released(problem, slots, mid, slot, stayed))
    return tuple(out)


def owed(inc: Incumbent) -> list[int]:
    """The unplaced meetings the problem requires (every one under ``require_all``)."""
    problem = inc.layout.problem
    return [
        i
        for i, m in enumerate(problem.meetings)
        if inc.slot[i] == UNPLACED and (problem.require_all or m.required)
    ]


class Releaser:
    """Places owed meetings of ``annealer``'s incumbent by releasing kept meetings.

    ``home`` is a re-plan's previous slot by meeting number (the search's): the released
    meetings are inserted again weighing it, as the search's own insertion does
    (:meth:`.anneal.Annealer.insert`: the fewest meetings taken away from their previous
    slot). Without it, each kept meeting's fixed slot is its home (before, released
    meetings were inserted by the first chain that fitted, whatever it moved).
    ``allowed`` holds the ids of the meetings it may release (:func:`releasable`; None:
    every meeting kept in place); any other meeting in the way rules the slot out."""

    def __init__(
        self,
        annealer: Annealer,
        home: Mapping[int, int] | None = None,
        allowed: Collection[str] | None = None,
    ) -> None:
        self.annealer = annealer
        self.inc = annealer.inc
        self.layout = annealer.layout
        self.released: set[int] = set()
        meetings = self.layout.problem.meetings
        self.allowed: frozenset[int] | None = (
            None
            if allowed is None
            else frozenset(j for j, m in enumerate(meetings) if m.id in allowed)
        )
        self.home: dict[int, int] = {
            j: m.fixed_slot
            for j, m in enumerate(self.layout.problem.meetings)
            if m.fixed_slot is not None and kept_in_place(m)
        }
        """Previous slots by meeting number: the kept meetings' fixed slots, then ``home``."""
        self.home.update(home or {})

    def place(self, i: int) -> bool:
        """Put owed meeting ``i`` in one of its slots, releasing the fewest kept meetings in
        its way (each then inserted again elsewhere, the fewest meetings taken from their
        previous slot); among as few, ``i``'s own previous slot first; False when no slot
        allows it."""
        options = []
        for t in self.layout.domain[i]:
            way = self._in_the_way(i, t)
            if way is not None:
                options.append((len(way), t != self.home.get(i), t, way))
        options.sort()
        return any(self._try(i, t, way) for _, _, t, way in options[:TRIES])

    def ids(self) -> frozenset[str]:
        """The released meetings' ids."""
        meetings = self.layout.problem.meetings
        return frozenset(meetings[j].id for j in self.released)

    def _releasable(self, j: int) -> bool:
        meeting = self.layout.problem.meetings[j]
        if self.allowed is not None and j not in self.allowed:
            return False
        return j not in self.released and kept_in_place(meeting)

    def _in_the_way(self, i: int, t: int) -> list[int] | None:
        """The kept meetings to release so that ``i`` fits slot ``t`` (None: something
        else is in the way: a meeting not kept, a session limit, an order)."""
        layout, inc = self.layout, self.inc
        out: set[int] = set()
        for k in layout.people[i]:
            there = [j for j in layout.of[k] if inc.slot[j] == t]
            excess = inc.load[k][t] - layout.capacity[k] + 1 - sum(1 for j in there if j in out)
            free = [j for j in there if j not in out and self._releasable(j)]
            if excess > len(free):
                return None
            out.update(free[: max(0, excess)])
        table = layout.own[i]
        if table is None:
            gone = sum(1 for j in out if layout.own[j] is None)
            if inc.general[t] - gone >= layout.shared:
                spare = [
                    j
                    for j, s in enumerate(inc.slot)
                    if s == t and j not in out and layout.own[j] is None and self._releasable(j)
                ]
                if not spare:
                    return None
                out.add(spare[0])
        elif inc.owned[t, table] > 0 and not any(layout.own[j] == table for j in out):
            holder = [j for j, s in enumerate(inc.slot) if s == t and layout.own[j] == table]
            if not all(self._releasable(j) for j in holder):
                return None
            out.update(holder)
        return sorted(out)

    def _try(self, i: int, t: int, way: list[int]) -> bool:
        """Release ``way``, place ``i`` at ``t`` and insert ``way`` again; undone (False)
        when ``i`` still does not fit or a released meeting the problem needs finds no
        place."""
        layout, inc = self.layout, self.inc
        problem = layout.problem
        before = list(inc.slot)
        domains = {j: (layout.domain[j], layout.slot_sets[j]) for j in way}
        for j in way:
            wider = allowed_slots(problem, loosened(problem.meetings[j]))
            layout.domain[j], layout.slot_sets[j] = wider, frozenset(wider)
            inc.move(j, UNPLACED)
        placed = can_take(inc, i, t)
        if placed:
            inc.move(i, t)
            for j in way:
                if not self.annealer.insert(j, self.home) and problem.require_all:
                    placed = False
                    break
        if placed:
            self.released.update(way)
            return True
        for j, (domain, allowed) in domains.items():
            layout.domain[j], layout.slot_sets[j] = domain, allowed
        _restore(inc, before)
        return False


def _restore(inc: Incumbent, slots: list[int]) -> None:
    """Put ``inc`` back to ``slots``."""
    changed = [i for i, t in enumerate(slots) if inc.slot[i] != t]
    for i in changed:
        inc.move(i, UNPLACED)
    for i in changed:
        if slots[i] != UNPLACED:
            inc.move(i, slots[i])
