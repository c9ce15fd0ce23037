"""Manual moves in a draft, checked at once by the core's independent schedule checker, and
counted on the version (``ScheduleVersion.hand_moves``) in the move's transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from liqa.core import model as core
from liqa.core.problems import Message
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.services import ImmutableVersion


class MoveUnsupported(Exception):
    """Manual moves exist for brokerage slots and tables only."""


@dataclass(frozen=True)
class Conflict:
    """One rule the move would break, as the core's checker labels it."""

    label: str
    message: str


def move(version: ScheduleVersion, key: str, slot: int, table: int | None) -> list[Conflict]:
    """Move a meeting of a draft to another slot (and table); refuse it if any rule breaks.

    Returns the conflicts (then nothing changes), or ``[]`` after moving.
    """
    from liqa.core.scheduling.brokerage import Placement, Timetable, check_schedule
    from liqa.core.scheduling.brokerage.from_event import event_problem

    if version.published:
        raise ImmutableVersion(f"version {version.number} is published")
    event = event_record(version.event)
    if event.kind is not core.EventKind.BROKERAGE or event.brokerage is None:
        raise MoveUnsupported("manual moves are for brokerage slots; re-plan a mission instead")
    slots = event.brokerage.slots()
    if not 0 <= slot < len(slots):
        return [Conflict("placement", Message("there is no slot {slot}", slot=slot))]
    slot_of = {s.start: s.index for s in slots}
    rows = {row.key: row for row in version.assignments.all()}
    if key not in rows:
        raise KeyError(key)
    placements = [
        Placement(k, slot if k == key else slot_of[r.start], table if k == key else r.table)
        for k, r in rows.items()
        if r.start in slot_of
    ]
    problem = event_problem(event)
    violations = check_schedule(problem, Timetable(tuple(placements)))
    conflicts = [Conflict(v.label, v.message) for v in violations if key in v.meetings]
    if conflicts:
        return conflicts
    with transaction.atomic():
        row = rows[key]
        moved = (row.start, row.table) != (slots[slot].start, table)
        row.start, row.end = slots[slot].start, slots[slot].end
        row.table = table
        row.save(update_fields=["start", "end", "table"])
        if moved:  # counted with the move or not at all; a move to where it is is none
            _count_hand_move(version)
    return []


def _count_hand_move(version: ScheduleVersion) -> None:
    """One more move made by hand on ``version`` (``ScheduleVersion.hand_moves``): added in
    the database (two moves at once count two), without a save of the version's row (its
    other fields as this request read them are not written back)."""
    drafts = ScheduleVersion.objects.filter(pk=version.pk, published_at__isnull=True)
    drafts.update(hand_moves=F("hand_moves") + 1)
    version.refresh_from_db(fields=["hand_moves"])
