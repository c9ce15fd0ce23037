"""Validated mission-file data → the domain model (:class:`liqa.core.model.Event`).

Runs only after the schema and the semantic checks found nothing, so it may trust types.
"""

from __future__ import annotations

from typing import Any

from liqa.core.missionfile.cities import venue_zone
from liqa.core.missionfile.values import (
    LegSpan,
    parse_date,
    parse_instant,
    places_of,
)
from liqa.core.model import (
    BrokerageSetup,
    CandidateVisit,
    Event,
    EventKind,
    FollowUp,
    Gender,
    Leg,
    MeetingFormat,
    MeetingRequest,
    Organization,
    OrgKind,
    Outcome,
    OutcomeKind,
    Person,
    ProgrammeItem,
    ProgrammeKind,
    RequestStatus,
    Session,
    Side,
    TimeWindow,
    Venue,
    localized,
)

PRIORITY_WORDS = {"would_like": 1, "important": 2, "must_meet": 3}


def build_event(data: dict[str, Any]) -> Event:
    """The :class:`Event` described by validated ``data``."""
    legs = tuple(_leg(item) for item in data["legs"])
    spans = [LegSpan(leg.id, leg.timezone, leg.start, leg.end) for leg in legs]
    event = data["event"]
    subgroups = event.get("subgroups") or {}

    places = places_of(data)  # no zone in a version-1 file: all its times are the leg's

    def instant(text: Any, *where: Any) -> Any:
        """Without an offset: local time of the first place with a zone, else of the leg."""
        return at(text, places.zone(*where))

    def at(text: Any, zone: str | None) -> Any:
        """Without an offset: local time of ``zone``, else of the leg."""
        return None if text is None else parse_instant(text, spans, zone)

    def stamp(text: Any) -> Any:
        """A time stamp without an offset: local time of the leg, else of the first leg."""
        return None if text is None else parse_instant(text, spans, stamp=True)

    def windows(items: Any, *where: Any) -> tuple[TimeWindow, ...]:
        return zoned_windows(items, places.zone(*where))

    def zoned_windows(items: Any, zone: str | None) -> tuple[TimeWindow, ...]:
        return tuple(TimeWindow(at(w["start"], zone), at(w["end"], zone)) for w in items or ())

    venues = {item["id"]: item for item in data.get("venues") or ()}
    orgs = tuple(_organization(item) for item in data["organizations"])
    org_venues = {org.id: org.venue for org in orgs}
    return Event(
        id=event["id"],
        kind=EventKind(event["kind"]),
        title=localized(event["title"]),
        legs=legs,
        organizers=tuple(localized(names) for names in event.get("organizers") or ()),
        languages=tuple(event.get("languages") or ("ar", "fr", "en")),
        themes=tuple(event.get("themes") or ()),
        goals=localized(event.get("goals")),
        description=localized(event.get("description")),
        venues=tuple(_venue(item, data) for item in venues.values()),
        organizations=orgs,
        people=tuple(
            _person(item, zoned_windows(item.get("availability"), places.meeting(item["id"])))
            for item in data["people"]
        ),
        requests=tuple(
            _request(item, stamp, at(item.get("fixed_start"), places.meeting(*_parties(item))))
            for item in data.get("requests") or ()
        ),
        visits=tuple(_visit(item, org_venues, windows) for item in data.get("visits") or ()),
        programme=tuple(_programme(item, instant) for item in data.get("programme") or ()),
        brokerage=_brokerage(data.get("brokerage"), instant),
        subgroups_max=subgroups.get("max", 1),
        subgroup_min_size=subgroups.get("min_size", 1),
        subgroup_max_size=subgroups.get("max_size"),
        together=tuple(tuple(group) for group in subgroups.get("together") or ()),
        apart=tuple(tuple(group) for group in subgroups.get("apart") or ()),
        outcomes=tuple(_outcome(item, stamp) for item in data.get("outcomes") or ()),
    )


def _leg(item: dict[str, Any]) -> Leg:
    day = item.get("day") or {}
    lunch = item.get("lunch") or {}
    travel = item.get("travel") or {}
    defaults = Leg("", "", "UTC", parse_date("2000-01-01"), parse_date("2000-01-01"))
    return Leg(
        id=item["id"],
        city=item["city"],
        timezone=item["timezone"],
        start=parse_date(item["start"]),
        end=parse_date(item["end"]),
        hotel=item.get("hotel"),
        day_start=day.get("start", defaults.day_start),
        day_end=day.get("end", defaults.day_end),
        lunch_start=lunch.get("start", defaults.lunch_start),
        lunch_end=lunch.get("end", defaults.lunch_end),
        lunch_minutes=lunch.get("minutes", defaults.lunch_minutes),
        lunch_venue=lunch.get("venue"),
        max_visits_per_day=item.get("max_visits_per_day", defaults.max_visits_per_day),
        speed_kmh=float(travel.get("speed_kmh", defaults.speed_kmh)),
        detour_factor=float(travel.get("detour_factor", defaults.detour_factor)),
        buffer_minutes=travel.get("buffer_minutes", defaults.buffer_minutes),
    )


def _venue(item: dict[str, Any], data: dict[str, Any]) -> Venue:
    """A venue; without a ``timezone``, in that of the legs in its city (checked)."""
    lat, lon = item.get("lat"), item.get("lon")
    zone = venue_zone(item, data)
    assert zone is not None  # checks.needs_zone reported it otherwise
    return Venue(
        id=item["id"],
        name=item["name"],
        city=item["city"],
        timezone=zone,
        address=item.get("address", ""),
        latitude=None if lat is None else float(lat),
        longitude=None if lon is None else float(lon),
        name_ar=item.get("name_ar", ""),
        fictional=item.get("fictional", False),
        name_fr=item.get("name_fr", ""),
    )


def _organization(item: dict[str, Any]) -> Organization:
    return Organization(
        id=item["id"],
        name=item["name"],
        side=Side(item["side"]),
        kind=OrgKind(item.get("kind", "company")),
        name_ar=item.get("name_ar", ""),
        name_fr=item.get("name_fr", ""),
        short_name=item.get("short_name", ""),
        sector=item.get("sector", ""),
        country=item.get("country", ""),
        themes=tuple(item.get("themes") or ()),
        offers=localized(item.get("offers")),
        seeks=localized(item.get("seeks")),
        description=localized(item.get("description")),
        venue=item.get("venue"),
        website=item.get("website", ""),
        fictional=item.get("fictional", False),
    )


def _person(item: dict[str, Any], availability: tuple[TimeWindow, ...]) -> Person:
    return Person(
        id=item["id"],
        name=item["name"],
        organization=item["organization"],
        role=item.get("role", ""),
        name_ar=item.get("name_ar", ""),
        gender=Gender(item["gender"]) if item.get("gender") else None,
        languages=tuple(item.get("languages") or ()),
        email=item.get("email", ""),
        phone=item.get("phone", ""),
        themes=tuple(item.get("themes") or ()),
        availability=availability,
        table=item.get("table"),
        fictional=item.get("fictional", False),
    )


def _priority(value: Any) -> int:
    return PRIORITY_WORDS[value] if isinstance(value, str) else int(value)


def _parties(item: dict[str, Any]) -> tuple[Any, Any]:
    """A request's parties in the order their place decides its time: target, requester."""
    return item.get("to"), item.get("from")


def _request(item: dict[str, Any], stamp: Any, fixed_start: Any) -> MeetingRequest:
    return MeetingRequest(
        id=item["id"],
        requester=item["from"],
        target=item["to"],
        priority=_priority(item.get("priority", 1)),
        status=RequestStatus(item.get("status", "proposed")),
        format=MeetingFormat(item.get("format", "one_to_one")),
        message=item.get("message", ""),
        duration_minutes=item.get("duration_minutes"),
        session=item.get("session"),
        fixed_start=fixed_start,
        attendees=tuple(item.get("attendees") or ()),
        after=tuple(item.get("after") or ()),
        created_at=stamp(item.get("created_at")),
    )


def _visit(item: dict[str, Any], org_venues: dict[str, str | None], windows: Any) -> CandidateVisit:
    venue = item.get("venue") or org_venues.get(item["host"]) or ""
    return CandidateVisit(
        id=item["id"],
        host=item["host"],
        venue=venue,
        duration_minutes=item.get("duration_minutes", 60),
        windows=windows(item.get("windows"), item.get("venue"), item["host"]),
        max_visitors=item.get("max_visitors"),
        priority=_priority(item.get("priority", 1)),
        required=item.get("required", False),
        required_attendees=tuple(item.get("required_attendees") or ()),
        themes=tuple(item.get("themes") or ()),
        topic=localized(item.get("topic")),
    )


def _programme(item: dict[str, Any], instant: Any) -> ProgrammeItem:
    return ProgrammeItem(
        id=item["id"],
        kind=ProgrammeKind(item["kind"]),
        title=localized(item["title"]),
        start=instant(item["start"], item.get("venue")),
        end=instant(item["end"], item.get("end_venue"), item.get("venue")),
        venue=item.get("venue"),
        end_venue=item.get("end_venue"),
        attendees=tuple(item.get("attendees") or ()),
    )


def _brokerage(item: dict[str, Any] | None, instant: Any) -> BrokerageSetup | None:
    if item is None:
        return None
    return BrokerageSetup(
        venue=item["venue"],
        slot_minutes=item["slot_minutes"],
        tables=item["tables"],
        sessions=tuple(
            Session(s["id"], instant(s["start"], item["venue"]), instant(s["end"], item["venue"]))
            for s in item["sessions"]
        ),
        max_meetings_per_session=item.get("max_meetings_per_session"),
    )


def _outcome(item: dict[str, Any], stamp: Any) -> Outcome:
    return Outcome(
        assignment=item["assignment"],
        kind=OutcomeKind(item["kind"]),
        follow_up=FollowUp(item.get("follow_up", "none")),
        owner=item.get("owner"),
        notes=item.get("notes", ""),
        recorded_at=stamp(item.get("recorded_at")),
    )
