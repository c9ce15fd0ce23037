"""What an organizer can edit: each kind of record, where it lives in the mission data.

A :class:`Kind` maps the fields of its form (named after the core record's attributes, the
core id being ``key``) to the record's path in the mission file, so that an edit is
applied to the event's mission data and judged by the core's validator, and every
problem the validator reports at a path can be shown next to the field it concerns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from liqa.core import model as core
from liqa.core.missionfile.values import LegSpan, format_instant


@dataclass(frozen=True)
class Kind:
    """One kind of record the organizer edits."""

    name: str
    """Its URL segment, e.g. ``people``."""
    label: Any
    """The heading of its list (translated lazily)."""
    section: tuple[str, ...]
    """Where its records are in the mission data, e.g. ``("brokerage", "sessions")``."""
    fields: Mapping[str, str]
    """Form field → path inside the record (``day.start``), in form order."""
    whole_record_field: str = ""
    """The field that shows problems about the record as a whole (e.g. a session's window)."""

    def field_of(self, relative: str) -> str:
        """The form field of a path inside the record (``themes[2]`` → ``themes``), or ``""``."""
        best = ""
        for field, path in self.fields.items():
            inside = relative == path or relative.startswith((path + ".", path + "["))
            if inside and len(path) > len(self.fields.get(best, "")):
                best = field
        return best


ORGANIZATIONS = Kind(
    "organizations",
    _("Organizations"),
    ("organizations",),
    {
        "key": "id",
        "name": "name",
        "name_ar": "name_ar",
        "short_name": "short_name",
        "side": "side",
        "kind": "kind",
        "sector": "sector",
        "country": "country",
        "themes": "themes",
        "venue": "venue",
        "website": "website",
    },
)
PEOPLE = Kind(
    "people",
    _("People"),
    ("people",),
    {
        "key": "id",
        "name": "name",
        "name_ar": "name_ar",
        "organization": "organization",
        "role": "role",
        "languages": "languages",
        "email": "email",
        "phone": "phone",
        "themes": "themes",
        "table": "table",
    },
)
VENUES = Kind(
    "venues",
    _("Venues"),
    ("venues",),
    {
        "key": "id",
        "name": "name",
        "name_ar": "name_ar",
        "city": "city",
        "timezone": "timezone",
        "address": "address",
        "latitude": "lat",
        "longitude": "lon",
    },
)
LEGS = Kind(
    "legs",
    pgettext_lazy("cities of a mission", "Legs"),
    ("legs",),
    {
        "key": "id",
        "city": "city",
        "timezone": "timezone",
        "start": "start",
        "end": "end",
        "hotel": "hotel",
        "day_start": "day.start",
        "day_end": "day.end",
        "lunch_start": "lunch.start",
        "lunch_end": "lunch.end",
        "lunch_minutes": "lunch.minutes",
        "max_visits_per_day": "max_visits_per_day",
        "speed_kmh": "travel.speed_kmh",
        "detour_factor": "travel.detour_factor",
        "buffer_minutes": "travel.buffer_minutes",
    },
)
SESSIONS = Kind(
    "sessions",
    _("Brokerage sessions"),
    ("brokerage", "sessions"),
    {"key": "id", "start": "start", "end": "end"},
    whole_record_field="start",
)
BROKERAGE = Kind(
    "brokerage",
    _("Brokerage slots and tables"),
    ("brokerage",),
    {
        "venue": "venue",
        "slot_minutes": "slot_minutes",
        "tables": "tables",
        "max_meetings_per_session": "max_meetings_per_session",
    },
)
"""The brokerage setup: one record per event, without a key."""

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (ORGANIZATIONS, PEOPLE, VENUES, LEGS, SESSIONS, BROKERAGE)
}


def records_of(event: core.Event, kind: Kind) -> list[Any]:
    """The core records of one kind, in file order (the brokerage setup as one record)."""
    if kind is SESSIONS:
        return list(event.brokerage.sessions) if event.brokerage else []
    if kind is BROKERAGE:
        return [event.brokerage] if event.brokerage else []
    return list(getattr(event, kind.name))  # organizations, people, venues, legs


def _plain(value: Any, spans: list[LegSpan]) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, datetime):
        return format_instant(value, spans)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def initial_of(event: core.Event, kind: Kind, record: Any) -> dict[str, Any]:
    """The form's initial values for a core record (instants in the local time of a leg)."""
    spans = [LegSpan(leg.id, leg.timezone, leg.start, leg.end) for leg in event.legs]
    return {
        field: _plain(getattr(record, "id" if field == "key" else field), spans)
        for field in kind.fields
    }


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def apply_fields(record: dict[str, Any], kind: Kind, values: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` (mission data) with the form's ``values`` set at their paths.

    Empty values remove their key (the mission file's default applies); fields the form
    does not show (availability, offers, seeks...) are kept as they were.
    """
    out: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in record.items()}
    for field, path in kind.fields.items():
        if field not in values:
            continue
        value = values[field]
        if isinstance(value, date | datetime):
            value = value.isoformat()
        *parents, leaf = path.split(".")
        holder = out
        for parent in parents:
            holder = holder.setdefault(parent, {})
        if _empty(value):
            holder.pop(leaf, None)
        else:
            holder[leaf] = value
        if parents and not out[parents[0]]:
            del out[parents[0]]
    return out
