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

Which split matters: greedy fills the first block first (the demo event: 233 meetings
in the morning, 177 in the afternoon), and a crowded block's zero-break question may
have no quick answer (the morning's: none in 60 s once the one person of an organization
attends its meetings, a465cf0). :func:`balanced_split` evens the blocks' loads, each
participant's share of a block within the longest run of slots they can attend there
(zero breaks keeps their meetings in one run) and the session's maximum: 205 and 205,
each block answered in about half a second.
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
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.constraints.tables import own_table, shared_tables
from liqa.core.scheduling.brokerage.implied import link_windows
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.problem import Participant, Placement, Problem, Timetable
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


def balanced_split(
    problem: Problem, deadline: float, seed: int = 0, lower: Mapping[str, int] | None = None
) -> dict[str, int] | None:
    """A block for every meeting (as the first slot it may take there), the blocks' loads
    as even as they can be: first the meetings at the shared tables (the tight resource:
    the demo event fills 85 % of them), then all. None when no split keeps each
    participant's share of a block within the longest run of slots they can attend there
    and the session's maximum, or none is found by ``deadline``.

    A heuristic for the split question (:func:`solve_split` checks what it yields): a
    participant whose own lower bound is above zero may need more than one run, and is
    held to the slots they can attend instead.
    """
    grouped = blocks(problem)
    if len(grouped) < 2:
        return None
    if lower is None:  # the caller's, when it has them (0.3-0.4 s on the demo event)
        lower = participant_lower_bounds(problem)
    shared = len(shared_tables(problem))
    model = cp_model.CpModel()
    choice: dict[tuple[str, int], cp_model.IntVar] = {}
    first_allowed: dict[tuple[str, int], int] = {}
    for meeting in problem.meetings:
        allowed = allowed_slots(problem, meeting)
        options = []
        for b, block in enumerate(grouped):
            inside = [t for t in allowed if block[0] <= t <= block[-1]]
            if not inside:
                continue
            lit = model.new_bool_var(f"block[{meeting.id},{b}]")
            choice[meeting.id, b] = lit
            first_allowed[meeting.id, b] = inside[0]
            options.append(lit)
        if not options:
            return None
        model.add_exactly_one(options)
    of = problem.meetings_of()
    for participant in problem.participants:
        for b, block in enumerate(grouped):
            mine = [choice[m.id, b] for m in of[participant.id] if (m.id, b) in choice]
            if len(mine) < 2:
                continue
            room = _room(participant, block, lower[participant.id] == 0)
            limit = problem.session_limit(participant.id)
            if limit is not None:
                room = min(room, limit)
            if room < len(mine):
                model.add(sum(mine) <= room)
    at_shared = {m.id for m in problem.meetings if own_table(problem, m) is None}
    heaviest = model.new_int_var(0, len(problem.meetings), "heaviest_block")
    heaviest_shared = model.new_int_var(0, len(at_shared), "heaviest_shared")
    for b, block in enumerate(grouped):
        load = [lit for (_, k), lit in choice.items() if k == b]
        loose = [lit for (mid, k), lit in choice.items() if k == b and mid in at_shared]
        model.add(sum(load) <= heaviest)
        model.add(sum(load) <= problem.tables * len(block))
        model.add(sum(loose) <= heaviest_shared)
        model.add(sum(loose) <= shared * len(block))
    model.minimize(heaviest_shared * (len(problem.meetings) + 1) + heaviest)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, deadline - time.perf_counter())
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    chosen = (key for key, lit in choice.items() if solver.boolean_value(lit))
    return {mid: first_allowed[mid, b] for mid, b in chosen}


def _room(participant: Participant, block: list[int], one_run: bool) -> int:
    """How many meetings ``participant`` may hold in ``block``: as many as the run of
    slots they can attend there that holds the most (``one_run``, zero breaks), else as
    many as all the slots they can attend, each holding their capacity there."""
    room = [0 if t in participant.unavailable else participant.capacity_at(t) for t in block]
    if not one_run:
        return sum(room)
    most = run = 0
    for here in room:
        run = run + here if here else 0
        most = max(most, run)
    return most


def solve_split(
    problem: Problem,
    slots: Mapping[str, int],
    goal: int,
    deadline: float,
    seed: int,
    reporter: Reporter,
    best: Best,
    *,
    hint: bool = True,
) -> dict[str, int] | None:
    """A valid timetable of ``problem`` with at most ``goal`` breaks that keeps every
    meeting in the block ``slots`` gives it, or None (none found by ``deadline``, none
    exists with that split, or ``slots`` does not place every meeting).

    Each block is asked, on its own thread with one CP-SAT worker, for a timetable at its
    participants' own lower bounds (hinted with the slots of ``slots`` when ``hint``); only
    worth asking when those add up to ``goal``. (A second search on a block still open,
    on the core a quicker block has freed, was measured twice: no gain, see the model
    doc.)
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
        if hint:
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
