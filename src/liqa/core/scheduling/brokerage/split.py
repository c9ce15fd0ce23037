"""The split question: blocks solved apart, once every meeting has its block.

With several blocks (an event's sessions) and every meeting required, the monolithic
"at most T breaks" question is hard for CP-SAT: a participant who meets in both sessions
may split their meetings in many ways, so their windows have every length and the
interval reasoning of :func:`.implied.link_windows` does not apply (the demo event's
zero-break question: no answer in 120 s with two workers). Fixing each meeting's block
(greedy's choice) leaves one independent single-block question per block, with windows of
one length per participant: each is answered in about a second (demo event). A timetable
found that way whose breaks meet the participants' own lower bounds on the *whole*
problem is optimal, with proof; otherwise the question proves nothing (another split
might do better) and the caller goes on as before.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Mapping

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.bounds import participant_lower_bounds
from liqa.core.scheduling.brokerage.build import build_model
from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.constraints.breaks import blocks
from liqa.core.scheduling.brokerage.implied import link_windows
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.problem import Placement, Problem, Timetable
from liqa.core.scheduling.progress import Best, Reporter, watch


@dataclasses.dataclass(frozen=True)
class BlockPart:
    """One block's share of a problem: its first slot and the problem of its slots alone."""

    first: int
    problem: Problem


def block_parts(problem: Problem, slots: Mapping[str, int]) -> list[BlockPart]:
    """Each block as a problem of its own, holding the meetings ``slots`` puts there.

    Slots are renumbered from 0 in each part (unavailability and fixed slots with them);
    precedences between meetings of different blocks are left to the final check, and so
    is fairness (zero breaks everywhere is always fair).
    """
    parts = []
    for block in blocks(problem):
        first, inside = block[0], set(block)
        mine = [m for m in problem.meetings if slots.get(m.id) in inside]
        ids = {m.id for m in mine}
        meetings = tuple(
            dataclasses.replace(
                m,
                fixed_slot=None if m.fixed_slot is None else m.fixed_slot - first,
                after=tuple(a for a in m.after if a in ids),
            )
            for m in mine
        )
        participants = tuple(
            dataclasses.replace(p, unavailable=frozenset(t - first for t in p.unavailable & inside))
            for p in problem.participants
        )
        part = dataclasses.replace(
            problem,
            slots=tuple(problem.slots[t] for t in block),
            participants=participants,
            meetings=meetings,
            max_break_spread=None,
            require_all=True,
        )
        parts.append(BlockPart(first, part))
    return parts


def solve_split(
    problem: Problem,
    slots: Mapping[str, int],
    goal: int,
    deadline: float,
    seed: int,
    reporter: Reporter,
    best: Best,
) -> dict[str, int] | None:
    """A valid timetable of ``problem`` with at most ``goal`` breaks that keeps every
    meeting in the block ``slots`` gives it, or None (none found by ``deadline``, none
    exists with that split, or ``slots`` does not place every meeting).

    Each block is asked, on its own thread with one CP-SAT worker, for a timetable at its
    participants' own lower bounds (hinted with the slots of ``slots``); only worth asking
    when those add up to ``goal``.
    """
    if any(m.id not in slots for m in problem.meetings):
        return None
    parts = block_parts(problem, slots)
    lowers = [participant_lower_bounds(part.problem) for part in parts]
    targets = [sum(lower.values()) for lower in lowers]
    if sum(targets) > goal:
        return None
    models = []
    for part, lower, target in zip(parts, lowers, targets, strict=True):
        ctx = build_model(part.problem, lower=lower)
        ctx.model.clear_objective()  # type: ignore[no-untyped-call]  # untyped in OR-Tools
        ctx.model.add(sum(ctx.breaks.values()) <= target)
        if target == 0:
            link_windows(ctx, ctx.model)
        for (i, t), lit in ctx.x.items():  # the split's own slots as a hint
            ctx.model.add_hint(lit, slots[part.problem.meetings[i].id] == t + part.first)
        models.append(ctx)
    solvers = []
    for _ in parts:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, deadline - time.perf_counter())
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = seed
        solver.parameters.linearization_level = 0
        solvers.append(solver)
    codes: list[cp_model.CpSolverStatus | None] = [None] * len(parts)

    def run(k: int) -> None:
        codes[k] = solvers[k].solve(models[k].model)

    def run_all() -> None:
        helpers = [
            threading.Thread(target=run, args=(k,), daemon=True) for k in range(1, len(parts))
        ]
        for helper in helpers:
            helper.start()
        run(0)
        for helper in helpers:
            helper.join()

    def stop_all() -> None:
        for solver in solvers:
            solver.stop_search()

    if parts:
        watch(run_all, reporter, best, stop_all, "proving")
    if any(code not in (cp_model.OPTIMAL, cp_model.FEASIBLE) for code in codes):
        return None
    out: dict[str, int] = {}
    for part, ctx, solver in zip(parts, models, solvers, strict=True):
        for (i, t), lit in ctx.x.items():
            if solver.boolean_value(lit):
                out[part.problem.meetings[i].id] = t + part.first
    timetable = Timetable(tuple(Placement(m, t) for m, t in out.items()))
    if check_schedule(problem, timetable) or total_breaks(problem, timetable) > goal:
        return None
    return out
