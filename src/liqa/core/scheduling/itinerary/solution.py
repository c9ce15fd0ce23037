"""A solution under construction: routes, the options taken, and cached insertion costs.

Insertion costs are computed with numpy for every gap of a tour and every candidate at once
and cached per tour: an insertion only refreshes the tour it changed. The tours of options
not taken (another split of the same day) are inactive: they take no site.
"""

from __future__ import annotations

import random
import weakref

import numpy as np

from liqa.core.scheduling.itinerary.fairness import Fairness
from liqa.core.scheduling.itinerary.problem import FloatArray, Problem
from liqa.core.scheduling.itinerary.routes import INFEASIBLE, Route

REQUIRED_BONUS = 1e6
"""Effective profit added to required sites so that the search places them first."""


class Solution:
    """Routes under construction, with the cached insertion costs of every unvisited site.

    ``options`` says which option of each of the problem's choices is taken: the tours of
    the other options are inactive (they hold only their pinned nodes and take no site).
    ``fairness`` is the weight ``w`` of the least member's value in :meth:`objective`.
    """

    def __init__(
        self,
        problem: Problem,
        middles: list[list[int]],
        noise: float = 0.0,
        seed: int = 0,
        options: list[int] | tuple[int, ...] | None = None,
        fairness: float = 0.0,
    ) -> None:
        self.problem = problem
        size = problem.size
        self.options = list(problem.default_options() if options is None else options)
        self.active = np.array(problem.active_tours(self.options), dtype=bool)
        empty = self._empty = empty_routes(problem)
        # A tour not in use shares its pinned-only route until it is used (see switch).
        self.routes = [
            (empty[k] if not self.active[k] else empty[k].clone())
            if list(m) == empty[k].middle
            else Route(problem, k, list(m))
            for k, m in enumerate(middles)
        ]
        self.unvisited = np.zeros(size, dtype=bool)
        self.unvisited[list(problem.sites)] = True
        for route in self.routes:
            self.unvisited[route.seq] = False
        gain = problem.profit.copy()
        for node in problem.required:
            gain[:, node] += REQUIRED_BONUS
        self.gain = gain
        self.weight = gain * gain
        self.allowed = gain > 0
        self.usable = self.allowed & self.active[:, None]
        self.fair = Fairness.of(problem, fairness)
        self.noise = noise
        self.rand = np.random.default_rng(seed)
        self.cost = np.full((len(self.routes), size), INFEASIBLE)
        self.gap = np.zeros((len(self.routes), size), dtype=np.int64)
        self.refresh_all()

    def refresh_all(self) -> None:
        """Recompute the insertion costs of every tour in use (the others take no site)."""
        for k in np.flatnonzero(self.active).tolist():
            self.refresh_costs(k)

    def refresh_costs(self, k: int) -> None:
        """Recompute tour ``k``'s insertion cost for every unvisited site."""
        cand = np.flatnonzero(self.unvisited & self.usable[k])
        row = np.full(self.problem.size, INFEASIBLE)
        if cand.size:
            cost, gap = self.routes[k].insertion_costs(cand.astype(np.float64))
            row[cand] = cost
            self.gap[k, cand] = gap.astype(np.int64)
        self.cost[k] = row

    def insert_all(self, rng: random.Random) -> None:
        """Insert best-ratio sites until none fits anywhere.

        With fairness, a site's gain in a tour adds ``w x members x`` its value to the
        tour's least-served members (a soft minimum of the members' values so far).
        """
        totals = self.member_totals() if self.fair is not None else None
        rows = np.flatnonzero(self.active)
        every = rows.size == len(self.routes)  # (always, without choices)
        while True:
            cost = self.cost if every else self.cost[rows]
            finite = np.isfinite(cost)
            if not finite.any():
                return
            if totals is not None and self.fair is not None:
                gain = self.fair.gains(self.gain, totals, None if every else rows)
                allowed = self.allowed if every else self.allowed[rows]
                self.weight[rows] = np.where(allowed, gain * gain, 0.0)
            weight = self.weight if every else self.weight[rows]
            ratio = np.where(finite, weight / (np.maximum(cost, 0.0) + 1.0), -1.0)
            if self.noise:
                ratio = ratio * (1.0 + self.noise * self.rand.random(ratio.shape))
            flat = int(np.argmax(ratio))
            row, node = divmod(flat, self.problem.size)
            if ratio[row, node] < 0:
                return
            k = int(rows[row])
            self.routes[k].insert(node, int(self.gap[k, node]))
            self.unvisited[node] = False
            self.cost[:, node] = INFEASIBLE
            self.refresh_costs(k)
            if totals is not None and self.fair is not None:
                self.fair.add(totals, k, node)

    def member_totals(self) -> FloatArray:
        """The value each member receives from the sites of the tours they travel in."""
        assert self.fair is not None
        return self.fair.totals((r.k, r.seq[1:-1]) for r in self.in_use())

    def in_use(self) -> list[Route]:
        """The routes of the tours in use (the others hold only pinned nodes)."""
        return [self.routes[k] for k in np.flatnonzero(self.active).tolist()]

    def remove(self, k: int, positions: list[int]) -> None:
        """Remove sites at ``positions`` of tour ``k`` and refresh the caches."""
        if not positions:
            return
        removed = self.routes[k].remove_positions(positions)
        self.unvisited[removed] = True
        self.refresh_all()

    def switch(self, choice: int, option: int) -> None:
        """Take ``option`` in ``choice``: the old option's tours give their sites back."""
        old = self.options[choice]
        if old == option:
            return
        crews = self.problem.crews
        carried: dict[tuple[int, ...], list[int]] = {}
        for k in self.problem.choices[choice][old]:
            route = self.routes[k]
            removed = route.remove_positions(route.removable_positions())
            self.unvisited[removed] = True
            self.active[k] = False
            self.cost[k] = INFEASIBLE
            if crews and removed:
                carried.setdefault(crews[k], []).extend(removed)
        for k in self.problem.choices[choice][option]:
            self.active[k] = True
            if self.routes[k] is self._empty[k]:
                self.routes[k] = self._empty[k].clone()
            if crews:
                self._carry(k, carried.get(crews[k], []))
        self.options[choice] = option
        self.usable = self.allowed & self.active[:, None]
        self.refresh_all()

    def _carry(self, k: int, nodes: list[int]) -> None:
        """Put the visits a tour with the same crew made back into tour ``k`` where they
        fit (a day keeping a subgroup for the morning keeps its morning visits)."""
        route = self.routes[k]
        one = np.zeros(1)
        for node in nodes:
            if not self.unvisited[node] or not self.allowed[k, node]:
                continue
            one[0] = node
            cost, gap = route.insertion_costs(one)
            if np.isfinite(cost[0]):
                route.insert(node, int(gap[0]))
                self.unvisited[node] = False

    def score(self) -> float:
        """Total profit of the visited sites."""
        p = self.problem
        return float(sum(p.profit[r.k, r.seq[1:-1]].sum() for r in self.in_use()))

    def plain(self) -> float:
        """Score plus the bonus of every required site placed."""
        required = self.problem.required
        placed = sum(1 for r in self.in_use() for node in r.seq if node in required)
        return self.score() + REQUIRED_BONUS * placed

    def objective(self) -> float:
        """What the search maximizes: :meth:`plain` plus ``w x members x least member value``."""
        if self.fair is None:
            return self.plain()
        return self.plain() + self.fair.term(self.member_totals())

    def middles(self) -> list[list[int]]:
        """Each tour's nodes between start and end."""
        return [r.middle for r in self.routes]


_EMPTY: weakref.WeakKeyDictionary[Problem, list[Route]] = weakref.WeakKeyDictionary()


def empty_routes(problem: Problem) -> list[Route]:
    """Every tour's route holding just its pinned items, built once per problem (to clone)."""
    routes = _EMPTY.get(problem)
    if routes is None:
        routes = _EMPTY[problem] = [
            Route(problem, k, list(t.fixed)) for k, t in enumerate(problem.tours)
        ]
    return routes


def initial_middles(problem: Problem) -> list[list[int]]:
    """Every tour holding just its pinned items."""
    return [list(t.fixed) for t in problem.tours]
