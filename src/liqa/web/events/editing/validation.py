"""Judge an edited event with the core's mission-file validator, as if it were a file.

The event's rows become mission data (``event_to_data``); instants of every record are
written with their UTC offset, so that editing a leg (its zone, its dates) never moves
what other records say, only the validator's view of whether they still fit. The edit
is applied to that data, and the whole of it is checked (schema, ids, references, legs,
instants); every problem comes back with its path.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from liqa.core import model as core
from liqa.core.missionfile import event_to_data, validate_text
from liqa.core.problems import Problem

FILENAME = "event"
"""The name the validator gives the data in its problems (never shown: paths are)."""


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _windows(windows: tuple[core.TimeWindow, ...]) -> list[dict[str, str | None]]:
    return [{"start": _iso(w.start), "end": _iso(w.end)} for w in windows]


def mission_data(event: core.Event) -> dict[str, Any]:
    """The event as mission data, every instant written with its offset (taken from the
    core's records, which the data lists in the same order)."""
    data = event_to_data(event)
    for record, person in zip(data["people"], event.people, strict=True):
        if "availability" in record:
            record["availability"] = _windows(person.availability)
    for record, visit in zip(data.get("visits", []), event.visits, strict=True):
        if "windows" in record:
            record["windows"] = _windows(visit.windows)
    for record, item in zip(data.get("programme", []), event.programme, strict=True):
        record["start"], record["end"] = _iso(item.start), _iso(item.end)
    for record, request in zip(data.get("requests", []), event.requests, strict=True):
        for key in ("fixed_start", "created_at"):
            if key in record:
                record[key] = _iso(getattr(request, key))
    for record, outcome in zip(data.get("outcomes", []), event.outcomes, strict=True):
        if "recorded_at" in record:
            record["recorded_at"] = _iso(outcome.recorded_at)
    if event.brokerage is not None:
        data["brokerage"]["sessions"] = [
            {"id": s.id, "start": _iso(s.start), "end": _iso(s.end)}
            for s in event.brokerage.sessions
        ]
    return data


def check(data: dict[str, Any]) -> tuple[core.Event | None, list[Problem]]:
    """The core's verdict on mission data: the event it describes, or every problem."""
    return validate_text(json.dumps(data, ensure_ascii=False), f"{FILENAME}.json")
