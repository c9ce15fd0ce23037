"""The target search's second engine: a SAT solver (Glucose 4 via ``python-sat``) asking
"a timetable with at most T breaks?" on the CNF of :mod:`.cnf`, in a helper thread beside
CP-SAT's questions.

Both engines climb the same ladder of targets. Glucose is incremental: the target is an
assumption on the total's totalizer output, and a refuted target becomes a unit clause, so
what it learnt carries over to the next. A refutation by either engine raises the shared
bound (the other's open question below it is stopped); a timetable found at the bound is
optimal. Measured on the questions at the optimum (CPU s, one at a time, shared machine):
Glucose answers forum-13crafc and ticf-13crafc "1 break" in 0.6-2 s, where CP-SAT gave no
answer in 30; CP-SAT is ahead on forum-13crafb and tic-13crafc (see the model doc).
Glucose's search can be interrupted (CaDiCaL's cannot, in ``python-sat``) and does not hold
Python's interpreter lock, so it takes the second core.

Before encoding, the same thread computes the slot-capacity bound of
:mod:`.capacity_bound` (short days only), which may raise the shared bound at once:
tic-13crafc from 0 to its optimum 4 in 0.04-0.06 deterministic seconds, where neither
engine refuted "at most 3" in 30 s.

Given a source of valid timetables (the fair annealing beside it), the same solver then
improves the best one known by the neighbourhood search of :mod:`.sat_lns` once the
ladder's share of the time is over, until stopped; a timetable it finds at the bound is
optimal too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model
from pysat.solvers import Solver

from liqa.core.scheduling.brokerage.capacity_bound import capacity_bound
from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.cnf import Cnf, encode
from liqa.core.scheduling.brokerage.measures import total_breaks
from liqa.core.scheduling.brokerage.primal import yield_to_exact
from liqa.core.scheduling.brokerage.problem import Placement, Problem, Timetable
from liqa.core.scheduling.brokerage.sat_lns import SatNeighbourhoods

SOLVER = "glucose4"
"""Glucose 4.1: on the five open questions it answered as fast as CaDiCaL 1.9.5 / 3.0 and
Kissat 4 (each ahead on some, see the model doc), and unlike them it can be interrupted."""

MORE_TARGETS = 64
"""The total's totalizer counts up to the first target plus this many: the linear search
never climbs that far within a time limit, and the totalizer's size grows with its cap."""

Known = tuple[dict[str, int], int]
"""A valid timetable (slot by meeting id) and its breaks."""


class SatTarget:
    """Glucose's linear search over targets in a daemon thread, racing CP-SAT's.

    Read :attr:`bound` (every target below it refuted) and :attr:`found` (a timetable with
    at most ``found_target`` breaks, optimal since that target is a proven bound).
    """

    def __init__(
        self,
        problem: Problem,
        lower: dict[str, int],
        target: int,
        until: float,
        known: Callable[[], Known | None] | None = None,
        seed: int = 0,
        on_better: Callable[[int], None] | None = None,
    ) -> None:
        self.problem = problem
        self.known = known
        """Where the neighbourhood search after :attr:`until` gets a timetable to improve
        (None: no search; the thread ends at :attr:`until`)."""
        self.on_better = on_better
        """Hears the breaks of each timetable the neighbourhood search improves to (from
        the helper thread): the caller's live progress reports them."""
        self.seed = seed
        self.improved: Known | None = None
        """The best timetable of the neighbourhood search (valid, checked) and its breaks."""
        self._ladder_over = threading.Event()
        self.lower = lower
        self.until = until
        """``time.perf_counter()`` at which the search gives up (the annealing beside the
        target search then has the second core to itself)."""
        self.bound = target
        """Every target below this one is refuted (by either engine)."""
        self.found: dict[str, int] | None = None
        self.impossible = False
        """The slot-capacity relaxation has no solution: no timetable places every
        meeting (the search then stops at once)."""
        self.found_target: int | None = None
        self._asking: int | None = None
        self._lock = threading.Lock()
        self._halt = threading.Event()
        self._solver: Solver | None = None
        self._relaxing: cp_model.CpSolver | None = None
        self._stop_exact: tuple[int, Callable[[], None]] | None = None
        self._stop_any: Callable[[], None] | None = None
        self._thread = threading.Thread(target=self._run, name="liqa-sat", daemon=True)
        self._timer = threading.Timer(0.0, self._give_up)

    def start(self) -> None:
        """Encode and search in the helper thread until :attr:`until`."""
        self._timer = threading.Timer(max(0.0, self.until - time.perf_counter()), self._end_ladder)
        self._timer.daemon = True
        self._timer.start()
        self._thread.start()

    def stop(self) -> None:
        """Interrupt the search and wait for the thread."""
        self._timer.cancel()
        self._give_up()
        self._thread.join()

    def _end_ladder(self) -> None:
        if self.known is None:
            self._give_up()
            return
        self._ladder_over.set()
        self._interrupt()

    def _give_up(self) -> None:
        self._halt.set()
        self._ladder_over.set()
        self._interrupt()

    def _interrupt(self) -> None:
        """Stop Glucose's open question and the relaxation's solve, if any."""
        with self._lock:
            if self._solver is not None:
                self._solver.interrupt()
            if self._relaxing is not None:
                self._relaxing.stop_search()

    def wait(self) -> None:
        """Wait until the search ends: a timetable found, every target up to the cap
        refuted, or :attr:`until` reached (with :attr:`known`, only at the bound or when
        stopped)."""
        self._thread.join()

    def done(self) -> bool:
        """True when Glucose found an (optimal) timetable."""
        with self._lock:
            return self.found is not None

    def raise_to(self, bound: int) -> None:
        """CP-SAT refuted every target below ``bound``: a question below it is moot."""
        with self._lock:
            self.bound = max(self.bound, bound)
            if self._solver is not None and self._asking is not None and self._asking < bound:
                self._solver.interrupt()

    def watch_exact(self, target: int, stop: Callable[[], None] | None) -> None:
        """CP-SAT asks ``target`` now; ``stop`` ends that question (None: none open).
        Called at once when Glucose already settled it."""
        with self._lock:
            self._stop_exact = None if stop is None else (target, stop)
            settled = self.found is not None or self.bound > target or self.impossible
        if stop is not None and settled:
            stop()

    def watch_any(self, stop: Callable[[], None] | None) -> None:
        """CP-SAT looks for any timetable, whatever its breaks, now; ``stop`` ends that
        search (None: none open). Called at once when there is none (:attr:`impossible`)."""
        with self._lock:
            self._stop_any = stop
            settled = self.impossible
        if stop is not None and settled:
            stop()

    def _run(self) -> None:
        self.relax()
        if self.impossible:
            return
        start = self.bound
        cnf = encode(self.problem, self.lower, start + MORE_TARGETS + 1)
        if any(not clause for clause in cnf.clauses) or self._halt.is_set():
            return  # an empty clause: CP-SAT's questions say why
        with Solver(name=SOLVER, bootstrap_with=cnf.clauses) as solver:
            with self._lock:
                self._solver = solver
            try:
                self._climb(solver, cnf.total, cnf.slots)
                if self.known is not None and self.found is None and not self._halt.is_set():
                    solver.clear_interrupt()
                    self._improve(solver, cnf)
            finally:
                with self._lock:
                    self._solver = None

    def relax(self) -> None:
        """Raise the shared bound to the slot-capacity bound, when that is higher; when
        the relaxation has no solution, set :attr:`impossible` and stop CP-SAT's question."""
        solver = cp_model.CpSolver()
        with self._lock:
            if self._halt.is_set():
                return
            self._relaxing = solver
        try:
            proof = capacity_bound(self.problem, self.lower, self.until, solver)
        finally:
            with self._lock:
                self._relaxing = None
        if proof is None:
            return
        if proof.breaks is None:
            with self._lock:
                self.impossible = True
                watched = self._stop_exact
                stops = [self._stop_any, None if watched is None else watched[1]]
            for stop in stops:
                if stop is not None:
                    stop()
        elif proof.breaks > self.bound:
            self._refuted(proof.breaks - 1)

    def _climb(
        self, solver: Solver, total: list[int], slots: Callable[[list[int]], dict[str, int]]
    ) -> None:
        proven = self.bound  # targets below it are unit clauses
        while not self._ladder_over.is_set():
            with self._lock:
                target = self.bound
                if target >= len(total):
                    return
                self._asking = target
            for refuted in range(proven, target):
                solver.add_clause([total[refuted]])  # refuted by CP-SAT (or here)
            proven = max(proven, target)
            answer = solver.solve_limited(assumptions=[-total[target]], expect_interrupt=True)
            with self._lock:
                self._asking = None
            if answer is None:
                solver.clear_interrupt()
                continue  # interrupted: stopped, or CP-SAT refuted this target
            if answer is False:
                self._refuted(target)
                continue
            found = slots(solver.get_model())
            if not self._valid(found, target):
                return  # never expected: the clauses and the check disagree
            self._solved(found, target)
            return

    def _improve(self, solver: Solver, cnf: Cnf) -> None:
        """Neighbourhood steps from the best timetable known until stopped or optimal, at
        the annealing's lower priority (it takes the annealing's place on the core)."""
        yield_to_exact()
        search = SatNeighbourhoods(cnf, self.seed)
        mine: Known | None = None
        while not self._halt.is_set():
            theirs = None if self.known is None else self.known()
            if theirs is not None and (mine is None or theirs[1] < mine[1]):
                if check_schedule(self.problem, _timetable(theirs[0])):
                    return  # never expected: the source keeps valid timetables only
                mine = theirs
            if mine is None:
                self._halt.wait(0.05)  # no timetable yet: the annealing is starting
                continue
            with self._lock:
                bound = self.bound
            if mine[1] <= bound:
                return  # the source's timetable is optimal: the caller sees it
            found = search.step(solver, *mine)
            if found is None:
                solver.clear_interrupt()
                continue
            timetable = _timetable(found)
            better = total_breaks(self.problem, timetable)
            if check_schedule(self.problem, timetable) or better >= mine[1]:
                return  # never expected: the clauses and the check disagree
            mine = (found, better)
            with self._lock:
                self.improved = mine
                bound = self.bound
            if self.on_better is not None:
                self.on_better(better)
            if better <= bound:
                self._solved(found, bound)
                return

    def _valid(self, slots: dict[str, int], target: int) -> bool:
        timetable = _timetable(slots)
        return not check_schedule(self.problem, timetable) and (
            total_breaks(self.problem, timetable) <= target
        )

    def _refuted(self, target: int) -> None:
        with self._lock:
            self.bound = max(self.bound, target + 1)
            watched = self._stop_exact
        if watched is not None and watched[0] <= target:
            watched[1]()

    def _solved(self, slots: dict[str, int], target: int) -> None:
        with self._lock:
            self.found, self.found_target = slots, target
            watched = self._stop_exact
        if watched is not None:
            watched[1]()


def _timetable(slots: dict[str, int]) -> Timetable:
    return Timetable(tuple(Placement(m, t) for m, t in slots.items()))
