"""What an organizer can edit: each kind of record, where it lives in the mission data.

A :class:`Kind` maps the fields of its form (named after the core record's attributes, the
core id being ``key``) to the record's path in the mission file, so that an edit is
applied to the event's mission data and judged by the core's validator, and every
problem the validator reports at a path can be shown next to the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from liqa.core import model as core
from liqa.core.missionfile.values import LegSpan, format_instant, place_zone, places_of_event
from liqa.core.outputs.timeline import zone_at
from liqa.web.events.editing import visit_rules

LOCALIZED = ("description", "offers", "seeks")
"""An organization's matchmaking texts, each given per language."""
LOCALIZED_FIELDS = (*LOCALIZED, "title", "topic")
"""Every localized text the forms edit by language."""


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
    aspect_of: str = ""
    """For a part of another kind's records (a person's availability): that kind's name.
    An aspect is only changed, never added or deleted on its own."""
    rules: Callable[[core.Event, str], dict[str, list[str]]] | None = None
    """Checks of the saved record beyond the mission file's validator (event, key →
    messages by form field)."""

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
        "name_fr": "name_fr",
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
        "gender": "gender",
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
        "name_fr": "name_fr",
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
        "lunch_venue": "lunch.venue",
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

VISITS = Kind(
    "visits",
    _("Candidate visits"),
    ("visits",),
    {
        "key": "id",
        "host": "host",
        "venue": "venue",
        "duration_minutes": "duration_minutes",
        "windows": "windows",
        "max_visitors": "max_visitors",
        "themes": "themes",
        "priority": "priority",
        "required": "required",
        "required_attendees": "required_attendees",
    },
    rules=visit_rules.problems,
)
PROGRAMME = Kind(
    "programme",
    _("Programme"),
    ("programme",),
    {
        "key": "id",
        "kind": "kind",
        "title_en": "title.en",
        "title_fr": "title.fr",
        "title_ar": "title.ar",
        "start": "start",
        "end": "end",
        "venue": "venue",
        "end_venue": "end_venue",
        "attendees": "attendees",
    },
    whole_record_field="start",
)
AVAILABILITY = Kind(
    "availability",
    _("Availability"),
    ("people",),
    {"availability": "availability"},
    aspect_of="people",
)
"""A person's availability: when empty, the whole event."""
PROFILES = Kind(
    "profiles",
    _("Matchmaking profile"),
    ("organizations",),
    {
        "themes": "themes",
        **{f"{part}_{lang}": f"{part}.{lang}" for part in LOCALIZED for lang in ("en", "fr", "ar")},
    },
    aspect_of="organizations",
)
"""An organization's description, offers and seeks per language, and its themes."""

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        ORGANIZATIONS,
        PEOPLE,
        VENUES,
        LEGS,
        SESSIONS,
        BROKERAGE,
        VISITS,
        PROGRAMME,
        AVAILABILITY,
        PROFILES,
    )
}


def records_of(event: core.Event, kind: Kind) -> list[Any]:
    """The core records of one kind, in file order (the brokerage setup as one record)."""
    if kind is SESSIONS:
        return list(event.brokerage.sessions) if event.brokerage else []
    if kind is BROKERAGE:
        return [event.brokerage] if event.brokerage else []
    return list(getattr(event, kind.section[0]))  # organizations, people, ..., programme


PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "programme": {"start": ("venue",), "end": ("end_venue", "venue")},
    "visits": {"windows": ("venue", "host")},
    "brokerage": {"session_start": ("venue",), "session_end": ("venue",)},
}
"""Kind → time field → the fields naming the place whose zone its times are local time of
(the first that names a venue, or a host with a venue), as the mission file reads them
(:func:`liqa.core.missionfile.values.parse_instant`); other times are the leg's."""


def place_zones_of(event: core.Event) -> dict[str, str]:
    """Venue id → its zone, and organization id → its venue's zone."""
    zones = {venue.id: venue.timezone for venue in event.venues}
    venues = {org.id: zones[org.venue] for org in event.organizations if org.venue in zones}
    return zones | venues


def time_zone(
    event: core.Event, kind: Kind, field: str, values: Mapping[str, Any], key: str | None = None
) -> str | None:
    """The zone the times of ``field`` are local time of, given the record's (or form's)
    ``values`` and, for a person's availability, the person's ``key`` (the brokerage venue,
    else their host organization's venue, as the mission file reads it:
    :meth:`~liqa.core.missionfile.values.Places.meeting`); ``None``: the leg's zone that day."""
    if kind is SESSIONS:
        return place_zone(place_zones_of(event), event.brokerage and event.brokerage.venue)
    if kind is AVAILABILITY:
        return places_of_event(event).meeting(key) if key is not None else None
    places = PLACES.get(kind.name, {}).get(field, ())
    return place_zone(place_zones_of(event), *(values.get(name) for name in places))


def place_venue(
    event: core.Event, kind: Kind, field: str, values: Mapping[str, Any], key: str | None = None
) -> core.Venue | None:
    """The venue whose clock the times of ``field`` are on, by the rule of
    :func:`time_zone` (the first of the record's places with a known zone: a venue, a
    host's venue, the brokerage venue); ``None``: the leg's clock that day."""
    zone = time_zone(event, kind, field, values, key)
    if zone is None:
        return None
    if kind is SESSIONS:
        named: tuple[object, ...] = (event.brokerage and event.brokerage.venue,)
    elif kind is AVAILABILITY:
        places = places_of_event(event)
        named = (places.hall, places.hosts.get(key or ""))
    else:
        named = tuple(values.get(name) for name in PLACES.get(kind.name, {}).get(field, ()))
    venues = {venue.id: venue for venue in event.venues}
    orgs = {org.id: org for org in event.organizations}
    for place in named:
        if not isinstance(place, str):
            continue
        org = orgs.get(place)  # an organization's venue first, as in place_zones_of
        venue = (venues.get(org.venue or "") if org else None) or venues.get(place)
        if venue is not None and venue.timezone == zone:
            return venue
    return None


def record_zone(event: core.Event, instant: datetime, zone: str | None) -> ZoneInfo:
    """``zone``, else the zone of the leg covering the instant's day (the grid's rule)."""
    if zone is not None:
        return ZoneInfo(zone)
    return zone_at(event, instant, None)


def local_time(event: core.Event, instant: datetime, *places: str | None) -> datetime:
    """``instant`` on the clock of the first of ``places`` (venue ids) with a zone, else of
    the leg covering its day: as the grid and the agendas show it."""
    zone = place_zone(place_zones_of(event), *places)
    return instant.astimezone(record_zone(event, instant, zone))


def _plain(value: Any, spans: list[LegSpan], zone: str | None) -> Any:
    if isinstance(value, core.TimeWindow):
        return {"start": _plain(value.start, spans, zone), "end": _plain(value.end, spans, zone)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item, spans, zone) for item in value]
    if isinstance(value, datetime):
        return format_instant(value, spans, zone)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def initial_of(event: core.Event, kind: Kind, record: Any) -> dict[str, Any]:
    """The form's initial values for a core record (instants as the mission file writes
    them: local time of their place, else of the leg)."""
    spans = [LegSpan(leg.id, leg.timezone, leg.start, leg.end) for leg in event.legs]
    values = {field: _value(record, field, path) for field, path in kind.fields.items()}
    key = getattr(record, "id", None)
    return {
        field: _plain(value, spans, time_zone(event, kind, field, values, key))
        for field, value in values.items()
    }


def _value(record: Any, field: str, path: str) -> Any:
    """The record's attribute named like the field, else the one at its path (``title.en``)."""
    if field == "key":
        return record.id
    if hasattr(record, field):
        return getattr(record, field)
    first, *rest = path.split(".")
    value = getattr(record, first)
    for part in rest:
        value = value.get(part, "") if isinstance(value, Mapping) else ""
    return value


def localized_as_mappings(record: dict[str, Any], kind: Kind) -> dict[str, Any]:
    """``record`` with its localized texts edited by language (``title.en``) as mappings.

    The mission data writes a text given only in English as a plain string.
    """
    parents = {path.split(".")[0] for path in kind.fields.values() if "." in path}
    out = dict(record)
    for parent in parents & set(LOCALIZED_FIELDS):
        if isinstance(out.get(parent), str):
            out[parent] = {"en": out[parent]}
    return out


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
