"""Every stored field of the liqa apps is either carried by a backup or deliberately left
out, with its reason: a field or a model added without deciding fails here.

A field is *carried* when the JSON Schema of the member that holds its model's rows names
it, under its own name or under the other name :data:`RENAMED` gives (a foreign key written
as a version number or a key, a mission-file field nested under another object). A field
is *left out* when :data:`LEFT_OUT` says why. A model whose rows no member holds is listed
in :data:`NOT_BACKED_UP`, with its reason.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from django.apps import apps
from django.db.models import Field, Model

from liqa.core.missionfile import mission_schema
from liqa.web.accounts.models import CalendarFeed, Membership, SignInLink, SignInRequest
from liqa.web.agendas.models import HostConfirmation, ReminderSent
from liqa.web.audit.models import AuditEntry, AuditSubject
from liqa.web.backup.dump import backup_event
from liqa.web.backup.members import MISSION, SECTIONS
from liqa.web.events.models import (
    Booking,
    BookingSeat,
    CandidateVisit,
    Event,
    Leg,
    MeetingRequest,
    Organization,
    Outcome,
    Person,
    ProgrammeItem,
    Venue,
)
from liqa.web.scheduling.models import AssignmentRow, Notification, Run, ScheduleVersion
from tests.web.backup.conftest import Busy

Place = tuple[str, str]
"""``(member, path)``: a member of the archive and a path in its schema, ``.``-separated
property names, ``[]`` for the items of an array (``versions.json``, ``[].assignments[]``)."""

HELD_BY: dict[type[Model], tuple[Place, ...]] = {
    Event: ((MISSION, "event"), ("event.json", "")),
    Leg: ((MISSION, "legs[]"),),
    Venue: ((MISSION, "venues[]"),),
    Organization: ((MISSION, "organizations[]"),),
    Person: ((MISSION, "people[]"),),
    MeetingRequest: ((MISSION, "requests[]"),),
    CandidateVisit: ((MISSION, "visits[]"),),
    ProgrammeItem: ((MISSION, "programme[]"),),
    Outcome: ((MISSION, "outcomes[]"),),
    Booking: (("bookings.json", "[]"),),
    BookingSeat: (("bookings.json", "[].seats[]"),),
    Membership: (("memberships.json", "[]"),),
    ScheduleVersion: (("versions.json", "[]"),),
    AssignmentRow: (("versions.json", "[].assignments[]"),),
    Notification: (("versions.json", "[].notifications[]"),),
    Run: (("runs.json", "[]"),),
    HostConfirmation: (("confirmations.json", "[]"),),
    ReminderSent: (("reminders.json", "[]"),),
    AuditEntry: (("audit.json", "[]"),),
    AuditSubject: (("audit.json", "[].subjects[]"),),
}
"""Where each backed-up model's rows are: the record schema that names its fields."""

RENAMED: dict[tuple[type[Model], str], Place] = {
    (Event, "slug"): (MISSION, "event.id"),
    (Event, "brokerage"): (MISSION, "brokerage"),
    (Event, "subgroups_max"): (MISSION, "event.subgroups.max"),
    (Event, "subgroup_min_size"): (MISSION, "event.subgroups.min_size"),
    (Event, "subgroup_max_size"): (MISSION, "event.subgroups.max_size"),
    (Event, "together"): (MISSION, "event.subgroups.together"),
    (Event, "apart"): (MISSION, "event.subgroups.apart"),
    (Leg, "day_start"): (MISSION, "legs[].day.start"),
    (Leg, "day_end"): (MISSION, "legs[].day.end"),
    (Leg, "lunch_start"): (MISSION, "legs[].lunch.start"),
    (Leg, "lunch_end"): (MISSION, "legs[].lunch.end"),
    (Leg, "lunch_minutes"): (MISSION, "legs[].lunch.minutes"),
    (Leg, "lunch_venue"): (MISSION, "legs[].lunch.venue"),
    (Leg, "speed_kmh"): (MISSION, "legs[].travel.speed_kmh"),
    (Leg, "detour_factor"): (MISSION, "legs[].travel.detour_factor"),
    (Leg, "buffer_minutes"): (MISSION, "legs[].travel.buffer_minutes"),
    (Venue, "latitude"): (MISSION, "venues[].lat"),
    (Venue, "longitude"): (MISSION, "venues[].lon"),
    (MeetingRequest, "requester"): (MISSION, "requests[].from"),
    (MeetingRequest, "target"): (MISSION, "requests[].to"),
    # the records' keys are the mission file's ids; their position is their place in the list
    **{
        (model, "key"): (MISSION, f"{name}[].id")
        for model, name in (
            (Leg, "legs"),
            (Venue, "venues"),
            (Organization, "organizations"),
            (Person, "people"),
            (MeetingRequest, "requests"),
            (CandidateVisit, "visits"),
            (ProgrammeItem, "programme"),
        )
    },
    **{
        (model, "position"): (MISSION, name)
        for model, name in (
            (Leg, "legs"),
            (Venue, "venues"),
            (Organization, "organizations"),
            (Person, "people"),
            (MeetingRequest, "requests"),
            (CandidateVisit, "visits"),
            (ProgrammeItem, "programme"),
            (Outcome, "outcomes"),
        )
    },
    # a subject is written as its key, an item of its entry's list
    (AuditSubject, "key"): ("audit.json", "[].subjects[]"),
}
"""Fields the archive names otherwise (``Run.base`` is written as the version's number
under ``base``, its own name: such foreign keys need no entry here)."""

ROW_ID = "the row's id in one database: the archive refers to rows by key, number or username"
THE_EVENT = "the event the archive is of: the restore writes every row under its own event"
NESTED = "the row is written inside the record it belongs to"

LEFT_OUT: dict[type[Model], dict[str, str]] = {
    BookingSeat: {
        "booking": NESTED,
        "slot_start": "the booking's own slot_start, which the restore copies",
    },
    AssignmentRow: {"version": NESTED},
    Notification: {
        "version": NESTED,
        "sending_since": "a request's claim while it hands the message to the mail backend,"
        " expiring after minutes: no request of the restoring database is sending it",
    },
    Run: {
        "heartbeat_at": "a worker's last sign of life, read only for queued or running runs,"
        " which a backup leaves out (their task belongs to one database's queue)",
        "task_id": "the run's task in one database's queue: the backed-up runs are finished",
    },
    AuditEntry: {"event": "the event's slug: the restore writes the restored event's slug"},
    AuditSubject: {"entry": NESTED},
}
"""Fields of backed-up models a backup does not carry, each with its reason (besides the
row id and the foreign key to the event, left out of every model for the reasons above)."""

NOT_BACKED_UP: dict[type[Model], str] = {
    SignInLink: "a user's single-use sign-in secret (its digest), of one database, not of"
    " an event: a restored member signs in with a new link",
    CalendarFeed: "a calendar feed's secret URL (its digest), of one database: the person"
    " gets a new feed on the restored event (see docs/howto/backup-restore.md)",
    SignInRequest: "sign-in rate-limit counters of one database, by address digest, for"
    " an hour or two: not event data",
}
"""Models of the liqa apps whose rows no backup holds, each with its reason."""

WHAT_TO_DO = (
    "add it to the section's schema, dump and restore in src/liqa/web/backup/ (an optional"
    " key, so older archives still restore; see 39e0628), or to LEFT_OUT in {test} with a"
    " one-line reason"
)


def _liqa_models() -> list[type[Model]]:
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("liqa.")
        for model in config.get_models()
    ]


def _member_schemas() -> dict[str, dict[str, Any]]:
    return {MISSION: mission_schema(), **{s.member: s.schema for s in SECTIONS}}


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def _at(place: Place) -> dict[str, Any] | None:
    """The schema at ``place``, or ``None`` when the member's schema has no such path."""
    member, path = place
    root = _member_schemas()[member]
    node: dict[str, Any] | None = root
    for step in filter(None, path.replace("[]", ".[]").split(".")):
        assert node is not None
        node = _resolve(root, node)
        if step == "[]":
            node = node.get("items") if node.get("type") == "array" else None
        else:
            node = node.get("properties", {}).get(step)
        if node is None:
            return None
    return node


def _carried(model: type[Model], field: Field[Any, Any]) -> bool:
    if (model, field.name) in RENAMED:
        return _at(RENAMED[model, field.name]) is not None
    return any(
        _at((member, f"{path}.{field.name}" if path else field.name)) is not None
        for member, path in HELD_BY[model]
    )


def _always_left_out(field: Field[Any, Any]) -> str | None:
    if field.primary_key and field.get_internal_type() in {"AutoField", "BigAutoField"}:
        return ROW_ID
    if field.name == "event" and field.related_model is Event:
        return THE_EVENT
    return None


def _gaps() -> list[str]:
    test = "tests/web/backup/test_fields_covered.py"
    gaps = []
    for model in _liqa_models():
        name = f"{model._meta.app_label}.{model.__name__}"
        if model in NOT_BACKED_UP:
            assert model not in HELD_BY, f"{name} is both backed up and not"
            continue
        if model not in HELD_BY:
            gaps.append(
                f"{name}: no backup member holds its rows; add a section for it in"
                f" src/liqa/web/backup/ (members.SECTIONS), or list it in NOT_BACKED_UP in"
                f" {test} with a one-line reason"
            )
            continue
        left_out = LEFT_OUT.get(model, {})
        for field in model._meta.concrete_fields:
            if _always_left_out(field) or field.name in left_out:
                continue
            if not _carried(model, field):
                where = ", ".join(f"{m}:{p or '(root)'}" for m, p in HELD_BY[model])
                gaps.append(
                    f"{name}.{field.name} is not in the backup ({where}): "
                    + WHAT_TO_DO.format(test=test)
                )
    return gaps


def test_every_stored_field_is_backed_up_or_left_out_with_a_reason() -> None:
    gaps = _gaps()
    assert not gaps, "\n".join(gaps)


def test_the_tables_name_only_what_exists() -> None:
    """A renamed or left-out field that no longer exists, a left-out field a schema names
    after all, or a place the schemas do not have, is a stale entry: the guard would pass
    for the wrong reason."""
    models = set(_liqa_models())
    stale = [f"{m.__name__} (HELD_BY)" for m in HELD_BY if m not in models]
    stale += [f"{m.__name__} (NOT_BACKED_UP)" for m in NOT_BACKED_UP if m not in models]
    names = {m: {f.name for f in m._meta.concrete_fields} for m in models}
    stale += [
        f"{m.__name__}.{f} (RENAMED)"
        for (m, f), place in RENAMED.items()
        if f not in names.get(m, set()) or _at(place) is None
    ]
    fields = {m: {f.name: f for f in m._meta.concrete_fields} for m in models}
    stale += [
        f"{m.__name__}.{f} (LEFT_OUT)"
        for m, reasons in LEFT_OUT.items()
        for f in reasons
        if f not in fields.get(m, {}) or _carried(m, fields[m][f])
    ]
    stale += [
        f"{m}:{p} (HELD_BY)"
        for places in HELD_BY.values()
        for m, p in places
        if _at((m, p)) is None
    ]
    assert not stale, "stale entries: " + ", ".join(stale)


def _items(data: Any, path: str) -> Iterator[Any]:
    """The values at ``path`` (as in :data:`Place`) of a member's data."""
    values = [data]
    for step in filter(None, path.replace("[]", ".[]").split(".")):
        if step == "[]":
            values = [item for value in values for item in value]
        else:
            values = [value[step] for value in values]
    yield from values


@pytest.mark.integration
def test_the_dump_writes_every_field_its_schema_names(busy: Busy) -> None:
    """A field named by an optional key of a schema is written by the dump too: the busy
    event, with a booking and a notification more, has rows of every model a JSON member
    holds."""
    _book_and_notify(busy)
    with zipfile.ZipFile(io.BytesIO(backup_event(busy.event).content)) as zipped:
        data = {
            name: json.loads(zipped.read(name))
            for name in zipped.namelist()
            if name.endswith(".json")
        }
    missing, empty = [], []
    for model, places in HELD_BY.items():
        for member, path in places:
            if member == MISSION or RENAMED.get((model, "key")) == (member, path):
                continue  # the mission file's writer is the core's; a subject is a bare key
            rows = list(_items(data[member], path))
            if not rows:
                empty.append(model.__name__)
            names = {
                field.name
                for field in model._meta.concrete_fields
                if not _always_left_out(field)
                and field.name not in LEFT_OUT.get(model, {})
                and (model, field.name) not in RENAMED
                and _at((member, f"{path}.{field.name}" if path else field.name)) is not None
            }
            missing += [
                f"{model.__name__}.{name} ({member})"
                for row in rows
                for name in sorted(names - set(row))
            ]
    assert not missing, (
        "named by the schema but not written by the section's dump (write it in"
        " src/liqa/web/backup/): " + ", ".join(sorted(set(missing)))
    )
    assert empty == [], f"no rows to check: {empty}"


def _book_and_notify(busy: Busy) -> None:
    """A booking with its seat, and an e-mail sent for the published version."""
    request = MeetingRequest.objects.filter(event=busy.event).order_by("key").first()
    assert request is not None
    when = datetime(2024, 3, 5, 9, tzinfo=UTC)
    booking = Booking.objects.create(
        event=busy.event, request=request, slot_start=when, table=1, booked_as=busy.delegate
    )
    BookingSeat.objects.create(
        event=busy.event, party=busy.delegate, slot_start=when, booking=booking
    )
    version = ScheduleVersion.objects.get(event=busy.event, published_at__isnull=False)
    ScheduleVersion.objects.filter(pk=version.pk).update(notified=True)
    Notification.objects.create(
        version=version, person=busy.delegate, email="d@example.org", sent_at=when
    )
