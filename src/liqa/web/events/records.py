"""Translate between rows and the core's records, both ways, without business rules.

:func:`event_record` reads an event's rows into a ``liqa.core.model.Event``;
:func:`store_event` writes a core event as rows (the caller owns the transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from django.dispatch import Signal

from liqa.core import model as core
from liqa.web.events import models as rows
from liqa.web.events import snapshots

Windows = list[list[str]]

parties_stored = Signal()
"""Sent with ``event`` (the row) after :func:`store_parties` wrote organizations, people and
requests in bulk, which sends no per-row signal (the audit trail records it)."""

outcomes_stored = Signal()
"""Sent with ``event`` (the row) and ``before`` (the outcome rows the event had, read before
they were replaced; empty for a new event) after an import wrote the event's outcomes in
bulk, which sends no per-row signal (the audit trail records each outcome that changed)."""


def windows_to_json(windows: Iterable[core.TimeWindow]) -> Windows:
    """Time windows as ``[[start, end], ...]`` ISO 8601 strings with offsets."""
    return [[w.start.isoformat(), w.end.isoformat()] for w in windows]


def windows_from_json(data: Windows) -> tuple[core.TimeWindow, ...]:
    """The inverse of :func:`windows_to_json`."""
    return tuple(
        core.TimeWindow(datetime.fromisoformat(start), datetime.fromisoformat(end))
        for start, end in data
    )


def brokerage_to_json(setup: core.BrokerageSetup | None) -> dict[str, Any] | None:
    """The brokerage setup in the mission-file shape, instants as ISO strings."""
    if setup is None:
        return None
    return {
        "venue": setup.venue,
        "slot_minutes": setup.slot_minutes,
        "tables": setup.tables,
        "max_meetings_per_session": setup.max_meetings_per_session,
        "sessions": [
            {"id": s.id, "start": s.start.isoformat(), "end": s.end.isoformat()}
            for s in setup.sessions
        ],
    }


def organizers_from_json(data: list[Any]) -> tuple[dict[str, str], ...]:
    """Stored organizers as the core's ``{language: name}`` mappings: each a mapping, or a
    plain string (English) as events stored before organizers had names per language."""
    return tuple(names for names in (core.localized(item) for item in data) if names)


def organizers_to_json(organizers: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """The inverse of :func:`organizers_from_json`: one ``{language: name}`` each."""
    return [dict(names) for names in organizers]


def brokerage_from_json(data: dict[str, Any] | None) -> core.BrokerageSetup | None:
    """The inverse of :func:`brokerage_to_json`."""
    if not data:
        return None
    return core.BrokerageSetup(
        venue=data["venue"],
        slot_minutes=data["slot_minutes"],
        tables=data["tables"],
        max_meetings_per_session=data.get("max_meetings_per_session"),
        sessions=tuple(
            core.Session(
                s["id"], datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"])
            )
            for s in data["sessions"]
        ),
    )


def _opt(value: str) -> str | None:
    return value or None


def leg_record(row: rows.Leg) -> core.Leg:
    """A leg row as a core record."""
    return core.Leg(
        id=row.key,
        city=row.city,
        timezone=row.timezone,
        start=row.start,
        end=row.end,
        hotel=_opt(row.hotel),
        day_start=row.day_start,
        day_end=row.day_end,
        lunch_start=row.lunch_start,
        lunch_end=row.lunch_end,
        lunch_minutes=row.lunch_minutes,
        lunch_venue=_opt(row.lunch_venue),
        max_visits_per_day=row.max_visits_per_day,
        speed_kmh=row.speed_kmh,
        detour_factor=row.detour_factor,
        buffer_minutes=row.buffer_minutes,
    )


def venue_record(row: rows.Venue) -> core.Venue:
    """A venue row as a core record."""
    return core.Venue(
        id=row.key,
        name=row.name,
        city=row.city,
        timezone=row.timezone,
        address=row.address,
        latitude=row.latitude,
        longitude=row.longitude,
        name_ar=row.name_ar,
        fictional=row.fictional,
        name_fr=row.name_fr,
    )


def organization_record(row: rows.Organization) -> core.Organization:
    """An organization row as a core record."""
    return core.Organization(
        id=row.key,
        name=row.name,
        side=core.Side(row.side),
        kind=core.OrgKind(row.kind),
        name_ar=row.name_ar,
        name_fr=row.name_fr,
        short_name=row.short_name,
        sector=row.sector,
        country=row.country,
        themes=tuple(row.themes),
        offers=dict(row.offers),
        seeks=dict(row.seeks),
        description=dict(row.description),
        venue=_opt(row.venue),
        website=row.website,
        fictional=row.fictional,
    )


def person_record(row: rows.Person) -> core.Person:
    """A person row as a core record."""
    return core.Person(
        id=row.key,
        name=row.name,
        organization=row.organization,
        role=row.role,
        name_ar=row.name_ar,
        gender=core.Gender(row.gender) if row.gender else None,
        languages=tuple(row.languages),
        email=row.email,
        phone=row.phone,
        themes=tuple(row.themes),
        availability=windows_from_json(row.availability),
        table=row.table,
        fictional=row.fictional,
    )


def request_record(row: rows.MeetingRequest, booked: datetime | None = None) -> core.MeetingRequest:
    """A request row as a core record; a slot ``booked`` for it fixes its start there."""
    return core.MeetingRequest(
        id=row.key,
        requester=row.requester,
        target=row.target,
        priority=row.priority,
        status=core.RequestStatus(row.status),
        format=core.MeetingFormat(row.format),
        message=row.message,
        duration_minutes=row.duration_minutes,
        session=_opt(row.session),
        fixed_start=booked or row.fixed_start,
        attendees=tuple(row.attendees),
        after=tuple(row.after),
        created_at=row.created_at,
    )


def visit_record(row: rows.CandidateVisit) -> core.CandidateVisit:
    """A candidate visit row as a core record."""
    return core.CandidateVisit(
        id=row.key,
        host=row.host,
        venue=row.venue,
        duration_minutes=row.duration_minutes,
        windows=windows_from_json(row.windows),
        max_visitors=row.max_visitors,
        priority=row.priority,
        required=row.required,
        required_attendees=tuple(row.required_attendees),
        themes=tuple(row.themes),
        topic=dict(row.topic),
    )


def programme_record(row: rows.ProgrammeItem) -> core.ProgrammeItem:
    """A programme item row as a core record."""
    return core.ProgrammeItem(
        id=row.key,
        kind=core.ProgrammeKind(row.kind),
        title=dict(row.title),
        start=row.start,
        end=row.end,
        venue=_opt(row.venue),
        end_venue=_opt(row.end_venue),
        attendees=tuple(row.attendees),
    )


def outcome_record(row: rows.Outcome) -> core.Outcome:
    """An outcome row as a core record."""
    return core.Outcome(
        assignment=row.assignment,
        kind=core.OutcomeKind(row.kind),
        follow_up=core.FollowUp(row.follow_up),
        owner=_opt(row.owner),
        notes=row.notes,
        recorded_at=row.recorded_at,
    )


def event_record(row: rows.Event, stamp: snapshots.Stamp | None = None) -> core.Event:
    """The whole event, read from its rows, as the core's record.

    A booked request (``Booking``) is fixed at its booked slot, as the mission file's
    ``fixed_start`` would fix it: the scheduler then keeps it there.

    The record is read from the stored rows (the event row too, not ``row`` as held in
    memory). Without its bookings, it is kept per process under the event's
    :func:`~liqa.web.events.snapshots.data_stamp` (``stamp``, when the caller has it), so
    a read costs two queries (the stamp, the bookings) until the event's rows change.
    """
    event = stored_event(row, stamp)
    booked = dict(rows.Booking.objects.filter(event=row).values_list("request__key", "slot_start"))
    if not booked:
        return event
    return replace(
        event,
        requests=tuple(
            replace(r, fixed_start=booked[r.id]) if r.id in booked else r for r in event.requests
        ),
    )


def stored_event(row: rows.Event, stamp: snapshots.Stamp | None = None) -> core.Event:
    """The event's record without its bookings, kept per process under ``stamp`` (the
    event's :func:`~liqa.web.events.snapshots.data_stamp`, read when not given)."""
    if stamp is None:
        stamp = snapshots.data_stamp(row)
    return snapshots.EVENTS.get(
        stamp,
        lambda: _read_event(rows.Event.objects.get(pk=row.pk)),  # as stored, not as in memory
        still=lambda: snapshots.data_stamp(row) == stamp,
    )


def _read_event(row: rows.Event) -> core.Event:
    """The event's rows (every one but bookings) as the core's record."""
    return core.Event(
        id=row.slug,
        kind=core.EventKind(row.kind),
        title=dict(row.title),
        legs=tuple(leg_record(r) for r in row.legs.all()),
        organizers=organizers_from_json(row.organizers),
        languages=tuple(row.languages),
        themes=tuple(row.themes),
        goals=dict(row.goals),
        description=dict(row.description),
        venues=tuple(venue_record(r) for r in row.venues.all()),
        organizations=tuple(organization_record(r) for r in row.organizations.all()),
        people=tuple(person_record(r) for r in row.people.all()),
        requests=tuple(request_record(r) for r in row.requests.all()),
        visits=tuple(visit_record(r) for r in row.visits.all()),
        programme=tuple(programme_record(r) for r in row.programme.all()),
        brokerage=brokerage_from_json(row.brokerage),
        subgroups_max=row.subgroups_max,
        subgroup_min_size=row.subgroup_min_size,
        subgroup_max_size=row.subgroup_max_size,
        together=tuple(tuple(group) for group in row.together),
        apart=tuple(tuple(group) for group in row.apart),
        outcomes=tuple(outcome_record(r) for r in row.outcomes.all()),
    )


def request_fields(record: core.MeetingRequest) -> dict[str, Any]:
    """Row fields of a core request (used by import and by the request services)."""
    return {
        "key": record.id,
        "requester": record.requester,
        "target": record.target,
        "priority": record.priority,
        "status": record.status.value,
        "format": record.format.value,
        "message": record.message,
        "duration_minutes": record.duration_minutes,
        "session": record.session or "",
        "fixed_start": record.fixed_start,
        "attendees": list(record.attendees),
        "after": list(record.after),
        "created_at": record.created_at,
    }


def store_event(event: core.Event, *, raw: bool = False) -> rows.Event:
    """Write ``event`` as new rows and return the event row (no transaction of its own).

    ``raw``: rows written back as they were (a backup's restore, like Django's loaddata),
    so no import is announced to the audit trail (see :func:`store_parties`).
    """
    row = rows.Event.objects.create(
        slug=event.id,
        kind=event.kind.value,
        title=dict(event.title),
        organizers=organizers_to_json(event.organizers),
        languages=list(event.languages),
        themes=list(event.themes),
        goals=dict(event.goals),
        description=dict(event.description),
        brokerage=brokerage_to_json(event.brokerage),
        subgroups_max=event.subgroups_max,
        subgroup_min_size=event.subgroup_min_size,
        subgroup_max_size=event.subgroup_max_size,
        together=[list(group) for group in event.together],
        apart=[list(group) for group in event.apart],
    )
    rows.Leg.objects.bulk_create(
        rows.Leg(
            event=row,
            key=leg.id,
            position=i,
            city=leg.city,
            timezone=leg.timezone,
            start=leg.start,
            end=leg.end,
            hotel=leg.hotel or "",
            day_start=leg.day_start,
            day_end=leg.day_end,
            lunch_start=leg.lunch_start,
            lunch_end=leg.lunch_end,
            lunch_minutes=leg.lunch_minutes,
            lunch_venue=leg.lunch_venue or "",
            max_visits_per_day=leg.max_visits_per_day,
            speed_kmh=leg.speed_kmh,
            detour_factor=leg.detour_factor,
            buffer_minutes=leg.buffer_minutes,
        )
        for i, leg in enumerate(event.legs)
    )
    rows.Venue.objects.bulk_create(
        rows.Venue(
            event=row,
            key=v.id,
            position=i,
            name=v.name,
            name_ar=v.name_ar,
            name_fr=v.name_fr,
            city=v.city,
            timezone=v.timezone,
            address=v.address,
            latitude=v.latitude,
            longitude=v.longitude,
            fictional=v.fictional,
        )
        for i, v in enumerate(event.venues)
    )
    store_parties(row, event, raw=raw)
    rows.CandidateVisit.objects.bulk_create(
        rows.CandidateVisit(
            event=row,
            key=v.id,
            position=i,
            host=v.host,
            venue=v.venue,
            duration_minutes=v.duration_minutes,
            windows=windows_to_json(v.windows),
            max_visitors=v.max_visitors,
            priority=v.priority,
            required=v.required,
            required_attendees=list(v.required_attendees),
            themes=list(v.themes),
            topic=dict(v.topic),
        )
        for i, v in enumerate(event.visits)
    )
    rows.ProgrammeItem.objects.bulk_create(
        rows.ProgrammeItem(
            event=row,
            key=p.id,
            position=i,
            kind=p.kind.value,
            title=dict(p.title),
            start=p.start,
            end=p.end,
            venue=p.venue or "",
            end_venue=p.end_venue or "",
            attendees=list(p.attendees),
        )
        for i, p in enumerate(event.programme)
    )
    rows.Outcome.objects.bulk_create(
        rows.Outcome(
            event=row,
            position=i,
            assignment=o.assignment,
            kind=o.kind.value,
            follow_up=o.follow_up.value,
            owner=o.owner or "",
            notes=o.notes,
            recorded_at=o.recorded_at,
        )
        for i, o in enumerate(event.outcomes)
    )
    return row


def store_parties(row: rows.Event, event: core.Event, *, raw: bool = False) -> None:
    """Write the organizations, people and requests of ``event`` under ``row``; unless
    ``raw``, announce it with :data:`parties_stored`."""
    rows.Organization.objects.bulk_create(
        rows.Organization(
            event=row,
            key=o.id,
            position=i,
            name=o.name,
            name_ar=o.name_ar,
            name_fr=o.name_fr,
            short_name=o.short_name,
            side=o.side.value,
            kind=o.kind.value,
            sector=o.sector,
            country=o.country,
            themes=list(o.themes),
            offers=dict(o.offers),
            seeks=dict(o.seeks),
            description=dict(o.description),
            venue=o.venue or "",
            website=o.website,
            fictional=o.fictional,
        )
        for i, o in enumerate(event.organizations)
    )
    rows.Person.objects.bulk_create(
        rows.Person(
            event=row,
            key=p.id,
            position=i,
            name=p.name,
            name_ar=p.name_ar,
            organization=p.organization,
            role=p.role,
            gender=p.gender.value if p.gender else "",
            languages=list(p.languages),
            email=p.email,
            phone=p.phone,
            themes=list(p.themes),
            availability=windows_to_json(p.availability),
            table=p.table,
            fictional=p.fictional,
        )
        for i, p in enumerate(event.people)
    )
    rows.MeetingRequest.objects.bulk_create(
        rows.MeetingRequest(event=row, position=i, **request_fields(r))
        for i, r in enumerate(event.requests)
    )
    if not raw:
        parties_stored.send(sender=rows.Event, event=row)
