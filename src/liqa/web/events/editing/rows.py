"""Row fields of the core records the organizer edits (the inverse of ``records``' readers)."""

from __future__ import annotations

from typing import Any

from liqa.core import model as core
from liqa.web.events import models as rows
from liqa.web.events.records import windows_to_json


def leg_fields(leg: core.Leg) -> dict[str, Any]:
    """Row fields of a leg."""
    return {
        "city": leg.city,
        "timezone": leg.timezone,
        "start": leg.start,
        "end": leg.end,
        "hotel": leg.hotel or "",
        "day_start": leg.day_start,
        "day_end": leg.day_end,
        "lunch_start": leg.lunch_start,
        "lunch_end": leg.lunch_end,
        "lunch_minutes": leg.lunch_minutes,
        "lunch_venue": leg.lunch_venue or "",
        "max_visits_per_day": leg.max_visits_per_day,
        "speed_kmh": leg.speed_kmh,
        "detour_factor": leg.detour_factor,
        "buffer_minutes": leg.buffer_minutes,
    }


def venue_fields(venue: core.Venue) -> dict[str, Any]:
    """Row fields of a venue."""
    return {
        "name": venue.name,
        "name_ar": venue.name_ar,
        "name_fr": venue.name_fr,
        "city": venue.city,
        "timezone": venue.timezone,
        "address": venue.address,
        "latitude": venue.latitude,
        "longitude": venue.longitude,
        "fictional": venue.fictional,
    }


def organization_fields(org: core.Organization) -> dict[str, Any]:
    """Row fields of an organization."""
    return {
        "name": org.name,
        "name_ar": org.name_ar,
        "name_fr": org.name_fr,
        "short_name": org.short_name,
        "side": org.side.value,
        "kind": org.kind.value,
        "sector": org.sector,
        "country": org.country,
        "themes": list(org.themes),
        "offers": dict(org.offers),
        "seeks": dict(org.seeks),
        "description": dict(org.description),
        "venue": org.venue or "",
        "website": org.website,
        "fictional": org.fictional,
    }


def person_fields(person: core.Person) -> dict[str, Any]:
    """Row fields of a person."""
    return {
        "name": person.name,
        "name_ar": person.name_ar,
        "organization": person.organization,
        "role": person.role,
        "gender": person.gender.value if person.gender else "",
        "languages": list(person.languages),
        "email": person.email,
        "phone": person.phone,
        "themes": list(person.themes),
        "availability": windows_to_json(person.availability),
        "table": person.table,
        "fictional": person.fictional,
    }


def visit_fields(visit: core.CandidateVisit) -> dict[str, Any]:
    """Row fields of a candidate visit."""
    return {
        "host": visit.host,
        "venue": visit.venue,
        "duration_minutes": visit.duration_minutes,
        "windows": windows_to_json(visit.windows),
        "max_visitors": visit.max_visitors,
        "priority": visit.priority,
        "required": visit.required,
        "required_attendees": list(visit.required_attendees),
        "themes": list(visit.themes),
        "topic": dict(visit.topic),
    }


def programme_fields(item: core.ProgrammeItem) -> dict[str, Any]:
    """Row fields of a programme item."""
    return {
        "kind": item.kind.value,
        "title": dict(item.title),
        "start": item.start,
        "end": item.end,
        "venue": item.venue or "",
        "end_venue": item.end_venue or "",
        "attendees": list(item.attendees),
    }


Model = (
    type[rows.Leg]
    | type[rows.Venue]
    | type[rows.Organization]
    | type[rows.Person]
    | type[rows.CandidateVisit]
    | type[rows.ProgrammeItem]
)

MODELS: dict[str, tuple[Model, Any]] = {
    "legs": (rows.Leg, leg_fields),
    "venues": (rows.Venue, venue_fields),
    "organizations": (rows.Organization, organization_fields),
    "people": (rows.Person, person_fields),
    "visits": (rows.CandidateVisit, visit_fields),
    "programme": (rows.ProgrammeItem, programme_fields),
}
"""Section of the mission data (a kind's ``section[0]``) → (row model, core record → row
fields)."""
