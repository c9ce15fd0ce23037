"""Minimal-change re-planning: apply changes to a problem, re-solve against the published
timetable (a changes-count term comes first after scheduled priority), report the diff.

By default scheduled priority ranks first, so a new or higher-priority meeting may move
published meetings of people the change does not concern. With ``keep_published`` every
previous placement the changed problem still allows stays where it is (slot, and table
where it still exists) as a hard rule of the model (:func:`keep_in_place`: each such
meeting ``required`` at its ``fixed_slot`` and ``fixed_table``); only the meetings the
change touched and the new ones are placed, where they fit, and those left out because of
that choice say so (reason :data:`KEPT_IN_PLACE`). When keeping them all leaves no valid
timetable (every meeting required, fairness), the fewest are released and each says why
(``Result.released``), so the organizer always gets a timetable.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Collection, Iterable

from ortools.sat.python import cp_model

from liqa.core.problems import Message, joined
from liqa.core.scheduling.brokerage.build import build_model
from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.constraints import tables
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.diff import ScheduleDiff, diff
from liqa.core.scheduling.brokerage.explain import (
    LOST_TO_HIGHER_PRIORITY,
    NO_TABLE_LEFT,
    PARTY_AT_MAXIMUM,
    blocker_words,
    explain_released,
    explain_unplaced,
    ranked_blockers,
)
from liqa.core.scheduling.brokerage.lns import large_enough
from liqa.core.scheduling.brokerage.problem import (
    Meeting,
    Problem,
    Result,
    Settings,
    Status,
    Timetable,
    UnplacedMeeting,
)
from liqa.core.scheduling.brokerage.release import kept_behind
from liqa.core.scheduling.brokerage.repair import still_allowed
from liqa.core.scheduling.brokerage.results import make_result, objective_terms
from liqa.core.scheduling.brokerage.solve import solve
from liqa.core.scheduling.brokerage.state import PartialTimetable
from liqa.core.scheduling.progress import Progress

KEPT_IN_PLACE = "kept_in_place"
"""Reason code: a meeting left out because published meetings were kept in place."""

_BLOCKED = frozenset({LOST_TO_HIGHER_PRIORITY, NO_TABLE_LEFT, PARTY_AT_MAXIMUM})
"""The reasons a kept meeting in the way can be behind (not: no common slot, fairness)."""

FLOOR = 0.5
"""Seconds each solve of a keep re-plan gets at least, on an event of :data:`FLOOR_PAIRS`
meeting-slot pairs or more, even when the time limit is spent (a fallback must answer)."""
FLOOR_PAIRS = 40_000
"""The size from which the whole :data:`FLOOR` applies (``Settings.large_above``'s
default): below it the floor shrinks with the event, down to :data:`LEAST_FLOOR`."""
LEAST_FLOOR = 0.1
"""The floor of the smallest events, which CP-SAT answers in milliseconds."""


def fallback_floor(problem: Problem) -> float:
    """Seconds each solve of a keep re-plan of ``problem`` gets at least: :data:`FLOOR` on
    an event of :data:`FLOOR_PAIRS` meeting-slot pairs or more (counted as
    :func:`.lns.large_enough` counts them), in proportion below, never under
    :data:`LEAST_FLOOR` (before: 0.5 s for every event, so each fallback of a small event
    that had spent its time limit added half a second)."""
    pairs = sum(len(m.people) for m in problem.meetings) * len(problem.slots) // 2
    return max(LEAST_FLOOR, FLOOR * min(1.0, pairs / FLOOR_PAIRS))


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
    kept as a hard rule (:func:`keep_in_place`): scheduled priority no longer moves them;
    if no timetable keeps them all, the fewest move and ``released`` says which and why.
    """
    known = {m.id for m in problem.meetings}
    kept = Timetable(tuple(p for p in previous.placements if p.meeting in known))
    if keep_published:
        result = _replan_keeping(problem, kept, settings)
    else:
        result = solve(problem, settings, previous=kept)
    return result, diff(previous, result.timetable, problem, old_problem)


def keep_in_place(
    problem: Problem, previous: Timetable, only: Collection[str] | None = None
) -> tuple[Problem, frozenset[str]]:
    """``problem`` with every placement of ``previous`` it still allows
    (:func:`.repair.still_allowed`; with ``only``, those of these meetings alone) made a
    hard rule, and the ids of those meetings: each is ``required`` at its ``fixed_slot``,
    and at its previous table as ``fixed_table`` where that table still exists and is still
    the meeting's to take. Priorities are unchanged, so the result's figures are the
    problem's own."""
    slots = still_allowed(problem, previous)
    if only is not None:
        slots = {mid: t for mid, t in slots.items() if mid in only}
    seats = _kept_tables(problem, previous, slots)
    meetings = tuple(
        dataclasses.replace(m, fixed_slot=slots[m.id], required=True, fixed_table=seats.get(m.id))
        if m.id in slots
        else m
        for m in problem.meetings
    )
    return dataclasses.replace(problem, meetings=meetings), frozenset(slots)


def _kept_tables(problem: Problem, previous: Timetable, slots: dict[str, int]) -> dict[str, int]:
    """The previous table of each kept meeting in ``slots`` that it may still take: its own
    table (a booth) when that is unchanged, else a shared table of the changed problem,
    once per slot."""
    shared = set(tables.shared_tables(problem))
    taken: set[tuple[int, int]] = set()
    out: dict[str, int] = {}
    for placement in sorted(previous.placements, key=lambda p: p.meeting):
        mid, k = placement.meeting, placement.table
        if mid not in slots or k is None or (slots[mid], k) in taken:
            continue
        owned = tables.own_table(problem, problem.meeting(mid))
        if (owned is None and k in shared) or owned == k:
            out[mid] = k
            taken.add((slots[mid], k))
    return out


def _replan_keeping(problem: Problem, previous: Timetable, settings: Settings | None) -> Result:
    """The re-plan with the previous placements kept in place as a hard rule
    (:func:`_solve_keeping`), each kept meeting not in its place in the end listed in
    ``released`` with why, and the unplaced meetings that kept meetings are in the way of
    saying so (:data:`KEPT_IN_PLACE`; a meeting the changed problem pins is not counted
    as kept there)."""
    settings = settings or Settings()
    relay = _Relay(settings, fallback_floor(problem))
    kept = frozenset(still_allowed(problem, previous))
    result = _solve_keeping(problem, previous, relay)
    relay.finish()
    slots = {p.meeting: p.slot for p in result.timetable.placements}
    before = previous.by_meeting()
    stayed = frozenset(m for m in kept if slots.get(m) == before[m].slot)
    released = tuple(
        explain_released(problem, slots, mid, before[mid].slot, stayed)
        for mid in sorted(kept - stayed)
        if _valid(problem, result)  # else the changed problem has no timetable at all
    )
    state = PartialTimetable(problem)
    for meeting in problem.meetings:
        if meeting.id in slots:
            state.place(meeting, slots[meeting.id])
    # a meeting the changed problem pins is in the way by the organizer's rule, not
    # because it was kept: its blockees keep their own reason (before: "kept in place ...
    # re-plan without keeping them in place", which would not move it)
    movable = stayed - {m.id for m in problem.meetings if m.fixed_slot is not None}
    unplaced = tuple(
        _kept_in_the_way(problem, state, movable, u) for u in explain_unplaced(problem, slots)
    )
    return dataclasses.replace(result, unplaced=unplaced, released=released)


def _solve_keeping(problem: Problem, previous: Timetable, relay: _Relay) -> Result:
    """The re-plan keeping every placement of ``previous`` the problem still allows.

    When no timetable keeps them all (every meeting required, fairness), the fewest are
    released: the most that can stay together (:func:`_most_kept`) are kept and the re-plan
    solved again (for the greedy method, without the released placements to go back to);
    failing that (nothing found in time), the timetable that question found; failing that,
    the plain minimal-change re-plan. A large event (:func:`.lns.large_enough`) is searched
    by the large-instance search, which releases the fewest itself; when it finds nothing
    valid, the plain minimal-change re-plan by that search in the time left (the full
    model's questions would overrun the time limit there, often before a first answer).
    """
    fixed, kept = keep_in_place(problem, previous)
    if large_enough(fixed, relay.settings):
        # the large-instance search places kept meetings first, never moves them, and
        # releases the fewest itself when a meeting the problem needs finds no room; the
        # previous timetable weighs the others' changes (the meetings the change touched,
        # those released): before, none was passed and they could move needlessly. Only
        # the kept meetings the changed problem does not pin may be released: a pin is the
        # organizer's rule (before, the search could release one and move it). A released
        # meeting the changed problem requires is placed again (before, it was left out,
        # this answer thrown away and the plain re-plan's taken, often with nothing valid)
        pinned = {m.id for m in problem.meetings if m.fixed_slot is not None}
        needed = frozenset(m.id for m in problem.meetings if m.required) & kept
        result = solve(fixed, relay.attempt(), previous=previous, keep=kept - pinned, needed=needed)
        stay = kept - {r.meeting for r in result.released}
        if _valid(keep_in_place(problem, previous, stay)[0], result):
            return result
        return solve(problem, relay.attempt(least=0.0), previous=previous)
    else:
        result = solve(fixed, relay.attempt(), previous=previous)
        if _valid(fixed, result):
            return result
    if not relay.stopped:
        found = _keeping_most(problem, previous, kept, relay)
        if found is not None:
            return found
    # nothing kept found, or stopped on request (then every solve from here on stops at
    # once, with the repaired previous timetable): the plain minimal-change re-plan
    return solve(problem, relay.attempt(), previous=previous)


def _keeping_most(
    problem: Problem, previous: Timetable, kept: frozenset[str], relay: _Relay
) -> Result | None:
    """The re-plan keeping the most of ``kept`` that can stay together (:func:`_most_kept`),
    or that question's own timetable; None when neither is valid."""
    stay, found = _most_kept(problem, previous, kept, relay.attempt(share=0.5))
    fixed, _ = keep_in_place(problem, previous, stay)
    method = "cpsat"
    if stay != kept:
        greedy = relay.settings.method == "greedy"
        hint = previous.by_meeting()
        if greedy:
            hint = {mid: p for mid, p in hint.items() if mid not in kept - stay}
        result = solve(fixed, relay.attempt(), previous=Timetable(tuple(hint.values())))
        if _valid(fixed, result):
            return _counted(problem, previous, result) if greedy else result
        method = result.method
    if found is None:
        return None
    result = make_result(
        fixed,
        found,
        Status.FEASIBLE,
        method=method,
        seconds=time.perf_counter() - relay.began,
        seconds_to_first=None,
        bound=None,
        previous=previous,
    )
    return result if _valid(fixed, result) else None


def _counted(problem: Problem, previous: Timetable, result: Result) -> Result:
    """``result`` with its terms counted against the whole ``previous`` timetable."""
    terms = objective_terms(problem, result.timetable, previous)
    return dataclasses.replace(result, objective=terms)


def _valid(problem: Problem, result: Result) -> bool:
    """Whether ``result`` is a timetable of ``problem`` that keeps every hard rule."""
    solved = result.status in (Status.OPTIMAL, Status.FEASIBLE)
    return solved and not check_schedule(problem, result.timetable)


def _most_kept(
    problem: Problem, previous: Timetable, kept: frozenset[str], settings: Settings
) -> tuple[frozenset[str], dict[str, int] | None]:
    """The most meetings of ``kept`` that can stay at their previous slot together in a
    timetable that keeps every hard rule of ``problem`` (one CP-SAT question, breaks and
    priorities aside), and that timetable's slots; none and None when CP-SAT finds no such
    timetable in time."""
    ctx = build_model(problem)
    model = ctx.model
    model.clear_objective()  # type: ignore[no-untyped-call]  # untyped in OR-Tools
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    before = previous.by_meeting()
    stays: dict[str, cp_model.IntVar] = {}
    for mid in sorted(kept):
        stays[mid] = model.new_bool_var(f"stays[{mid}]")
        model.add(ctx.at(index[mid], before[mid].slot) == 1).only_enforce_if(stays[mid])
    model.maximize(sum(stays.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = settings.time_limit
    solver.parameters.num_workers = settings.workers
    solver.parameters.random_seed = settings.seed
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return frozenset(), None
    slots = {problem.meetings[i].id: t for (i, t), x in ctx.x.items() if solver.boolean_value(x)}
    return frozenset(mid for mid, lit in stays.items() if solver.boolean_value(lit)), slots


class _Relay:
    """The listener of a re-plan made of several solves, as if it were one run: elapsed
    times go on from one solve to the next, and only the last solve's final report
    (phase ``finishing``) is passed on, by :meth:`finish`; a stop request stops them all."""

    def __init__(self, settings: Settings, floor: float = FLOOR) -> None:
        self.settings = settings
        self.floor = floor
        """Seconds each solve gets at least (:func:`fallback_floor`)."""
        self.began = time.perf_counter()
        self.offset = 0.0
        self.stopped = False
        self.held: Progress | None = None

    def attempt(self, share: float = 1.0, least: float | None = None) -> Settings:
        """Settings for the next solve: the time left (a ``share`` of it, at least ``least``
        seconds, by default the event's floor), this listener."""
        self.offset = time.perf_counter() - self.began
        floor = self.floor if least is None else least
        left = max(floor, self.settings.time_limit - self.offset) * share
        listener = None if self.settings.on_progress is None else self._hear
        return dataclasses.replace(self.settings, time_limit=left, on_progress=listener)

    def _hear(self, progress: Progress) -> bool:
        progress = dataclasses.replace(progress, elapsed=progress.elapsed + self.offset)
        if progress.phase == "finishing":
            self.held = progress
            return True
        assert self.settings.on_progress is not None
        if self.stopped or not self.settings.on_progress(progress):
            self.stopped = True
        return not self.stopped

    def finish(self) -> None:
        """Pass on the last solve's final report."""
        if self.held is not None and self.settings.on_progress is not None:
            self.settings.on_progress(self.held)


def _kept_in_the_way(
    problem: Problem, state: PartialTimetable, kept: frozenset[str], unplaced: UnplacedMeeting
) -> UnplacedMeeting:
    """``unplaced`` again, as left out because of meetings kept in place when, in one of its
    slots at least, each thing in its way holds a kept meeting (a party busy with one, a
    party's session full with one, the slot's shared tables taken with one among them, or
    its own table held by one, an order with one); else as it was explained. A kept
    meeting in a booth (an own table) never competes for a shared table."""
    if unplaced.reason not in _BLOCKED:
        return unplaced
    meeting = problem.meeting(unplaced.meeting)
    blockers: set[str] = set()
    for t in allowed_slots(problem, meeting):
        held = [
            kept_behind(problem, state, kept, meeting, t, o) for o in state.obstacles(meeting, t)
        ]
        if held and all(held):
            blockers.update(mid for found in held for mid in found)
    if not blockers:
        return unplaced
    ordered = tuple(sorted(blockers))
    detail = Message(
        "{who}: published meetings kept in place hold the slots it could take ({blockers}); "
        "re-plan without keeping them in place to let them move",
        who=joined([problem.label(pid) for pid in meeting.people]),
        blockers=blocker_words(problem, ranked_blockers(problem, state, meeting, ordered)),
    )
    return UnplacedMeeting(meeting.id, KEPT_IN_PLACE, detail, ordered)


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
