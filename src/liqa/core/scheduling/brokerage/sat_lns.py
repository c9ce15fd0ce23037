"""Large neighbourhood search on the SAT engine's own solver (issue #3).

From a valid timetable with ``B`` breaks, one *step* frees a neighbourhood of meetings,
fixes every other meeting in its slot (assumption literals ``x[m, t]``) and asks the
incremental Glucose solver of :mod:`.sat_target`, which already holds the clauses of
:mod:`.cnf`, for a timetable with at most ``B - 1`` breaks (the total's totalizer output
as one more assumption), within a small conflict budget. Assumptions cost nothing to set
up: a step takes milliseconds to a tenth of a second, where a CP-SAT neighbourhood
presolved the whole model each time (0.3-1 s). What the solver learns in a step is a
consequence of the clauses, so it also serves the target ladder asked on the same solver.

Neighbourhoods, one drawn at random per step: the meetings of participants with a break
and some of their partners, the meetings of a window of consecutive slots, or a random
subset. Their size adapts: larger after a refutation (nothing better there, look wider),
smaller when the budget runs out (too hard, look narrower).
"""

from __future__ import annotations

import random

from pysat.solvers import Solver

from liqa.core.scheduling.brokerage.cnf import Cnf
from liqa.core.scheduling.brokerage.measures import breaks_in

STEP_CONFLICTS = 2000
"""Conflict budget of one step (about 0.1 s of Glucose on the 195-meeting originals)."""

FIRST_SIZE = 30
"""Meetings freed by the first step."""

SMALLEST = 8
"""Fewest meetings a neighbourhood frees."""


class SatNeighbourhoods:
    """Steps of the search on the solver that holds ``cnf`` (every meeting required)."""

    def __init__(self, cnf: Cnf, seed: int) -> None:
        self.cnf = cnf
        self.rng = random.Random(seed)
        self.size = FIRST_SIZE
        problem = cnf.problem
        self._index = {m.id: i for i, m in enumerate(problem.meetings)}
        self._mine = {pid: [m.id for m in ms] for pid, ms in problem.meetings_of().items()}
        self._partners = {
            pid: sorted({q for m in ms for q in m.parties if q != pid})
            for pid, ms in problem.meetings_of().items()
        }

    def step(
        self, solver: Solver, slots: dict[str, int], breaks: int, budget: int = STEP_CONFLICTS
    ) -> dict[str, int] | None:
        """One neighbourhood of ``slots`` (a valid timetable with ``breaks`` breaks, at
        least one): the solver's timetable with at most ``breaks - 1`` breaks, or None
        (refuted there, out of budget, or interrupted). The caller checks what it gets."""
        total = self.cnf.total
        if breaks < 1 or breaks - 1 >= len(total):
            return None
        free = self.neighbourhood(slots)
        assumptions = [self.cnf.x[self._index[m], t] for m, t in slots.items() if m not in free]
        assumptions.append(-total[breaks - 1])
        solver.conf_budget(budget)
        answer = solver.solve_limited(assumptions=assumptions, expect_interrupt=True)
        if answer is None:
            self.size = max(SMALLEST, int(self.size * 0.9))
            return None
        if answer is False:
            self.size = min(len(slots), int(self.size * 1.1) + 1)
            return None
        return self.cnf.slots(solver.get_model())

    def neighbourhood(self, slots: dict[str, int]) -> set[str]:
        """The meetings to free around ``slots``: about :attr:`size` of them."""
        kind = self.rng.randrange(3)
        if kind == 0:
            return self._around_breaks(slots)
        if kind == 1:
            return self._window(slots)
        return set(self.rng.sample(sorted(slots), min(self.size, len(slots))))

    def _around_breaks(self, slots: dict[str, int]) -> set[str]:
        problem = self.cnf.problem
        gappy = [
            pid
            for pid, mine in self._mine.items()
            if breaks_in(problem, sorted({slots[m] for m in mine})) > 0
        ]
        self.rng.shuffle(gappy)
        free: set[str] = set()
        for pid in gappy:
            if len(free) >= self.size:
                break
            free.update(self._mine[pid])
            for partner in self._partners[pid]:
                if self.rng.random() < 0.5:
                    free.update(self._mine[partner])
        return free if free else self._window(slots)

    def _window(self, slots: dict[str, int]) -> set[str]:
        n = len(self.cnf.problem.slots)
        width = max(2, min(n, self.size * n // max(1, len(slots))))
        first = self.rng.randrange(n - width + 1)
        return {m for m, t in slots.items() if first <= t < first + width}
