"""Route bookkeeping for the search: start times, waits and max-shifts, and insertion costs.

The "wait / max-shift" bookkeeping of Vansteenwegen et al. (2009) makes checking whether a
node fits between two others an O(1) test: inserting it delays the next node's arrival by
``shift``; that is feasible when ``shift <= wait + max_shift`` of the next node. The test is
vectorised with numpy over every gap of a route and every candidate node at once.
"""

from __future__ import annotations

import weakref

import numpy as np

from liqa.core.scheduling.itinerary.problem import FloatArray, Problem

INFEASIBLE = np.inf


class _Lists:
    """Plain-Python copies of a problem's arrays: scalar reads from lists are much faster."""

    def __init__(self, problem: Problem) -> None:
        self.travel: list[list[float]] = problem.travel.tolist()
        self.service: list[float] = problem.service.tolist()
        self.opens: list[list[float]] = problem.open.tolist()
        self.closes: list[list[float]] = problem.close.tolist()
        self.travel_array = np.ascontiguousarray(problem.travel)
        self.travel_t = np.ascontiguousarray(problem.travel.T)


_CACHE: weakref.WeakKeyDictionary[Problem, _Lists] = weakref.WeakKeyDictionary()


def _lists(problem: Problem) -> _Lists:
    fast = _CACHE.get(problem)
    if fast is None:
        fast = _CACHE[problem] = _Lists(problem)
    return fast


class Route:
    """One tour's sequence (start and end nodes included) and its timing arrays."""

    __slots__ = (
        "arrival",
        "break_positions",
        "close",
        "depart",
        "k",
        "loc",
        "max_shift",
        "problem",
        "seq",
        "sites",
        "slack",
        "start",
        "wait",
    )

    def __init__(self, problem: Problem, k: int, middle: list[int]) -> None:
        self.problem = problem
        self.k = k
        tour = problem.tours[k]
        self.seq: list[int] = [tour.start, *middle, tour.end]
        self.refresh()

    def refresh(self) -> None:
        """Recompute arrival, start, wait and max-shift along the route."""
        p, k, seq = self.problem, self.k, self.seq
        fast = _lists(p)
        tour = p.tours[k]
        n = len(seq)
        loc = list(seq)
        breaks = p.breaks
        self.break_positions = [i for i in range(1, n - 1) if seq[i] in breaks] if breaks else []
        for i in self.break_positions:
            loc[i] = loc[i - 1]
        arrival = [0.0] * n
        start = [0.0] * n
        wait = [0.0] * n
        close = [0.0] * n
        start[0] = arrival[0] = tour.open
        close[0] = tour.open
        opens, closes, service, travel = fast.opens[k], fast.closes[k], fast.service, fast.travel
        for i in range(1, n):
            node = seq[i]
            a = start[i - 1] + service[seq[i - 1]] + travel[loc[i - 1]][loc[i]]
            arrival[i] = a
            if i == n - 1:
                start[i], close[i] = a, tour.close
            else:
                s = opens[node]
                start[i] = s if s > a else a
                close[i] = closes[node]
            wait[i] = start[i] - a
        max_shift = [0.0] * n
        max_shift[n - 1] = close[n - 1] - start[n - 1]
        for i in range(n - 2, 0, -1):
            slack = wait[i + 1] + max_shift[i + 1]
            own = close[i] - start[i]
            max_shift[i] = own if own < slack else slack
        self.loc = np.array(loc, dtype=np.int64)
        self.arrival = np.array(arrival)
        self.start = np.array(start)
        self.wait = np.array(wait)
        self.close = np.array(close)
        self.max_shift = np.array(max_shift)
        self.slack = self.wait[1:] + self.max_shift[1:]
        self.depart = self.start[:-1] + p.service[np.array(seq[:-1], dtype=np.int64)]
        fixed = tour.fixed
        self.sites = sum(1 for node in seq[1:-1] if node not in breaks and node not in fixed)

    def clone(self) -> Route:
        """A copy that can change on its own (timing arrays are replaced, never mutated)."""
        twin = Route.__new__(Route)
        for name in Route.__slots__:
            setattr(twin, name, getattr(self, name))
        twin.seq = list(self.seq)
        twin.break_positions = list(self.break_positions)
        return twin

    @property
    def middle(self) -> list[int]:
        """The nodes between start and end."""
        return self.seq[1:-1]

    def feasible(self) -> bool:
        """True when every node starts by its close time and the tour ends in time."""
        return bool(np.all(self.start <= self.close + 1e-9))

    def duration(self) -> float:
        """Time from leaving the start node to arriving at the end."""
        return float(self.start[-1] - self.start[0])

    def insertion_costs(self, candidates: FloatArray) -> tuple[FloatArray, FloatArray]:
        """For each candidate node: the least shift of inserting it, and the gap index.

        Shift is ``INFEASIBLE`` where no gap fits. Gap ``g`` means between positions
        ``g`` and ``g + 1``.
        """
        p, k = self.problem, self.k
        cand = candidates.astype(np.int64)
        tour = p.tours[k]
        if tour.max_visits is not None and self.sites >= tour.max_visits:
            return np.full(cand.shape, INFEASIBLE), np.zeros(cand.shape, dtype=np.float64)
        loc = self.loc
        fast = _lists(p)
        travel_in = fast.travel_array[loc[:-1]][:, cand]
        arrive = self.depart[:, None] + travel_in
        opens = p.open[k, cand]
        begin = np.maximum(arrive, opens)
        leave = begin + p.service[cand]
        shift = leave + fast.travel_t[loc[1:]][:, cand] - self.arrival[1:, None]
        fits = begin <= p.close[k, cand]
        ok = fits & (shift <= self.slack[:, None] + 1e-9)
        for q in self.break_positions:
            ok[q - 1] = fits[q - 1] & self._break_gap(q, cand, leave[q - 1], shift)
        costs = np.where(ok, shift, INFEASIBLE)
        gap = np.argmin(costs, axis=0)
        best = costs[gap, np.arange(cand.size)]
        return best, gap.astype(np.float64)

    def _break_gap(
        self, q: int, cand: np.ndarray, leave: FloatArray, shift: FloatArray
    ) -> np.ndarray:
        """Gap ``q-1`` ends at a break, which moves with the new node, and so does travel on.

        Sets the gap's shift and returns where the insertion keeps the route feasible.
        """
        p, k = self.problem, self.k
        node = self.seq[q]
        begin_break = np.maximum(leave, p.open[k, node])
        nxt = int(self.loc[q + 1])
        arrive_next = begin_break + p.service[node] + p.travel[cand, nxt]
        later = arrive_next - self.arrival[q + 1]
        shift[q - 1] = np.maximum(later, leave - self.arrival[q])
        result: np.ndarray = (begin_break <= p.close[k, node] + 1e-9) & (
            later <= self.wait[q + 1] + self.max_shift[q + 1] + 1e-9
        )
        return result

    def insert(self, node: int, gap: int) -> None:
        """Insert ``node`` after position ``gap`` and refresh the timing."""
        self.seq.insert(gap + 1, node)
        self.refresh()

    def remove_positions(self, positions: list[int]) -> list[int]:
        """Remove the nodes at these positions (never start/end), return them."""
        keep = set(positions)
        removed = [self.seq[i] for i in sorted(keep)]
        self.seq = [node for i, node in enumerate(self.seq) if i not in keep]
        self.refresh()
        return removed

    def removable_positions(self) -> list[int]:
        """Positions of sites (not pinned items or breaks)."""
        fixed = set(self.problem.tours[self.k].fixed) | self.problem.breaks
        return [i for i in range(1, len(self.seq) - 1) if self.seq[i] not in fixed]
