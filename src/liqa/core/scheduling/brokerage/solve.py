"""Solve a brokerage problem with CP-SAT (or the greedy baseline) and report the proof.

Two strategies, chosen by the problem's shape:

* **target search** (every meeting required, breaks counted over one block, no previous
  timetable — the benchmark's setting): start from the sum of the participants' own lower
  bounds T and ask CP-SAT, as a pure satisfiability question, for a timetable with at most
  T breaks. "Impossible" proves T + 1 is a lower bound; the first T that is possible is the
  optimum. This is how MaxSAT solvers prove optima (UNSAT-SAT linear search), and each
  question is easy for CP-SAT's clause learning once the start-window literals are posted.
  A SAT solver (:mod:`.sat_target`) asks the same questions on the other core; whichever
  answers first settles the target for both.
* **weighted optimisation** otherwise (optional meetings, several blocks, re-planning):
  one CP-SAT run on the weighted objective, warm-started from a complete hint (greedy or
  the previous timetable). When greedy places every meeting, the best scheduled priority
  places them all, so the run is made on the all-required problem with the window
  literals and per-participant bounds.
"""

from __future__ import annotations

import dataclasses
import time
from functools import partial
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.bounds import overloaded, participant_lower_bounds
from liqa.core.scheduling.brokerage.build import build_model
from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.constraints.breaks import blocks
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.greedy import greedy, greedy_slots
from liqa.core.scheduling.brokerage.implied import link_windows, spans_apply
from liqa.core.scheduling.brokerage.live import Solutions, quietly, run_solver, term_exprs
from liqa.core.scheduling.brokerage.lns import large_enough, solve_large
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.primal import Primal, anneal_fair
from liqa.core.scheduling.brokerage.problem import (
    Placement,
    Problem,
    Result,
    Settings,
    Status,
    Timetable,
)
from liqa.core.scheduling.brokerage.release import answered, relaxed, releasable
from liqa.core.scheduling.brokerage.repair import proven_best, repair, weighted
from liqa.core.scheduling.brokerage.results import make_result
from liqa.core.scheduling.brokerage.split import balanced_split, solve_split
from liqa.core.scheduling.progress import Best, Reporter, relative_gap

if TYPE_CHECKING:
    from liqa.core.scheduling.brokerage.sat_target import SatTarget

ANNEAL_SHARE = 0.6
"""Share of the time limit for fair annealing before CP-SAT when every meeting is
required and no previous timetable is kept (the demo event's path)..."""
ANNEAL_PER_MEETING = 0.01
"""... but at most this many seconds per meeting: a small event whose optimum is above
the participants' own bounds is proven by CP-SAT in a fraction of a second, and must not
wait for the annealing first (the demo event, 410 meetings: 4.1 s)."""

SPLIT_SHARE = 0.8
"""Share of the time limit for the split question (several blocks, every meeting
required: each block solved apart once every meeting has its block, see :mod:`.split`),
the only one that proves the demo event optimal."""

BALANCE_SHARE = 0.05
"""This share of the time limit to even out greedy's split over the blocks
(:func:`.split.balanced_split`; the demo event: 0.3-0.5 s with the participants' bounds
it computes first), but at least ``BALANCE_FLOOR`` seconds ..."""

BALANCE_FLOOR = 1.0
"""... and at most ``BALANCE_MOST`` of the limit: with 5 % of a 5 s limit (0.25 s) on a
slower machine (a 10^7-addition loop 1.63 s), the demo event's balanced split was not found
in time in any of seeds 0-15, and greedy's split, whose morning holds 233 of the 410
meetings, proved none of them optimal (0 of 16, 16-27 breaks, against 11 of 16 measured
on a faster machine). It returns as soon as it is found, so the floor costs nothing
where it is quick."""

BALANCE_MOST = 0.2

CPSAT_AFTER = 0.15
"""After annealing, the full CP-SAT model is built only with this share of the time limit
left: building it and completing its hint took 1-1.4 s of the demo event's 5 on the
loaded machine, so with less the run overshot its limit for nothing."""

PRIMAL_DELAY = 1.0
"""Seconds before the annealing thread starts beside the target search (at most a tenth
of the time limit): 10 of the 13 originals proven in the scratch run
(benchmarks/b2b/primal-heuristic-scratch.md) took 0.2-1.4 CPU s in all, and on a busy
machine such runs then keep all of it (forumt-14crafe.original, 20 s limit, loaded
machine: 7.8 s wall without the thread, 10.1 s with it from the start)."""

SAT_SHARE = 0.7
"""Share of the time limit the SAT engine of the target search runs for (if it has not
answered by then, the annealing gets the second core for the timetable reported)."""

_STATUS = {
    cp_model.OPTIMAL: Status.OPTIMAL,
    cp_model.FEASIBLE: Status.FEASIBLE,
    cp_model.INFEASIBLE: Status.INFEASIBLE,
    cp_model.MODEL_INVALID: Status.UNKNOWN,
    cp_model.UNKNOWN: Status.UNKNOWN,
}


def solve(
    problem: Problem,
    settings: Settings | None = None,
    previous: Timetable | None = None,
    *,
    keep: frozenset[str] | None = None,
    needed: frozenset[str] = frozenset(),
) -> Result:
    """Schedule ``problem``: optimal with CP-SAT when time allows, else the best found.

    ``settings.method == "greedy"`` runs the baseline instead (with ``previous``, the
    repaired previous timetable alone); large events (or ``"lns"``) use the large-instance
    search of :mod:`.lns`, a re-plan too (from the repaired previous timetable). With
    ``previous`` (re-planning), meetings keep their slot and table whenever that costs no
    scheduled priority. ``keep``: the meetings the caller kept in place
    (:func:`.replan.keep_in_place`), the only ones a search may release
    (:func:`.release.releasable`; by default none: a meeting ``required`` at a
    ``fixed_slot`` is the organizer's pin, of a fresh plan as of a re-plan); ``needed``:
    those of them the caller's problem requires, which the large search places again once
    released (:class:`.release.Releaser`). Whatever the path, a result that breaks the
    problem (its released meetings loosened) is never ``feasible`` or ``optimal``, and it
    is ``infeasible``, the pins in the way named, when pins leave a required meeting no
    slot (:func:`_checked`).
    """
    settings = settings or Settings()
    began = time.perf_counter()
    reporter = Reporter(settings.on_progress, began)
    if settings.method == "greedy":
        result = greedy(problem, previous, keep)
    else:
        reporter.offer("building")
        if large_enough(problem, settings):
            result = solve_large(problem, settings, began, reporter, previous, keep, needed)
        else:
            result = _solve(problem, settings, previous, began, reporter)
        if reporter.stopped:
            result = dataclasses.replace(result, stopped=True)
    result = _checked(problem, keep, result)
    _report_result(reporter, result)
    return result


def _checked(problem: Problem, keep: frozenset[str] | None, result: Result) -> Result:
    """``result``, ``unknown`` instead of ``feasible`` or ``optimal`` when its timetable
    breaks ``problem`` with the meetings it released loosened, or it released a meeting it
    could not (:func:`.release.releasable`): every path's last word (before, a plain
    re-plan by the large search released a pinned required meeting and said
    ``feasible``). The meetings left out keep their reasons, but for a required meeting
    that pins leave no slot: then the answer is ``infeasible`` with the pins in its way
    named (:func:`.release.answered`; before, CP-SAT's ``infeasible`` said nothing of
    why)."""
    allowed = releasable(problem, keep)
    if result.status == Status.INFEASIBLE and result.unplaced:
        return result  # explained by its path (greedy's, the large search's)
    if result.status in (Status.OPTIMAL, Status.FEASIBLE):
        released = {r.meeting for r in result.released}
        valid = not check_schedule(relaxed(problem, released), result.timetable)
        if released <= allowed and valid:
            return result
        result = dataclasses.replace(result, status=Status.UNKNOWN)
    return answered(problem, allowed, result)


def _report_result(reporter: Reporter, result: Result) -> None:
    """Every path's last report: the result's terms, objective (the weighted cost when it
    has one, else its breaks), bound and status, whatever the search reported before."""
    terms = dict(result.objective)
    objective = terms.get("weighted", terms.get("breaks"))
    reporter.finish(
        objective=objective,
        terms=terms,
        bound=result.bound,
        gap=relative_gap(objective, result.bound),
        status=str(result.status),
        bound_term=result.bound_term,
    )


def _solve(
    problem: Problem,
    settings: Settings,
    previous: Timetable | None,
    began: float,
    reporter: Reporter,
) -> Result:
    if problem.require_all and overloaded(problem):
        return _no_timetable(began)  # someone has more meetings than slots to hold them
    single_block = len({s.block for s in problem.slots}) == 1
    if problem.require_all and previous is None and single_block:
        return _target_search(problem, settings, began, reporter)
    if problem.require_all and previous is None:
        lower = participant_lower_bounds(problem)
        return _optimise(problem, settings, None, began, reporter, lower)
    if previous is not None:
        return _replan(problem, settings, previous, began, reporter)
    base = quietly(partial(greedy, problem), reporter)
    if base is not None and not base.unplaced:
        # Every meeting fits, so the best scheduled priority places them all: the
        # lexicographic optimum is the fewest breaks with every meeting placed.
        whole = dataclasses.replace(problem, require_all=True)
        lower = participant_lower_bounds(whole)
        placed = {p.meeting: p.slot for p in base.timetable.placements}
        result = _optimise(whole, settings, None, began, reporter, lower, placed)
        if result.status != Status.INFEASIBLE:
            return result
    return _optimise(problem, settings, previous, began, reporter)


def _solver(
    settings: Settings, deadline: float, sat_style: bool, reporter: Reporter
) -> cp_model.CpSolver:
    """A CP-SAT solver until ``deadline`` (no time left at all once asked to stop)."""
    solver = cp_model.CpSolver()
    left = 0.0 if reporter.stopped else deadline - time.perf_counter()
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


def _target_search(
    problem: Problem, settings: Settings, began: float, reporter: Reporter
) -> Result:
    lower = participant_lower_bounds(problem)
    ctx = quietly(partial(build_model, problem, lower=lower), reporter)
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
    target = sum(lower.values())
    # Fair annealing on the other core; it may meet the target before CP-SAT does. With
    # no valid timetable at all by the last fifth of the time, the exact question is
    # stopped so that one is looked for.
    fallback = None if incumbent is not None else end - 0.2 * settings.time_limit
    delay = min(PRIMAL_DELAY, 0.1 * settings.time_limit)
    best = Best(
        objective=None if incumbent is None else incumbent_breaks, bound=target, bound_term="breaks"
    )

    def better(breaks: int) -> None:
        # The annealing's and the SAT neighbourhood search's timetables, as they improve
        # (from their threads): reported with CP-SAT's questions' heartbeats.
        best.lower_to(breaks, {"breaks": breaks})

    primal = Primal(problem, baseline, settings.seed, end, fallback, delay, better)
    primal.target = target
    # Imported here: the SAT solvers' bindings take a tenth of a second to load, and only
    # the target search (every meeting required, one block) uses them.
    from liqa.core.scheduling.brokerage.sat_target import SatTarget

    until = began + SAT_SHARE * settings.time_limit
    sat = SatTarget(problem, lower, target, until, primal.fair, settings.seed, better)
    sat.start()
    primal.start()
    try:
        known = (incumbent, incumbent_breaks, baseline)
        engines = (primal, sat)
        return _linear_search(
            problem, ctx, total, settings, (began, reporter, best), target, known, engines
        )
    finally:
        sat.stop()
        primal.stop()


def _linear_search(
    problem: Problem,
    ctx: ModelContext,
    total: cp_model.IntVar,
    settings: Settings,
    live: tuple[float, Reporter, Best],
    target: int,
    known: tuple[dict[str, int] | None, int, dict[str, int]],
    engines: tuple[Primal, SatTarget],
) -> Result:
    """Targets from ``target`` up: refuted ones raise the bound, the first met is optimal.

    The SAT engine climbs the same targets: its refutations raise ``target`` here (the
    CP-SAT question it settles is stopped), its timetable at a target is optimal.
    ``live`` is the run's start, its reporter and the best timetable's breaks reported
    (which the engines lower as they improve theirs).
    """
    primal, sat = engines
    began, reporter, best = live
    end = began + settings.time_limit
    incumbent, incumbent_breaks, baseline = known
    refuted_once = False
    while not reporter.stopped:
        if sat.impossible:
            return _no_timetable(began)
        if sat.done() and sat.found is not None and sat.found_target is not None:
            return _finish(problem, sat.found, Status.OPTIMAL, sat.found_target, began, None)
        if sat.bound > target:
            target = sat.bound
            best.bound_to(target)
        primal.target = target
        if primal.reached() and primal.best is not None:
            return _finish(problem, primal.best, Status.OPTIMAL, target, began, None)
        if sat.improved is not None and sat.improved[1] <= target:
            return _finish(problem, sat.improved[0], Status.OPTIMAL, target, began, None)
        if incumbent is not None and incumbent_breaks <= target:
            return _finish(problem, incumbent, Status.OPTIMAL, target, began, None)
        model = ctx.model.clone()
        model.add(model.get_int_var_from_proto_index(total.index) <= target)
        code = _presolve_refutes(model, settings, end, reporter, best, engines, target)
        if code != cp_model.INFEASIBLE and (sat.done() or sat.bound > target or sat.impossible):
            code = cp_model.UNKNOWN  # settled by the SAT engine meanwhile
        elif code != cp_model.INFEASIBLE:
            if target == 0:
                # After the probing presolve, which they slow down (ticf-14crafa: 0.7
                # dtime, 17 s on the loaded machine, with them).
                link_windows(ctx, model)
            solver = _solver(settings, end, sat_style=True, reporter=reporter)
            primal.watch_exact(solver.stop_search)
            sat.watch_exact(target, solver.stop_search)
            try:
                code = run_solver(solver, model, reporter, best, "proving")
            finally:
                primal.watch_exact(None)
                sat.watch_exact(target, None)
        if primal.reached() and primal.best is not None:
            return _finish(problem, primal.best, Status.OPTIMAL, target, began, None)
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            slots = _solution(problem, ctx, model, solver)
            seconds = time.perf_counter() - began
            return _finish(problem, slots, Status.OPTIMAL, target, began, seconds)
        if code == cp_model.INFEASIBLE:
            sat.raise_to(target + 1)
        elif sat.done() or sat.impossible:
            continue  # the SAT engine's timetable (optimal) or verdict is returned above
        elif sat.bound <= target or time.perf_counter() >= end:
            break
        if not refuted_once and not sat.impossible:
            refuted_once = True
            found, valid = _any_timetable(ctx, settings, end, reporter, best, sat)
            if found == cp_model.INFEASIBLE:
                return _no_timetable(began)
            if valid is not None and primal.best is None:
                primal.offer_start(valid)
            if valid is not None and incumbent is None:
                incumbent = valid
                incumbent_breaks = total_breaks(
                    problem, Timetable(tuple(Placement(m, t) for m, t in valid.items()))
                )
                best.lower_to(incumbent_breaks, {"breaks": incumbent_breaks})
        target += 1
        best.bound_to(target)
    primal.stop()
    sat.stop()
    for other in (primal.fair(), sat.improved):  # the annealing's, the SAT search's
        if other is not None and (incumbent is None or other[1] < incumbent_breaks):
            incumbent, incumbent_breaks = other
    if incumbent is None:
        incumbent = _any_timetable(ctx, settings, end, reporter, best)[1]
    if incumbent is not None:
        return _finish(problem, incumbent, Status.FEASIBLE, target, began, None)
    return _finish(problem, baseline, Status.UNKNOWN, target, began, None)


def _no_timetable(began: float) -> Result:
    """Proven: no timetable places every meeting under the hard rules."""
    seconds = time.perf_counter() - began
    return Result(Timetable(()), Status.INFEASIBLE, bound=None, seconds=seconds, method="cpsat")


def _solution(
    problem: Problem, ctx: ModelContext, model: cp_model.CpModel, solver: cp_model.CpSolver
) -> dict[str, int]:
    return {
        problem.meetings[i].id: t
        for (i, t), lit in ctx.x.items()
        if solver.boolean_value(model.get_bool_var_from_proto_index(lit.index))
    }


def _any_timetable(
    ctx: ModelContext,
    settings: Settings,
    deadline: float,
    reporter: Reporter,
    best: Best,
    sat: SatTarget | None = None,
) -> tuple[cp_model.CpSolverStatus, dict[str, int] | None]:
    """Any timetable that keeps the hard rules, whatever its breaks (INFEASIBLE: proven
    none). With ``sat``, stopped when its slot-capacity relaxation proves there is none."""
    solver = _solver(settings, deadline, sat_style=True, reporter=reporter)
    if sat is not None:
        sat.watch_any(solver.stop_search)
    try:
        code = run_solver(solver, ctx.model, reporter, best, "proving")
    finally:
        if sat is not None:
            sat.watch_any(None)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return code, _solution(ctx.problem, ctx, ctx.model, solver)
    return code, None


def _presolve_refutes(
    model: cp_model.CpModel,
    settings: Settings,
    deadline: float,
    reporter: Reporter,
    best: Best,
    engines: tuple[Primal, SatTarget],
    target: int,
) -> cp_model.CpSolverStatus:
    """Presolve alone with probing: it often proves "no timetable with that few breaks"
    at once (forum-13crafc: 0.2 s), where search without probing needs a minute."""
    primal, sat = engines
    solver = _solver(settings, deadline, sat_style=True, reporter=reporter)
    solver.parameters.cp_model_probing_level = 2
    solver.parameters.stop_after_presolve = True
    primal.watch_exact(solver.stop_search)
    sat.watch_exact(target, solver.stop_search)
    try:
        return run_solver(solver, model, reporter, best, "proving")
    finally:
        primal.watch_exact(None)
        sat.watch_exact(target, None)


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
    reporter: Reporter,
    lower: dict[str, int] | None = None,
    greedy_start: dict[str, int] | None = None,
) -> Result:
    """One CP-SAT run on the weighted objective; with ``lower`` (every meeting required,
    nothing kept from a previous timetable) fair annealing from ``greedy_start`` (or a
    fresh greedy timetable) first."""
    start: dict[str, int] | None = None
    goal = 0
    # the weighted objective is the breaks alone when every meeting is required afresh
    best = Best(bound_term="breaks" if problem.require_all and previous is None else "weighted")
    if lower is not None and previous is None:
        goal = sum(lower.values())
        if greedy_start is None:
            greedy_start = greedy_slots(problem)
        if len(blocks(problem)) > 1:
            # A split of the meetings over the blocks (greedy's, evened out), each block
            # solved apart: a timetable at the participants' own bounds is optimal (the
            # demo event: 0).
            best.bound_to(goal)
            rough = Timetable(tuple(Placement(m, t) for m, t in greedy_start.items()))
            if len(greedy_start) == len(problem.meetings) and not check_schedule(problem, rough):
                # Greedy's timetable is the first solution (reported before the question).
                breaks_first = total_breaks(problem, rough)
                best.improve(breaks_first, {"breaks": breaks_first})
                if not best.report(reporter, "searching", force=True):
                    return _finish(problem, greedy_start, Status.FEASIBLE, goal, began, None)
            until = began + SPLIT_SHARE * settings.time_limit
            found = _split_question(
                problem, settings, (greedy_start, lower), goal, until, reporter, best
            )
            if found is not None:
                return _finish(problem, found, Status.OPTIMAL, goal, began, None)
    if lower is not None and previous is None and settings.warm_start and greedy_start is not None:
        # Every meeting required: fair annealing first (measured far ahead of CP-SAT
        # from greedy's hint on the demo event), then CP-SAT from its timetable.
        start, breaks = _anneal_first(
            problem, settings, (began, greedy_start), reporter, best, goal
        )
        if start is not None and breaks is not None and breaks <= goal:
            return _finish(problem, start, Status.OPTIMAL, goal, began, None)
        left = began + settings.time_limit - time.perf_counter()
        if start is not None and (reporter.stopped or left < CPSAT_AFTER * settings.time_limit):
            # Stopped, or too little time left to build the full model (after a split
            # question that was not answered): the annealed timetable.
            return _finish(problem, start, Status.FEASIBLE, goal, began, None)
    ctx = quietly(partial(_prepare, problem, settings, previous, lower, start), reporter)
    solver = _solver(settings, began + settings.time_limit, sat_style=False, reporter=reporter)
    solver.best_bound_callback = best.bound_to
    known = None if start is None else _breaks_of(problem, start)
    callback = Solutions(began, best, term_exprs(ctx, previous), known)
    code = run_solver(solver, ctx.model, reporter, best, "searching", callback)
    seconds = time.perf_counter() - began
    status = _STATUS.get(code, Status.UNKNOWN)
    if status == Status.INFEASIBLE or (status == Status.UNKNOWN and previous is not None):
        return Result(Timetable(()), status, seconds=seconds, method="cpsat")
    if start is not None and (
        status == Status.UNKNOWN or _breaks_of(problem, start) < round(solver.objective_value)
    ):
        # CP-SAT did not improve on the annealed timetable (or found nothing in time).
        bound = max(goal, round(solver.best_objective_bound)) if status != Status.UNKNOWN else goal
        return _finish(problem, start, Status.FEASIBLE, bound, began, None)
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


def _split_question(
    problem: Problem,
    settings: Settings,
    start: tuple[dict[str, int], dict[str, int]],
    goal: int,
    until: float,
    reporter: Reporter,
    best: Best,
) -> dict[str, int] | None:
    """A timetable at ``goal`` breaks by the split question (:mod:`.split`) on a balanced
    split (:func:`.split.balanced_split`), else on greedy's; None if none by ``until``.

    Measured on the demo event (5 s limit, shared machine): since its organizations of one
    person attend their meetings (a465cf0), greedy's split proved it in none of the runs
    measured (its morning holds 233 of the 410 meetings: no answer in 60 s), the balanced
    one (205 and 205) in 9 of 16 (seeds 0-15); two balanced splits given half the time
    each did no better (9 of 16)."""
    greedy_start, lower = start  # greedy's timetable; the participants' own bounds
    balanced = balanced_split(
        problem, time.perf_counter() + _balance_seconds(settings.time_limit), settings.seed, lower
    )
    return solve_split(
        problem,
        greedy_start if balanced is None else balanced,
        goal,
        until,
        settings.seed,
        reporter,
        best,
        hint=balanced is None,
    )


def _balance_seconds(time_limit: float) -> float:
    """Seconds for the balanced split (``BALANCE_SHARE``, ``BALANCE_FLOOR``, ``BALANCE_MOST``)."""
    return min(max(BALANCE_SHARE * time_limit, BALANCE_FLOOR), BALANCE_MOST * time_limit)


def _replan(
    problem: Problem,
    settings: Settings,
    previous: Timetable,
    began: float,
    reporter: Reporter,
) -> Result:
    """Re-planning: the repaired previous timetable (:mod:`.repair`) is CP-SAT's complete
    hint and the answer unless CP-SAT finds a better one on the weighted objective in time;
    CP-SAT's answer alone when the repair breaks a hard rule."""
    fallback = quietly(partial(repair, problem, previous), reporter)
    if fallback is not None and proven_best(problem, previous, fallback):
        # nothing to search (e.g. an unchanged event, or a change the repair absorbs)
        breaks = fallback.objective["breaks"]
        return dataclasses.replace(
            fallback,
            status=Status.OPTIMAL,
            method="replan",
            bound=breaks,
            gap=0,
            seconds=time.perf_counter() - began,
        )
    start = None if fallback is None else {p.meeting: p.slot for p in fallback.timetable.placements}
    ctx = quietly(partial(_prepare, problem, settings, previous, None, start), reporter)
    solver = _solver(settings, began + settings.time_limit, sat_style=False, reporter=reporter)
    best = Best(bound_term="weighted")
    solver.best_bound_callback = best.bound_to
    known = None
    if fallback is not None:
        known = weighted(fallback, problem, previous, sum(ctx.breaks_ub.values()))
        best.improve(known, dict(fallback.objective))
    callback = Solutions(began, best, term_exprs(ctx, previous), known)
    code = run_solver(solver, ctx.model, reporter, best, "searching", callback)
    seconds = time.perf_counter() - began
    status = _STATUS.get(code, Status.UNKNOWN)
    solved = status in (Status.OPTIMAL, Status.FEASIBLE)
    if fallback is None or known is None:
        if not solved:
            return Result(Timetable(()), status, seconds=seconds, method="cpsat")
    elif not solved or round(solver.objective_value) >= known:
        # CP-SAT found nothing better in time: the repaired timetable (optimal when CP-SAT
        # proved its own equal value optimal).
        terms = {**fallback.objective, "weighted": known}
        bound = solver.best_objective_bound if solved else None
        return dataclasses.replace(
            fallback,
            status=Status.OPTIMAL if status == Status.OPTIMAL else Status.FEASIBLE,
            objective=terms,
            bound=bound,
            gap=None if bound is None else known - bound,
            seconds=seconds,
        )
    slots = _slots(problem, ctx, solver)
    result = make_result(
        problem,
        slots,
        status,
        method="cpsat",
        seconds=seconds,
        seconds_to_first=callback.first,
        bound=None,
        previous=previous,
    )
    terms = {**result.objective, "weighted": round(solver.objective_value)}
    return dataclasses.replace(
        result,
        objective=terms,
        bound=solver.best_objective_bound,
        gap=solver.objective_value - solver.best_objective_bound,
    )


def _anneal_first(
    problem: Problem,
    settings: Settings,
    when_from: tuple[float, dict[str, int]],
    reporter: Reporter,
    best: Best,
    goal: int,
) -> tuple[dict[str, int] | None, int | None]:
    """Fair annealing in this thread from ``when_from`` = (start time, greedy's slots) for
    ``ANNEAL_SHARE`` of the time, reporting each new best (breaks, with ``goal`` as the
    bound) and a heartbeat; the listener may stop it."""
    best.bound_to(goal)
    first = [True]

    def improved(breaks: int) -> None:
        best.improve(breaks, {"breaks": breaks})
        # The first timetable is always reported (time to a first solution), later
        # ones as often as the reporter allows.
        best.report(reporter, "searching", force=first[0])
        first[0] = False

    def halt() -> bool:
        return not best.report(reporter, "searching")

    began, start = when_from
    left = max(0.0, began + settings.time_limit - time.perf_counter())
    share = min(ANNEAL_SHARE * left, ANNEAL_PER_MEETING * len(problem.meetings))
    return anneal_fair(
        problem,
        start,
        settings.seed,
        time.perf_counter() + share,
        goal,
        halt,
        improved,
    )


def _breaks_of(problem: Problem, slots: dict[str, int]) -> int:
    return total_breaks(problem, Timetable(tuple(Placement(m, t) for m, t in slots.items())))


def _prepare(
    problem: Problem,
    settings: Settings,
    previous: Timetable | None,
    lower: dict[str, int] | None,
    start: dict[str, int] | None = None,
) -> ModelContext:
    """The model, warm-started when the settings say so (and dumped when asked)."""
    ctx = build_model(problem, previous, lower)
    if settings.warm_start:
        _hint(ctx, problem, previous, start)
    if settings.dump_model:
        ctx.model.export_to_file(settings.dump_model)
    return ctx


def _hint(
    ctx: ModelContext,
    problem: Problem,
    previous: Timetable | None,
    start: dict[str, int] | None = None,
) -> None:
    """Warm start: the previous timetable where it still fits, else ``start`` (annealed),
    else the greedy one.

    The hint is completed to every variable of the model by solving it with the meeting
    literals fixed (pure propagation); CP-SAT then starts from a full solution instead of
    trying to repair a partial one, which it often gave up on in measurements.
    """
    if start is not None:
        slots = start
    elif previous is not None:
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
