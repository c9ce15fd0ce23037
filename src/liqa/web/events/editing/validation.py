"""Judge an edited event with the core's mission-file validator, as if it were a file.

The event's rows become mission data (``event_to_data``); instants of every record are
written with their UTC offset, so that editing a leg (its zone, its dates) never moves
what other records say, only the validator's view of whether they still fit. The edit
is applied to that data, and the whole of it is checked (schema, ids, references, legs,
instants); every problem comes back with its path.
"""

from __future__ import annotations

import json
from typing import Any

from liqa.core import model as core
from liqa.core.missionfile import event_to_data, validate_text
from liqa.core.missionfile.values import LegSpan, parse_instant
from liqa.core.problems import Problem

FILENAME = "event"
"""The name the validator gives the data in its problems (never shown: paths are)."""

_INSTANTS: dict[str, tuple[str, ...]] = {
    "people": ("availability",),
    "visits": ("windows",),
    "programme": ("start", "end"),
    "requests": ("fixed_start", "created_at"),
    "outcomes": ("recorded_at",),
}
"""Fields holding instants (or lists of ``{start, end}`` windows), by section."""


def _absolute(value: Any, spans: list[LegSpan]) -> Any:
    """An instant written as local time of a leg, rewritten with its offset."""
    if isinstance(value, str):
        return parse_instant(value, spans).isoformat()
    if isinstance(value, list):  # windows, sessions: {start, end, ...}
        return [
            {k: _absolute(v, spans) if k in ("start", "end") else v for k, v in item.items()}
            for item in value
        ]
    return value


def mission_data(event: core.Event) -> dict[str, Any]:
    """The event as mission data, every instant written with its offset."""
    data = event_to_data(event)
    spans = [LegSpan(leg.id, leg.timezone, leg.start, leg.end) for leg in event.legs]
    for section, keys in _INSTANTS.items():
        for record in data.get(section, []):
            for key in keys:
                if key in record:
                    record[key] = _absolute(record[key], spans)
    brokerage = data.get("brokerage")
    if isinstance(brokerage, dict):
        brokerage["sessions"] = _absolute(brokerage["sessions"], spans)
    return data


def check(data: dict[str, Any]) -> tuple[core.Event | None, list[Problem]]:
    """The core's verdict on mission data: the event it describes, or every problem."""
    return validate_text(json.dumps(data, ensure_ascii=False), f"{FILENAME}.json")
