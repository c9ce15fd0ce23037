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
``feasible``, though it broke the changed problem). A fresh plan's pinned required meetings
are the organizer's rules too: none is released unless the caller names it kept.

The meetings no search may release are :func:`pinned` there. When a meeting the problem
requires has no slot they leave free (two of one person's meetings pinned to one slot,
more pins in a slot than tables), no timetable exists: :func:`answered` says
``infeasible`` and names the pins in its way (before, a fresh plan by greedy or the large
search released one of the pins and answered ``feasible``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping

from liqa.core.problems import Message, joined
from liqa.core.scheduling.brokerage.anneal import Annealer, can_take
from liqa.core.scheduling.brokerage.constraints import overlap, precedence, session_limit, tables
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.explain import (
    LOST_TO_HIGHER_PRIORITY,
    NO_TABLE_LEFT,
    PARTY_AT_MAXIMUM,
    blocker_words,
    explain_released,
    ranked_blockers,
)
from liqa.core.scheduling.brokerage.layout import UNPLACED, Incumbent
from liqa.core.scheduling.brokerage.problem import (
    Meeting,
    Problem,
    ReleasedMeeting,
    Result,
    Status,
    UnplacedMeeting,
)
from liqa.core.scheduling.brokerage.state import Obstacle, PartialTimetable

TRIES = 8
"""Slots tried per meeting to place, fewest kept meetings in the way first."""
DEPTH = 2
"""How many times in a row a released meeting the problem needs may release others to
find its place again (at most ``TRIES`` ** ``DEPTH`` tries per owed meeting)."""


def kept_in_place(meeting: Meeting) -> bool:
    """Whether ``meeting`` is a published meeting kept in place (required at a fixed slot)."""
    return meeting.required and meeting.fixed_slot is not None


def loosened(meeting: Meeting) -> Meeting:
    """``meeting`` released: no fixed slot or table, no longer required on its own."""
    return dataclasses.replace(meeting, fixed_slot=None, fixed_table=None, required=False)


def releasable(problem: Problem, keep: Collection[str] | None = None) -> frozenset[str]:
    """The meetings of ``problem`` kept in place that a search may release: those of
    ``keep`` (the ones the caller kept in place, :func:`.replan.keep_in_place`); none
    without it, in a re-plan or a fresh plan alike: a meeting ``required`` at a
    ``fixed_slot`` is then the organizer's pin (before, a fresh plan released one of two
    colliding pins and answered ``feasible``)."""
    if keep is None:
        return frozenset()
    return frozenset(m.id for m in problem.meetings if kept_in_place(m) and m.id in keep)


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


def pinned(problem: Problem, allowed: Collection[str]) -> list[Meeting]:
    """The meetings every timetable of ``problem`` holds at their ``fixed_slot``: those it
    requires (``required``, every one under ``require_all``) that may not be released
    (not in ``allowed``, :func:`releasable`), their slot allowed."""
    return [
        m
        for m in problem.meetings
        if m.fixed_slot is not None
        and (m.required or problem.require_all)
        and m.id not in allowed
        and m.fixed_slot in allowed_slots(problem, m)
    ]


def answered(problem: Problem, allowed: Collection[str], result: Result) -> Result:
    """``result``, not a valid timetable of ``problem``, as ``infeasible`` when a meeting
    the problem requires and ``result`` leaves out has no slot in any timetable: none
    allowed, or in each allowed one something held by the :func:`pinned` meetings (a party
    at capacity, the tables, a session's limit, an order); such a meeting is explained by
    the pins in its way, by name (:func:`explain_pinned`). Else ``result`` unchanged."""
    pins = pinned(problem, allowed)
    ids = frozenset(m.id for m in pins)
    placed = result.timetable.by_meeting()
    every = _placed(problem, pins, None)
    found: dict[str, UnplacedMeeting | None] = {}
    for meeting in problem.meetings:
        if meeting.id in placed or not (problem.require_all or meeting.required):
            continue
        domain = allowed_slots(problem, meeting)
        state = _placed(problem, pins, meeting.id) if meeting.id in ids else every
        why = explain_pinned(problem, state, ids, meeting, domain) if domain else None
        if not domain or why is not None:
            found[meeting.id] = why  # None: no slot at all (explain_unplaced says so)
    if not found:
        return result
    listed = {u.meeting for u in result.unplaced}
    unplaced = tuple(found.get(u.meeting) or u for u in result.unplaced) + tuple(
        why for mid, why in found.items() if why is not None and mid not in listed
    )
    return dataclasses.replace(result, status=Status.INFEASIBLE, unplaced=unplaced)


def _placed(problem: Problem, pins: list[Meeting], without: str | None) -> PartialTimetable:
    """A partial timetable of the ``pins`` at their fixed slots (``without`` left out)."""
    state = PartialTimetable(problem)
    for pin in pins:
        if pin.id != without:
            assert pin.fixed_slot is not None
            state.place(pin, pin.fixed_slot)
    return state


def explain_pinned(
    problem: Problem,
    state: PartialTimetable,
    pins: frozenset[str],
    meeting: Meeting,
    domain: list[int],
) -> UnplacedMeeting | None:
    """Why ``meeting`` has no slot in any timetable: in each slot of its ``domain`` the
    ``pins`` placed in ``state`` (and no other meeting) stand in its way; its reason code
    as :func:`.explain.explain_unplaced` gives it, the pins named. None when a slot is free
    of them, or what rules a slot out is no pin's (no shared table at all)."""
    blockers: set[str] = set()
    labels: list[set[str]] = []
    for t in domain:
        obstacles = state.obstacles(meeting, t)
        held = [kept_behind(problem, state, pins, meeting, t, o) for o in obstacles]
        if not held or not all(held):
            return None
        labels.append({o.label for o in obstacles})
        blockers.update(mid for found in held for mid in found)
    if all(session_limit.LABEL in s for s in labels):
        reason = PARTY_AT_MAXIMUM
    elif all(s == {tables.LABEL} for s in labels):
        reason = NO_TABLE_LEFT
    else:
        reason = LOST_TO_HIGHER_PRIORITY
    ordered = tuple(sorted(blockers))
    detail = Message(
        "{who}: meetings pinned to the slots it may take leave no room for it "
        "({blockers}); move or unpin one of them",
        who=joined([problem.label(pid) for pid in meeting.people]),
        blockers=blocker_words(problem, ranked_blockers(problem, state, meeting, ordered)),
    )
    return UnplacedMeeting(meeting.id, reason, detail, ordered)


def kept_behind(
    problem: Problem,
    state: PartialTimetable,
    kept: Collection[str],
    meeting: Meeting,
    t: int,
    obstacle: Obstacle,
) -> list[str]:
    """The meetings of ``kept`` behind ``obstacle`` to ``meeting`` in slot ``t`` of the
    partial timetable ``state`` (empty: none): a party busy with one, a party's session
    full with one, the slot's shared tables taken with one among them, or its own table
    held by one, an order with one. A kept meeting in a booth (an own table) never
    competes for a shared table."""
    if obstacle.label in (overlap.LABEL, precedence.LABEL) or obstacle.meetings:
        return sorted(m for m in obstacle.meetings if m in kept)
    if obstacle.label == session_limit.LABEL:
        session = problem.slots[t].session
        return sorted(
            mid
            for mid, s in state.slots.items()
            if mid in kept
            and problem.slots[s].session == session
            and set(problem.meeting(mid).people) & set(obstacle.people)
        )
    if obstacle.label == tables.LABEL:
        # the shared tables are full (an own table's holder is named in the obstacle):
        # only the kept meetings at a shared table compete for them, not those in booths
        return sorted(
            mid
            for mid, s in state.slots.items()
            if mid in kept and s == t and tables.own_table(problem, problem.meeting(mid)) is None
        )
    return []


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
    every meeting kept in place); any other meeting in the way rules the slot out.
    ``needed`` holds the ids of those the caller's problem requires all the same (kept in
    place, but ``required`` before that): released, such a meeting is placed again,
    releasing kept meetings in its way in turn (:data:`DEPTH` deep) when no slot is free
    (before, it was left out and the keep re-plan's answer thrown away)."""

    def __init__(
        self,
        annealer: Annealer,
        home: Mapping[int, int] | None = None,
        allowed: Collection[str] | None = None,
        needed: Collection[str] = (),
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
        self.needed = frozenset(j for j, m in enumerate(meetings) if m.id in needed)
        self.moving: set[int] = set()
        """The meetings of the releases under way (none of them is released again)."""
        self.widened: list[tuple[int, list[int], frozenset[int]]] = []
        """Each released meeting's domain before it was widened, to undo a release."""
        self.depth = 0
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
        return j not in self.released and j not in self.moving and kept_in_place(meeting)

    def _in_the_way(self, i: int, t: int) -> list[int] | None:
        """The kept meetings to release so that ``i`` fits slot ``t`` (None: something
        else is in the way: a meeting not kept, a session limit, an order)."""
        layout, inc = self.layout, self.inc
        out: set[int] = set()
        for k in layout.people[i]:
            there = [j for j in layout.of[k] if inc.slot[j] == t]
            excess = inc.load[k][t] - layout.room[k][t] + 1 - sum(1 for j in there if j in out)
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
        place (:meth:`_again`)."""
        layout, inc = self.layout, self.inc
        problem = layout.problem
        before, released, mark = list(inc.slot), set(self.released), len(self.widened)
        moving = {i, *way} - self.moving
        self.moving |= moving
        for j in way:
            self.widened.append((j, layout.domain[j], layout.slot_sets[j]))
            wider = allowed_slots(problem, loosened(problem.meetings[j]))
            layout.domain[j], layout.slot_sets[j] = wider, frozenset(wider)
            inc.move(j, UNPLACED)
        placed = can_take(inc, i, t)
        if placed:
            inc.move(i, t)
            placed = all(self._again(j) for j in way)
        self.moving -= moving
        if placed:
            self.released.update(way)
            return True
        while len(self.widened) > mark:
            j, domain, allowed = self.widened.pop()
            layout.domain[j], layout.slot_sets[j] = domain, allowed
        self.released = released
        _restore(inc, before)
        return False

    def _again(self, j: int) -> bool:
        """Insert released meeting ``j`` again; when it finds no place: left out (True)
        unless the problem needs it; False under ``require_all`` (the caller's fallback, a
        plain re-plan, then moves fewer meetings than releasing more here: measured in
        test_replan_large_insertion); one of ``needed`` releases the kept meetings in its
        way in turn (at most :data:`DEPTH` deep), False when that does not place it."""
        if self.annealer.insert(j, self.home):
            return True
        if j not in self.needed:
            return not self.layout.problem.require_all
        if self.depth >= DEPTH:
            return False
        self.depth += 1
        try:
            return self.place(j)
        finally:
            self.depth -= 1


def _restore(inc: Incumbent, slots: list[int]) -> None:
    """Put ``inc`` back to ``slots``."""
    changed = [i for i, t in enumerate(slots) if inc.slot[i] != t]
    for i in changed:
        inc.move(i, UNPLACED)
    for i in changed:
        if slots[i] != UNPLACED:
            inc.move(i, slots[i])
