"""Lower bounds on breaks, participant by participant.

When every meeting must be placed, a participant needs at least as many breaks as the
best arrangement of their own meetings alone (with their meetings' sessions, fixed slots,
precedences and their partners' unavailable slots, but nobody else's timetable). That
small problem is solved exactly for each participant; the sum bounds the total, and each
bound is posted as ``breaks[p] ≥ lower[p]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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


def overloaded(problem: Problem) -> list[str]:
    """Participants whose meetings cannot all be placed even on their own: no matching of
    their meetings to distinct slots of the meetings' domains (``capacity`` meetings per
    slot), e.g. 22 meetings and 21 slots they can attend. When every meeting is required,
    one such participant proves that no timetable exists. The SAT engines only learn it
    as a pigeonhole refutation, which clause learning cannot find in time (forum-14.forb0007:
    neither CP-SAT without the LP nor Glucose answered in 60 s), so it is tested first."""
    out: list[str] = []
    for pid, mine in problem.meetings_of().items():
        participant = problem.participant(pid)
        capacity = participant.capacity
        options = [
            {
                t * capacity + j
                for t in allowed_slots(problem, m)
                for j in range(participant.capacity_at(t))
            }
            for m in mine
        ]
        if not perfect_matching(options, []):
            out.append(pid)
    return out


def _fits_one_run(problem: Problem, mine: list[Meeting]) -> bool:
    """True when the meetings fit k consecutive slots of one block (a perfect matching)."""
    domains = [set(allowed_slots(problem, m)) for m in mine]
    k = len(mine)
    for block in blocks(problem):
        for s in range(len(block) - k + 1):
            window = block[s : s + k]
            if perfect_matching([d.intersection(window) for d in domains], window):
                return True
    return False


def perfect_matching(options: list[set[int]], slots: list[int]) -> bool:
    """True when each item ``i`` gets its own slot among ``options[i]`` (augmenting paths)."""
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


def quick_lower_bounds(
    problem: Problem, domains: Mapping[str, Iterable[int]] | None = None
) -> dict[str, int]:
    """A cheap per-participant lower bound on breaks when every meeting is placed.

    Each participant alone, relaxed: their busy slots must be at least ⌈k / capacity⌉ of
    the slots where one of their k meetings may go (their own and partners' availability,
    sessions, fixed slots), and in each block those slots form maximal free runs. Using
    n slots of a block costs at least (fewest runs that hold n slots) − 1 breaks; a small
    dynamic programme over the blocks finds the cheapest split. Every constraint dropped
    only makes the bound smaller, so the sum over participants is a valid bound for any
    timetable that places all meetings. Linear in the problem size (no solver).
    ``domains`` (each meeting's allowed slots by id) saves recomputing them.
    """
    if domains is None:
        domains = {m.id: allowed_slots(problem, m) for m in problem.meetings}
    out: dict[str, int] = {}
    for pid, mine in problem.meetings_of().items():
        capacity = problem.participant(pid).capacity
        need = -(-len(mine) // capacity)
        if need < 2:
            out[pid] = 0
            continue
        usable: set[int] = set()
        for meeting in mine:
            usable.update(domains[meeting.id])
        out[pid] = _fewest_breaks(problem, usable, need)
    return out


def _fewest_breaks(problem: Problem, usable: set[int], need: int) -> int:
    """Least breaks of ``need`` busy slots among ``usable`` ones (0 when none fit)."""
    infinity = need * len(problem.slots) + 1
    best = [0] + [infinity] * need  # best[n]: fewest breaks with n busy slots so far
    for block in blocks(problem):
        runs = sorted(_runs(block, usable), reverse=True)
        cost = [0]
        held = 0
        for j, length in enumerate(runs):
            for _ in range(length):
                held += 1
                cost.append(j)
        merged = list(best)
        for n in range(1, need + 1):
            for here in range(1, min(n, held) + 1):
                if best[n - here] < infinity:
                    merged[n] = min(merged[n], best[n - here] + cost[here])
        best = merged
    return 0 if best[need] >= infinity else best[need]


def _runs(block: list[int], usable: set[int]) -> list[int]:
    """Lengths of the maximal runs of usable slots in ``block``."""
    out: list[int] = []
    length = 0
    for t in block:
        if t in usable:
            length += 1
        elif length:
            out.append(length)
            length = 0
    if length:
        out.append(length)
    return out
