"""Schedule versions (with assignments, pins and publication instants) and finished runs."""

from __future__ import annotations

from typing import Any

from liqa.core.model import MeetingFormat
from liqa.web.backup.checks import (
    COUNT,
    FLAG,
    INSTANT,
    KEY,
    KEYS,
    NULLABLE_COUNT,
    NULLABLE_INSTANT,
    NULLABLE_NUMBER,
    NUMBER,
    TEXT,
    choice,
    duplicates,
    record,
    records,
    unknown,
)
from liqa.web.backup.section import (
    Found,
    Known,
    Restoring,
    Section,
    Users,
    instant,
    parse_instant,
    parse_optional,
)
from liqa.web.events.models import Event
from liqa.web.scheduling.models import (
    AssignmentRow,
    Notification,
    Run,
    RunState,
    ScheduleVersion,
)

ASSIGNMENT = record(
    {
        "key": KEY,
        "start": INSTANT,
        "end": INSTANT,
        "venue": KEY,
        "attendees": KEYS,
        "format": choice(f.value for f in MeetingFormat),
        "table": NULLABLE_COUNT,
        "parties": KEYS,
        "group": KEY,
        "travel_minutes_before": COUNT,
        "pinned": FLAG,
    }
)
PROVENANCE = {
    "type": "object",
    "properties": {"method": TEXT, "created_at": INSTANT},
    "required": ["method", "created_at"],
}
UNPLACED = record(
    {"id": KEY, "reason": TEXT},
    {"detail": TEXT, "blocking": {"type": "array", "items": TEXT}, "words": {"type": "object"}},
)
NOTIFICATION = record(
    {
        "person": KEY,
        "email": {"type": "string", "maxLength": 254},
        "sent_at": NULLABLE_INSTANT,
        "error": TEXT,
    }
)
CHANGE = record({"added": KEYS, "moved": KEYS, "removed": KEYS}, {"organization": KEY})
"""What publishing a version changed for one person (assignment ids), and the organization
they belonged to then (optional: versions published before it was recorded have none)."""
AFFECTED = {
    "anyOf": [
        {"type": "null"},
        {"type": "object", "propertyNames": KEY, "additionalProperties": CHANGE},
    ]
}
"""Whose agenda publishing a version changed, by person (``ScheduleVersion.affected``)."""
VERSION = record(
    {
        "number": COUNT | {"minimum": 1},
        "created_at": INSTANT,
        "published_at": NULLABLE_INSTANT,
        "provenance": PROVENANCE,
        "unplaced": records(UNPLACED),
        "assignments": records(ASSIGNMENT),
    },
    # optional: backups made before they were recorded restore "notified" and "affected"
    # as "not recorded" (null) and no notifications (the published page then claims no
    # outcome per person, and compares the versions with the event's people as they are);
    # "hand_moves" (meetings moved by hand since the version was made) restores as 0;
    # "missing_required" (a mission's required visits left out at publication) as null
    {
        "notified": {"type": ["boolean", "null"]},
        "notifications": records(NOTIFICATION),
        "affected": AFFECTED,
        "hand_moves": COUNT,
        "missing_required": {"anyOf": [{"type": "null"}, KEYS]},
    },
)


def _assignment(row: AssignmentRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "start": instant(row.start),
        "end": instant(row.end),
        "venue": row.venue,
        "attendees": list(row.attendees),
        "format": row.format,
        "table": row.table,
        "parties": list(row.parties),
        "group": row.group,
        "travel_minutes_before": row.travel_minutes_before,
        "pinned": row.pinned,
    }


def _notification(row: Notification) -> dict[str, Any]:
    return {
        "person": row.person,
        "email": row.email,
        "sent_at": instant(row.sent_at),
        "error": row.error,
    }


def _dump_versions(event: Event, _users: Users) -> list[dict[str, Any]]:
    versions = ScheduleVersion.objects.filter(event=event).order_by("number")
    return [
        {
            "number": version.number,
            "created_at": instant(version.created_at),
            "published_at": instant(version.published_at),
            "notified": version.notified,
            "affected": version.affected,
            "hand_moves": version.hand_moves,
            "missing_required": version.missing_required,
            "provenance": version.provenance,
            "unplaced": version.unplaced,
            "assignments": [
                _assignment(row) for row in version.assignments.order_by("start", "key")
            ],
            "notifications": [
                _notification(row) for row in version.notifications.order_by("person")
            ],
        }
        for version in versions.prefetch_related("assignments", "notifications")
    ]


def _check_versions(data: list[dict[str, Any]], _known: Known) -> Found:
    yield from duplicates(data, ("number",), "version")
    for index, version in enumerate(data):
        for path, message in duplicates(version["assignments"], ("key",), "assignment"):
            yield f"[{index}].assignments{path}", message
        if version.get("notified") is not None and version["published_at"] is None:
            yield f"[{index}].notified", "a draft has notified no one: null or leave it out"
        affected = version.get("affected")
        if affected is not None and version["published_at"] is None:
            yield f"[{index}].affected", "a draft has affected no one: null or leave it out"
        if version.get("missing_required") is not None and version["published_at"] is None:
            yield (
                f"[{index}].missing_required",
                "only a published version records what it left out: null or leave it out",
            )
        told = version.get("notifications", [])
        for path, message in duplicates(told, ("person",), "notification"):
            yield f"[{index}].notifications{path}", message
        if told and version.get("notified") is not True:
            yield (
                f"[{index}].notifications",
                "only a version published with e-mails (notified: true) has notifications:"
                " leave them out or set notified to true",
            )
        for i, notification in enumerate(told):
            if affected is not None and notification["person"] not in affected:
                yield (
                    f"[{index}].notifications[{i}].person",
                    f"{notification['person']} was notified but is not among those affected",
                )
        # a notification's person may have left the event since: not checked against people


def _restore_versions(state: Restoring, data: list[dict[str, Any]]) -> None:
    # bulk writes send no signal: a restore is not a new version for the audit trail, and
    # a version is published (and so immutable) only once its assignments are in place
    versions = ScheduleVersion.objects.bulk_create(
        ScheduleVersion(
            event=state.event,
            number=item["number"],
            provenance=item["provenance"],
            unplaced=item["unplaced"],
        )
        for item in data
    )
    AssignmentRow.objects.bulk_create(
        AssignmentRow(
            version=version,
            key=a["key"],
            start=parse_instant(a["start"]),
            end=parse_instant(a["end"]),
            venue=a["venue"],
            attendees=a["attendees"],
            format=a["format"],
            table=a["table"],
            parties=a["parties"],
            group=a["group"],
            travel_minutes_before=a["travel_minutes_before"],
            pinned=a["pinned"],
        )
        for version, item in zip(versions, data, strict=True)
        for a in item["assignments"]
    )
    for version, item in zip(versions, data, strict=True):
        version.created_at = parse_instant(item["created_at"])  # set on insert; put back
        version.published_at = parse_optional(item["published_at"])
        version.notified = item.get("notified")
        version.affected = item.get("affected")
        version.hand_moves = item.get("hand_moves", 0)
        version.missing_required = item.get("missing_required")
        if "hand_moves" not in item:  # written before the count: the trail tells (audit.py)
            state.uncounted.append(version)
        state.versions[item["number"]] = version
    ScheduleVersion.objects.bulk_update(
        versions,
        ["created_at", "published_at", "notified", "affected", "hand_moves", "missing_required"],
    )
    Notification.objects.bulk_create(
        Notification(
            version=version,
            person=n["person"],
            email=n["email"],
            sent_at=parse_optional(n["sent_at"]),
            error=n["error"],
        )
        for version, item in zip(versions, data, strict=True)
        for n in item.get("notifications", [])
    )


VERSIONS = Section(
    member="versions.json",
    schema=records(VERSION),
    dump=_dump_versions,
    restore=_restore_versions,
    counts=lambda data: {
        "versions": len(data),
        "assignments": sum(len(v["assignments"]) for v in data),
        "notifications": sum(len(v.get("notifications", [])) for v in data),
    },
    references=_check_versions,
)

FINAL = (RunState.DONE, RunState.FAILED, RunState.CANCELLED)
"""Runs in these states are backed up; a queued or running run belongs to the task queue
of its database and is left out."""

RUN = record(
    {
        "state": choice(FINAL),
        "base": NULLABLE_COUNT,
        "result": NULLABLE_COUNT,
        "created_by": {"type": ["string", "null"], "maxLength": 150},
        "created_at": INSTANT,
        "started_at": NULLABLE_INSTANT,
        "finished_at": NULLABLE_INSTANT,
        "time_limit": NUMBER,
        "elapsed": NUMBER,
        "objective": {"type": "object", "additionalProperties": NUMBER},
        "bound": NULLABLE_NUMBER,
        "gap": NULLABLE_NUMBER,
        "cancel_requested": FLAG,
        "message": TEXT,
    },
    # added later: an older archive's runs have none of these (restored as not kept, none
    # moved, and no term named for their bound)
    {
        "bound_term": {"type": "string", "maxLength": 40},
        "keep_published": FLAG,
        "released": records(
            record({"meeting": KEY, "start": INSTANT, "table": NULLABLE_COUNT, "blockers": KEYS})
        ),
    },
)


def _dump_runs(event: Event, users: Users) -> list[dict[str, Any]]:
    runs = (
        Run.objects.filter(event=event, state__in=FINAL)
        .select_related("base", "result", "created_by")
        .order_by("created_at", "pk")
    )
    return [
        {
            "state": run.state,
            "base": run.base.number if run.base is not None else None,
            "result": run.result.number if run.result is not None else None,
            "created_by": users.ref(run.created_by),
            "created_at": instant(run.created_at),
            "started_at": instant(run.started_at),
            "finished_at": instant(run.finished_at),
            "time_limit": run.time_limit,
            "elapsed": run.elapsed,
            "objective": run.objective,
            "bound": run.bound,
            "gap": run.gap,
            "bound_term": run.bound_term,
            "cancel_requested": run.cancel_requested,
            "message": run.message,
            "keep_published": run.keep_published,
            "released": run.released,
        }
        for run in runs
    ]


def _check_runs(data: list[dict[str, Any]], known: Known) -> Found:
    for index, run in enumerate(data):
        for key in ("base", "result"):
            if run[key] is not None and run[key] not in known.versions:
                yield f"[{index}].{key}", f"unknown version {run[key]}"
        if message := unknown(run["created_by"] or "", known.users, "user"):
            yield f"[{index}].created_by", message


def _restore_runs(state: Restoring, data: list[dict[str, Any]]) -> None:
    for item in data:
        run = Run.objects.create(
            event=state.event,
            state=item["state"],
            base=state.versions.get(item["base"]) if item["base"] is not None else None,
            result=state.versions.get(item["result"]) if item["result"] is not None else None,
            created_by=state.users[item["created_by"]] if item["created_by"] else None,
            started_at=parse_optional(item["started_at"]),
            finished_at=parse_optional(item["finished_at"]),
            time_limit=item["time_limit"],
            elapsed=item["elapsed"],
            objective=item["objective"],
            bound=item["bound"],
            gap=item["gap"],
            bound_term=item.get("bound_term", ""),
            cancel_requested=item["cancel_requested"],
            message=item["message"],
            keep_published=item.get("keep_published", False),
            released=item.get("released", []),
        )
        Run.objects.filter(pk=run.pk).update(created_at=parse_instant(item["created_at"]))


RUNS = Section(
    member="runs.json",
    schema=records(RUN),
    dump=_dump_runs,
    restore=_restore_runs,
    counts=lambda data: {"runs": len(data)},
    references=_check_runs,
)
