"""A primal heuristic beside the exact target search: fair annealing in a helper thread.

The target search asks CP-SAT one satisfiability question at a time with a single worker
(one core). Meanwhile :class:`Primal` anneals a timetable under the fairness bound
(:mod:`.fair_anneal`) on the other core — CP-SAT's C++ search does not hold Python's
interpreter lock. It keeps the best fair timetable that places every meeting:

* when its breaks reach the current target (a proven lower bound), the open CP-SAT
  question is stopped and that timetable is optimal, with proof;
* when time runs out, it is the valid timetable reported (instead of greedy's, which
  usually leaves meetings out or breaks fairness).
"""

from __future__ import annotations

import math
import os
import random
import threading
import time
from collections.abc import Callable

from liqa.core.scheduling.brokerage.fair_anneal import FairAnnealer
from liqa.core.scheduling.brokerage.layout import Incumbent, Layout
from liqa.core.scheduling.brokerage.problem import Problem


def anneal_fair(
    problem: Problem,
    start: dict[str, int],
    seed: int,
    until: float,
    goal: int = 0,
    halt: Callable[[], bool] = lambda: False,
    on_best: Callable[[int], None] | None = None,
) -> tuple[dict[str, int] | None, int | None]:
    """Anneal ``start`` (greedy's slots) in this thread until ``until``, ``goal`` breaks
    or ``halt()``; ``on_best(breaks)`` hears of each new best fair timetable.

    Returns the best fair timetable that places every meeting and its breaks, or
    ``(None, None)`` when none was seen.
    """
    annealer = _annealer(problem, start, seed)
    annealer.place_all()
    first = annealer.best_fair_total
    if on_best is not None and not math.isinf(first):
        on_best(round(first))
    annealer.anneal(until, goal=lambda: goal, halt=halt, on_best=on_best)
    return _best(annealer)


LOWER_PRIORITY = 10
"""How much nicer (Linux) the annealing thread is than the exact search: on an idle
second core it runs at full speed; on a busy machine the exact search keeps the CPU."""


def yield_to_exact() -> None:
    """Lower this thread's scheduling priority (Linux: per thread; elsewhere a no-op)."""
    get_id = getattr(threading, "get_native_id", None)
    if get_id is None or not hasattr(os, "setpriority"):
        return
    try:
        now = os.getpriority(os.PRIO_PROCESS, get_id())
        os.setpriority(os.PRIO_PROCESS, get_id(), min(19, now + LOWER_PRIORITY))
    except OSError:
        return


def _annealer(problem: Problem, start: dict[str, int], seed: int) -> FairAnnealer:
    layout = Layout.of_problem(problem)
    inc = Incumbent.of_slots(layout, start)
    return FairAnnealer(inc, random.Random(seed), problem.max_break_spread)


def _best(annealer: FairAnnealer) -> tuple[dict[str, int] | None, int | None]:
    slots = annealer.fair_slots()
    if slots is None or math.isinf(annealer.best_fair_total):
        return None, None
    return slots, round(annealer.best_fair_total)


class Primal:
    """Fair annealing in a daemon thread; read :attr:`best` once it is stopped."""

    def __init__(
        self,
        problem: Problem,
        start: dict[str, int],
        seed: int,
        until: float,
        fallback_at: float | None = None,
        delay: float = 0.0,
        on_better: Callable[[int], None] | None = None,
    ) -> None:
        self.problem = problem
        self.on_better = on_better
        """Hears the breaks of each new best fair timetable (from the helper thread): the
        caller's live progress reports them as the annealing improves."""
        self.delay = delay
        """Seconds to wait before annealing: questions answered sooner never share the CPU."""
        self.fallback_at = fallback_at
        """If no fair timetable is known by then, the open exact question is stopped (the
        caller then looks for any valid timetable in the time left)."""
        self.start_slots = start
        self.seed = seed
        self.until = until
        self.target = 0
        """The proven lower bound the exact search is at (read by the helper thread)."""
        self.best: dict[str, int] | None = None
        self.breaks: int | None = None
        self._lock = threading.Lock()
        self._halt = threading.Event()
        self._stop_exact: Callable[[], None] | None = None
        self._restart: dict[str, int] | None = None
        self._thread = threading.Thread(target=self._run, name="liqa-primal", daemon=True)

    def start(self) -> None:
        """Start annealing in the helper thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop annealing and wait for the helper thread."""
        self._halt.set()
        self._thread.join()

    def offer_start(self, slots: dict[str, int]) -> None:
        """A valid timetable found elsewhere (e.g. by CP-SAT without the break bound):
        annealing starts again from it unless it already has a fair timetable of its own
        (greedy may leave meetings out that the Kempe chains cannot place)."""
        with self._lock:
            if self.best is None:
                self._restart = dict(slots)

    def watch_exact(self, stop: Callable[[], None] | None) -> None:
        """``stop`` ends the exact question in progress (None: no question open)."""
        with self._lock:
            self._stop_exact = stop
        if stop is not None and self.reached():
            stop()

    def fair(self) -> tuple[dict[str, int], int] | None:
        """The best fair timetable that places every meeting and its breaks (None: none yet)."""
        with self._lock:
            if self.best is None or self.breaks is None:
                return None
            return self.best, self.breaks

    def reached(self) -> bool:
        """True when the best fair timetable has no more breaks than the target."""
        with self._lock:
            return self.breaks is not None and self.breaks <= self.target

    def _run(self) -> None:
        yield_to_exact()
        if self._halt.wait(self.delay):
            return
        start = self.start_slots
        while True:
            annealer = _annealer(self.problem, start, self.seed)
            annealer.place_all()
            self._publish(annealer)
            annealer.anneal(
                self.until,
                goal=lambda: self.target,
                halt=lambda: self._halted() or self._restart is not None,
                on_best=lambda _, a=annealer: self._publish(a),  # type: ignore[misc]
            )
            self._publish(annealer)
            with self._lock:
                fresh, self._restart = self._restart, None
            if fresh is None or self._halt.is_set() or time.perf_counter() >= self.until:
                break
            start = fresh
        if self.best is None and self.fallback_at is not None:
            # Annealing ended without a fair timetable: still keep the fallback time.
            self._halt.wait(max(0.0, self.fallback_at - time.perf_counter()))
            self._halted()

    def _halted(self) -> bool:
        """True when asked to stop; also stops the exact question at ``fallback_at`` when
        there is still no fair timetable to report."""
        at = self.fallback_at
        if at is not None and self.best is None and time.perf_counter() >= at:
            self.fallback_at = None
            with self._lock:
                stop = self._stop_exact
            if stop is not None:
                stop()
        return self._halt.is_set()

    def _publish(self, annealer: FairAnnealer) -> None:
        slots, breaks = _best(annealer)
        if slots is None:
            return
        with self._lock:
            better = breaks is not None and (self.breaks is None or breaks < self.breaks)
            self.best, self.breaks = slots, breaks
            stop = self._stop_exact if breaks is not None and breaks <= self.target else None
        if stop is not None:
            stop()
        if better and breaks is not None and self.on_better is not None:
            self.on_better(breaks)
