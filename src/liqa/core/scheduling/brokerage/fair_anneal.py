"""Annealing under the fairness bound: a primal heuristic for the exact target search.

The plain annealer (:mod:`.anneal`) minimises breaks and knows nothing of fairness
(max − min breaks ≤ d). Here the cost of a timetable is its breaks plus ``PENALTY`` per
unit of fairness excess, so the search may cross unfair timetables but ends on fair ones;
only a timetable with no excess (and every meeting placed) is ever handed back. When
some participant can never have a break (fewer than two meetings per block), min = 0 and
the excess is ``Σ_p max(0, B_p − d)``, graded per participant; otherwise it is
``max(0, max_p B_p − min_p B_p − d)``.
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from collections.abc import Callable

from liqa.core.scheduling.brokerage.anneal import CHECK_EVERY, Annealer
from liqa.core.scheduling.brokerage.layout import UNPLACED, Incumbent

PENALTY = 3
"""Cost of one unit of fairness excess, in breaks."""
HOT = 0.6
"""Starting temperature (breaks): on forum-13crafc.original 0.6 → 0.05 reached 8 breaks in
3.6 CPU s from greedy's 55; on the demo event 0.6 and 0.3 reached 6-8 from 75."""
COLD = 0.05


class FairAnnealer(Annealer):
    """Annealing of breaks + ``PENALTY`` × fairness excess; keeps the best fair timetable."""

    def __init__(self, inc: Incumbent, rng: random.Random, spread: int | None) -> None:
        self.spread = spread
        layout = inc.layout
        self.per: list[int] = [0] * len(layout.capacity)
        self.histogram: Counter[int] = Counter()
        super().__init__(inc, rng)
        # min is 0 for sure when someone has fewer than two meetings.
        self.floor_zero = any(len(mine) < 2 for mine in layout.of)
        self.histogram = Counter(self.per)
        self.excess = self._excess()
        self.best_fair: list[int] | None = None
        self.best_fair_total = math.inf
        self._note_best()

    def _recount(self, k: int, b: int) -> int:
        delta = super()._recount(k, b)
        if delta and hasattr(self, "excess"):
            old = self.per[k]
            self.histogram[old] -= 1
            self.histogram[old + delta] += 1
        self.per[k] += delta
        return delta

    def _excess(self) -> int:
        d = self.spread
        if d is None:
            return 0
        if self.floor_zero:
            return sum(n * (b - d) for b, n in self.histogram.items() if b > d and n > 0)
        present = [b for b, n in self.histogram.items() if n > 0]
        return max(0, max(present) - min(present) - d) if present else 0

    def cost(self) -> float:
        """Breaks plus the fairness penalty of the current timetable."""
        return self.total + PENALTY * self.excess

    def _note_best(self) -> None:
        if self.excess == 0 and self.total < self.best_fair_total and self._complete():
            self.best_fair_total = self.total
            self.best_fair = list(self.inc.slot)

    def _complete(self) -> bool:
        return UNPLACED not in self.inc.slot

    def place_all(self) -> None:
        """Insert every meeting left out (Kempe chains), whatever it costs in breaks."""
        for i, t in enumerate(self.inc.slot):
            if t == UNPLACED and self.layout.domain[i]:
                self.insert(i)
        self._note_best()

    def anneal(
        self,
        until: float,
        goal: Callable[[], int] = lambda: 0,
        halt: Callable[[], bool] = lambda: False,
        on_best: Callable[[int], None] | None = None,
    ) -> None:
        """Anneal until ``until`` (perf_counter), ``halt()``, or a fair timetable with at
        most ``goal()`` breaks; ``on_best(breaks)`` hears of each new best fair timetable."""
        began = time.perf_counter()
        span = max(1e-3, until - began)
        temperature = HOT
        known = self.best_fair_total
        while self.hot.items and self.best_fair_total > goal():
            self.steps += 1
            if self.steps % CHECK_EVERY == 0:
                now = time.perf_counter()
                if now >= until or halt():
                    break
                temperature = HOT + (COLD - HOT) * (now - began) / span
            self._step(temperature)
            if self.best_fair_total < known:
                known = self.best_fair_total
                if on_best is not None:
                    on_best(round(known))

    def _try(self, moves: list[tuple[int, int]], temperature: float | None) -> bool:
        applied = self._apply(moves)
        if applied is None:
            return False
        back, touched = applied
        before = self.cost()
        delta = sum(self._recount(k, b) for k, b in touched)
        self.total += delta
        excess = self.excess
        self.excess = self._excess()
        change = self.cost() - before
        keep = temperature is None or change <= 0
        if keep or self.rng.random() < math.exp(-change / temperature):  # type: ignore[operator]
            self._note_best()
            return True
        self.total -= delta
        self.excess = excess
        self._undo(moves, back)
        for k, b in touched:
            self._recount(k, b)
        return False

    def fair_slots(self) -> dict[str, int] | None:
        """The best fair, complete timetable seen (by meeting id), or None."""
        if self.best_fair is None:
            return None
        meetings = self.layout.problem.meetings
        return {meetings[i].id: t for i, t in enumerate(self.best_fair) if t != UNPLACED}
