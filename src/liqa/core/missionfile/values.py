"""Dates, local times, instants and time zones as written in mission files, both ways.

In a file of format version 2 (``liqa: 2``, what liqa writes), an instant written without
an offset (``2024-02-12 09:00``) is local time of the place where it happens when the
record has one (a programme item's venue, its ``end_venue`` for its end; a visit's venue;
at a brokerage event the brokerage venue for sessions, requests' ``fixed_start`` and
people's availability; at a trade mission a request's host's venue for its ``fixed_start``
and a host's venue for its people's availability: :class:`Places`), else of the leg whose
dates cover that day: the clock the agendas and the grid show it on. In a file of version
1 (written by older liqa) it is always local time of the leg; :func:`place_zones` alone
decides which. :func:`format_instant` writes instants back that way whenever the text reads
back to the same instant, and with an explicit offset otherwise.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from liqa.core.missionfile.cities import venue_zone
from liqa.core.problems import Message

if TYPE_CHECKING:
    from liqa.core.model import Event

_TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_INSTANT = re.compile(
    r"^(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ](?P<time>[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)"
    r"(?P<offset>Z|[+-][0-9]{2}:?[0-9]{2})?$"
)


FORMAT_VERSION = 2
"""The format version liqa writes (``liqa: 2``): times without an offset are local time of
the record's place, else of the leg."""
FORMAT_VERSIONS = (1, 2)
"""The format versions liqa reads; version 1 reads every time without an offset as local
time of the leg covering its day, whatever the place."""

YEARS = range(1900, 3000)
"""Years a mission file's dates and instants may fall in."""


class ValueProblem(ValueError):
    """A value cannot be read; ``code`` and ``hint`` go into the :class:`Problem`."""

    def __init__(self, message: str, code: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        """The message as given (a :class:`~liqa.core.problems.Message`, translatable)."""
        self.code = code
        self.hint = hint


@dataclass(frozen=True)
class LegSpan:
    """What instants need to know about a leg: its zone and its (inclusive) dates."""

    id: str
    timezone: str
    start: date
    end: date

    def covers(self, day: date) -> bool:
        """True when ``day`` is one of the leg's days."""
        return self.start <= day <= self.end


@cache
def known_timezones() -> frozenset[str]:
    """Every IANA time zone name this machine knows."""
    return frozenset(zoneinfo.available_timezones())


def parse_timezone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; :class:`ValueProblem` ``unknown_timezone`` otherwise."""
    if name not in known_timezones():
        from liqa.core.missionfile.zone_names import suggest_zone

        close = suggest_zone(name, known_timezones())
        if close is None:
            hint = Message("use an IANA name such as Africa/Casablanca")
        elif close.city:
            hint = Message(
                "{city} keeps the time of '{choice}' (IANA names a zone by its main city)",
                city=close.city,
                choice=close.zone,
            )
        else:
            hint = Message("did you mean '{choice}'?", choice=close.zone)
        raise ValueProblem(
            Message("unknown time zone '{name}'", name=name), "unknown_timezone", hint
        )
    return ZoneInfo(name)


def date_error(exc: ValueError) -> str:
    """Why Python's ``date`` refused a day, in the reader's language where the catalog has
    it (``month must be in 1..12``, ``day is out of range for month``), else as Python said."""
    said = str(exc)
    if said == "month must be in 1..12":
        return Message("month must be in 1..12")
    if said == "day is out of range for month" or re.fullmatch(
        r"day \d+ must be in range 1\.\.\d+ for month \d+ in year \d+", said
    ):  # Python 3.13 names the day, month and year; the reader has them in the cell
        return Message("day is out of range for month")
    return said


def parse_date(text: str) -> date:
    """A ``YYYY-MM-DD`` date; :class:`ValueProblem` ``impossible_date`` if no such day,
    ``out_of_range`` outside the years :data:`YEARS` (time zone arithmetic near year 1 or
    9999 overflows, and no mission is planned there)."""
    if not _DATE.match(text):
        raise ValueProblem(
            Message("'{text}' is not a date", text=text),
            "bad_format",
            Message("write dates as YYYY-MM-DD"),
        )
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise ValueProblem(
            Message("'{text}' is not a real date ({exc})", text=text, exc=date_error(exc)),
            "impossible_date",
            Message("check the day and month"),
        ) from None
    if day.year not in YEARS:
        raise ValueProblem(
            Message(
                "'{text}' is not between {start} and {value}",
                text=text,
                start=YEARS.start,
                value=YEARS.stop - 1,
            ),
            "out_of_range",
            Message("check the year"),
        )
    return day


def parse_time(text: str) -> time:
    """An ``HH:MM`` local time of day."""
    match = _TIME.match(text)
    if not match:
        raise ValueProblem(
            Message("'{text}' is not a time of day", text=text),
            "bad_format",
            Message("write HH:MM (24 h)"),
        )
    return time(int(match[1]), int(match[2]))


def format_version(data: object) -> int:
    """The format version mission ``data`` says (its ``liqa`` key), or :data:`FORMAT_VERSION`
    when it says none that liqa reads (the schema reports that)."""
    version = data.get("liqa") if isinstance(data, dict) else None
    if isinstance(version, bool) or not isinstance(version, int | float):
        return FORMAT_VERSION
    return int(version) if version in FORMAT_VERSIONS else FORMAT_VERSION


def place_zones(data: object) -> dict[str, str]:
    """Venue id → its zone name (its city's leg's when it gives none, :func:`venue_zone`),
    and organization id → its venue's, read defensively from mission data: where
    :func:`place_zone` looks up a record's place. Empty for a file of format version 1,
    whose times without an offset are all local time of their leg: the one place that
    decides by which rule a file's times are read."""
    sections = data if isinstance(data, dict) else {}
    zones: dict[str, str] = {}
    if format_version(sections) == 1:
        return zones
    for venue in _mappings(sections.get("venues")):
        zone = venue_zone(venue, sections)  # without a timezone: its city's leg's
        if isinstance(venue.get("id"), str) and zone is not None:
            zones[venue["id"]] = zone
    for org in _mappings(sections.get("organizations")):
        place = org.get("venue")
        org_zone = zones.get(place) if isinstance(place, str) else None
        if isinstance(org.get("id"), str) and org_zone is not None:
            zones[org["id"]] = org_zone
    return zones


@dataclass(frozen=True)
class Places:
    """Where a mission's records happen, for reading and writing their times without an
    offset (see :func:`places_of`). Every zone is ``None`` in a file of format version 1."""

    zones: Mapping[str, str]
    """Venue id → its zone, and organization id → its venue's (:func:`place_zones`)."""
    hall: str | None = None
    """The brokerage venue of a brokerage event: where its meetings and participants are."""
    hosts: Mapping[str, str] = field(default_factory=dict)
    """At a trade mission, person or organization id → the id of its organization when that
    is not on the delegation side (a host receives at its own venue)."""

    def zone(self, *venues: object) -> str | None:
        """:func:`place_zone` of ``venues`` (venue or organization ids)."""
        return place_zone(self.zones, *venues)

    def meeting(self, *parties: object) -> str | None:
        """The zone a meeting of ``parties`` (a request's target, then its requester) or a
        participant's own times are local time of: the brokerage venue at a brokerage
        event, else the venue of the first party received at its own organization's venue
        (a host's); ``None``: the leg's."""
        hosts = (self.hosts.get(p) if isinstance(p, str) else None for p in parties)
        return self.zone(self.hall, *hosts)


def places_of(data: object) -> Places:
    """The places of mission ``data``, read defensively (the one rule by which build, checks
    and the writer place a request's ``fixed_start`` and a person's availability): at a
    brokerage event its brokerage venue; at a trade mission a host's venue. No zone at all
    for a file of format version 1, whose times are all local time of their leg."""
    sections = data if isinstance(data, dict) else {}
    zones = place_zones(sections)
    if not zones:
        return Places({})
    event = sections.get("event")
    brokerage = sections.get("brokerage")
    if isinstance(event, dict) and event.get("kind") == "brokerage":
        hall = brokerage.get("venue") if isinstance(brokerage, dict) else None
        return Places(zones, hall if isinstance(hall, str) else None)
    hosts: dict[str, str] = {}
    for org in _mappings(sections.get("organizations")):
        if isinstance(org.get("id"), str) and org.get("side") != "delegation":
            hosts[org["id"]] = org["id"]
    for person in _mappings(sections.get("people")):
        org_id = person.get("organization")
        if isinstance(person.get("id"), str) and isinstance(org_id, str) and org_id in hosts:
            hosts[person["id"]] = org_id
    return Places(zones, None, hosts)


def places_of_event(event: Event) -> Places:
    """:func:`places_of` the mission file ``event`` is written as (version
    :data:`FORMAT_VERSION`): the same rule for records of the model."""
    return places_of(
        {
            "liqa": FORMAT_VERSION,
            "event": {"kind": event.kind.value},
            "venues": [{"id": v.id, "timezone": v.timezone} for v in event.venues],
            "organizations": [
                {"id": o.id, "side": o.side.value, "venue": o.venue} for o in event.organizations
            ],
            "people": [{"id": p.id, "organization": p.organization} for p in event.people],
            "brokerage": {"venue": event.brokerage.venue} if event.brokerage else None,
        }
    )


def _mappings(items: object) -> list[dict[str, Any]]:
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def place_zone(venue_zones: Mapping[str, str], *venues: object) -> str | None:
    """The zone of the first of ``venues`` (ids, ``None`` skipped) found in ``venue_zones``
    (venue id → IANA name) whose name is a known zone: where a record's time is local."""
    for venue in venues:
        zone = venue_zones.get(venue) if isinstance(venue, str) else None
        if zone is not None and zone in known_timezones():
            return zone
    return None


def parse_instant(
    text: str, legs: list[LegSpan], zone: str | None = None, *, stamp: bool = False
) -> datetime:
    """An aware instant: ISO 8601 with an offset, or local time of ``zone`` (the zone of
    the record's place, see :func:`place_zone`), else of the leg covering its day; a time
    ``stamp`` (``created_at``, ``recorded_at``: any day) that no leg covers, of the
    event's own zone (its first leg's)."""
    match = _INSTANT.match(text)
    if not match:
        raise ValueProblem(
            Message("'{text}' is not a date and time", text=text),
            "bad_format",
            Message(
                "write 'YYYY-MM-DD HH:MM' (local time of the place, else of the leg) "
                "or ISO 8601 with an offset"
            ),
        )
    day = parse_date(match["date"])
    try:
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError as exc:
        raise ValueProblem(
            Message("'{text}' is not a real time ({exc})", text=text, exc=exc),
            "impossible_date",
            Message("check the time"),
        ) from None
    if zone is not None:
        place = ZoneInfo(zone)
        return parsed.astimezone(place) if parsed.tzinfo else parsed.replace(tzinfo=place)
    covering = next((leg for leg in legs if leg.covers(day)), None)
    if parsed.tzinfo is not None:
        if covering is not None:
            return parsed.astimezone(ZoneInfo(covering.timezone))
        return parsed
    if covering is None and stamp and legs:
        covering = min(legs, key=lambda leg: leg.start)
    if covering is None:
        raise ValueProblem(
            Message("{text} is outside the event's legs ({value})", text=text, value=span(legs)),
            "outside_legs",
            Message("fix the date, add a leg that covers it, or give an explicit offset"),
        )
    return parsed.replace(tzinfo=ZoneInfo(covering.timezone))


def within_legs(instant: datetime, legs: list[LegSpan]) -> bool:
    """True when ``instant`` falls on a day of some leg (in that leg's local time)."""
    for leg in legs:
        local = instant.astimezone(ZoneInfo(leg.timezone))
        start = datetime.combine(leg.start, time(), ZoneInfo(leg.timezone))
        end = datetime.combine(leg.end + timedelta(days=1), time(), ZoneInfo(leg.timezone))
        if start <= local <= end:
            return True
    return False


def span(legs: list[LegSpan]) -> str:
    """The legs' dates for messages: ``houston 2024-02-11..2024-02-15, ...``."""
    if not legs:
        return "no valid legs"
    return ", ".join(f"{leg.id} {leg.start}..{leg.end}" for leg in legs)


def format_instant(instant: datetime, legs: list[LegSpan], zone: str | None = None) -> str:
    """Write ``instant`` as local time of ``zone`` (the record's place), else of its leg,
    when that reads back exactly (:func:`parse_instant`), else as ISO 8601."""
    if zone is not None:
        local = instant.astimezone(ZoneInfo(zone))
        text = _local_text(local)
        back = parse_instant(text, legs, zone)
        exact = back == instant and back.utcoffset() == local.utcoffset()
        return text if exact else instant.isoformat()
    for leg in legs:
        local = instant.astimezone(ZoneInfo(leg.timezone))
        if not leg.covers(local.date()):
            continue
        text = _local_text(local)
        try:
            back = parse_instant(text, legs)
        except ValueProblem:
            continue
        if back == instant and back.utcoffset() == local.utcoffset():
            return text
        break
    return instant.isoformat()


def _local_text(local: datetime) -> str:
    """``YYYY-MM-DD HH:MM`` (with seconds when it has some), without an offset."""
    if local.second == local.microsecond == 0:
        return local.strftime("%Y-%m-%d %H:%M")
    return local.replace(tzinfo=None).isoformat(sep=" ")
