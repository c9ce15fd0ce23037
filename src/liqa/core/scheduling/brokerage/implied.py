"""Implied constraints that make the CP-SAT model fast; none changes the set of solutions.

When every meeting must be placed, a participant has no break in a block exactly when
their busy slots there are one window of consecutive slots (k slots, when all k of their
meetings must fall in that block). Posting that window as one-hot literals turns "no
break" into strong unit propagation, which the plain busy/idle literals lack. Each
participant also gets their own lower bound on breaks, found on their meetings alone
(:mod:`.bounds`).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.constraints.breaks import blocks
from liqa.core.scheduling.brokerage.context import ModelContext, Windows


def spans_apply(ctx: ModelContext) -> bool:
    """True when the window reasoning is valid: every meeting must be placed."""
    return ctx.problem.require_all


def post_starts(ctx: ModelContext) -> None:
    """Per participant and block: no meeting there, a break there (``has_break``), or
    exactly one window of consecutive slots that is exactly their busy slots there.

    ``busy[p, t] ⇒ has_break[p, b] ∨ ⋁ window[p, s, len] ∋ t``; a window implies busy
    inside and idle just outside. With no break, unit propagation alone confines the
    participant to one window, which the break literals cannot do. When all of a
    participant's meetings must fall in one block, only windows of their meeting count
    exist; likewise in a block when the meetings that may fall there all must (their
    sessions, fixed slots or availability confine them to it), as in the split question
    of :mod:`.split`.
    """
    if not spans_apply(ctx):
        return
    problem = ctx.problem
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    for pid, mine in problem.meetings_of().items():
        k = len(mine)
        if k < 2 or problem.participant(pid).capacity != 1:
            continue
        homes = [{problem.slots[t].block for t in ctx.domains[index[m.id]]} for m in mine]
        for block in blocks(problem):
            gaps = ctx.gaps.get((pid, block[0]), [])
            busy = {t: ctx.busy[pid, t] for t in block if (pid, t) in ctx.busy}
            if len(busy) < 2 or not gaps:
                continue
            name = problem.slots[block[0]].block
            may = sum(name in home for home in homes)
            must = sum(home == {name} for home in homes)
            # Every meeting that may fall in this block must: its windows have one length.
            lengths = [must] if may == must else list(range(1, min(k, len(block)) + 1))
            _windows(ctx, pid, block, busy, lengths, gaps)


def _windows(
    ctx: ModelContext,
    pid: str,
    block: list[int],
    busy: dict[int, cp_model.IntVar],
    lengths: list[int],
    gaps: list[cp_model.IntVar],
) -> None:
    """Post the windows of ``pid`` in ``block``; with a single length, keep them in
    ``ctx.windows`` for :func:`link_windows`."""
    model = ctx.model
    gappy = model.new_bool_var(f"has_break[{pid},{block[0]}]")
    model.add_bool_or(gaps).only_enforce_if(gappy)
    for gap in gaps:
        model.add_implication(gap, gappy)
    windows: dict[tuple[int, int], cp_model.IntVar] = {}
    for length in lengths:
        for s in range(block[0], block[-1] - length + 2):
            if all(t in busy for t in range(s, s + length)):
                lit = model.new_bool_var(f"window[{pid},{s},{length}]")
                windows[s, length] = lit
                for t in range(s, s + length):
                    model.add_implication(lit, busy[t])
                for t in (s - 1, s + length):
                    if t in busy:
                        model.add_implication(lit, busy[t].Not())
    empty = model.new_bool_var(f"idle_block[{pid},{block[0]}]")
    for lit in busy.values():
        model.add_implication(empty, lit.Not())
    model.add_exactly_one([*windows.values(), gappy, empty])
    for t, here in busy.items():
        covering = [lit for (s, n), lit in windows.items() if s <= t < s + n]
        model.add_bool_or([*covering, gappy]).only_enforce_if(here)
    if len(lengths) == 1 and windows:
        starts = {s: lit for (s, _), lit in windows.items()}
        ctx.windows[pid, block[0]] = Windows(lengths[0], starts, gappy, busy)


def link_windows(ctx: ModelContext, model: cp_model.CpModel) -> None:
    """Windows as integer intervals in ``model`` (``ctx.model`` or a clone of it), so
    bounds reasoning sees what the literals cannot.

    Per participant and block with windows of one length k: a start s, set by the window
    literal, with busy[p, t] ⇒ s ≤ t ≤ s + k − 1 while there is no break. Two partners
    without a break have overlapping windows (their meeting lies in both), and per slot at
    most tables × (most attendees of a meeting) windows cover it (a cumulative over
    optional intervals, present when there is no break). Posted for the zero-break
    question only (measured, CP-SAT 9.15, one worker, deterministic time, seeds 0 / 1):
    ticf-13crafa.original 10.6 → 1.0 / 2.1; forum-13.original 0.2 / 0.3 → 0.7 / 0.4;
    but forumt-14crafe.original at 5 breaks 0.4 / 0.5 / 0.4 → 4.7 / 1.8 / 1.3 (seeds 0-2).
    """
    problem = ctx.problem
    span: dict[tuple[str, int], tuple[cp_model.IntVar, int, cp_model.IntVar]] = {}
    for (pid, first), w in ctx.windows.items():
        gappy = model.get_bool_var_from_proto_index(w.gappy.index)
        free = gappy.Not()
        start = model.new_int_var(min(w.starts), max(w.starts), f"start[{pid},{first}]")
        for at, lit in w.starts.items():
            window = model.get_bool_var_from_proto_index(lit.index)
            model.add(start == at).only_enforce_if(window)
        for t, here in w.busy.items():
            busy = model.get_bool_var_from_proto_index(here.index)
            model.add(start <= t).only_enforce_if([busy, free])
            model.add(start >= t - w.length + 1).only_enforce_if([busy, free])
        span[pid, first] = (start, w.length, gappy)
    for i, meeting in enumerate(problem.meetings):
        for block in blocks(problem):
            if not set(ctx.domains[i]) <= set(block):
                continue  # the meeting may be elsewhere: its parties' windows need not meet
            one = span.get((meeting.parties[0], block[0]))
            two = span.get((meeting.parties[1], block[0]))
            if one is None or two is None:
                continue
            (s1, k1, g1), (s2, k2, g2) = one, two
            both = [g1.Not(), g2.Not()]
            model.add(s2 <= s1 + k1 - 1).only_enforce_if(both)
            model.add(s1 <= s2 + k2 - 1).only_enforce_if(both)
    seats = problem.tables * max((len(m.people) for m in problem.meetings), default=2)
    for block in blocks(problem):
        inside = [(pid, v) for (pid, first), v in span.items() if first == block[0]]
        if len(inside) <= seats:
            continue
        intervals = [
            model.new_optional_fixed_size_interval_var(v[0], v[1], v[2].Not(), f"window[{pid}]")
            for pid, v in inside
        ]
        model.add_cumulative(intervals, [1] * len(intervals), seats)


def post_lower_bounds(ctx: ModelContext, lower: dict[str, int]) -> None:
    """``breaks[p] ≥ lower[p]`` for every participant (see :mod:`.bounds`)."""
    for pid, bound in lower.items():
        if bound > 0:
            ctx.model.add(ctx.breaks[pid] >= bound).with_name(f"lower_bound[{pid}]")
