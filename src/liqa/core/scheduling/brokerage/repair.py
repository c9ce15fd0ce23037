"""The repaired previous timetable: the re-plan's hint and its answer when CP-SAT has none.

Fixed meetings go first at their slot, then every previous placement that the changed
problem still allows (higher priority first), then greedy inserts the meetings left out.
Whether a placement still fits is asked of :class:`.state.PartialTimetable` (the rules
of the constraint families); the whole is checked by :func:`.check.check_schedule`.
"""

from __future__ import annotations

from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.greedy import insert_greedily
from liqa.core.scheduling.brokerage.problem import Problem, Result, Status, Timetable
from liqa.core.scheduling.brokerage.results import make_result
from liqa.core.scheduling.brokerage.state import PartialTimetable


def repaired_slots(problem: Problem, previous: Timetable) -> dict[str, int]:
    """Slots by meeting id: fixed meetings, then every still-valid previous placement
    (higher priority first), then greedy's insertion of the rest."""
    domains = {m.id: allowed_slots(problem, m) for m in problem.meetings}
    state = _kept_state(problem, previous, domains)
    insert_greedily(problem, state, domains)
    return dict(state.slots)


def still_allowed(problem: Problem, previous: Timetable) -> dict[str, int]:
    """The previous placements the changed ``problem`` still allows, all together: slots by
    meeting id of the meetings of ``previous`` that keep their slot in the repaired
    timetable (after the fixed meetings, higher priority first); the meetings the change
    touched (their slot no longer allowed, or taken) are left out."""
    domains = {m.id: allowed_slots(problem, m) for m in problem.meetings}
    state = _kept_state(problem, previous, domains)
    before = previous.by_meeting()
    return {mid: t for mid, t in state.slots.items() if mid in before and before[mid].slot == t}


def _kept_state(
    problem: Problem, previous: Timetable, domains: dict[str, list[int]]
) -> PartialTimetable:
    """Fixed meetings at their slot, then every previous placement that still fits."""
    state = PartialTimetable(problem)
    for meeting in problem.meetings:
        if meeting.fixed_slot is not None and domains[meeting.id]:
            t = domains[meeting.id][0]
            if not state.obstacles(meeting, t):
                state.place(meeting, t)
    known = {m.id for m in problem.meetings}
    kept = [p for p in previous.placements if p.meeting in known]
    kept.sort(key=lambda p: (-problem.meeting(p.meeting).priority, p.slot, p.meeting))
    for placement in kept:
        meeting = problem.meeting(placement.meeting)
        if meeting.id in state.slots or placement.slot not in domains[meeting.id]:
            continue
        if not state.obstacles(meeting, placement.slot):
            state.place(meeting, placement.slot)
    return state


def repair(problem: Problem, previous: Timetable) -> Result | None:
    """The repaired timetable as a feasible result (tables as ``previous`` where free,
    changes counted against it), or None when it breaks a hard rule (a required meeting
    left out, the fairness bound)."""
    slots = repaired_slots(problem, previous)
    result = make_result(
        problem,
        slots,
        Status.FEASIBLE,
        method="cpsat",
        seconds=0.0,
        seconds_to_first=None,
        bound=None,
        previous=previous,
    )
    return None if check_schedule(problem, result.timetable) else result


def weighted(result: Result, problem: Problem, previous: Timetable, breaks_ub: int) -> int:
    """``result``'s value on the model's weighted objective (:func:`.build.weighted_objective`)
    where ``breaks_ub`` is the sum of the model's upper bounds on breaks."""
    before = previous.by_meeting()
    kept_lits = sum(1 for m in problem.meetings if m.id in before)
    now = result.timetable.by_meeting()
    kept = sum(1 for mid, p in before.items() if mid in now and now[mid].slot == p.slot)
    unit = breaks_ub + 1
    value = result.objective["breaks"] - unit * kept
    unit *= kept_lits + 1
    if not problem.require_all:
        value -= unit * result.objective["scheduled_priority"]
    return value


def proven_best(problem: Problem, previous: Timetable, result: Result) -> bool:
    """Whether the repaired ``result`` is optimal without a search: it places every meeting
    (every priority positive, so nothing better drops one), keeps in its slot every previous
    meeting whose slot the problem still allows (no timetable keeps more), and has as few
    breaks as the participants' own lower bounds allow once every meeting is placed
    (:func:`.bounds.quick_lower_bounds`). The weighted objective ranks exactly these three,
    in that order (:func:`.build.weighted_objective`), so no timetable can beat it."""
    from liqa.core.scheduling.brokerage.bounds import quick_lower_bounds

    if not problem.require_all and any(m.priority <= 0 for m in problem.meetings):
        return False
    now = result.timetable.by_meeting()
    if len(now) != len(problem.meetings):
        return False
    domains = {m.id: allowed_slots(problem, m) for m in problem.meetings}
    for mid, placement in previous.by_meeting().items():
        if mid in domains and placement.slot in domains[mid] and now[mid].slot != placement.slot:
            return False
    return result.objective["breaks"] <= sum(quick_lower_bounds(problem, domains).values())
