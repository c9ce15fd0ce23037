"""An independent check of a finished timetable: every broken rule, by label."""

from __future__ import annotations

from liqa.core.scheduling.brokerage.constraints import (
    fairness,
    overlap,
    placement,
    precedence,
    session_limit,
    tables,
)
from liqa.core.scheduling.brokerage.problem import Problem, Timetable, Violation


def check_schedule(problem: Problem, schedule: Timetable) -> list[Violation]:
    """List every violation of the hard rules in ``schedule`` (empty when it is valid).

    Uses each constraint family's own ``violations`` (the same definitions the model posts),
    never the solver's variables.
    """
    out: list[Violation] = []
    for family in (placement, overlap, tables, precedence, session_limit, fairness):
        out.extend(family.violations(problem, schedule))
    return out
