"""What the outputs zip's digest hashes, read cheaply enough for the page's every poll.

``exports.outputs_digest`` names a version's zip by everything the zip is made from. The
build has those records in hand (``exports.Material``) and takes each part from them; the
outputs page asks every 3 s whether the zip is ready, and each answer needs the digest of
the data as they are now, so the same parts are read here without building the records
or the proof's words:

* the event (:func:`event_part_now`): a digest of its record without the requests' fixed
  starts, kept per process under the event's
  :func:`~liqa.web.events.snapshots.data_stamp` (which changes with every write of the event
  row and its rows but bookings), and each request's fixed start with the current bookings
  laid over, as ``records.event_record`` lays them (bookings change without the stamp);
* the version's assignments (:func:`assignments_now`): their stored fields, read again
  (a pin or a move by hand writes them without the stamp changing);
* the proof's inputs (:func:`proof_inputs`): the fields of the run that made the version
  which ``proofs.version_proof`` words, and, after moves made by hand, the assignments of
  the version the run re-planned (the proof's figures now compare with them); the words
  themselves depend besides only on the event, the version and the catalog, all hashed.

Each part is the same value whichever way it is read (a test compares them), so the page's
digest finds the zip the build named.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.events.models import Booking, Event
from liqa.web.events.records import stored_event
from liqa.web.events.snapshots import Snapshots, data_stamp
from liqa.web.scheduling.models import AssignmentRow, Run, RunState, ScheduleVersion
from liqa.web.scheduling.records import assignment_fields

EVENT_PARTS = Snapshots(16)
""":func:`event_part` of events' records without bookings, by their data stamp."""

ASSIGNMENT_FIELDS = (
    "key",
    "start",
    "end",
    "venue",
    "attendees",
    "format",
    "table",
    "parties",
    "group",
    "travel_minutes_before",
    "pinned",
)
"""The stored fields of an assignment: those ``records.assignment_fields`` gives."""

RUN_FIELDS = ("pk", "state", "objective", "bound", "bound_term", "gap", "message", "base_id")
"""The fields of a run that ``proofs.version_proof`` reads (``base_id``: the version it
re-planned, whose meetings the figures after moves made by hand compare with)."""

Starts = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class EventPart:
    """An event record's share of the digest."""

    record: str
    """Digest of the record with no request's fixed start."""
    starts: Starts
    """Each request's id and fixed start (ISO, "" when none), bookings included."""


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def event_part(event: core.Event) -> EventPart:
    """The share of ``event`` (a record, bookings laid over or not) in the digest."""
    unfixed = replace(event, requests=tuple(replace(r, fixed_start=None) for r in event.requests))
    record = hashlib.sha256(dumps_event(unfixed, "json").encode()).hexdigest()
    return EventPart(record, tuple((r.id, _iso(r.fixed_start)) for r in event.requests))


def event_part_now(row: Event) -> EventPart:
    """:func:`event_part` of the event as it is now, bookings included, read without
    building its record while its data stamp holds: the stamp, the bookings (two queries)."""
    stamp = data_stamp(row)
    key = ("outputs", *stamp) if stamp is not None else None
    stored = EVENT_PARTS.get(
        key,
        lambda: event_part(stored_event(row, stamp)),
        still=lambda: data_stamp(row) == stamp,
    )
    booked = dict(Booking.objects.filter(event=row).values_list("request__key", "slot_start"))
    if not booked:
        return stored
    starts = tuple((r, _iso(booked[r]) if r in booked else start) for r, start in stored.starts)
    return replace(stored, starts=starts)


def assignments_part(schedule: core.Schedule) -> list[dict[str, Any]]:
    """The assignments of ``schedule`` as their stored fields."""
    return [assignment_fields(a) for a in schedule.assignments]


def assignments_now(version_id: int) -> list[dict[str, Any]]:
    """:func:`assignments_part` of a stored version, read as stored (one query)."""
    rows = AssignmentRow.objects.filter(version_id=version_id).order_by("start", "key")
    return list(rows.values(*ASSIGNMENT_FIELDS))


@dataclass(frozen=True)
class ProofInputs:
    """What the version's proof of quality is worded from, besides the event, the version
    and the catalog."""

    run: dict[str, Any] | None
    """:data:`RUN_FIELDS` of the run that made the version (None: no run made it)."""
    base: list[dict[str, Any]] | None
    """After moves made by hand, the assignments of the version the run re-planned."""


def proof_inputs(version: ScheduleVersion) -> ProofInputs:
    """The :class:`ProofInputs` of ``version`` as it is now (one or two queries); its count
    of moves made by hand is read from ``version`` as loaded, as the proof reads it."""
    runs = Run.objects.filter(result=version, state=RunState.DONE)  # as proofs.version_run
    run = runs.values(*RUN_FIELDS).first()
    base = None
    if run is not None and version.hand_moves and run["base_id"] is not None:
        base = assignments_now(run["base_id"])
    return ProofInputs(run, base)
