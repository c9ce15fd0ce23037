"""Table assignment once slots are fixed: own tables first, then keep people where they sat."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from liqa.core.scheduling.brokerage.constraints.tables import own_table, shared_tables
from liqa.core.scheduling.brokerage.problem import Placement, Problem, Timetable


def assign_tables(
    problem: Problem, slots: Mapping[str, int], previous: Timetable | None = None
) -> Timetable:
    """Give every placed meeting a table, slot by slot.

    A meeting with a ``fixed_table`` takes it first (a published meeting kept in place);
    one with its own table (a booth) takes that; a meeting still in its ``previous`` slot
    (re-planning) keeps its published table when that is a shared table nobody took so far,
    before any other meeting of the slot picks one, so a meeting that moved into the slot or
    a new one never takes it away (before, meetings were seated in id order and one of
    those could take a published table, moving the meeting that sat there for nothing).
    The others take their ``previous`` table (from another slot) when free, else the table
    one of their people used in the slot before (fewer table changes), else the first free
    shared table. When a slot has more meetings than tables the extra ones get no table
    (``check_schedule`` reports that).
    """
    meetings = {m.id: m for m in problem.meetings}
    shared = shared_tables(problem)
    before = {} if previous is None else previous.by_meeting()
    by_slot: dict[int, list[str]] = defaultdict(list)
    for mid, t in slots.items():
        by_slot[t].append(mid)
    where: dict[str, int] = {}
    placements: list[Placement] = []
    for t in sorted(by_slot):
        mids = sorted(by_slot[t], key=lambda m: (m not in before, m))
        taken: set[int] = set()
        chosen: dict[str, int | None] = {}
        for mid in mids:
            fixed = meetings[mid].fixed_table
            if fixed is not None and fixed not in taken:
                chosen[mid] = fixed
                taken.add(fixed)
        for mid in mids:
            if mid in chosen:
                continue
            owned = own_table(problem, meetings[mid])
            if owned is not None and owned not in taken:
                chosen[mid] = owned
                taken.add(owned)
        for mid in mids:
            published = before.get(mid)
            if mid in chosen or published is None or published.slot != t:
                continue
            if published.table in shared and published.table not in taken:
                chosen[mid] = published.table
                taken.add(published.table)
        for mid in mids:
            if mid in chosen:
                continue
            wishes = []
            if mid in before and before[mid].table is not None:
                wishes.append(before[mid].table)
            wishes += [where[pid] for pid in meetings[mid].people if pid in where]
            pick = next((k for k in wishes if k in shared and k not in taken), None)
            if pick is None:
                pick = next((k for k in shared if k not in taken), None)
            chosen[mid] = pick
            if pick is not None:
                taken.add(pick)
        for mid in sorted(by_slot[t]):
            table = chosen.get(mid)
            placements.append(Placement(mid, t, table))
            if table is not None:
                for pid in meetings[mid].people:
                    where[pid] = table
    return Timetable(tuple(placements))
