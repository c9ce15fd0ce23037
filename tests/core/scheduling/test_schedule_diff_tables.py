"""``itinerary.schedule_diff`` compares tables too: a brokerage meeting that keeps its time
and only changes table is *moved* for each attendee, as the brokerage diff lists it and as
the agendas (``agenda_diff``, which the CLI's re-plan and the web's published versions use)
already told it. Before, ``schedule_diff`` compared time, place and subgroup only, so a
caller of it alone (it is exported by the itinerary package) saw no change."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from liqa.core.model import Assignment, Provenance, Schedule
from liqa.core.scheduling.itinerary import MemberChange, schedule_diff

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def schedule(*tables: int | None) -> Schedule:
    """Meetings r-1, r-2 … in consecutive 20-minute slots at the given tables, r-1 with
    attendees a and b, the others with c and d."""
    assignments = tuple(
        Assignment(
            id=f"r-{n}",
            start=START + timedelta(minutes=20 * n),
            end=START + timedelta(minutes=20 * n + 20),
            venue="hall",
            attendees=("a", "b") if n == 1 else ("c", "d"),
            table=table,
        )
        for n, table in enumerate(tables, start=1)
    )
    provenance = Provenance(method="brokerage/greedy", created_at=START)
    return Schedule(event="e", version=1, assignments=assignments, provenance=provenance)


def test_a_table_move_alone_is_a_move_for_its_attendees() -> None:
    old = schedule(1, 2)
    new = dataclasses.replace(schedule(3, 2), version=2)
    assert schedule_diff(old, new) == {  # before: {}
        "a": MemberChange("a", moved=("r-1",)),
        "b": MemberChange("b", moved=("r-1",)),
    }


def test_the_same_tables_are_no_change() -> None:
    assert schedule_diff(schedule(1, 2), schedule(1, 2)) == {}
    assert schedule_diff(schedule(None), schedule(None)) == {}
