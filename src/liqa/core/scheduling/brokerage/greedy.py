"""The greedy baseline: most-constrained participant first, each meeting in the feasible
slot that adds the fewest breaks and sits next to the participant's meetings, first
free table. Used as the warm start of the CP-SAT model and as the benchmark comparison."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Collection, Iterable

from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.problem import (
    Meeting,
    Problem,
    ReleasedMeeting,
    Result,
    Status,
    Timetable,
)
from liqa.core.scheduling.brokerage.release import (
    answered,
    relaxed,
    releasable,
    released_meetings,
)
from liqa.core.scheduling.brokerage.results import make_result
from liqa.core.scheduling.brokerage.state import PartialTimetable


def greedy_slots(problem: Problem) -> dict[str, int]:
    """Slots of the greedy timetable, by meeting id (unplaceable meetings are left out).

    ``required`` meetings go first (at their fixed slot, then the others greedily), then
    the other fixed meetings, then the rest: a meeting that must be placed (a published
    meeting kept in place) never loses its slot to one that may stay out."""
    domains = {m.id: allowed_slots(problem, m) for m in problem.meetings}
    state = PartialTimetable(problem)
    required = [m for m in problem.meetings if m.required]
    if required:
        _place_fixed(state, required, domains)
        must = {m.id: domains[m.id] if m.required else [] for m in problem.meetings}
        insert_greedily(problem, state, must)
    _place_fixed(state, problem.meetings, domains)
    insert_greedily(problem, state, domains)
    return dict(state.slots)


def _place_fixed(
    state: PartialTimetable, meetings: Iterable[Meeting], domains: dict[str, list[int]]
) -> None:
    """Each fixed meeting of ``meetings`` not placed yet at its slot, where it still fits."""
    for meeting in meetings:
        if meeting.fixed_slot is None or meeting.id in state.slots or not domains[meeting.id]:
            continue
        t = domains[meeting.id][0]
        if not state.obstacles(meeting, t):
            state.place(meeting, t)


def insert_greedily(
    problem: Problem, state: PartialTimetable, domains: dict[str, list[int]]
) -> None:
    """Place the meetings not yet in ``state``: most-constrained participant first, each
    meeting in the free slot of its domain that adds the fewest breaks (re-planning uses
    it to complete the kept timetable)."""
    of = problem.meetings_of()
    n = len(problem.slots)

    def slack(pid: str) -> tuple[int, int]:
        free = n - len(problem.participant(pid).unavailable)
        return (free - len(of[pid]), -len(of[pid]))

    for pid in sorted(of, key=slack):
        todo = [m for m in of[pid] if m.id not in state.slots]
        todo.sort(key=lambda m: (-m.priority, len(domains[m.id]), m.id))
        for meeting in todo:
            if meeting.id in state.slots:
                continue
            options = [t for t in domains[meeting.id] if not state.obstacles(meeting, t)]
            if options:
                best = min(
                    options,
                    key=lambda t: (state.added_breaks(meeting, t), state.distance(pid, t), t),
                )
                state.place(meeting, best)


def greedy(
    problem: Problem, previous: Timetable | None = None, keep: Collection[str] | None = None
) -> Result:
    """Run the greedy baseline and report it like a solver run (never claims optimality).

    With ``previous`` (the greedy method's re-plan), the repaired previous timetable alone
    (:func:`.repair.repaired_slots`: nothing is searched, changes counted against it).
    Without it, a meeting of ``keep`` (the meetings the caller kept in place) that cannot
    take its slot (another kept meeting holds it) is released: left out and listed in
    ``released`` with why, as the CP-SAT path lists it (:mod:`.release`). Any other
    meeting required at a fixed slot is the organizer's pin: when pins leave a required
    meeting no slot, the answer is ``infeasible``, the pins in its way named
    (:func:`.release.answered`; before, a fresh plan released one of two colliding pins
    and said ``feasible``)."""
    from liqa.core.scheduling.brokerage.repair import repaired_slots  # repair uses greedy

    began = time.perf_counter()
    slots = greedy_slots(problem) if previous is None else repaired_slots(problem, previous)
    seconds = time.perf_counter() - began
    released: tuple[ReleasedMeeting, ...] = ()
    allowed = releasable(problem, keep)
    if previous is None:
        out = {
            m.id for m in problem.meetings if m.id in allowed and slots.get(m.id) != m.fixed_slot
        }
        released = released_meetings(problem, slots, out)
        problem = relaxed(problem, out)  # the problem the timetable keeps
    result = make_result(
        problem,
        slots,
        Status.FEASIBLE,
        method="greedy",
        seconds=seconds,
        seconds_to_first=seconds,
        bound=None,
        previous=previous,
    )
    result = dataclasses.replace(result, released=released)
    if check_schedule(problem, result.timetable):
        # Some required meeting is missing or fairness is broken: not a valid timetable
        # (none at all when pins leave a required meeting no slot).
        return answered(problem, allowed, dataclasses.replace(result, status=Status.UNKNOWN))
    return result
