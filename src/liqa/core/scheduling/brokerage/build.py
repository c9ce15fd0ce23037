"""Build the CP-SAT model: meeting-slot literals, the constraint families, the objective."""

from __future__ import annotations

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage import implied
from liqa.core.scheduling.brokerage.constraints import (
    breaks,
    fairness,
    overlap,
    precedence,
    session_limit,
    tables,
)
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.problem import Problem, Timetable


def build_model(
    problem: Problem,
    previous: Timetable | None = None,
    lower: dict[str, int] | None = None,
) -> ModelContext:
    """A CP-SAT model of ``problem``; with ``previous``, changes to it are penalised.

    Objective, lexicographic through weights: scheduled priority (max) first, then the
    changes against ``previous`` (min), then breaks (min). Meetings the problem requires
    (all of them, or those marked ``required``) are placed exactly once, as a hard rule.
    ``lower`` (per-participant lower bounds on breaks, see :mod:`.bounds`) switches on the
    implied constraints.
    """
    model = cp_model.CpModel()
    domains = [allowed_slots(problem, m) for m in problem.meetings]
    ctx = ModelContext(problem, model, domains)
    for i, meeting in enumerate(problem.meetings):
        lits = []
        for t in domains[i]:
            lit = model.new_bool_var(f"x[{meeting.id},{t}]")
            ctx.x[i, t] = lit
            lits.append(lit)
        if problem.require_all or meeting.required:
            model.add_exactly_one(lits).with_name(f"once[{meeting.id}]")
            ctx.placed.append(1)
        elif lits:
            placed = model.new_bool_var(f"placed[{meeting.id}]")
            model.add(sum(lits) == placed)
            ctx.placed.append(placed)
        else:
            ctx.placed.append(0)
    overlap.post(ctx)
    tables.post(ctx)
    precedence.post(ctx)
    session_limit.post(ctx)
    breaks.post(ctx)
    fairness.post(ctx)
    _implied(ctx)
    if lower is not None:
        implied.post_starts(ctx)
        implied.post_lower_bounds(ctx, lower)
    model.minimize(weighted_objective(ctx, previous))
    return ctx


def _implied(ctx: ModelContext) -> None:
    """Redundant constraints that tighten the relaxation: per slot, busy participants ≤
    tables × the most attendees of a meeting (two parties, unless extras come), and per
    participant the busy slots add up to their meetings when all are placed."""
    problem = ctx.problem
    seats = problem.tables * max((len(m.people) for m in problem.meetings), default=2)
    for t in range(len(problem.slots)):
        lits = [lit for (pid, s), lit in ctx.busy.items() if s == t]
        if len(lits) > seats:
            ctx.model.add(sum(lits) <= seats)


def weighted_objective(ctx: ModelContext, previous: Timetable | None) -> cp_model.LinearExpr:
    """The weighted sum of the objective terms (to minimise)."""
    problem = ctx.problem
    exprs: list[cp_model.LinearExprT] = list(ctx.breaks.values())
    coeffs: list[int] = [1] * len(exprs)
    unit = sum(ctx.breaks_ub.values()) + 1
    if previous is not None:
        kept = kept_literals(ctx, previous)
        exprs += kept
        coeffs += [-unit] * len(kept)
        unit *= len(kept) + 1
    if not problem.require_all:
        exprs += ctx.placed
        coeffs += [-unit * m.priority for m in problem.meetings]
    return cp_model.LinearExpr.weighted_sum(exprs, coeffs)


def kept_literals(ctx: ModelContext, previous: Timetable) -> list[cp_model.LinearExprT]:
    """For each meeting of the previous timetable, the literal "still in its slot"."""
    before = previous.by_meeting()
    kept: list[cp_model.LinearExprT] = []
    for i, meeting in enumerate(ctx.problem.meetings):
        placement = before.get(meeting.id)
        if placement is not None:
            kept.append(ctx.at(i, placement.slot))
    return kept
