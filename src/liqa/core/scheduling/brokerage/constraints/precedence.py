"""Precedences: a meeting comes after the meetings it names in ``after`` (when both placed)."""

from __future__ import annotations

from liqa.core.problems import Message
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.problem import Problem, Timetable, Violation

LABEL = "precedence"


def post(ctx: ModelContext) -> None:
    """For each pair and slot t: ``x[later, t]`` excludes ``x[earlier, t']`` for every t' ≥ t."""
    problem = ctx.problem
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    for i, meeting in enumerate(problem.meetings):
        for before in meeting.after:
            j = index.get(before)
            if j is None:
                continue
            later_j = list(ctx.domains[j])
            for t in ctx.domains[i]:
                blocked = [ctx.x[j, t2] for t2 in later_j if t2 >= t]
                if blocked:
                    ctx.model.add_at_most_one([ctx.x[i, t], *blocked])


def violations(problem: Problem, timetable: Timetable) -> list[Violation]:
    """Every placed pair whose order is wrong."""
    slot = {p.meeting: p.slot for p in timetable.placements}
    out: list[Violation] = []
    for meeting in problem.meetings:
        for before in meeting.after:
            if meeting.id in slot and before in slot and not slot[before] < slot[meeting.id]:
                out.append(
                    Violation(
                        LABEL,
                        Message(
                            "meeting {before} (slot {before_slot}) must come before meeting "
                            "{meeting} (slot {slot})",
                            before=problem.label(before),
                            before_slot=problem.slot_label(slot[before]),
                            meeting=problem.label(meeting.id),
                            slot=problem.slot_label(slot[meeting.id]),
                        ),
                        (before, meeting.id),
                    )
                )
    return out
