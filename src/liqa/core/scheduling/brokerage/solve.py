"""Solve a brokerage problem with CP-SAT (or the greedy baseline) and report the proof."""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.build import build_model
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.greedy import greedy, greedy_slots
from liqa.core.scheduling.brokerage.problem import Problem, Result, Settings, Status, Timetable
from liqa.core.scheduling.brokerage.results import make_result

_STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
    cp_model.MODEL_INVALID: Status.UNKNOWN,
    cp_model.UNKNOWN: Status.UNKNOWN,
}


class _FirstSolution(cp_model.CpSolverSolutionCallback):
    """Remembers when the first solution arrived."""

    def __init__(self, began: float) -> None:
        super().__init__()
        self.began = began
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = time.perf_counter() - self.began


def solve(
    problem: Problem, settings: Settings | None = None, previous: Timetable | None = None
) -> Result:
    """Schedule ``problem``: optimal with CP-SAT when time allows, else the best found.

    ``settings.method == "greedy"`` runs the baseline instead. With ``previous`` (re-planning),
    meetings keep their slot and table whenever that costs no scheduled priority.
    """
    settings = settings or Settings()
    if settings.method == "greedy":
        return greedy(problem)
    began = time.perf_counter()
    ctx = build_model(problem, previous)
    if settings.warm_start:
        _hint(ctx, problem, previous)
    if settings.dump_model:
        ctx.model.export_to_file(settings.dump_model)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(
        0.01, settings.time_limit - (time.perf_counter() - began)
    )
    solver.parameters.num_workers = settings.workers
    solver.parameters.random_seed = settings.seed
    solver.parameters.log_search_progress = settings.log
    callback = _FirstSolution(began)
    code = solver.solve(ctx.model, callback)
    seconds = time.perf_counter() - began
    status = _STATUS.get(code, Status.UNKNOWN)
    if status not in (Status.OPTIMAL, Status.FEASIBLE):
        return Result(Timetable(()), status, seconds=seconds, method="cpsat")
    slots = {
        problem.meetings[i].id: t for (i, t), lit in ctx.x.items() if solver.boolean_value(lit)
    }
    plain = problem.require_all and previous is None
    bound = round(solver.best_objective_bound) if plain else None
    result = make_result(
        problem,
        slots,
        status,
        method="cpsat",
        seconds=seconds,
        seconds_to_first=callback.first,
        bound=bound,
        previous=previous,
    )
    if not plain:
        terms = dict(result.objective)
        terms["weighted"] = round(solver.objective_value)
        gap = solver.objective_value - solver.best_objective_bound
        return Result(
            result.timetable,
            status,
            terms,
            solver.best_objective_bound,
            gap,
            result.seconds_to_first,
            seconds,
            result.unplaced,
            "cpsat",
        )
    return result


def _hint(ctx: ModelContext, problem: Problem, previous: Timetable | None) -> None:
    """Warm start: the previous timetable where it still fits, else the greedy one."""
    slots = greedy_slots(problem)
    if previous is not None:
        slots = {p.meeting: p.slot for p in previous.placements}
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    for (i, t), lit in ctx.x.items():
        ctx.model.add_hint(lit, slots.get(problem.meetings[i].id) == t)
    del index
