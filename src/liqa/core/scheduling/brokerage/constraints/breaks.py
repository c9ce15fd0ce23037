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
    """Create ``breaks[p]`` for every participant, exact in both directions.

    ``later[p, t]`` (p meets in slot t or after, in the block) and ``gap[p, t]`` (a break
    starts at t: busy at t-1, idle at t, a meeting later) are SAT-style literals: with
    every ``gap`` false, unit propagation alone keeps a participant's meetings together.
    """
    problem, model = ctx.problem, ctx.model
    of = problem.meetings_of()
    for participant in problem.participants:
        pid = participant.id
        if len(of[pid]) < 2:
            ctx.breaks_ub[pid] = 0
            ctx.breaks[pid] = 0
            continue
        gaps: list[cp_model.IntVar] = []
        for block in blocks(problem):
            first = len(gaps)
            busy = [ctx.busy.get((pid, t)) for t in block]
            if sum(b is not None for b in busy) < 2:
                continue
            later: list[cp_model.IntVar | None] = [None] * (len(block) + 1)
            for j in range(len(block) - 1, -1, -1):
                here, after = busy[j], later[j + 1]
                if here is None:
                    later[j] = after
                elif after is None:
                    later[j] = here
                else:
                    var = model.new_bool_var(f"later[{pid},{block[j]}]")
                    model.add_bool_or([here, after]).only_enforce_if(var)
                    model.add_implication(here, var)
                    model.add_implication(after, var)
                    later[j] = var
            for j in range(1, len(block) - 1):
                before, here, after = busy[j - 1], busy[j], later[j + 1]
                if before is None or after is None:
                    continue
                gap = model.new_bool_var(f"break[{pid},{block[j]}]")
                clause = [before.Not(), after.Not(), gap]
                if here is not None:
                    clause.append(here)
                    model.add_implication(gap, here.Not())
                model.add_bool_or(clause)
                model.add_implication(gap, before)
                model.add_implication(gap, after)
                gaps.append(gap)
            if len(gaps) > first:
                ctx.gaps[pid, block[0]] = gaps[first:]
        upper = len(gaps)
        ctx.breaks_ub[pid] = upper
        if upper == 0:
            ctx.breaks[pid] = 0
            continue
        count = model.new_int_var(0, upper, f"breaks[{pid}]")
        model.add(count == sum(gaps))
        ctx.breaks[pid] = count
