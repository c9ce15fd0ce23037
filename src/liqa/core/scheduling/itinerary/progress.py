"""One stream of progress reports for a plan made of several searches, one after another.

A mission that may split is planned twice (with subgroups, and all together) and the better
plan wins, so the listener hears about the plan as a whole: elapsed time since the first
search began, the best value of any search so far, and a bound once every search has
reported its own (the plan's bound is the largest of them).
"""

from __future__ import annotations

import time
from dataclasses import replace

from liqa.core.scheduling.progress import OnProgress, Progress


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
