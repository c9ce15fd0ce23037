"""Live progress plumbing for the CP-SAT runs: solutions, objective terms, heartbeats."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.build import kept_literals
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.problem import Timetable
from liqa.core.scheduling.progress import Best, Reporter, watch


class Solutions(cp_model.CpSolverSolutionCallback):
    """Remembers when the first solution arrived; passes each one on to ``best``."""

    def __init__(
        self,
        began: float,
        best: Best,
        terms: dict[str, cp_model.LinearExprT] | None = None,
        known: float | None = None,
    ) -> None:
        super().__init__()
        self.began = began
        self.best = best
        self.terms = terms or {}
        self.first: float | None = None
        self.known = known
        """The objective already reported (e.g. by annealing): only better ones are passed on."""

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = time.perf_counter() - self.began
        self.best.bound_to(self.best_objective_bound)
        if self.known is not None and self.objective_value >= self.known:
            return
        self.known = self.objective_value
        self.best.improve(
            self.objective_value, {name: self.value(e) for name, e in self.terms.items()}
        )


def run_solver(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    reporter: Reporter,
    best: Best,
    phase: str,
    callback: Solutions | None = None,
) -> cp_model.CpSolverStatus:
    """``solver.solve(model, callback)`` with live reports; the listener may stop it."""
    return watch(partial(solver.solve, model, callback), reporter, best, solver.stop_search, phase)


def quietly[T](work: Callable[[], T], reporter: Reporter) -> T:
    """Run a step that cannot be interrupted, reporting progress (a heartbeat) meanwhile."""
    return watch(work, reporter, Best(), _cannot_stop, "building")


def _cannot_stop() -> None:
    """Building a model cannot be interrupted: a stop request applies once it is built."""


def term_exprs(ctx: ModelContext, previous: Timetable | None) -> dict[str, cp_model.LinearExprT]:
    """The named objective terms as model expressions, to report each live solution's."""
    problem = ctx.problem
    terms: dict[str, cp_model.LinearExprT] = {}
    if not problem.require_all:
        terms["scheduled_priority"] = cp_model.LinearExpr.weighted_sum(
            ctx.placed, [m.priority for m in problem.meetings]
        )
    if previous is not None:
        kept = kept_literals(ctx, previous)
        terms["changes"] = len(kept) - cp_model.LinearExpr.sum(kept)
    terms["breaks"] = cp_model.LinearExpr.sum(list(ctx.breaks.values()))
    return terms
