"""One stream of progress reports for a plan made of several searches, one after another.

A mission that may split is planned twice (with subgroups, and all together) and the better
plan wins, so the listener hears about the plan as a whole: elapsed time since the first
search began, the best value of any search so far, and a bound once every search has
reported its own (the plan's bound is the largest of them).

Whatever the path (a search, a re-plan), the listener hears one last report
(:func:`report_result`, phase ``finishing``) with the plan's own figures and status.
"""

from __future__ import annotations

import time
from dataclasses import replace

from liqa.core.scheduling.itinerary.fairness import Fairness
from liqa.core.scheduling.itinerary.problem import FAIRNESS_WEIGHT, Problem, Result
from liqa.core.scheduling.progress import OnProgress, Progress, Reporter


class Merged:
    """Combines the reports of ``count`` consecutive searches for ``on_progress``."""

    def __init__(self, on_progress: OnProgress, count: int) -> None:
        self.on_progress = on_progress
        self.began = time.perf_counter()
        self.elapsed = 0.0
        self.best: Progress | None = None
        self.bounds: list[float | None] = [None] * count

    def option(self, index: int) -> OnProgress:
        """The listener to give the ``index``-th search."""

        def listen(report: Progress) -> bool:
            return self._merge(index, report)

        return listen

    def _merge(self, index: int, report: Progress) -> bool:
        self.elapsed = max(self.elapsed, time.perf_counter() - self.began)
        if report.bound is not None:
            self.bounds[index] = report.bound
        if report.objective is not None and (
            self.best is None
            or self.best.objective is None
            or report.objective > self.best.objective
        ):
            self.best = report
        best = self.best or report
        known = [b for b in self.bounds if b is not None]
        bound = max(known) if len(known) == len(self.bounds) else None
        if bound is not None and best.objective is not None:
            bound = max(bound, best.objective)
        gap = None
        if bound is not None and best.objective is not None and bound > 0:
            gap = max(0.0, (bound - best.objective) / bound)
        return self.on_progress(
            replace(
                best,
                elapsed=self.elapsed,
                phase=report.phase,
                bound=bound,
                gap=gap,
            )
        )


def report_result(
    on_progress: OnProgress | None,
    result: Result,
    *,
    began: float | None = None,
    problem: Problem | None = None,
    fairness_weight: float = FAIRNESS_WEIGHT,
) -> None:
    """The plan's last report (phase ``finishing``), in the live reports' terms.

    ``result`` is the finished plan (its ``terms`` by :func:`.plan.with_terms`): the
    objective is value + the fairness term, the bound the result's value bound plus the
    fairness ceiling of ``problem`` (None when the result has no bound), the status
    ``feasible``, or ``infeasible`` when a required visit is missing. ``began`` (a
    ``time.perf_counter()`` reading) is when the run began. Nothing is sent to a listener
    that stopped the run (it hears no more).
    """
    if on_progress is None or result.stopped:
        return
    objective = result.terms.get("objective", result.score)
    bound = None
    if result.bound is not None:
        fairness = None if problem is None else Fairness.of(problem, fairness_weight)
        extra = (
            0.0 if fairness is None or problem is None else fairness.ceiling(problem, result.bound)
        )
        bound = max(objective, result.bound + extra)
    gap = None if bound is None or bound <= 0 else max(0.0, (bound - objective) / bound)
    Reporter(on_progress, began).finish(
        objective=objective,
        terms=result.terms,
        bound=bound,
        gap=gap,
        status="infeasible" if result.missing_required else "feasible",
    )
