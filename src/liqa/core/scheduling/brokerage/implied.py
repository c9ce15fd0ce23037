"""Implied constraints that make the CP-SAT model fast; none changes the set of solutions.

When every meeting must be placed and breaks run over one block, a participant with k
meetings has no break exactly when their busy slots are one window of k consecutive
slots. Posting that window as one-hot start literals turns "no break" into strong unit
propagation, which the plain busy/idle literals lack. Each participant also gets their
own lower bound on breaks, found on their meetings alone (:mod:`.bounds`).
"""

from __future__ import annotations

from liqa.core.scheduling.brokerage.context import ModelContext


def spans_apply(ctx: ModelContext) -> bool:
    """True when the span reasoning is valid: all meetings placed and one block of slots."""
    problem = ctx.problem
    return problem.require_all and len({s.block for s in problem.slots}) == 1


def post_starts(ctx: ModelContext) -> None:
    """Per participant with k ≥ 2 meetings: either ``has_break[p]``, or exactly one start
    literal ``start[p, s]`` whose window s..s+k-1 is exactly their busy slots.

    ``busy[p, t] ⇒ has_break[p] ∨ ⋁ start[p, s] for s in t-k+1..t`` and
    ``start[p, s] ⇒ busy[p, t]`` for t in the window: with no break, unit propagation
    alone confines the participant to one window, which the break literals cannot do.
    """
    if not spans_apply(ctx):
        return
    problem, model = ctx.problem, ctx.model
    n = len(problem.slots)
    for pid, mine in problem.meetings_of().items():
        k = len(mine)
        count = ctx.breaks[pid]
        if k < 2 or problem.participant(pid).capacity != 1 or isinstance(count, int):
            continue
        gappy = model.new_bool_var(f"has_break[{pid}]")
        model.add(count >= 1).only_enforce_if(gappy)
        model.add(count == 0).only_enforce_if(gappy.Not())
        busy = [ctx.busy.get((pid, t)) for t in range(n)]
        starts = {}
        for s in range(n - k + 1):
            if all(busy[t] is not None for t in range(s, s + k)):
                starts[s] = model.new_bool_var(f"start[{pid},{s}]")
        model.add_exactly_one([*starts.values(), gappy])
        for s, lit in starts.items():
            for t in range(s, s + k):
                model.add_implication(lit, busy[t])  # type: ignore[arg-type]
        for t, here in enumerate(busy):
            if here is None:
                continue
            window = [starts[s] for s in range(t - k + 1, t + 1) if s in starts]
            model.add_bool_or([*window, gappy]).only_enforce_if(here)


def post_lower_bounds(ctx: ModelContext, lower: dict[str, int]) -> None:
    """``breaks[p] ≥ lower[p]`` for every participant (see :mod:`.bounds`)."""
    for pid, bound in lower.items():
        if bound > 0:
            ctx.model.add(ctx.breaks[pid] >= bound).with_name(f"lower_bound[{pid}]")
