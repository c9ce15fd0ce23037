"""A lower bound on breaks from the slots' capacity: who is busy when, without who meets whom.

Each participant ``p`` with ``k_p`` meetings is busy in exactly ``k_p`` slots when every
meeting is placed (capacity one), and their breaks are the gaps between those slots. Each
meeting seats two participants and takes a table, so in every slot the busy participants
number exactly twice the meetings there, at most ``2 |K|``. The *relaxation* keeps only
that: every participant picks a busy *pattern* (a set of ``k_p`` slots into which their
meetings can be matched, each within its domain, with at least their own lower bound of
breaks, and at most ``d`` breaks when somebody has at most one meeting, since then the
least breaks are 0), and in every slot the patterns chosen cover an even number of
participants, at most twice the tables. Every timetable gives such a choice with the same
breaks, so the relaxation's least total is a lower bound on the optimum.

It sees what the participants' own bounds cannot: on tic-13crafc (47 participants, 180
meetings, 10 slots, 19 tables) every participant alone fits without a break, but at most
38 of the 45 who meet can be busy in a slot, and the slots in the middle of the day can
only be left idle by participants with few meetings, unless others take a break: the
relaxation's optimum is 4, the instance's optimum, found in 0.04-0.06 deterministic
seconds. Participants with the same meeting domains and own bound are counted together
(an integer per pattern, not a literal per participant and pattern), which removes their
symmetry. The patterns are enumerated, so the bound is only computed on short days
(:data:`MAX_PATTERNS`).
"""

from __future__ import annotations

import itertools
import math
import time
from collections import Counter
from dataclasses import dataclass

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.bounds import perfect_matching
from liqa.core.scheduling.brokerage.constraints.breaks import blocks
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.problem import Problem

MAX_PATTERNS = 20_000
"""Most busy patterns enumerated (over the groups of alike participants): the benchmark's
10-slot days have 200-2,900, its 21-22-slot days hundreds of thousands per group."""

DTIME = 2.0
"""Deterministic-time budget of the relaxation's solve: 0.04-0.07 on the tic instances,
0.2-2.6 on forumt-14* (measured, shared machine)."""


@dataclass(frozen=True)
class CapacityBound:
    """What the relaxation proved."""

    breaks: int | None
    """Least total breaks of any timetable placing every meeting; None: there is none
    (no choice of patterns fits the slots)."""


type Group = tuple[tuple[tuple[int, ...], ...], int]
"""Alike participants: their meetings' domains (sorted) and their own lower bound."""


def applies(problem: Problem) -> bool:
    """True when the relaxation is valid: every meeting required, one block, every
    participant of capacity one, every meeting of exactly two people."""
    return (
        problem.require_all
        and len(blocks(problem)) == 1
        and all(p.capacity == 1 for p in problem.participants)
        and all(len(m.people) == 2 for m in problem.meetings)
    )


def groups(problem: Problem, lower: dict[str, int]) -> Counter[Group]:
    """Participants with at least one meeting, counted by (domains, own lower bound)."""
    out: Counter[Group] = Counter()
    for pid, mine in problem.meetings_of().items():
        if mine:
            domains = tuple(sorted(tuple(allowed_slots(problem, m)) for m in mine))
            out[domains, lower.get(pid, 0)] += 1
    return out


def _breaks(slots: tuple[int, ...]) -> int:
    return sum(1 for a, b in itertools.pairwise(slots) if b != a + 1)


def _patterns(group: Group, most: int | None) -> list[tuple[tuple[int, ...], int]]:
    """The group's busy patterns with their breaks (between ``group``'s own bound and
    ``most``), each one its meetings can be matched into."""
    domains, low = group
    usable = sorted(set().union(*domains))
    out = []
    for pattern in itertools.combinations(usable, len(domains)):
        breaks = _breaks(pattern)
        if breaks < low or (most is not None and breaks > most):
            continue
        if perfect_matching([set(d).intersection(pattern) for d in domains], list(pattern)):
            out.append((pattern, breaks))
    return out


def relaxation(problem: Problem, lower: dict[str, int]) -> cp_model.CpModel | None:
    """The relaxation's model, minimising the total breaks; None when it does not apply or
    has too many patterns."""
    if not applies(problem):
        return None
    alike = groups(problem, lower)
    sizes = sum(math.comb(len(set().union(*g[0])), len(g[0])) for g in alike)
    if sizes > MAX_PATTERNS:
        return None
    d = problem.max_break_spread
    someone_free = any(len(mine) <= 1 for mine in problem.meetings_of().values())
    most = d if d is not None and someone_free else None
    model = cp_model.CpModel()
    n = len(problem.slots)
    busy: list[list[cp_model.IntVar]] = [[] for _ in range(n)]
    total: list[cp_model.LinearExprT] = []
    for group, count in alike.items():
        counts = []
        for pattern, breaks in _patterns(group, most):
            chosen = model.new_int_var(0, count, "")
            counts.append(chosen)
            for t in pattern:
                busy[t].append(chosen)
            if breaks:
                total.append(breaks * chosen)
        model.add(sum(counts) == count)  # no pattern at all: infeasible, as it should
    for t in range(n):
        meetings = model.new_int_var(0, problem.tables, f"meetings[{t}]")
        model.add(sum(busy[t]) == 2 * meetings)
    model.minimize(sum(total))
    return model


def capacity_bound(
    problem: Problem,
    lower: dict[str, int],
    until: float,
    solver: cp_model.CpSolver | None = None,
) -> CapacityBound | None:
    """The relaxation's proven least total breaks, a lower bound on every timetable that
    places all meetings, or the proof that none exists; None when it does not apply, is
    too big or proved nothing in time. ``until`` is a ``time.perf_counter()`` deadline;
    ``solver`` may be stopped from another thread (``stop_search``)."""
    model = relaxation(problem, lower)
    left = until - time.perf_counter()
    if model is None or left <= 0:
        return None
    solver = solver or cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = left
    solver.parameters.max_deterministic_time = DTIME
    code = solver.solve(model)
    if code == cp_model.INFEASIBLE:
        return CapacityBound(None)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return CapacityBound(math.ceil(solver.best_objective_bound - 1e-6))
