"""Tables: never more meetings in a slot than tables; a participant's own table is theirs.

A meeting with a participant who owns a table (a booth) takes place there; the other
meetings share the remaining tables, numbered from 1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from liqa.core.problems import Message
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.problem import Meeting, Problem, Timetable, Violation

LABEL = "tables"


def own_table(problem: Problem, meeting: Meeting) -> int | None:
    """The table a meeting must use: the first attendee's own table, if anyone has one."""
    for pid in meeting.people:
        table = problem.participant(pid).table
        if table is not None:
            return table
    return None


def shared_tables(problem: Problem) -> list[int]:
    """Table numbers free for meetings without an own table."""
    owned = {p.table for p in problem.participants if p.table is not None}
    return [k for k in range(1, problem.tables + 1) if k not in owned]


def table_limits[L](
    problem: Problem, x: Mapping[tuple[int, int], L]
) -> Iterator[tuple[list[L], int]]:
    """Per slot, groups of meeting-slot literals (``x[i, t]``) with how many may be true:
    the meetings without an own table (at most the shared tables), and each own table's
    meetings (at most one). The CP-SAT model and the SAT clauses post the same groups."""
    free = len(shared_tables(problem))
    owners = [own_table(problem, m) for m in problem.meetings]
    for t in range(len(problem.slots)):
        yield [x[i, t] for i, k in enumerate(owners) if k is None and (i, t) in x], free
        by_table: dict[int, list[L]] = defaultdict(list)
        for i, k in enumerate(owners):
            if k is not None and (i, t) in x:
                by_table[k].append(x[i, t])
        for lits in by_table.values():
            yield lits, 1


def post(ctx: ModelContext) -> None:
    """Per slot: shared-table meetings ≤ shared tables; each own table hosts ≤ 1 meeting."""
    for lits, most in table_limits(ctx.problem, ctx.x):
        if len(lits) > most:
            if most == 1:
                ctx.model.add_at_most_one(lits)
            else:
                ctx.model.add(sum(lits) <= most)


def violations(problem: Problem, timetable: Timetable) -> list[Violation]:
    """Slots with too many meetings, tables used twice, own tables ignored, unknown tables."""
    meetings = {m.id: m for m in problem.meetings}
    free = set(shared_tables(problem))
    per_slot: dict[int, list[str]] = defaultdict(list)
    at_table: dict[tuple[int, int], list[str]] = defaultdict(list)
    out: list[Violation] = []
    for placement in timetable.placements:
        meeting = meetings.get(placement.meeting)
        if meeting is None:
            continue
        per_slot[placement.slot].append(meeting.id)
        if placement.table is None:
            continue
        at_table[placement.slot, placement.table].append(meeting.id)
        owned = {k for pid in meeting.people if (k := problem.participant(pid).table) is not None}
        if owned and placement.table not in owned:
            out.append(
                Violation(
                    LABEL,
                    Message(
                        "meeting {meeting} must be at table {table}, not {placed}",
                        meeting=problem.label(meeting.id),
                        table=sorted(owned)[0],
                        placed=placement.table,
                    ),
                    (meeting.id,),
                )
            )
        elif not owned and placement.table not in free:
            out.append(
                Violation(
                    LABEL,
                    Message(
                        "meeting {meeting}: table {table} is not a shared table",
                        meeting=problem.label(meeting.id),
                        table=placement.table,
                    ),
                    (meeting.id,),
                )
            )
    for t, mids in sorted(per_slot.items()):
        if len(mids) > problem.tables:
            out.append(
                Violation(
                    LABEL,
                    Message(
                        "slot {slot}: {count} meetings for {tables} tables",
                        slot=problem.slot_label(t),
                        count=len(mids),
                        tables=problem.tables,
                    ),
                    tuple(mids),
                )
            )
    for (t, k), mids in sorted(at_table.items()):
        if len(mids) > 1:
            out.append(
                Violation(
                    LABEL,
                    Message(
                        "slot {slot}: table {table} used by {count} meetings",
                        slot=problem.slot_label(t),
                        table=k,
                        count=len(mids),
                    ),
                    tuple(mids),
                )
            )
    return out
