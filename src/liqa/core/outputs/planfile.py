"""``plan.json``: the plan itself, written next to the outputs so a later run can re-plan it.

A small, versioned JSON document (format ``liqa-plan``, version 1)::

    {
      "format": "liqa-plan", "version": 1,
      "mission": {"file": "mission.yaml", "sha256": "…", "event": "<event id>",
                  "kind": "brokerage" | "trade_mission"},
      "schedule": {"version": 1, "method": "…", "created_at": "<ISO 8601>",
                   "parent_version": null, "status": "optimal",
                   "objective": {"breaks": 0.0, …}, "bound": 0.0, "gap": 0.0},
      "assignments": [{"key": "r-018", "start": "2025-10-16T09:00:00+01:00",
                       "end": "…", "venue": "v-hall", "table": 11, "group": null,
                       "attendees": […], "parties": […], "format": "one_to_one",
                       "travel_minutes_before": 0, "pinned": false}, …],
      "unplaced": [{"id": "r-099", "reason": "no_common_slot", "detail": "…",
                    "blocking": ["r-018", …]}, …]
    }

The solver's proof of quality (status, each objective term, bound and gap) and each
unplaced meeting's explanation (in English words, with the meetings in its way) are kept, so
the file says what the printed report said; files without them (written before) read as
before.

Times are ISO 8601 with their UTC offset. Calendar ``SEQUENCE`` numbers are not kept here:
the ``.ics`` files written beside it keep them (see :mod:`liqa.core.outputs.calendar`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from liqa.core.model import Assignment, Event, MeetingFormat, Provenance, Schedule, Unplaced
from liqa.core.problems import InputError, Message, Problem

FORMAT = "liqa-plan"
VERSION = 1
FILE_NAME = "plan.json"


@dataclass(frozen=True)
class PlanFile:
    """A ``plan.json`` read back: the schedule and the mission it was made from."""

    schedule: Schedule
    mission_file: str
    mission_sha256: str
    event_id: str


def mission_digest(path: Path) -> str:
    """SHA-256 of the mission file's bytes (tells whether it changed since the plan)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plan_document(event: Event, schedule: Schedule, mission: Path) -> dict[str, Any]:
    """The JSON document of ``schedule``, planned from the mission file ``mission``."""
    provenance = schedule.provenance
    return {
        "format": FORMAT,
        "version": VERSION,
        "mission": {
            "file": mission.name,
            "sha256": mission_digest(mission),
            "event": event.id,
            "kind": event.kind.value,
        },
        "schedule": {
            "version": schedule.version,
            "method": provenance.method,
            "created_at": provenance.created_at.isoformat(),
            "parent_version": provenance.parent_version,
            "status": provenance.status,
            "objective": dict(provenance.objective),
            "bound": provenance.bound,
            "gap": provenance.gap,
        },
        "assignments": [_assignment_json(a) for a in schedule.assignments],
        "unplaced": [
            {"id": u.id, "reason": u.reason, "detail": u.detail, "blocking": list(u.blocking)}
            for u in schedule.unplaced
        ],
    }


def write_plan(path: Path, event: Event, schedule: Schedule, mission: Path) -> Path:
    """Write ``plan.json`` (``path`` is the file) and return its path."""
    document = plan_document(event, schedule, mission)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _assignment_json(a: Assignment) -> dict[str, Any]:
    return {
        "key": a.id,
        "start": a.start.isoformat(),
        "end": a.end.isoformat(),
        "venue": a.venue,
        "table": a.table,
        "group": a.group,
        "attendees": list(a.attendees),
        "parties": list(a.parties),
        "format": a.format.value,
        "travel_minutes_before": a.travel_minutes_before,
        "pinned": a.pinned,
    }


def _problem(path: Path, message: Message, hint: Message, code: str) -> InputError:
    return InputError([Problem(str(path), message, hint=hint, code=code)])


def read_plan(path: Path, event: Event) -> PlanFile:
    """The plan in ``path``, checked against ``event`` (the mission being re-planned).

    Raises :class:`~liqa.core.problems.InputError` naming the file and what to do when it
    cannot be read, is not a plan, is of another format version, or belongs to another
    mission. Keys the mission no longer has are kept here: the re-plan drops them.
    """
    again = Message("run liqa plan again without --previous, or give the plan.json it wrote")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _problem(
            path,
            Message("the plan file cannot be read ({error})", error=error.strerror or error),
            Message("check the path given to --previous"),
            "unreadable_plan",
        ) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _problem(
            path,
            Message("this is not a JSON plan file ({error})", error=str(error)),
            again,
            "unreadable_plan",
        ) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _problem(
            path, Message("this is not a plan file written by liqa plan --out"), again, "not_a_plan"
        )
    if data.get("version") != VERSION:
        raise _problem(
            path,
            Message(
                "plan file format version {found} is not the version this liqa reads ({known})",
                found=data.get("version"),
                known=VERSION,
            ),
            Message("plan again with this version of liqa, without --previous"),
            "plan_version",
        )
    try:
        mission = data["mission"]
        schedule = _schedule(data)
        plan = PlanFile(
            schedule, str(mission["file"]), str(mission["sha256"]), str(mission["event"])
        )
    except (KeyError, TypeError, ValueError) as error:
        raise _problem(
            path,
            Message("the plan file is damaged ({error})", error=_error_words(error)),
            again,
            "damaged_plan",
        ) from error
    if plan.event_id != event.id:
        raise _problem(
            path,
            Message(
                "this plan belongs to event {found}, not to {event} of the mission file",
                found=plan.event_id,
                event=event.id,
            ),
            Message("give the plan.json written for this mission"),
            "other_mission",
        )
    known = mission_keys(event)
    keys = {a.id for a in plan.schedule.assignments}
    if keys and not keys & known:
        raise _problem(
            path,
            Message(
                "none of the plan's meetings or visits ({count}) is in the mission", count=len(keys)
            ),
            Message("give the plan.json written for this mission"),
            "other_mission",
        )
    return plan


def _error_words(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error)


def _schedule(data: dict[str, Any]) -> Schedule:
    head = data["schedule"]
    assignments = []
    for row in data["assignments"]:
        start, end = datetime.fromisoformat(row["start"]), datetime.fromisoformat(row["end"])
        if start.utcoffset() is None or end.utcoffset() is None:
            raise ValueError(f"{row['key']}: times need their UTC offset")
        assignments.append(
            Assignment(
                id=str(row["key"]),
                start=start,
                end=end,
                venue=row.get("venue"),
                attendees=tuple(row.get("attendees", ())),
                format=MeetingFormat(row.get("format", MeetingFormat.ONE_TO_ONE.value)),
                table=row.get("table"),
                parties=tuple(row.get("parties", ())),
                group=row.get("group"),
                travel_minutes_before=int(row.get("travel_minutes_before", 0)),
                pinned=bool(row.get("pinned", False)),
            )
        )
    created = datetime.fromisoformat(head.get("created_at") or datetime.now(UTC).isoformat())
    return Schedule(
        event=str(data["mission"]["event"]),
        version=int(head["version"]),
        assignments=tuple(assignments),
        provenance=Provenance(
            method=str(head.get("method", "")),
            created_at=created,
            parent_version=head.get("parent_version"),
            status=str(head.get("status", "")),
            objective={str(k): float(v) for k, v in dict(head.get("objective", {})).items()},
            bound=_number(head.get("bound")),
            gap=_number(head.get("gap")),
        ),
        unplaced=tuple(
            Unplaced(
                str(u["id"]),
                str(u["reason"]),
                str(u.get("detail", "")),
                tuple(str(b) for b in u.get("blocking", ())),
            )
            for u in data.get("unplaced", ())
        ),
    )


def _number(value: object) -> float | None:
    """A bound or gap read back (None: not known); anything else is a damaged file."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a number: {value!r}")
    return float(value)


def mission_keys(event: Event) -> set[str]:
    """Ids a plan of ``event`` may hold: requests, visits, programme items (lunches are
    named after their day and subgroup, ``lunch-…``, and are matched by that prefix)."""
    keys = {r.id for r in event.requests} | {v.id for v in event.visits}
    keys |= {p.id for p in event.programme}
    return keys


def still_in_mission(event: Event, key: str) -> bool:
    """Whether the plan's ``key`` still names something of ``event``."""
    return key in mission_keys(event) or key.startswith("lunch-")
