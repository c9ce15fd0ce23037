"""One step of the large-instance search: re-optimise a few meetings, everything else fixed.

A neighbourhood is a set of free meetings, each with the slots it may take; the other
meetings stay where they are and only take away capacity (their participants' slots, the
tables, the per-session limits, the precedences). The CP-SAT model over the free meetings
minimises the breaks of the participants and blocks they touch, minus a large reward per
unplaced meeting it manages to place (weighted by priority, as in the full model). Meetings
placed now must stay placed, so the search never loses scheduled priority. In a re-plan
(``home``: the previous slots) each free meeting away from its previous slot costs more
than any breaks and less than any placed meeting: the changes term, ranked between them as
in the full model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.layout import UNPLACED, Incumbent
from liqa.core.scheduling.brokerage.live import run_solver
from liqa.core.scheduling.progress import Best, Reporter

type Term = cp_model.LinearExprT


@dataclass(frozen=True)
class Outcome:
    """What solving a neighbourhood gave: new slots of the free meetings and the gain."""

    slots: dict[int, int]
    """New slot (or ``UNPLACED``) of every free meeting."""
    gain: int
    """Current cost minus new cost of the neighbourhood's terms (> 0: better)."""
    optimal: bool


def feasible_slots(inc: Incumbent, free: set[int], i: int, window: set[int] | None) -> list[int]:
    """Slots meeting ``i`` may take with the meetings outside ``free`` where they are."""
    layout = inc.layout
    out = []
    mine = set(free)
    for t in layout.domain[i]:
        if window is not None and t not in window and t != inc.slot[i]:
            continue
        if inc.slot[i] == t:
            out.append(t)
            continue
        if any(_fixed_load(inc, mine, k, t) >= layout.room[k][t] for k in layout.people[i]):
            continue
        if not _fits_order(inc, mine, i, t):
            continue
        out.append(t)
    return out


def _fixed_load(inc: Incumbent, free: set[int], k: int, t: int) -> int:
    here = inc.load[k][t]
    if here == 0:
        return 0
    return here - sum(1 for j in inc.layout.of[k] if j in free and inc.slot[j] == t)


def _fits_order(inc: Incumbent, free: set[int], i: int, t: int) -> bool:
    layout = inc.layout
    for j in layout.after[i]:
        if j not in free and inc.slot[j] != UNPLACED and inc.slot[j] >= t:
            return False
    for j in layout.successors[i]:
        if j not in free and inc.slot[j] != UNPLACED and inc.slot[j] <= t:
            return False
    return True


def solve_neighbourhood(
    inc: Incumbent,
    domains: dict[int, list[int]],
    *,
    home: Mapping[int, int] | None = None,
    seconds: float,
    workers: int,
    seed: int,
    reporter: Reporter,
    best: Best,
) -> Outcome | None:
    """Re-optimise the meetings of ``domains`` (each within its slots); None: no answer.

    With ``home`` (a re-plan's previous slot by meeting number), the fewest free meetings
    away from their previous slot come before the fewest breaks (see the module docs)."""
    layout = inc.layout
    problem = layout.problem
    model = cp_model.CpModel()
    free = set(domains)
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    placed: dict[int, cp_model.IntVar] = {}
    for i, slots in domains.items():
        lits = []
        for t in slots:
            lit = model.new_bool_var("")
            x[i, t] = lit
            lits.append(lit)
            model.add_hint(lit, inc.slot[i] == t)
        if inc.slot[i] != UNPLACED:
            model.add_exactly_one(lits)
        else:
            flag = model.new_bool_var("")
            model.add(sum(lits) == flag)
            placed[i] = flag
    at: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (i, t), lit in x.items():
        for k in layout.people[i]:
            at[k, t].append(lit)
    _post_tables(inc, free, x, model)
    _post_session_limits(inc, free, x, model)
    _post_order(inc, domains, x, model)
    cost: list[Term] = []
    current = 0
    worst = 0
    moving: dict[tuple[int, int], int] = defaultdict(int)
    for i in free:
        if inc.slot[i] != UNPLACED:
            for k in layout.people[i]:
                moving[k, inc.slot[i]] += 1
    touched = sorted({k for i in domains for k in layout.people[i]})
    for k in touched:
        fixed = {t: inc.load[k][t] - moving[k, t] for t in range(len(problem.slots))}
        for t in range(len(problem.slots)):
            lits = at.get((k, t), [])
            if len(lits) + fixed[t] > layout.room[k][t]:
                model.add(sum(lits) <= layout.room[k][t] - fixed[t])
        mine = [i for i in layout.of[k] if i in free]
        around = {layout.block_of[t] for i in mine for t in domains[i]}
        around |= {layout.block_of[inc.slot[i]] for i in mine if inc.slot[i] != UNPLACED}
        for b in sorted(around):
            current += inc.breaks_in_block(k, b)
            worst += len(layout.blocks[b]) // 2
            cost.append(_block_breaks(model, layout.blocks[b], fixed, at, k))
    unit = worst + 1
    away: list[Term] = []
    for i in sorted(free):
        was = None if home is None else home.get(i)
        if was is None:
            continue
        current += unit * (inc.slot[i] != was)
        at_home = x.get((i, was))
        away.append(unit * (1 - at_home) if at_home is not None else unit)
    unit *= len(away) + 1
    cost.extend(away)
    reward = [unit * problem.meetings[i].priority * flag for i, flag in placed.items()]
    model.minimize(cp_model.LinearExpr.sum(cost) - cp_model.LinearExpr.sum(reward))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    code = run_solver(solver, model, reporter, best, "searching")
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    chosen = dict.fromkeys(domains, UNPLACED)
    for (i, t), lit in x.items():
        if solver.boolean_value(lit):
            chosen[i] = t
    return Outcome(chosen, current - round(solver.objective_value), code == cp_model.OPTIMAL)


def _block_breaks(
    model: cp_model.CpModel,
    block: list[int],
    fixed: dict[int, int],
    at: dict[tuple[int, int], list[cp_model.IntVar]],
    k: int,
) -> Term:
    """Breaks of participant ``k`` in ``block``: runs of busy slots less one if active."""
    busy: list[Term] = []
    for t in block:
        lits = at.get((k, t), [])
        if fixed[t] > 0:
            busy.append(1)
        elif not lits:
            busy.append(0)
        elif len(lits) == 1:
            busy.append(lits[0])
        else:
            var = model.new_bool_var("")
            for lit in lits:
                model.add_implication(lit, var)
            model.add_bool_or(lits).only_enforce_if(var)
            busy.append(var)
    starts: list[Term] = []
    previous: Term = 0
    for here in busy:
        if isinstance(here, int) or isinstance(previous, int):
            starts.append(_start_of_constants(model, here, previous))
        else:
            start = model.new_bool_var("")
            model.add_bool_or([here.Not(), previous, start])  # type: ignore[union-attr,list-item]
            starts.append(start)
        previous = here
    if any(b == 1 for b in busy if isinstance(b, int)):
        return cp_model.LinearExpr.sum(starts) - 1
    variables = [b for b in busy if not isinstance(b, int)]
    if not variables:
        return 0
    active = model.new_bool_var("")
    model.add_bool_or(variables).only_enforce_if(active)  # type: ignore[arg-type]
    return cp_model.LinearExpr.sum(starts) - active


def _start_of_constants(model: cp_model.CpModel, here: Term, previous: Term) -> Term:
    """``here ∧ ¬previous`` when one of the two is a constant."""
    if isinstance(here, int) and isinstance(previous, int):
        return int(here == 1 and previous == 0)
    if isinstance(here, int):
        return 0 if here == 0 else previous.Not()  # type: ignore[union-attr]
    return here if previous == 0 else 0


def _post_tables(
    inc: Incumbent,
    free: set[int],
    x: dict[tuple[int, int], cp_model.IntVar],
    model: cp_model.CpModel,
) -> None:
    layout = inc.layout
    general: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    owned: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (i, t), lit in x.items():
        table = layout.own[i]
        if table is None:
            general[t].append(lit)
        else:
            owned[t, table].append(lit)
    moving: dict[int, int] = defaultdict(int)
    moving_owned: dict[tuple[int, int], int] = defaultdict(int)
    for i in free:
        t = inc.slot[i]
        if t == UNPLACED:
            continue
        table = layout.own[i]
        if table is None:
            moving[t] += 1
        else:
            moving_owned[t, table] += 1
    for t, lits in general.items():
        room = layout.shared - (inc.general[t] - moving[t])
        if len(lits) > room:
            model.add(sum(lits) <= room)
    for (t, table), lits in owned.items():
        room = 1 - (inc.owned[t, table] - moving_owned[t, table])
        if len(lits) > room:
            model.add(sum(lits) <= room)


def _post_session_limits(
    inc: Incumbent,
    free: set[int],
    x: dict[tuple[int, int], cp_model.IntVar],
    model: cp_model.CpModel,
) -> None:
    layout = inc.layout
    if all(limit is None for limit in layout.limit):
        return
    per: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (i, t), lit in x.items():
        for k in layout.people[i]:
            per[k, layout.session_of[t]].append(lit)
    for (k, s), lits in per.items():
        limit = layout.limit[k]
        if limit is None:
            continue
        moving = sum(
            1
            for i in layout.of[k]
            if i in free and inc.slot[i] != UNPLACED and layout.session_of[inc.slot[i]] == s
        )
        room = limit - (inc.per_session[k, s] - moving)
        if len(lits) > room:
            model.add(sum(lits) <= room)


def _post_order(
    inc: Incumbent,
    domains: dict[int, list[int]],
    x: dict[tuple[int, int], cp_model.IntVar],
    model: cp_model.CpModel,
) -> None:
    """Precedences between two free meetings (fixed ones are already out of the domains)."""
    for i, slots in domains.items():
        for j in inc.layout.after[i]:
            if j not in domains:
                continue
            for t in slots:
                blocked = [x[j, s] for s in domains[j] if s >= t]
                if blocked:
                    model.add_at_most_one([x[i, t], *blocked])
