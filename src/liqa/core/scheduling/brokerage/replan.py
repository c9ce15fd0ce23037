"""Minimal-change re-planning: apply changes to a problem, re-solve against the published
timetable (a changes-count term comes first after scheduled priority), report the diff.

By default scheduled priority ranks first, so a new or higher-priority meeting may move
published meetings of people the change does not concern. With ``keep_published`` every
previous placement the changed problem still allows stays where it is (slot, and table
where it still exists); only the meetings the change touched and the new ones are placed,
where they fit, and those left out because of that choice say so (reason
:data:`KEPT_IN_PLACE`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from liqa.core.problems import Message, Names, joined
from liqa.core.scheduling.brokerage.constraints import overlap, precedence, session_limit, tables
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.diff import ScheduleDiff, diff
from liqa.core.scheduling.brokerage.explain import (
    LOST_TO_HIGHER_PRIORITY,
    NO_TABLE_LEFT,
    PARTY_AT_MAXIMUM,
    explain_unplaced,
)
from liqa.core.scheduling.brokerage.measures import scheduled_priority
from liqa.core.scheduling.brokerage.problem import (
    Meeting,
    Problem,
    Result,
    Settings,
    Timetable,
    UnplacedMeeting,
)
from liqa.core.scheduling.brokerage.repair import still_allowed
from liqa.core.scheduling.brokerage.solve import solve
from liqa.core.scheduling.brokerage.state import Obstacle, PartialTimetable

KEPT_IN_PLACE = "kept_in_place"
"""Reason code: a meeting left out because published meetings were kept in place."""

_BLOCKED = frozenset({LOST_TO_HIGHER_PRIORITY, NO_TABLE_LEFT, PARTY_AT_MAXIMUM})
"""The reasons a kept meeting in the way can be behind (not: no common slot, fairness)."""


def replan(
    problem: Problem,
    previous: Timetable,
    settings: Settings | None = None,
    old_problem: Problem | None = None,
    *,
    keep_published: bool = False,
) -> tuple[Result, ScheduleDiff]:
    """Re-solve the changed ``problem`` keeping ``previous`` as far as possible.

    Every meeting that can keep its slot does (unless that costs scheduled priority), and
    keeps its table when that table is free; the diff names what moved, dropped or came.
    With ``keep_published``, every previous placement the changed problem still allows is
    fixed (:func:`keep_in_place`): scheduled priority no longer moves them.
    """
    known = {m.id for m in problem.meetings}
    kept = Timetable(tuple(p for p in previous.placements if p.meeting in known))
    if keep_published:
        result = _replan_keeping(problem, kept, settings)
    else:
        result = solve(problem, settings, previous=kept)
    return result, diff(previous, result.timetable, problem, old_problem)


def keep_in_place(problem: Problem, previous: Timetable) -> tuple[Problem, frozenset[str]]:
    """``problem`` with every placement of ``previous`` it still allows
    (:func:`.repair.still_allowed`) fixed in its slot, and the ids of those meetings.

    So that no search drops one of them for meetings worth more, each is worth more than
    all the others together (its priority raised by the sum of every priority's size, plus
    one); their order among themselves and the others' order are unchanged.
    """
    slots = still_allowed(problem, previous)
    bonus = 1 + sum(abs(m.priority) for m in problem.meetings)
    meetings = tuple(
        dataclasses.replace(m, fixed_slot=slots[m.id], priority=m.priority + bonus)
        if m.id in slots
        else m
        for m in problem.meetings
    )
    return dataclasses.replace(problem, meetings=meetings), frozenset(slots)


def _replan_keeping(problem: Problem, previous: Timetable, settings: Settings | None) -> Result:
    """The re-plan with the previous placements kept in place, reported on ``problem``
    itself: its scheduled priority, and its unplaced meetings explained, those that
    published meetings kept in place are in the way of saying so."""
    fixed, kept = keep_in_place(problem, previous)
    result = solve(fixed, settings, previous=previous)
    slots = {p.meeting: p.slot for p in result.timetable.placements}
    state = PartialTimetable(problem)
    for meeting in problem.meetings:
        if meeting.id in slots:
            state.place(meeting, slots[meeting.id])
    unplaced = tuple(
        _kept_in_the_way(problem, state, kept, u) for u in explain_unplaced(problem, slots)
    )
    return dataclasses.replace(
        _on_own_scale(result, fixed, problem, previous, kept), unplaced=unplaced
    )


def _on_own_scale(
    result: Result, fixed: Problem, problem: Problem, previous: Timetable, kept: frozenset[str]
) -> Result:
    """``result`` of the ``fixed`` problem with its figures on ``problem``'s own scale: the
    scheduled priority without the kept meetings' bonus, and the weighted cost and its bound
    without the constant the bonus adds to every timetable that places all kept meetings
    (else they would read as numbers of ten digits, and the relative gap as nought).

    The weighted cost is ``breaks - u * kept - u * (n + 1) * priority`` (:func:`.build.
    weighted_objective`, ``n`` the meetings with a previous placement), so the unit ``u`` is
    read back from the result itself; when it cannot be (no weighted cost, every meeting
    required, a kept meeting left out), the weighted figures are reported without a bound
    rather than shifted by a guess."""
    objective = dict(result.objective)
    if "scheduled_priority" not in objective:
        return result
    adjusted = objective["scheduled_priority"]
    objective["scheduled_priority"] = scheduled_priority(problem, result.timetable)
    if "weighted" not in objective or fixed.require_all:
        return dataclasses.replace(result, objective=objective)
    shift = adjusted - objective["scheduled_priority"]  # the bonus times the kept placed
    placed = {p.meeting for p in result.timetable.placements}
    before = previous.by_meeting()
    now = result.timetable.by_meeting()
    n = sum(1 for m in fixed.meetings if m.id in before)
    same = sum(1 for mid, p in before.items() if mid in now and now[mid].slot == p.slot)
    per_unit = same + (n + 1) * adjusted
    unit, rest = divmod(objective["breaks"] - objective["weighted"], per_unit or 1)
    if per_unit <= 0 or rest or unit <= 0 or not kept <= placed:
        objective.pop("weighted")
        return dataclasses.replace(result, objective=objective, bound=None, gap=None)
    offset = unit * (n + 1) * shift
    objective["weighted"] += offset
    bound = None if result.bound is None else result.bound + offset
    return dataclasses.replace(result, objective=objective, bound=bound)


def _kept_in_the_way(
    problem: Problem, state: PartialTimetable, kept: frozenset[str], unplaced: UnplacedMeeting
) -> UnplacedMeeting:
    """``unplaced`` again, as left out because of meetings kept in place when, in one of its
    slots at least, each thing in its way holds a kept meeting (a party busy with one, a
    party's session full with one, the slot's tables taken with one among them, an order
    with one); else as it was explained."""
    if unplaced.reason not in _BLOCKED:
        return unplaced
    meeting = problem.meeting(unplaced.meeting)
    blockers: set[str] = set()
    for t in allowed_slots(problem, meeting):
        held = [_kept_in(problem, state, kept, meeting, t, o) for o in state.obstacles(meeting, t)]
        if held and all(held):
            blockers.update(mid for found in held for mid in found)
    if not blockers:
        return unplaced
    ordered = tuple(sorted(blockers))
    detail = Message(
        "{who}: published meetings kept in place hold the slots it could take ({blockers}); "
        "re-plan without keeping them in place to let them move",
        who=joined([problem.label(pid) for pid in meeting.people]),
        blockers=Names([problem.label(b) for b in ordered], "; "),
    )
    return UnplacedMeeting(meeting.id, KEPT_IN_PLACE, detail, ordered)


def _kept_in(
    problem: Problem,
    state: PartialTimetable,
    kept: frozenset[str],
    meeting: Meeting,
    t: int,
    obstacle: Obstacle,
) -> list[str]:
    """The kept meetings behind ``obstacle`` to ``meeting`` in slot ``t`` (empty: none)."""
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
        return sorted(mid for mid, s in state.slots.items() if mid in kept and s == t)
    return []


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
