"""No participant in more meetings at once than they have people then (one, for a person)."""

from __future__ import annotations

from collections import defaultdict

from liqa.core.problems import Message
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.problem import Problem, Timetable, Violation

LABEL = "overlap"


def post(ctx: ModelContext) -> None:
    """Per participant and slot: meetings ≤ capacity there; ``busy`` is true iff any meeting."""
    problem = ctx.problem
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    of = problem.meetings_of()
    for participant in problem.participants:
        mine = [index[m.id] for m in of[participant.id]]
        for t in range(len(problem.slots)):
            lits = [ctx.x[i, t] for i in mine if (i, t) in ctx.x]
            if not lits:
                continue
            busy = ctx.model.new_bool_var(f"busy[{participant.id},{t}]")
            ctx.busy[participant.id, t] = busy
            capacity = participant.capacity_at(t)
            if capacity == 1:
                ctx.model.add(sum(lits) == busy)
            else:
                ctx.model.add(sum(lits) <= capacity)
                ctx.model.add(sum(lits) >= busy)
                for lit in lits:
                    ctx.model.add_implication(lit, busy)


def violations(problem: Problem, timetable: Timetable) -> list[Violation]:
    """Every participant and slot where they are booked beyond their capacity."""
    meetings = {m.id: m for m in problem.meetings}
    load: dict[tuple[str, int], list[str]] = defaultdict(list)
    for placement in timetable.placements:
        meeting = meetings.get(placement.meeting)
        if meeting is None:
            continue
        for pid in meeting.people:
            load[pid, placement.slot].append(meeting.id)
    out: list[Violation] = []
    for (pid, t), mids in sorted(load.items()):
        capacity = problem.participant(pid).capacity_at(t)
        if len(mids) > capacity:
            out.append(
                Violation(
                    LABEL,
                    Message(
                        "{participant} is in {count} meetings in slot {slot} "
                        "(can attend {capacity})",
                        participant=problem.label(pid),
                        count=len(mids),
                        slot=problem.slot_label(t),
                        capacity=capacity,
                    ),
                    tuple(mids),
                )
            )
    return out
