"""Live progress of a solver run, and the way to ask it to stop.

A solver given an ``on_progress`` callback (``PlanSettings.on_progress`` and the
schedulers' own settings) calls it with a frozen :class:`Progress` record at each improving
solution and at least every :data:`PERIOD` seconds while it searches, never more often than
every :data:`MIN_INTERVAL` seconds, and always from the thread that called the solver (so
the callback may use that thread's database connection). The callback returns True to go
on, False to ask the solver to stop: it then returns the best schedule found so far, with a
status that says so (``feasible``, never ``optimal`` unless it was proven). A listener still
listening when the run ends hears one last report (:meth:`Reporter.finish`, phase
``finishing``) with the result's own figures and status.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

PERIOD = 0.5
"""Seconds between two reports while nothing improves (a heartbeat)."""
MIN_INTERVAL = 0.25
"""Fewest seconds between two reports: at most four a second, improvements included."""


@dataclass(frozen=True)
class Progress:
    """Where a running solver stands.

    ``objective`` is the best value found so far in the solver's own sense (brokerage:
    weighted cost to minimise, or breaks; itinerary: value plus the fairness term, to
    maximise), ``terms`` each named objective term of that solution when known, ``bound``
    the best proven bound on ``objective`` and ``gap`` their relative distance (0 when
    proven optimal); ``bound_term`` names the term ``objective`` and ``bound`` are for. The
    last report of a run (phase ``finishing``) carries the result's figures and its
    ``status``.
    """

    elapsed: float
    """Seconds since the run began (non-decreasing from one report to the next)."""
    phase: str
    """``building``, ``searching``, ``proving`` (brokerage target search) or ``finishing``."""
    objective: float | None = None
    terms: Mapping[str, float] = field(default_factory=dict)
    bound: float | None = None
    gap: float | None = None
    status: str | None = None
    """The run's final status (``optimal``, ``feasible`` …): in its last report only."""
    bound_term: str | None = None
    """The objective term ``bound`` is for: ``breaks`` or ``weighted`` (the weighted cost)
    at brokerage events, ``objective`` (value with fairness) or ``value`` for itineraries;
    None without a bound."""


OnProgress = Callable[[Progress], bool]
"""Called with each report; returns False to ask the solver to stop."""


def relative_gap(objective: float | None, bound: float | None) -> float | None:
    """``|objective - bound| / max(1, |objective|)`` (CP-SAT's convention), None if unknown."""
    if objective is None or bound is None:
        return None
    return abs(objective - bound) / max(1.0, abs(objective))


class Reporter:
    """Sends throttled reports to an optional callback and remembers a request to stop."""

    def __init__(self, on_progress: OnProgress | None, began: float | None = None) -> None:
        self.on_progress = on_progress
        self.began = time.perf_counter() if began is None else began
        self.stopped = False
        self._last: float | None = None
        self._elapsed = 0.0
        self._pending = False

    @property
    def active(self) -> bool:
        """True when someone listens and has not asked to stop."""
        return self.on_progress is not None and not self.stopped

    def elapsed(self) -> float:
        """Seconds since the run began, never less than the last reported value."""
        self._elapsed = max(self._elapsed, time.perf_counter() - self.began)
        return self._elapsed

    def wait(self) -> float:
        """Seconds until a report is next due (the time to sleep before offering again)."""
        if self._last is None:
            return 0.0
        since = time.perf_counter() - self._last
        return max(0.0, (MIN_INTERVAL if self._pending else PERIOD) - since)

    def offer(
        self,
        phase: str,
        *,
        improved: bool = False,
        objective: float | None = None,
        terms: Mapping[str, float] | None = None,
        bound: float | None = None,
        gap: float | None = None,
        force: bool = False,
        bound_term: str | None = None,
    ) -> bool:
        """Report when due (an improvement, the heartbeat period, or ``force``); False = stop.

        An improvement that comes too soon after the previous report is sent with the next
        offer that is allowed, so the last improvement is never lost.
        """
        if not self.active:
            return not self.stopped
        now = time.perf_counter()
        self._pending = self._pending or improved
        since = None if self._last is None else now - self._last
        due = force or since is None or since >= PERIOD or (self._pending and since >= MIN_INTERVAL)
        if not due:
            return True
        self._last, self._pending = now, False
        assert self.on_progress is not None
        report = Progress(
            self.elapsed(),
            phase,
            objective,
            dict(terms or {}),
            bound,
            gap,
            bound_term=None if bound is None else bound_term,
        )
        if not self.on_progress(report):
            self.stopped = True
        return not self.stopped

    def finish(
        self,
        *,
        objective: float | None,
        terms: Mapping[str, float],
        bound: float | None,
        gap: float | None,
        status: str,
        bound_term: str | None = None,
    ) -> None:
        """The run's last report (phase ``finishing``), sent at once: the result's figures
        and status. Nothing for a listener that asked to stop; its answer changes nothing
        (the run is over)."""
        if not self.active:
            return
        assert self.on_progress is not None
        self._last, self._pending = time.perf_counter(), False
        self.on_progress(
            Progress(
                self.elapsed(),
                "finishing",
                objective,
                dict(terms),
                bound,
                gap,
                status,
                None if bound is None else bound_term,
            )
        )


class Best:
    """The best solution so far, shared by a solver's threads and the reporting thread."""

    def __init__(
        self,
        gap: Callable[[float | None, float | None], float | None] = relative_gap,
        objective: float | None = None,
        terms: Mapping[str, float] | None = None,
        bound: float | None = None,
        bound_term: str | None = None,
    ) -> None:
        self.wake = threading.Event()
        """Set when something changed (or the solver finished): the reporter looks at once."""
        self._gap = gap
        self._lock = threading.Lock()
        self._objective = objective
        self._terms = dict(terms or {})
        self._bound = bound
        self._improved = False
        self.bound_term = bound_term
        """The objective term the bound is for (see :attr:`Progress.bound_term`)."""

    def improve(self, objective: float, terms: Mapping[str, float] | None = None) -> None:
        """A better solution was found (called from any thread)."""
        with self._lock:
            self._objective, self._terms, self._improved = objective, dict(terms or {}), True
        self.wake.set()

    def lower_to(self, objective: float, terms: Mapping[str, float] | None = None) -> bool:
        """A solution of an objective to minimise, from one of several searches running side
        by side (called from any thread): kept, like :meth:`improve`, only when it is below
        the best so far, so that the objective reported never goes up. True when kept."""
        with self._lock:
            if self._objective is not None and objective >= self._objective:
                return False
            self._objective, self._terms, self._improved = objective, dict(terms or {}), True
        self.wake.set()
        return True

    def bound_to(self, bound: float) -> None:
        """A better bound was proven (called from any thread)."""
        with self._lock:
            self._bound = bound

    def report(self, reporter: Reporter, phase: str, *, force: bool = False) -> bool:
        """Offer the current state to ``reporter``; False when the listener asked to stop."""
        with self._lock:
            improved, self._improved = self._improved, False
            objective, terms, bound = self._objective, dict(self._terms), self._bound
        return reporter.offer(
            phase,
            improved=improved,
            objective=objective,
            terms=terms,
            bound=bound,
            gap=self._gap(objective, bound),
            force=force,
            bound_term=self.bound_term,
        )


def watch[T](
    work: Callable[[], T],
    reporter: Reporter,
    best: Best,
    stop: Callable[[], None],
    phase: str,
) -> T:
    """Run the blocking ``work`` in a helper thread while this thread reports ``best``.

    ``stop`` asks the solver to stop from another thread (e.g. ``CpSolver.stop_search``);
    it is called when the listener says so, or when this thread is interrupted (the
    interruption is re-raised once the solver has stopped). Without a listener, ``work``
    simply runs here.
    """
    if not reporter.active:
        return work()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # re-raised in the caller's thread
            failure.append(error)
        finally:
            best.wake.set()

    helper = threading.Thread(target=run, name="liqa-solver", daemon=True)
    helper.start()
    try:
        while helper.is_alive():
            best.wake.wait(timeout=max(0.01, reporter.wait()))
            best.wake.clear()
            if helper.is_alive() and not best.report(reporter, phase):
                stop()
                break
    finally:
        if helper.is_alive():
            stop()
        helper.join()
    if failure:
        raise failure[0]
    return outcome[0]
