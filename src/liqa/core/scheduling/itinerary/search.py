"""The optimizing method: iterated local search with insertion and shaking.

In the style of Vansteenwegen, Souffriau, Vanden Berghe and Van Oudheusden (2009), "Iterated
local search for the team orienteering problem with time windows": repeatedly insert the
unvisited node with the best ratio ``profit^2 / shift`` at its cheapest feasible place, then
shake (remove a run of consecutive visits from every tour) to escape the local optimum, and
keep the best solution seen. A mission's days also switch between their candidate splits
of the delegation (the problem's choices). The routes and their cached insertion costs are
a :class:`~liqa.core.scheduling.itinerary.solution.Solution`.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable

import numpy as np

from liqa.core.scheduling.itinerary.bound import lp_bound
from liqa.core.scheduling.itinerary.fairness import Fairness
from liqa.core.scheduling.itinerary.problem import FloatArray, Problem, Result, Settings
from liqa.core.scheduling.itinerary.routes import Route
from liqa.core.scheduling.itinerary.solution import REQUIRED_BONUS, Solution, initial_middles
from liqa.core.scheduling.progress import Reporter

LOG = logging.getLogger(__name__)
NOISES = (0.1, 0.3, 0.3, 1.0)
"""Random spread of the insertion ratio, drawn per iteration after the first construction."""
SMALL = 10
"""Below this many visits, ruins remove up to half of them rather than a share."""
REPLACE_WITHIN = 0.01
"""Try replacing visits by better unvisited sites when within this share of the best (and,
when level with the best, moving a visit to another tour to make room)."""
RUIN_SHARE = 0.7
"""Share of iterations that ruin random or related visits rather than shaking segments."""
THRESHOLD = 0.05
"""Initial relative score loss accepted for the current solution (falls to 0)."""
CYCLE = 100
"""Iterations of the first threshold cycle when the search has no iteration budget; each
cycle after it is twice as long."""
SWITCH_SHARE = 0.4
"""Share of iterations that give a day another candidate split (problems with choices)."""
WHOLE_SHARE = 0.75
"""Share of switches that go to another whole-day option (days that can also regroup)."""
STARTS = 4
"""Most constructions tried (each with every choice on its first option, its second, ...);
a mission's first options are its whole-day splits."""


def timer(settings: Settings) -> Callable[[], float]:
    """A clock that starts at zero now, reading wall or CPU seconds as the settings say."""
    read = time.process_time if settings.clock == "cpu" else time.perf_counter
    origin = read()
    return lambda: read() - origin


def construct(problem: Problem, settings: Settings, rng: random.Random) -> Solution:
    """Greedy insertion with every choice on its first option, its second, ... (at most
    :data:`STARTS` times): the best."""
    best: Solution | None = None
    widest = max((len(choice) for choice in problem.choices), default=1)
    for index in range(min(widest, STARTS)):
        options = [min(index, len(choice) - 1) for choice in problem.choices]
        sol = Solution(
            problem,
            initial_middles(problem),
            seed=settings.seed,
            options=options,
            fairness=settings.fairness_weight,
        )
        sol.insert_all(rng)
        if best is None or sol.objective() > best.objective() + 1e-9:
            best = sol
    assert best is not None
    return best


def _switch(sol: Solution, rng: random.Random, whole: list[list[int]]) -> None:
    """Give a random day segment another of its options: with probability
    :data:`WHOLE_SHARE` another of its whole-day options (``whole[c]``) when it also has
    half-day ones, else any other option."""
    choice = rng.randrange(len(sol.problem.choices))
    count = len(sol.problem.choices[choice])
    pool = list(range(count))
    if 0 < len(whole[choice]) < count and rng.random() < WHOLE_SHARE:
        pool = whole[choice]
    others = [o for o in pool if o != sol.options[choice]]
    if others:
        sol.switch(choice, rng.choice(others))


def threshold(iteration: int, budget: int | None) -> float:
    """The relative score loss accepted after ``iteration`` iterations (counting from 0):
    :data:`THRESHOLD` falling linearly to zero over the ``budget``, or without one over
    cycles of :data:`CYCLE`, twice as many, four times... iterations, each starting again
    from :data:`THRESHOLD`. Work, never time: the same seed takes the same way."""
    if budget is not None:
        return THRESHOLD * max(0.0, 1.0 - iteration / max(1, budget))
    length, start = CYCLE, 0
    while iteration >= start + length:
        start += length
        length *= 2
    return THRESHOLD * (1.0 - (iteration - start) / length)


def whole_options(problem: Problem) -> list[list[int]]:
    """Per choice, its options none of whose tours meet others at lunch (whole days)."""
    halves = {k for meet in problem.meets for k in meet.morning + meet.afternoon}
    return [
        [o for o, tours in enumerate(choice) if not halves.intersection(tours)]
        for choice in problem.choices
    ]


def _shake(sol: Solution, start: int, length: int) -> None:
    """Remove ``length`` consecutive sites from every tour, from ``start`` (wrapping)."""
    for route in sol.in_use():
        positions = route.removable_positions()
        if not positions:
            continue
        n = len(positions)
        chosen = [positions[(start + i) % n] for i in range(min(length, n))]
        removed = route.remove_positions(chosen)
        sol.unvisited[removed] = True
    sol.refresh_all()


def _replace(sol: Solution) -> bool:
    """Swap one visited site for a more valuable unvisited one where it fits; True if done."""
    p = sol.problem
    for route in sol.in_use():
        k = route.k
        for pos in route.removable_positions():
            node = route.seq[pos]
            cand = np.flatnonzero(sol.unvisited & (sol.weight[k] > sol.weight[k, node]))
            if not cand.size:
                continue
            trial = Route(p, k, route.seq[1:pos] + route.seq[pos + 1 : -1])
            cost, gap = trial.insertion_costs(cand.astype(np.float64))
            finite = np.isfinite(cost)
            if not finite.any():
                continue
            pick = int(np.argmax(np.where(finite, sol.weight[k, cand], -1.0)))
            new = int(cand[pick])
            trial.insert(new, int(gap[pick]))
            route.seq = trial.seq
            route.refresh()
            sol.unvisited[node] = True
            sol.unvisited[new] = False
            sol.refresh_all()
            return True
    return False


def _relocate(sol: Solution) -> bool:
    """Move one visit to another tour when that lets an unvisited site into its own tour."""
    p = sol.problem
    one = np.zeros(1)
    for route in sol.in_use():
        cand = np.flatnonzero(sol.unvisited & sol.usable[route.k])
        if not cand.size:
            continue
        for pos in route.removable_positions():
            node = route.seq[pos]
            trial = Route(p, route.k, route.seq[1:pos] + route.seq[pos + 1 : -1])
            if not np.isfinite(trial.insertion_costs(cand.astype(np.float64))[0]).any():
                continue
            one[0] = node
            for other in sol.routes:
                if other is route or not sol.usable[other.k, node]:
                    continue
                cost, gap = other.insertion_costs(one)
                if np.isfinite(cost[0]):
                    other.insert(node, int(gap[0]))
                    route.seq = trial.seq
                    route.refresh()
                    sol.refresh_all()
                    return True
    return False


def _move_breaks(sol: Solution, rng: random.Random) -> None:
    """Move each break (lunch) of some tours to a random place where the route stays valid.

    Insertion never moves a break, so without this the side of lunch a visit falls on
    would be fixed by the order in which visits happened to be inserted.
    """
    p = sol.problem
    for route in sol.in_use():
        breaks = [i for i, node in enumerate(route.seq) if node in p.breaks]
        if not breaks or rng.random() < 0.5:
            continue
        node = route.seq[breaks[0]]
        rest = [n for n in route.seq[1:-1] if n != node]
        options = []
        for pos in range(len(rest) + 1):
            middle = [*rest[:pos], node, *rest[pos:]]
            fixed = [n for n in middle if n in p.tours[route.k].fixed]
            if fixed == list(p.tours[route.k].fixed) and Route(p, route.k, middle).feasible():
                options.append(middle)
        if options:
            route.seq = [route.seq[0], *rng.choice(options), route.seq[-1]]
            route.refresh()
    sol.refresh_all()


def _ruin(sol: Solution, rng: random.Random, centres: FloatArray) -> None:
    """Remove a few visits: a random set, or those nearest a random seed visit."""
    routes = sol.routes
    visited = [(r.k, pos) for r in sol.in_use() for pos in r.removable_positions()]
    if not visited:
        return
    if len(visited) >= SMALL:
        count = max(1, min(len(visited), int(len(visited) * rng.uniform(0.05, 0.3))))
    else:  # a few visits: a share would be one visit; remove up to half of them
        count = rng.randint(1, len(visited) // 2 + 1)
    if rng.random() < 0.5:
        chosen = rng.sample(visited, count)
    else:
        k0, pos0 = rng.choice(visited)
        seed = routes[k0].seq[pos0]
        dist = [(centres[seed, routes[k].seq[pos]] + rng.random(), k, pos) for k, pos in visited]
        dist.sort()
        chosen = [(k, pos) for _, k, pos in dist[:count]]
    by_route: dict[int, list[int]] = {}
    for k, pos in chosen:
        by_route.setdefault(k, []).append(pos)
    for k, positions in by_route.items():
        removed = routes[k].remove_positions(positions)
        sol.unvisited[removed] = True
    sol.refresh_all()


def solve(problem: Problem, settings: Settings | None = None) -> Result:
    """Best routes found within the settings' time limit (ruin-and-recreate local search).

    Each iteration either shakes every tour (Vansteenwegen's segment removal), ruins a
    random or spatially related set of visits, or (with choices) gives a day another of
    its candidate splits, then re-inserts greedily with a noisy ratio. A worse solution is
    kept as the current one while it stays within a threshold of the best that shrinks
    with the iterations done (threshold accepting, :func:`threshold`). Nothing but the
    stop reads the clock: with ``settings.iterations`` the routes are a function of the
    problem and the settings (seed included) alone, unless the time limit cuts it short.
    """
    settings = settings or Settings()
    clock = timer(settings)
    reporter = Reporter(settings.on_progress)
    reporter.offer("building")
    rng = random.Random(settings.seed)
    sol = construct(problem, settings, rng)
    best, best_options = sol.middles(), list(sol.options)
    best_score, best_plain, true_best = sol.objective(), sol.plain(), sol.score()
    current, current_options, current_score = best, best_options, best_score
    history = [(clock(), true_best)]
    upper = _profit_ceiling(problem)
    # With a listener, the bound is computed first (to report the gap live), else last.
    live = reporter.active
    ceiling = _ceiling(problem, settings, upper) if live else None
    goal = upper + REQUIRED_BONUS * len(problem.required)
    n_sites = max(1, len(problem.sites))
    m = max(1, len(problem.tours))
    s_max = max(1, n_sites // (3 * m))
    centres = problem.travel + problem.travel.T
    whole = whole_options(problem)
    shake_start, shake_len, idle, iterations = 1, 1, 0, 0
    improved = True
    while clock() < settings.time_limit and best_plain < goal - 1e-9:
        if settings.max_no_improve is not None and idle >= settings.max_no_improve:
            break
        if settings.iterations is not None and iterations >= settings.iterations:
            break
        fair = best_score - best_plain
        if not _report(reporter, improved, true_best, best_plain, fair, ceiling, problem, settings):
            break
        improved = False
        iterations += 1
        sol.noise = rng.choice(NOISES)
        draw = rng.random()
        if problem.choices and draw < SWITCH_SHARE:
            _switch(sol, rng, whole)
        elif draw < RUIN_SHARE:
            _ruin(sol, rng, centres)
        else:
            _shake(sol, shake_start, shake_len)
            shake_start += shake_len
            shake_len += 1
            in_use = [len(r.removable_positions()) for r in sol.routes if sol.active[r.k]]
            smallest = min(in_use, default=0) or 1
            if shake_start >= smallest:
                shake_start -= smallest
            if shake_len > s_max:
                shake_len = 1
        if problem.breaks:
            _move_breaks(sol, rng)
        sol.insert_all(rng)
        score = sol.objective()
        if score >= best_score - REPLACE_WITHIN * true_best:
            while _replace(sol) or (sol.objective() >= best_score - 1e-9 and _relocate(sol)):
                sol.insert_all(rng)
            score = sol.objective()
        if score > best_score + 1e-9:
            improved = True
            best, best_options, best_score = sol.middles(), list(sol.options), score
            best_plain, true_best = sol.plain(), sol.score()
            history.append((clock(), true_best))
            if settings.log:
                LOG.info(
                    "%s: %.1f s, iteration %d, score %g",
                    problem.name,
                    clock(),
                    iterations,
                    true_best,
                )
            shake_len, idle = 1, 0
        else:
            idle += 1
        accepted = threshold(iterations - 1, settings.iterations)
        if score >= current_score - 1e-9 or score >= best_score - accepted * true_best:
            current, current_options, current_score = sol.middles(), list(sol.options), score
        else:
            sol = Solution(
                problem,
                current,
                seed=rng.randrange(1 << 30),
                options=current_options,
                fairness=settings.fairness_weight,
            )
    fair = best_score - best_plain
    _report(reporter, improved, true_best, best_plain, fair, ceiling, problem, settings)
    if not live:
        ceiling = _ceiling(problem, settings, upper)
    routes = tuple(tuple(m) for m in best)
    placed = {node for r in routes for node in r}
    return Result(
        routes=routes,
        score=true_best,
        method="ils",
        bound=None if ceiling is None else max(true_best, ceiling),
        seconds=clock(),
        iterations=iterations,
        missing_required=tuple(sorted(problem.required - placed)),
        history=tuple(history),
        stopped=reporter.stopped,
        options=tuple(best_options),
    )


def _ceiling(problem: Problem, settings: Settings, upper: float) -> float | None:
    """The LP relaxation's bound capped by the profit ceiling (None when not asked for)."""
    relaxed = lp_bound(problem) if settings.bound else None
    return None if relaxed is None else min(relaxed, upper)


def _report(
    reporter: Reporter,
    improved: bool,
    value: float,
    plain: float,
    fair: float,
    ceiling: float | None,
    problem: Problem,
    settings: Settings,
) -> bool:
    """Offer the best solution so far (and the bound, gap) to the listener; False = stop.

    ``plain`` is value plus a bonus per required site placed: the value may drop when a
    required site gets in, so the missing ones are reported too. With fairness, the
    objective reported is value + ``fair`` (``w x members x`` the least member's value),
    and the bound adds ``w x members x`` a ceiling on the least member's value.
    """
    objective = value + fair
    terms = {"value": value}
    fairness = Fairness.of(problem, settings.fairness_weight)
    if fairness is not None:
        terms["fairness_min_member_value"] = fair / (fairness.weight * fairness.members)
    if problem.required:
        placed = round((plain - value) / REQUIRED_BONUS)
        terms["required_missing"] = float(len(problem.required) - placed)
    bound = None
    if ceiling is not None:
        extra = 0.0 if fairness is None else fairness.ceiling(problem, ceiling)
        bound = max(objective, ceiling + extra)
    return reporter.offer(
        "searching",
        improved=improved,
        objective=objective,
        terms=terms,
        bound=bound,
        gap=None if bound is None or bound <= 0 else max(0.0, (bound - objective) / bound),
        bound_term="value" if fairness is None else "objective",
    )


def _profit_ceiling(problem: Problem) -> float:
    """The sum over sites of the best profit any tour may get from each: a trivial bound."""
    if not problem.sites or not problem.tours:
        return 0.0
    sites = np.array(problem.sites)
    allowed: FloatArray = np.where(
        problem.close[:, sites] >= problem.open[:, sites], problem.profit[:, sites], 0.0
    )
    return float(allowed.max(axis=0).sum())
