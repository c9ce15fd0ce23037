"""Translate schedule versions to and from the core's :class:`~liqa.core.model.Schedule`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max

from liqa.core import model as core
from liqa.core.problems import message_from_json, message_json
from liqa.web.events.locking import lock_event
from liqa.web.events.models import Event
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion


def provenance_to_json(provenance: core.Provenance) -> dict[str, Any]:
    """Provenance fields as JSON (the instant as an ISO string)."""
    return {
        "method": provenance.method,
        "created_at": provenance.created_at.isoformat(),
        "status": provenance.status,
        "objective": dict(provenance.objective),
        "bound": provenance.bound,
        "gap": provenance.gap,
        "parent_version": provenance.parent_version,
        "note": provenance.note,
    }


def provenance_from_json(data: dict[str, Any]) -> core.Provenance:
    """The inverse of :func:`provenance_to_json`."""
    return core.Provenance(
        method=data["method"],
        created_at=datetime.fromisoformat(data["created_at"]),
        status=data.get("status", ""),
        objective=dict(data.get("objective", {})),
        bound=data.get("bound"),
        gap=data.get("gap"),
        parent_version=data.get("parent_version"),
        note=data.get("note", ""),
    )


def assignment_record(row: AssignmentRow) -> core.Assignment:
    """An assignment row as a core record."""
    return core.Assignment(
        id=row.key,
        start=row.start,
        end=row.end,
        venue=row.venue or None,
        attendees=tuple(row.attendees),
        format=core.MeetingFormat(row.format),
        table=row.table,
        parties=tuple(row.parties),
        group=row.group or None,
        travel_minutes_before=row.travel_minutes_before,
        pinned=row.pinned,
    )


def assignment_fields(a: core.Assignment) -> dict[str, Any]:
    """Row fields of a core assignment."""
    return {
        "key": a.id,
        "start": a.start,
        "end": a.end,
        "venue": a.venue or "",
        "attendees": list(a.attendees),
        "format": a.format.value,
        "table": a.table,
        "parties": list(a.parties),
        "group": a.group or "",
        "travel_minutes_before": a.travel_minutes_before,
        "pinned": a.pinned,
    }


def unplaced_to_json(unplaced: core.Unplaced) -> dict[str, Any]:
    """A meeting not placed as JSON; its explanation's words with their gettext template, so
    that pages show it in the reader's language."""
    out: dict[str, Any] = {
        "id": unplaced.id,
        "reason": unplaced.reason,
        "detail": str(unplaced.detail),
        "blocking": list(unplaced.blocking),
    }
    words = message_json(unplaced.detail)
    if words is not None:
        out["words"] = words
    return out


def unplaced_record(data: dict[str, Any]) -> core.Unplaced:
    """The core's record of a stored meeting not placed (versions stored before ``words``
    existed keep their English text)."""
    detail = message_from_json(data.get("detail", ""), data.get("words"))
    return core.Unplaced(data["id"], data["reason"], detail, tuple(data.get("blocking", ())))


def schedule_record(version: ScheduleVersion) -> core.Schedule:
    """A stored version as the core's schedule."""
    return core.Schedule(
        event=version.event.slug,
        version=version.number,
        assignments=tuple(assignment_record(r) for r in version.assignments.all()),
        provenance=provenance_from_json(version.provenance),
        unplaced=tuple(unplaced_record(u) for u in version.unplaced),
    )


def next_number(event: Event) -> int:
    """The number the event's next version gets (1 for the first)."""
    top = ScheduleVersion.objects.filter(event=event).aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


def store_schedule(event: Event, schedule: core.Schedule) -> ScheduleVersion:
    """Store a core schedule as the event's next draft version.

    The event row is locked while numbering, so concurrent runs get distinct numbers.
    """
    with transaction.atomic():
        lock_event(event)
        return _store(event, schedule)


def _store(event: Event, schedule: core.Schedule) -> ScheduleVersion:
    version = ScheduleVersion.objects.create(
        event=event,
        number=next_number(event),
        provenance=provenance_to_json(schedule.provenance),
        unplaced=[unplaced_to_json(u) for u in schedule.unplaced],
    )
    AssignmentRow.objects.bulk_create(
        AssignmentRow(version=version, **assignment_fields(a)) for a in schedule.assignments
    )
    return version
