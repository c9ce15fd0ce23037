"""Solve a brokerage problem with CP-SAT (or the greedy baseline) and report the proof.

Two strategies, chosen by the problem's shape:

* **target search** (every meeting required, breaks counted over one block, no previous
  timetable — the benchmark's setting): start from the sum of the participants' own lower
  bounds T and ask CP-SAT, as a pure satisfiability question, for a timetable with at most
  T breaks. "Impossible" proves T + 1 is a lower bound; the first T that is possible is the
  optimum. This is how MaxSAT solvers prove optima (UNSAT-SAT linear search), and each
  question is easy for CP-SAT's clause learning once the start-window literals are posted.
* **weighted optimisation** otherwise (optional meetings, several blocks, re-planning):
  one CP-SAT run on the weighted objective, warm-started from a complete hint (greedy or
  the previous timetable). When greedy places every meeting, the best scheduled priority
  places them all, so the run is made on the all-required problem with the window
  literals and per-participant bounds.
"""

from __future__ import annotations

import dataclasses
import time

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.bounds import participant_lower_bounds
from liqa.core.scheduling.brokerage.build import build_model
from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.greedy import greedy, greedy_slots
from liqa.core.scheduling.brokerage.implied import spans_apply
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.problem import (
    Placement,
    Problem,
    Result,
    Settings,
    Status,
    Timetable,
)
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
    single_block = len({s.block for s in problem.slots}) == 1
    if problem.require_all and previous is None and single_block:
        return _target_search(problem, settings, began)
    if problem.require_all and previous is None:
        return _optimise(problem, settings, None, began, participant_lower_bounds(problem))
    if previous is None and not greedy(problem).unplaced:
        # Every meeting fits, so the best scheduled priority places them all: the
        # lexicographic optimum is the fewest breaks with every meeting placed.
        whole = dataclasses.replace(problem, require_all=True)
        result = _optimise(whole, settings, None, began, participant_lower_bounds(whole))
        if result.status != Status.INFEASIBLE:
            return result
    return _optimise(problem, settings, previous, began)


def _solver(settings: Settings, deadline: float, sat_style: bool) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    left = deadline - time.perf_counter()
    solver.parameters.max_time_in_seconds = max(0.01, left)
    solver.parameters.num_workers = settings.workers
    solver.parameters.random_seed = settings.seed
    solver.parameters.log_search_progress = settings.log
    if sat_style:
        # One clause-learning worker without the LP relaxation and without probing in
        # presolve wins on these satisfiability questions (measured on forum-13/14 and
        # forumt-14: 2-5x less CPU than the 2-worker no_lp/quick_restart_no_lp pair).
        solver.parameters.num_workers = 1
        solver.parameters.linearization_level = 0
        solver.parameters.cp_model_probing_level = 0
    return solver


def _slots(problem: Problem, ctx: ModelContext, solver: cp_model.CpSolver) -> dict[str, int]:
    return {problem.meetings[i].id: t for (i, t), lit in ctx.x.items() if solver.boolean_value(lit)}


def _target_search(problem: Problem, settings: Settings, began: float) -> Result:
    lower = participant_lower_bounds(problem)
    ctx = build_model(problem, lower=lower)
    assert spans_apply(ctx)
    ctx.model.clear_objective()  # type: ignore[no-untyped-call]  # untyped in OR-Tools
    total = ctx.model.new_int_var(0, sum(ctx.breaks_ub.values()), "breaks_total")
    ctx.model.add(total == sum(ctx.breaks.values()))
    if settings.dump_model:
        ctx.model.export_to_file(settings.dump_model)
    end = began + settings.time_limit
    baseline = greedy_slots(problem)
    rough = Timetable(tuple(Placement(m, t) for m, t in baseline.items()))
    # The best valid timetable known so far (greedy, when it is valid).
    incumbent: dict[str, int] | None = None if check_schedule(problem, rough) else baseline
    incumbent_breaks = total_breaks(problem, rough)
    # Without a valid timetable, keep a fifth of the time to find any valid one.
    reserve = 0.2 * settings.time_limit
    target = sum(lower.values())
    refuted_once = False
    while True:
        if incumbent is not None and incumbent_breaks <= target:
            return _finish(problem, incumbent, Status.OPTIMAL, target, began, None)
        model = ctx.model.clone()
        model.add(model.get_int_var_from_proto_index(total.index) <= target)
        deadline = end - (reserve if incumbent is None else 0.0)
        code = _presolve_refutes(model, settings, deadline)
        if code != cp_model.INFEASIBLE:
            solver = _solver(settings, deadline, sat_style=True)
            code = solver.solve(model)
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            slots = _solution(problem, ctx, model, solver)
            seconds = time.perf_counter() - began
            return _finish(problem, slots, Status.OPTIMAL, target, began, seconds)
        if code != cp_model.INFEASIBLE:
            break
        if not refuted_once:
            refuted_once = True
            found, valid = _any_timetable(ctx, settings, deadline)
            if found == cp_model.INFEASIBLE:
                return Result(
                    Timetable(()),
                    Status.INFEASIBLE,
                    bound=None,
                    seconds=time.perf_counter() - began,
                    method="cpsat",
                )
            if valid is not None and incumbent is None:
                incumbent = valid
                incumbent_breaks = total_breaks(
                    problem, Timetable(tuple(Placement(m, t) for m, t in valid.items()))
                )
        target += 1
    if incumbent is None:
        incumbent = _any_timetable(ctx, settings, end)[1]
    if incumbent is not None:
        return _finish(problem, incumbent, Status.FEASIBLE, target, began, None)
    return _finish(problem, baseline, Status.UNKNOWN, target, began, None)


def _solution(
    problem: Problem, ctx: ModelContext, model: cp_model.CpModel, solver: cp_model.CpSolver
) -> dict[str, int]:
    return {
        problem.meetings[i].id: t
        for (i, t), lit in ctx.x.items()
        if solver.boolean_value(model.get_bool_var_from_proto_index(lit.index))
    }


def _any_timetable(
    ctx: ModelContext, settings: Settings, deadline: float
) -> tuple[cp_model.CpSolverStatus, dict[str, int] | None]:
    """Any timetable that keeps the hard rules, whatever its breaks (INFEASIBLE: proven none)."""
    solver = _solver(settings, deadline, sat_style=True)
    code = solver.solve(ctx.model)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return code, _solution(ctx.problem, ctx, ctx.model, solver)
    return code, None


def _presolve_refutes(
    model: cp_model.CpModel, settings: Settings, deadline: float
) -> cp_model.CpSolverStatus:
    """Presolve alone with probing: it often proves "no timetable with that few breaks"
    at once (forum-13crafc: 0.2 s), where search without probing needs a minute."""
    solver = _solver(settings, deadline, sat_style=True)
    solver.parameters.cp_model_probing_level = 2
    solver.parameters.stop_after_presolve = True
    return solver.solve(model)


def _finish(
    problem: Problem,
    slots: dict[str, int],
    status: Status,
    bound: int,
    began: float,
    first: float | None,
) -> Result:
    seconds = time.perf_counter() - began
    return make_result(
        problem,
        slots,
        status,
        method="cpsat",
        seconds=seconds,
        seconds_to_first=first,
        bound=bound,
    )


def _optimise(
    problem: Problem,
    settings: Settings,
    previous: Timetable | None,
    began: float,
    lower: dict[str, int] | None = None,
) -> Result:
    ctx = build_model(problem, previous, lower)
    if settings.warm_start:
        _hint(ctx, problem, previous)
    if settings.dump_model:
        ctx.model.export_to_file(settings.dump_model)
    solver = _solver(settings, began + settings.time_limit, sat_style=False)
    callback = _FirstSolution(began)
    code = solver.solve(ctx.model, callback)
    seconds = time.perf_counter() - began
    status = _STATUS.get(code, Status.UNKNOWN)
    if status == Status.INFEASIBLE or (status == Status.UNKNOWN and previous is not None):
        return Result(Timetable(()), status, seconds=seconds, method="cpsat")
    if status == Status.UNKNOWN:
        # No solution within the time limit: report the greedy timetable, never nothing.
        base = greedy(problem)
        return dataclasses.replace(base, seconds=seconds, method="cpsat")
    slots = _slots(problem, ctx, solver)
    plain = problem.require_all and previous is None
    result = make_result(
        problem,
        slots,
        status,
        method="cpsat",
        seconds=seconds,
        seconds_to_first=callback.first,
        bound=round(solver.best_objective_bound) if plain else None,
        previous=previous,
    )
    if plain:
        return result
    terms = dict(result.objective)
    terms["weighted"] = round(solver.objective_value)
    return Result(
        result.timetable,
        status,
        terms,
        solver.best_objective_bound,
        solver.objective_value - solver.best_objective_bound,
        result.seconds_to_first,
        seconds,
        result.unplaced,
        "cpsat",
    )


def _hint(ctx: ModelContext, problem: Problem, previous: Timetable | None) -> None:
    """Warm start: the previous timetable where it still fits, else the greedy one.

    The hint is completed to every variable of the model by solving it with the meeting
    literals fixed (pure propagation); CP-SAT then starts from a full solution instead of
    trying to repair a partial one, which it often gave up on in measurements.
    """
    if previous is not None:
        slots = {p.meeting: p.slot for p in previous.placements}
    else:
        slots = greedy_slots(problem)
    values = {key: slots.get(problem.meetings[key[0]].id) == key[1] for key in ctx.x}
    fixed = ctx.model.clone()
    for (i, t), lit in ctx.x.items():
        var = fixed.get_bool_var_from_proto_index(lit.index)
        fixed.add(var == int(values[i, t]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 5.0
    if solver.solve(fixed) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        proto = ctx.model.proto
        for index in range(len(proto.variables)):
            var = ctx.model.get_int_var_from_proto_index(index)
            ctx.model.add_hint(var, solver.value(fixed.get_int_var_from_proto_index(index)))
        return
    for (i, t), lit in ctx.x.items():
        ctx.model.add_hint(lit, values[i, t])
