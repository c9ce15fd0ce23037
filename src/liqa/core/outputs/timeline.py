"""The event's timeline: placed meetings and visits plus fixed programme items, in local time.

Every output reads the schedule through :func:`timeline`, so all of them agree on what
happens when and where. Instants are converted to the zone of the place they happen in
(the venue, else the leg covering that day), which is what a participant's watch shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from liqa.core.model import (
    Assignment,
    CandidateVisit,
    Event,
    MeetingFormat,
    MeetingRequest,
    ProgrammeItem,
    Schedule,
    Side,
    Venue,
)

LUNCH_PREFIX = "lunch-"
"""Ids of lunch breaks placed by the itinerary planner start with this."""


def is_meeting(format: MeetingFormat | str) -> bool:
    """Whether what is placed in this format is a meeting or a visit, as the report counts
    them scheduled; not a programme item (a briefing, a flight, a lunch break)."""
    return MeetingFormat(format) is not MeetingFormat.PROGRAMME_ITEM


@dataclass(frozen=True)
class Item:
    """One thing on the timeline: a placed meeting or visit, or a programme item."""

    id: str
    format: MeetingFormat
    start: datetime
    """Aware, in the local zone of where it starts."""
    end: datetime
    """Aware, in the local zone of where it ends (a flight lands in another zone)."""
    venue: Venue | None
    end_venue: Venue | None
    attendees: tuple[str, ...]
    parties: tuple[str, ...] = ()
    table: int | None = None
    travel_minutes_before: int = 0
    group: str | None = None
    visit: CandidateVisit | None = None
    request: MeetingRequest | None = None
    programme: ProgrammeItem | None = None

    @property
    def is_meeting(self) -> bool:
        """A meeting or a visit, not a programme item (:func:`is_meeting`)."""
        return is_meeting(self.format)

    @property
    def is_lunch(self) -> bool:
        """A lunch break placed by the itinerary planner (``lunch-<day>-<group>``)."""
        return self.format is MeetingFormat.PROGRAMME_ITEM and self.id.startswith(LUNCH_PREFIX)

    @property
    def day(self) -> date:
        """Local calendar day of the start."""
        return self.start.date()

    @property
    def minutes(self) -> int:
        """Length in minutes."""
        return int((self.end - self.start).total_seconds() // 60)


def zone_at(event: Event, instant: datetime, venue: Venue | None) -> ZoneInfo:
    """The zone of ``venue``, else of the leg covering the instant's day, else UTC."""
    if venue is not None:
        return venue.tz
    for leg in event.legs:
        if leg.start <= instant.astimezone(leg.tz).date() <= leg.end:
            return leg.tz
    return ZoneInfo("UTC")


def _venue(event: Event, venue_id: str | None) -> Venue | None:
    if venue_id is None:
        return None
    try:
        return event.venue(venue_id)
    except KeyError:
        return None


@dataclass(frozen=True)
class _Lookup:
    visits: dict[str, CandidateVisit]
    requests: dict[str, MeetingRequest]
    programme: dict[str, ProgrammeItem]


def _from_assignment(event: Event, a: Assignment, lookup: _Lookup) -> Item:
    visits, requests, programme = lookup.visits, lookup.requests, lookup.programme
    venue = _venue(event, a.venue)
    if venue is None:  # a lunch break names the venue it is near as its party
        venue = next((v for v in (_venue(event, p) for p in a.parties) if v is not None), None)
    item = programme.get(a.id)
    end_venue = _venue(event, item.end_venue) if item and item.end_venue else venue
    return Item(
        id=a.id,
        format=a.format,
        start=a.start.astimezone(zone_at(event, a.start, venue)),
        end=a.end.astimezone(zone_at(event, a.end, end_venue)),
        venue=venue,
        end_venue=end_venue,
        attendees=a.attendees,
        parties=a.parties,
        table=a.table,
        travel_minutes_before=a.travel_minutes_before,
        group=a.group,
        visit=visits.get(a.id),
        request=requests.get(a.id),
        programme=item,
    )


def _from_programme(event: Event, p: ProgrammeItem, delegates: tuple[str, ...]) -> Item:
    venue = _venue(event, p.venue)
    end_venue = _venue(event, p.end_venue) or venue
    return Item(
        id=p.id,
        format=MeetingFormat.PROGRAMME_ITEM,
        start=p.start.astimezone(zone_at(event, p.start, venue)),
        end=p.end.astimezone(zone_at(event, p.end, end_venue)),
        venue=venue,
        end_venue=end_venue,
        attendees=p.attendees or delegates,
        programme=p,
    )


_memo: list[tuple[Event, Schedule, list[Item]]] = []


def timeline(event: Event, schedule: Schedule) -> list[Item]:
    """Every assignment, plus programme items the schedule does not already place, by time.

    The last result is remembered: every output of one run reads the same timeline.
    """
    if _memo and _memo[0][0] is event and _memo[0][1] is schedule:
        return list(_memo[0][2])
    lookup = _Lookup(
        {v.id: v for v in event.visits},
        {r.id: r for r in event.requests},
        {p.id: p for p in event.programme},
    )
    placed = {a.id for a in schedule.assignments}
    delegates = tuple(p.id for p in event.delegates())
    items = [_from_assignment(event, a, lookup) for a in schedule.assignments]
    items += [_from_programme(event, p, delegates) for p in event.programme if p.id not in placed]
    items.sort(key=lambda i: (i.start, i.end, i.id))
    _memo[:] = [(event, schedule, items)]
    return list(items)


@dataclass(frozen=True)
class Subject:
    """Whose agenda: a person or an organization, and the ids that make an item theirs."""

    id: str
    is_organization: bool
    organization: str
    """The organization itself, or the person's organization."""
    attends: frozenset[str]
    """Person ids whose attendance puts an item on this agenda."""
    parties: frozenset[str]
    """Ids that, named as a party (e.g. the host of a visit), put an item on this agenda."""

    def involved_in(self, item: Item) -> bool:
        """True when the item belongs on this agenda."""
        return any(i in self.attends for i in item.attendees) or any(
            p in self.parties for p in item.parties
        )


def subject(event: Event, subject_id: str) -> Subject:
    """The :class:`Subject` for a person id or an organization id (KeyError if neither).

    A host's staff see the visits their organization receives; a delegate sees only what
    they attend.
    """
    orgs = {o.id: o for o in event.organizations}
    if subject_id in orgs:
        members = frozenset(p.id for p in event.members(subject_id))
        return Subject(subject_id, True, subject_id, members, members | {subject_id})
    person = event.person(subject_id)
    parties = {subject_id}
    org = orgs.get(person.organization)
    if org is not None and org.side is not Side.DELEGATION:
        parties.add(org.id)
    return Subject(
        subject_id, False, person.organization, frozenset({subject_id}), frozenset(parties)
    )
