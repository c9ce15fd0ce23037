"""The itinerary plan's last progress report.

Whatever the path (a search, a re-plan), the listener hears one last report
(:func:`report_result`, phase ``finishing``) with the plan's own figures and status.
"""

from __future__ import annotations

from liqa.core.scheduling.itinerary.fairness import Fairness
from liqa.core.scheduling.itinerary.problem import FAIRNESS_WEIGHT, Problem, Result
from liqa.core.scheduling.progress import OnProgress, Reporter


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
        bound_term="objective" if "objective" in result.terms else "value",
    )
