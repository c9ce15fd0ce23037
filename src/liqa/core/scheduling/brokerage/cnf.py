"""The brokerage problem as CNF clauses, for a SAT solver (see :mod:`.sat_target`).

Every meeting required, breaks counted per block as in :mod:`.constraints.breaks`, the
same constraint families as the CP-SAT model, each as clauses:

* ``x[m, t]`` for ``t`` in the meeting's domain, exactly one per meeting;
* ``busy[p, t] ⇔ ⋁ x[m, t]`` over p's meetings, at most ``capacity`` of them per slot;
* at most the shared tables' number of meetings per slot (a sequential counter), at most
  one per own table;
* precedences as binary clauses, the session limit as a sequential counter;
* breaks exact in both directions: ``later[p, t] ⇔ busy[p, t] ∨ later[p, t+1]`` and
  ``gap[p, t] ⇔ busy[p, t-1] ∧ ¬busy[p, t] ∧ later[p, t+1]``;
* per participant a totalizer ``count[p][j] ⇔ B_p ≥ j + 1`` carries the lower bounds of
  :mod:`.bounds` and fairness (``B_p ≤ d`` when someone surely has no break, else
  ``max − min ≤ d``);
* the start windows of :mod:`.implied` (no break ⇔ the busy slots are one window of
  ``k_p`` slots), and for each meeting the partners' windows overlap when neither has a
  break;
* the total: a totalizer over the participants' counts, ``total[j]`` implied by
  ``Σ B_p ≥ j + 1``, so the assumption ``¬total[T]`` asks for at most ``T`` breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pysat.card import CardEnc, EncType
from pysat.formula import IDPool

from liqa.core.scheduling.brokerage.constraints.breaks import blocks
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.constraints.tables import table_limits
from liqa.core.scheduling.brokerage.problem import Problem


@dataclass
class Cnf:
    """Clauses and the literals that matter: meeting-slot, busy and the total's outputs."""

    problem: Problem
    pool: IDPool = field(default_factory=IDPool)
    clauses: list[list[int]] = field(default_factory=list)
    x: dict[tuple[int, int], int] = field(default_factory=dict)
    """``x[i, t]``: meeting ``i`` (index in ``problem.meetings``) takes slot ``t``."""
    busy: dict[tuple[str, int], int] = field(default_factory=dict)
    counts: dict[str, list[int]] = field(default_factory=dict)
    """Per participant, ``counts[p][j] ⇔ B_p ≥ j + 1``."""
    total: list[int] = field(default_factory=list)
    """``total[j]`` is implied by ``Σ B_p ≥ j + 1`` (true when j reaches the cap)."""

    def new(self) -> int:
        """A fresh variable."""
        return int(self.pool.id())

    def at_most(self, lits: list[int], bound: int) -> None:
        """At most ``bound`` of ``lits`` true (pairwise for one, else a sequential counter)."""
        if len(lits) <= bound:
            return
        if bound == 0:
            self.clauses.extend([-v] for v in lits)
        elif bound == 1:
            self.clauses.extend([-a, -b] for n, a in enumerate(lits) for b in lits[n + 1 :])
        else:
            cnf = CardEnc.atmost(lits, bound, vpool=self.pool, encoding=EncType.seqcounter)
            self.clauses.extend(cnf.clauses)

    def slots(self, model: list[int]) -> dict[str, int]:
        """Each meeting's slot (by meeting id) in a satisfying assignment."""
        true = {v for v in model if v > 0}
        return {self.problem.meetings[i].id: t for (i, t), v in self.x.items() if v in true}


def encode(problem: Problem, lower: dict[str, int], cap: int) -> Cnf:
    """The clauses of ``problem`` (every meeting required) with the participants' lower
    bounds ``lower``; the total counts up to ``cap`` breaks."""
    cnf = Cnf(problem)
    domains = [allowed_slots(problem, m) for m in problem.meetings]
    for i, domain in enumerate(domains):
        lits = [cnf.x.setdefault((i, t), cnf.new()) for t in domain]
        cnf.clauses.append(lits)
        cnf.at_most(lits, 1)
    _overlap(cnf)
    _tables(cnf)
    _precedence(cnf, domains)
    _session_limit(cnf, domains)
    for participant in problem.participants:
        gaps = _gaps(cnf, participant.id)
        cnf.counts[participant.id] = _unary(cnf, gaps, both=True)
    for pid, bound in lower.items():
        if bound > 0:
            count = cnf.counts[pid]
            cnf.clauses.append([count[bound - 1]] if bound <= len(count) else [])
    _fairness(cnf)
    _windows(cnf)
    cnf.total = _sum(cnf, [c[:cap] for c in cnf.counts.values() if c], cap)
    return cnf


def _overlap(cnf: Cnf) -> None:
    problem = cnf.problem
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    for pid, mine in problem.meetings_of().items():
        participant = problem.participant(pid)
        for t in range(len(problem.slots)):
            lits = [cnf.x[index[m.id], t] for m in mine if (index[m.id], t) in cnf.x]
            if not lits:
                continue
            busy = cnf.busy[pid, t] = cnf.new()
            cnf.clauses.append([-busy, *lits])
            cnf.clauses.extend([-v, busy] for v in lits)
            cnf.at_most(lits, participant.capacity_at(t))


def _tables(cnf: Cnf) -> None:
    for lits, most in table_limits(cnf.problem, cnf.x):
        cnf.at_most(lits, most)


def _precedence(cnf: Cnf, domains: list[list[int]]) -> None:
    index = {m.id: i for i, m in enumerate(cnf.problem.meetings)}
    for i, meeting in enumerate(cnf.problem.meetings):
        for before in meeting.after:
            j = index.get(before)
            if j is None:
                continue
            for t in domains[i]:
                cnf.clauses.extend([-cnf.x[i, t], -cnf.x[j, u]] for u in domains[j] if u >= t)


def _session_limit(cnf: Cnf, domains: list[list[int]]) -> None:
    problem = cnf.problem
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    for pid, mine in problem.meetings_of().items():
        limit = problem.session_limit(pid)
        if limit is None:
            continue
        per_session: dict[str, list[int]] = {}
        for meeting in mine:
            i = index[meeting.id]
            for t in domains[i]:
                per_session.setdefault(problem.slots[t].session, []).append(cnf.x[i, t])
        for lits in per_session.values():
            cnf.at_most(lits, limit)


def _gaps(cnf: Cnf, pid: str) -> list[int]:
    """The break-start literals of ``pid``, exact in both directions (as the CP-SAT model)."""
    if len(cnf.problem.meetings_of()[pid]) < 2:
        return []
    clauses = cnf.clauses
    gaps: list[int] = []
    for block in blocks(cnf.problem):
        busy = [cnf.busy.get((pid, t)) for t in block]
        if sum(b is not None for b in busy) < 2:
            continue
        later: list[int | None] = [None] * (len(block) + 1)
        for j in range(len(block) - 1, -1, -1):
            here, after = busy[j], later[j + 1]
            if here is None or after is None:
                later[j] = after if here is None else here
                continue
            var = later[j] = cnf.new()
            clauses += [[-var, here, after], [-here, var], [-after, var]]
        for j in range(1, len(block) - 1):
            before, here, after = busy[j - 1], busy[j], later[j + 1]
            if before is None or after is None:
                continue
            gap = cnf.new()
            clause = [-before, -after, gap]
            if here is not None:
                clause.append(here)
                clauses.append([-gap, -here])
            clauses += [clause, [-gap, before], [-gap, after]]
            gaps.append(gap)
    return gaps


def _unary(cnf: Cnf, lits: list[int], both: bool, cap: int | None = None) -> list[int]:
    """A totalizer over ``lits``: ``out[j]`` is implied by ``Σ lits ≥ j + 1`` (and implies
    it when ``both``), at most ``cap`` outputs."""
    cap = len(lits) if cap is None else cap
    if not lits or cap <= 0:
        return []
    if len(lits) == 1:
        return [lits[0]]
    half = len(lits) // 2
    left = _unary(cnf, lits[:half], both, cap)
    right = _unary(cnf, lits[half:], both, cap)
    return _merge(cnf, left, right, both, cap)


def _merge(cnf: Cnf, a: list[int], b: list[int], both: bool, cap: int) -> list[int]:
    """Totalizer node: ``out[j] ⇐ a ≥ i ∧ b ≥ j + 1 − i`` (and ``⇒`` when ``both``)."""
    n = min(len(a) + len(b), cap)
    out = [cnf.new() for _ in range(n)]
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if i + j >= 1:
                up = [out[min(i + j, n) - 1]]
                up += [-a[i - 1]] if i else []
                up += [-b[j - 1]] if j else []
                cnf.clauses.append(up)
            if both and i + j < n:
                down = [-out[i + j]]
                down += [a[i]] if i < len(a) else []
                down += [b[j]] if j < len(b) else []
                cnf.clauses.append(down)
    return out


def _sum(cnf: Cnf, parts: list[list[int]], cap: int) -> list[int]:
    """Totalizer over unary counts (upward only): outputs up to ``cap``."""
    if not parts:
        return []
    while len(parts) > 1:
        merged = [
            _merge(cnf, parts[n], parts[n + 1], False, cap) for n in range(0, len(parts) - 1, 2)
        ]
        parts = merged + ([parts[-1]] if len(parts) % 2 else [])
    return parts[0][:cap]


def _fairness(cnf: Cnf) -> None:
    d = cnf.problem.max_break_spread
    counts = cnf.counts
    if d is None or not counts:
        return
    if any(not c for c in counts.values()):
        # Someone surely has no break: the spread is simply everyone's breaks.
        cnf.clauses.extend([-c[d]] for c in counts.values() if len(c) > d)
        return
    top = max(len(c) for c in counts.values())
    high = [cnf.new() for _ in range(top)]  # high[v - 1]: somebody has at least v breaks
    for count in counts.values():
        cnf.clauses.extend([-o, high[v]] for v, o in enumerate(count))
    for v in range(d + 1, top + 1):
        for count in counts.values():
            need = v - d  # everyone has at least v - d
            cnf.clauses.append(
                [-high[v - 1], count[need - 1]] if need <= len(count) else [-high[v - 1]]
            )


def _windows(cnf: Cnf) -> None:
    """Start windows (``window ∨ has_break`` exactly one) and partners' overlapping ones,
    for participants of capacity one whose meetings all fall in one block."""
    problem = cnf.problem
    clauses = cnf.clauses
    if len(blocks(problem)) != 1:
        return
    block = blocks(problem)[0]
    starts: dict[str, tuple[int, dict[int, int], int]] = {}
    for pid, mine in problem.meetings_of().items():
        k, count = len(mine), cnf.counts[pid]
        if k < 2 or problem.participant(pid).capacity != 1 or not count:
            continue
        gappy = count[0]
        busy = {t: cnf.busy[pid, t] for t in block if (pid, t) in cnf.busy}
        window: dict[int, int] = {}
        for s in range(block[0], block[-1] - k + 2):
            if all(t in busy for t in range(s, s + k)):
                lit = window[s] = cnf.new()
                clauses.extend([-lit, busy[t]] for t in range(s, s + k))
                clauses.extend([-lit, -busy[t]] for t in (s - 1, s + k) if t in busy)
        options = [*window.values(), gappy]
        clauses.append(options)
        cnf.at_most(options, 1)
        for t, here in busy.items():
            clauses.append([-here, gappy, *(v for s, v in window.items() if s <= t < s + k)])
        starts[pid] = (k, window, gappy)
    for meeting in problem.meetings:
        one, two = meeting.parties
        if one not in starts or two not in starts:
            continue
        for p, q in ((one, two), (two, one)):
            kp, window_p, _ = starts[p]
            kq, window_q, gappy_q = starts[q]
            for s, lit in window_p.items():
                meet = [v for u, v in window_q.items() if u <= s + kp - 1 and s <= u + kq - 1]
                clauses.append([-lit, gappy_q, *meet])
