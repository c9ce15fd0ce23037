"""An Event -> the tables organizers keep, cell by cell, readable back losslessly.

Instants are written as local date and time of their place as the mission file reads it (a
request's meeting, a person's own times: :class:`~liqa.core.missionfile.values.Places`), else
of their leg (``2024-02-12 09:00``), whenever that reads back to the same instant, else in
ISO 8601 with the offset; lists are joined with ``, ``; availability windows are
``start - end`` joined with ``; ``; localized text gets one column per language
(``offers_ar``, ``offers_fr``, ``offers_en``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from liqa.core.missionfile.values import Places, places_of_event
from liqa.core.model import (
    LANGUAGES,
    Event,
    Leg,
    MeetingRequest,
    Organization,
    Person,
    Venue,
    pick,
)
from liqa.core.spreadsheets.cells import Cell, format_instant


@dataclass(frozen=True)
class Sheet:
    """A table ready to write: a name, headers and rows of cells."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def event_sheets(event: Event) -> tuple[Sheet, ...]:
    """The organizations, people, requests and venues tables of ``event``, and its outcomes
    table when it has recorded outcomes (an event without any is written as before)."""
    places = places_of_event(event)
    sheets = (
        _organizations(event.organizations),
        _people(event.people, event.legs, places),
        _requests(event.requests, event.legs, places),
        _venues(event.venues),
    )
    return (*sheets, _outcomes(event)) if event.outcomes else sheets


def _flag(value: bool) -> str:
    return "yes" if value else "no"


def _joined(items: Iterable[str]) -> str:
    return ", ".join(items)


def _languages(mappings: Iterable[Mapping[str, str]]) -> list[str]:
    present = {lang for mapping in mappings for lang in mapping}
    return [lang for lang in LANGUAGES if lang in present]  # the mission file allows no other


def _organizations(orgs: tuple[Organization, ...]) -> Sheet:
    localized = {
        key: _languages(getattr(o, key) for o in orgs) for key in ("offers", "seeks", "description")
    }
    headers = ["id", "name", "name_ar", "name_fr", "short_name", "side", "kind", "sector"]
    headers += ["country", "themes"]
    for key, langs in localized.items():
        headers += [f"{key}_{lang}" for lang in langs]
    headers += ["venue", "website", "fictional"]
    rows = []
    for org in orgs:
        row: list[Cell] = [
            org.id,
            org.name,
            org.name_ar,
            org.name_fr,
            org.short_name,
            str(org.side),
            str(org.kind),
            org.sector,
            org.country,
            _joined(org.themes),
        ]
        for key, langs in localized.items():
            texts: Mapping[str, str] = getattr(org, key)
            row += [texts.get(lang, "") for lang in langs]
        row += [org.venue or "", org.website, _flag(org.fictional)]
        rows.append(tuple(row))
    return Sheet("organizations", tuple(headers), tuple(rows))


def _people(people: tuple[Person, ...], legs: tuple[Leg, ...], places: Places) -> Sheet:
    headers = (
        "id",
        "name",
        "name_ar",
        "organization",
        "role",
        "gender",
        "languages",
        "email",
        "phone",
        "themes",
        "availability",
        "table",
        "fictional",
    )
    rows = tuple(
        (
            p.id,
            p.name,
            p.name_ar,
            p.organization,
            p.role,
            p.gender.value if p.gender else "",
            _joined(p.languages),
            p.email,
            p.phone,
            _joined(p.themes),
            _windows(p, legs, places.meeting(p.id)),
            p.table,
            _flag(p.fictional),
        )
        for p in people
    )
    return Sheet("people", headers, rows)


def _windows(person: Person, legs: tuple[Leg, ...], zone: str | None) -> str:
    return "; ".join(
        f"{format_instant(w.start, legs, zone)} - {format_instant(w.end, legs, zone)}"
        for w in person.availability
    )


def _instant(value: datetime | None, legs: tuple[Leg, ...], zone: str | None = None) -> str:
    return "" if value is None else format_instant(value, legs, zone)


def _requests(requests: tuple[MeetingRequest, ...], legs: tuple[Leg, ...], places: Places) -> Sheet:
    headers = (
        "id",
        "from",
        "to",
        "priority",
        "status",
        "format",
        "message",
        "duration_minutes",
        "session",
        "fixed_start",
        "attendees",
        "after",
        "created_at",
    )
    rows = tuple(
        (
            r.id,
            r.requester,
            r.target,
            r.priority,
            str(r.status),
            str(r.format),
            r.message,
            r.duration_minutes,
            r.session or "",
            _instant(r.fixed_start, legs, places.meeting(r.target, r.requester)),
            _joined(r.attendees),
            _joined(r.after),
            _instant(r.created_at, legs),
        )
        for r in requests
    )
    return Sheet("requests", headers, rows)


def _venues(venues: tuple[Venue, ...]) -> Sheet:
    headers: tuple[str, ...] = ("id", "name", "name_ar", "name_fr", "city", "address")
    headers += ("timezone", "latitude", "longitude", "fictional")
    rows = tuple(
        (
            v.id,
            v.name,
            v.name_ar,
            v.name_fr,
            v.city,
            v.address,
            v.timezone,
            _degrees(v.latitude),
            _degrees(v.longitude),
            _flag(v.fictional),
        )
        for v in venues
    )
    return Sheet("venues", headers, rows)


def _degrees(value: float | None) -> Cell:
    """A coordinate cell: the number, or its exact text when a workbook would round it
    (XLSX keeps 16 significant digits; a float may need 17)."""
    if value is None:
        return ""
    return value if float(f"{value:.16g}") == value else repr(value)


def _outcomes(event: Event) -> Sheet:
    """One row per outcome: its meeting by id, the meeting's parties by name (for reading:
    the import does not read them back), what happened, the follow-up and who owns it."""
    # imported here: the labels' module loads the outputs' dependencies, which exporting
    # an event without outcomes does not need
    from liqa.core.outputs.labels import item_titles

    meetings = [outcome.assignment for outcome in event.outcomes]
    parties = item_titles(event, meetings) | {
        item.id: pick(item.title, "en") or item.id for item in event.programme
    }
    headers = ("meeting", "parties", "status", "follow_up", "owner", "notes", "recorded_at")
    rows = tuple(
        (
            o.assignment,
            parties.get(o.assignment, o.assignment),
            str(o.kind),
            str(o.follow_up),
            o.owner or "",
            o.notes,
            _instant(o.recorded_at, event.legs),
        )
        for o in event.outcomes
    )
    return Sheet("outcomes", headers, rows)
