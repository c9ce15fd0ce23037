"""The breaks term: a break is a maximal run of idle slots between two meetings of a
participant in one block (a session, or a day).

A participant's breaks equal the runs of busy slots in each block, less one per block
where they meet at all: ``start[p, t] = busy[p, t] ∧ ¬busy[p, t-1]``.
"""

from __future__ import annotations

from itertools import groupby

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.problem import Problem

LABEL = "breaks"


def blocks(problem: Problem) -> list[list[int]]:
    """Consecutive slot numbers grouped by block, in time order."""
    slots = list(enumerate(problem.slots))
    return [[t for t, _ in group] for _, group in groupby(slots, key=lambda ts: ts[1].block)]


def post(ctx: ModelContext) -> None:
    """Create ``breaks[p]`` for every participant, exact in both directions."""
    problem, model = ctx.problem, ctx.model
    of = problem.meetings_of()
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    for participant in problem.participants:
        pid = participant.id
        mine = [index[m.id] for m in of[pid]]
        starts: list[cp_model.LinearExprT] = []
        actives: list[cp_model.LinearExprT] = []
        for block in blocks(problem):
            lits = [ctx.busy[pid, t] for t in block if (pid, t) in ctx.busy]
            if not lits:
                continue
            for t in block:
                here = ctx.busy.get((pid, t))
                before = ctx.busy.get((pid, t - 1)) if t != block[0] else None
                if here is None:
                    continue
                if before is None:
                    starts.append(here)
                    continue
                start = model.new_bool_var(f"run_start[{pid},{t}]")
                model.add_bool_or([here.Not(), before, start])
                model.add_implication(start, here)
                model.add_implication(start, before.Not())
                starts.append(start)
            inside = set(block)
            if problem.require_all and any(set(ctx.domains[i]) <= inside for i in mine):
                actives.append(1)
                continue
            active = model.new_bool_var(f"active[{pid},{block[0]}]")
            for lit in lits:
                model.add_implication(lit, active)
            model.add_bool_or(lits).only_enforce_if(active)
            actives.append(active)
        upper = max(0, min(len(mine), len(problem.slots)) - 1)
        ctx.breaks_ub[pid] = upper if starts else 0
        if not starts or upper == 0:
            ctx.breaks[pid] = 0
            if starts:
                model.add(sum(starts) == sum(actives))
            continue
        count = model.new_int_var(0, upper, f"breaks[{pid}]")
        model.add(count == sum(starts) - sum(actives))
        ctx.breaks[pid] = count
