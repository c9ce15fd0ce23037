"""Fairness: the breaks of any two participants differ by at most d (``max_break_spread``)."""

from __future__ import annotations

from liqa.core.problems import Message
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.measures import breaks_per_participant
from liqa.core.scheduling.brokerage.problem import Problem, Timetable, Violation

LABEL = "fairness"


def post(ctx: ModelContext) -> None:
    """max - min of ``breaks[p]`` ≤ d; when someone surely has 0 breaks, simply each ≤ d."""
    d = ctx.problem.max_break_spread
    if d is None or not ctx.breaks:
        return
    model = ctx.model
    if any(ub == 0 for ub in ctx.breaks_ub.values()):
        for pid, count in ctx.breaks.items():
            if ctx.breaks_ub[pid] > d:
                model.add(count <= d).with_name(f"{LABEL}[{pid}]")
        return
    top = max(ctx.breaks_ub.values())
    low = model.new_int_var(0, top, "breaks_min")
    high = model.new_int_var(0, top, "breaks_max")
    for count in ctx.breaks.values():
        model.add(low <= count)
        model.add(count <= high)
    model.add(high - low <= d).with_name(LABEL)


def violations(problem: Problem, timetable: Timetable) -> list[Violation]:
    """One violation when the spread of breaks exceeds d."""
    d = problem.max_break_spread
    per = breaks_per_participant(problem, timetable)
    if d is None or not per:
        return []
    low, high = min(per.values()), max(per.values())
    if high - low <= d:
        return []
    worst = tuple(sorted(pid for pid, b in per.items() if b == high))
    text = Message("breaks range from {low} to {high}, more than d = {d}", low=low, high=high, d=d)
    return [Violation(LABEL, text, worst)]
