"""Lower bounds on breaks, participant by participant.

When every meeting must be placed, a participant needs at least as many breaks as the
best arrangement of their own meetings alone (with their meetings' sessions, fixed slots,
precedences and their partners' unavailable slots, but nobody else's timetable). That
small problem is solved exactly for each participant; the sum bounds the total, and each
bound is posted as ``breaks[p] ≥ lower[p]``.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.constraints.breaks import blocks
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.problem import Meeting, Problem


def participant_lower_bounds(problem: Problem) -> dict[str, int]:
    """Least breaks of each participant on their own (0 for all when meetings are optional)."""
    if not problem.require_all:
        return {p.id: 0 for p in problem.participants}
    out: dict[str, int] = {}
    for pid, mine in problem.meetings_of().items():
        capacity = problem.participant(pid).capacity
        if len(mine) < 2 or (capacity == 1 and _fits_one_run(problem, mine)):
            out[pid] = 0
        else:
            out[pid] = _alone(problem, mine, capacity)
    return out


def _fits_one_run(problem: Problem, mine: list[Meeting]) -> bool:
    """True when the meetings fit k consecutive slots of one block (a perfect matching)."""
    domains = [set(allowed_slots(problem, m)) for m in mine]
    k = len(mine)
    for block in blocks(problem):
        for s in range(len(block) - k + 1):
            window = block[s : s + k]
            if _perfect_matching([d.intersection(window) for d in domains], window):
                return True
    return False


def _perfect_matching(options: list[set[int]], slots: list[int]) -> bool:
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for t in options[i]:
            if t in seen:
                continue
            seen.add(t)
            if t not in owner or augment(owner[t], seen):
                owner[t] = i
                return True
        return False

    return all(options[i] and augment(i, set()) for i in range(len(options)))


def _alone(problem: Problem, mine: list[Meeting], capacity: int) -> int:
    model = cp_model.CpModel()
    n = len(problem.slots)
    x: dict[tuple[str, int], cp_model.IntVar] = {}
    for meeting in mine:
        domain = allowed_slots(problem, meeting)
        if not domain:
            return 0
        model.add_exactly_one(x.setdefault((meeting.id, t), model.new_bool_var("")) for t in domain)
    ids = {m.id for m in mine}
    for meeting in mine:
        for before in meeting.after:
            if before in ids:
                for (mid, t), lit in x.items():
                    if mid == meeting.id:
                        later = [v for (b, t2), v in x.items() if b == before and t2 >= t]
                        model.add_at_most_one([lit, *later])
    busy = []
    for t in range(n):
        lits = [lit for (_, s), lit in x.items() if s == t]
        var = model.new_bool_var("")
        model.add(sum(lits) <= capacity * var)
        model.add(sum(lits) >= var)
        busy.append(var)
    total: list[cp_model.LinearExprT] = []
    for block in blocks(problem):
        active = model.new_bool_var("")
        model.add_max_equality(active, [busy[t] for t in block])
        total.append(-active)
        for t in block:
            if t == block[0]:
                total.append(busy[t])
                continue
            start = model.new_bool_var("")
            model.add_bool_or([busy[t].Not(), busy[t - 1], start])
            total.append(start)
    model.add(sum(total) >= 0)
    model.minimize(sum(total))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 5.0
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0
    return max(0, round(solver.best_objective_bound))
