"""Turn a slot assignment into a :class:`Result`: tables, objective terms, explanations."""

from __future__ import annotations

from collections.abc import Mapping

from liqa.core.scheduling.brokerage.explain import explain_unplaced
from liqa.core.scheduling.brokerage.measures import (
    scheduled_priority,
    table_changes,
    total_breaks,
)
from liqa.core.scheduling.brokerage.problem import Problem, Result, Status, Timetable
from liqa.core.scheduling.brokerage.seating import assign_tables


def objective_terms(
    problem: Problem, timetable: Timetable, previous: Timetable | None = None
) -> dict[str, int]:
    """Every objective term of ``timetable`` by name."""
    terms = {
        "scheduled_priority": scheduled_priority(problem, timetable),
        "breaks": total_breaks(problem, timetable),
        "table_changes": table_changes(problem, timetable),
    }
    if previous is not None:
        terms["changes"] = count_changes(previous, timetable)
        terms["table_moves"] = count_table_moves(previous, timetable)
    return terms


def count_changes(previous: Timetable, timetable: Timetable) -> int:
    """Meetings of ``previous`` that are not in the same slot any more (moved or dropped)."""
    now = timetable.by_meeting()
    return sum(
        1 for p in previous.placements if p.meeting not in now or now[p.meeting].slot != p.slot
    )


def count_table_moves(previous: Timetable, timetable: Timetable) -> int:
    """Meetings of ``previous`` still in the same slot at another table (the ``changes``
    term counts slots only: tables are given once the slots are chosen, so this is a
    reported term, not one the solvers weigh; ``changes`` + ``table_moves`` is the number of
    meetings of ``previous`` that :func:`.diff.diff` lists as moved or dropped)."""
    now = timetable.by_meeting()
    return sum(
        1
        for p in previous.placements
        if p.meeting in now and now[p.meeting].slot == p.slot and now[p.meeting].table != p.table
    )


def make_result(
    problem: Problem,
    slots: Mapping[str, int],
    status: Status,
    *,
    method: str,
    seconds: float,
    seconds_to_first: float | None,
    bound: float | None,
    previous: Timetable | None = None,
) -> Result:
    """Assign tables to ``slots`` (a meeting in its ``previous`` slot at its published
    table where free, :func:`.seating.assign_tables`) and report the run."""
    timetable = assign_tables(problem, slots, previous)
    terms = objective_terms(problem, timetable, previous)
    gap = None
    if bound is not None:
        gap = float(terms["breaks"] - bound)
    return Result(
        timetable=timetable,
        status=status,
        objective=terms,
        bound=bound,
        gap=gap,
        seconds_to_first=seconds_to_first,
        seconds=seconds,
        unplaced=tuple(explain_unplaced(problem, slots)),
        method=method,
    )
