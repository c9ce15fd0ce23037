"""The domain model: frozen, typed records for events, parties, requests and schedules.

Pure Python: this module (and everything in ``liqa.core``) never imports Django.
Every instant is a timezone-aware :class:`datetime.datetime`; records refuse naive ones.
Identifiers are short strings, unique across the whole event (people, organizations,
venues, legs, requests, visits and programme items share one namespace), so a request
can name a person or an organization by id alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

LANGUAGES: tuple[str, ...] = ("ar", "fr", "en")
"""Languages liqa speaks, in the order used for fallbacks of organizer-entered text."""


class EventKind(StrEnum):
    """The two shapes of event liqa plans."""

    TRADE_MISSION = "trade_mission"
    BROKERAGE = "brokerage"


class Side(StrEnum):
    """Which side of a mission or fair an organization is on."""

    DELEGATION = "delegation"
    HOST = "host"
    BOTH = "both"


class OrgKind(StrEnum):
    """Broad type of organization, used by rules and in reports."""

    COMPANY = "company"
    GOVERNMENT = "government"
    AGENCY = "agency"
    ASSOCIATION = "association"
    ACADEMIC = "academic"
    OTHER = "other"


class RequestStatus(StrEnum):
    """Life cycle of a meeting request (transitions live in ``liqa.core.matching``)."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class MeetingFormat(StrEnum):
    """How a meeting happens."""

    ONE_TO_ONE = "one_to_one"
    """A 1:1 meeting at a table in a brokerage session."""
    SITE_VISIT = "site_visit"
    """The delegation (or a subgroup) visits a host at the host's venue."""
    PROGRAMME_ITEM = "programme_item"
    """A fixed item: briefing, flight, transfer, reception."""
    ONLINE = "online"
    """A video call; needs no table and no travel."""


class ProgrammeKind(StrEnum):
    """Kinds of fixed programme items."""

    BRIEFING = "briefing"
    FLIGHT = "flight"
    TRANSFER = "transfer"
    RECEPTION = "reception"
    MEAL = "meal"
    OTHER = "other"


class OutcomeKind(StrEnum):
    """What happened at a meeting, recorded afterwards."""

    HELD = "held"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class FollowUp(StrEnum):
    """Follow-up agreed at a meeting."""

    NONE = "none"
    CALL = "call"
    VISIT = "visit"
    PROPOSAL = "proposal"
    MOU = "mou"
    PARTNERSHIP = "partnership"
    INVESTMENT_LEAD = "investment_lead"


class ModelError(ValueError):
    """A record was built with values that cannot be true (e.g. a naive datetime)."""


def _require_aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ModelError(f"{what} must be timezone-aware, got naive {value.isoformat()}")


def localized(text: Mapping[str, str] | str | None) -> dict[str, str]:
    """Normalize organizer-entered text to a ``{language: text}`` mapping.

    A plain string is taken as English (the most common default in spreadsheets).
    """
    if text is None:
        return {}
    if isinstance(text, str):
        return {"en": text} if text else {}
    return {lang: value for lang, value in text.items() if value}


def pick(text: Mapping[str, str], lang: str) -> str:
    """The text in ``lang``, else in the first available of ar/fr/en, else ``""``."""
    if lang in text:
        return text[lang]
    for fallback in ("en", "fr", "ar", *text):
        if fallback in text:
            return text[fallback]
    return ""


def organizer_name(names: Mapping[str, str], lang: str) -> str:
    """An organizer's name for a reader of ``lang``: in ``lang``, else in English, else
    the first name given (``""`` when none is)."""
    if names.get(lang):
        return names[lang]
    if names.get("en"):
        return names["en"]
    return next((name for name in names.values() if name), "")


@dataclass(frozen=True)
class TimeWindow:
    """A half-open interval ``[start, end)`` of aware instants."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _require_aware(self.start, "window start")
        _require_aware(self.end, "window end")
        if self.end <= self.start:
            raise ModelError(
                f"window ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()})"
            )

    @property
    def duration(self) -> timedelta:
        """Length of the window."""
        return self.end - self.start

    def contains(self, other: TimeWindow) -> bool:
        """True when ``other`` lies entirely inside this window."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: TimeWindow) -> bool:
        """True when the two windows share some instant."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Venue:
    """A place where meetings happen: a hotel, a host's office, a fair hall, an airport."""

    id: str
    name: str
    city: str
    timezone: str
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    name_ar: str = ""
    fictional: bool = False
    name_fr: str = ""
    """The venue's French name (a Moroccan ministry's official one), read on French outputs."""

    @property
    def tz(self) -> ZoneInfo:
        """The venue's IANA time zone."""
        return ZoneInfo(self.timezone)

    def local(self, instant: datetime) -> datetime:
        """``instant`` shown in the venue's local time."""
        _require_aware(instant, "instant")
        return instant.astimezone(self.tz)

    @property
    def map_url(self) -> str:
        """A map link from coordinates (OpenStreetMap), or ``""`` without coordinates."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude:.6f}&mlon={self.longitude:.6f}"
            f"#map=17/{self.latitude:.6f}/{self.longitude:.6f}"
        )


@dataclass(frozen=True)
class Leg:
    """One city of an event, with its time zone and dates (inclusive)."""

    id: str
    city: str
    timezone: str
    start: date
    end: date
    hotel: str | None = None
    """Venue id of the hotel where each day starts and ends (itineraries)."""
    day_start: str = "08:30"
    day_end: str = "18:00"
    lunch_start: str = "12:00"
    lunch_end: str = "14:00"
    lunch_minutes: int = 60
    lunch_venue: str | None = None
    """Venue id where subgroups that split differently before and after lunch regroup to
    eat (itineraries); None: the hotel."""
    max_visits_per_day: int = 4
    speed_kmh: float = 35.0
    detour_factor: float = 1.3
    buffer_minutes: int = 15

    @property
    def tz(self) -> ZoneInfo:
        """The leg's IANA time zone."""
        return ZoneInfo(self.timezone)

    def days(self) -> list[date]:
        """Every calendar day of the leg."""
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    def local_datetime(self, day: date, hhmm: str) -> datetime:
        """An aware instant from a day of this leg and a local ``HH:MM`` time."""
        hours, minutes = (int(part) for part in hhmm.split(":"))
        return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=self.tz)


@dataclass(frozen=True)
class Organization:
    """A participating organization: a delegation member, a host, or both."""

    id: str
    name: str
    side: Side
    kind: OrgKind = OrgKind.COMPANY
    name_ar: str = ""
    name_fr: str = ""
    """The official French name (Moroccan institutions have one), read on French outputs."""
    short_name: str = ""
    sector: str = ""
    country: str = ""
    themes: tuple[str, ...] = ()
    offers: Mapping[str, str] = field(default_factory=dict)
    seeks: Mapping[str, str] = field(default_factory=dict)
    description: Mapping[str, str] = field(default_factory=dict)
    venue: str | None = None
    website: str = ""
    fictional: bool = False

    @property
    def label(self) -> str:
        """Short name when given, else the name."""
        return self.short_name or self.name


class Gender(StrEnum):
    """The grammatical gender a person's title agrees with in French and Arabic
    ("Directrice", "مديرة"); a person without one is given the catalog's usual title."""

    FEMALE = "female"
    MALE = "male"


@dataclass(frozen=True)
class Person:
    """A participant: a delegate, a host's staff member or a brokerage participant."""

    id: str
    name: str
    organization: str
    role: str = ""
    name_ar: str = ""
    gender: Gender | None = None
    """Grammatical gender of the person's title (``female``: "Secrétaire générale"); unset,
    the title reads as the catalog's usual (masculine) form."""
    languages: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    themes: tuple[str, ...] = ()
    availability: tuple[TimeWindow, ...] = ()
    """When empty, the person is available for the whole event."""
    table: int | None = None
    """A fixed table or booth number at a brokerage event."""
    fictional: bool = False

    def is_available(self, window: TimeWindow) -> bool:
        """True when the person can attend during ``window``."""
        if not self.availability:
            return True
        return any(slot.contains(window) for slot in self.availability)


@dataclass(frozen=True)
class MeetingRequest:
    """Someone asks to meet someone: person or organization on either side."""

    id: str
    requester: str
    target: str
    priority: int = 1
    """1 = would like, 2 = important, 3 = must meet."""
    status: RequestStatus = RequestStatus.PROPOSED
    format: MeetingFormat = MeetingFormat.ONE_TO_ONE
    message: str = ""
    duration_minutes: int | None = None
    session: str | None = None
    """Restrict the meeting to one session id (brokerage)."""
    fixed_start: datetime | None = None
    attendees: tuple[str, ...] = ()
    """Extra people who must attend besides the two parties."""
    after: tuple[str, ...] = ()
    """Request ids that must be scheduled before this one (precedences)."""
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.fixed_start is not None:
            _require_aware(self.fixed_start, f"request {self.id} fixed_start")
        if self.created_at is not None:
            _require_aware(self.created_at, f"request {self.id} created_at")


@dataclass(frozen=True)
class Session:
    """A block of consecutive brokerage slots (e.g. a morning), on one day."""

    id: str
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _require_aware(self.start, f"session {self.id} start")
        _require_aware(self.end, f"session {self.id} end")


@dataclass(frozen=True)
class Slot:
    """One brokerage time slot."""

    index: int
    session: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class BrokerageSetup:
    """Slots, tables and limits of a brokerage event."""

    venue: str
    slot_minutes: int
    tables: int
    sessions: tuple[Session, ...]
    max_meetings_per_session: int | None = None

    def slots(self) -> list[Slot]:
        """All slots, numbered from 0 in time order across sessions."""
        out: list[Slot] = []
        step = timedelta(minutes=self.slot_minutes)
        for session in sorted(self.sessions, key=lambda s: s.start):
            start = session.start
            while start + step <= session.end:
                out.append(Slot(len(out), session.id, start, start + step))
                start += step
        return out


@dataclass(frozen=True)
class CandidateVisit:
    """A host the delegation may visit at its venue (itineraries)."""

    id: str
    host: str
    """Organization id of the host."""
    venue: str
    duration_minutes: int = 60
    windows: tuple[TimeWindow, ...] = ()
    """When empty, the host receives visitors during every day's programme window."""
    max_visitors: int | None = None
    priority: int = 1
    required: bool = False
    required_attendees: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    topic: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ProgrammeItem:
    """A fixed item of the programme: a briefing, a flight, a transfer, a reception."""

    id: str
    kind: ProgrammeKind
    title: Mapping[str, str]
    start: datetime
    end: datetime
    venue: str | None = None
    end_venue: str | None = None
    """For a flight or transfer: where it arrives."""
    attendees: tuple[str, ...] = ()
    """Person ids; empty means the whole delegation."""

    def __post_init__(self) -> None:
        _require_aware(self.start, f"programme item {self.id} start")
        _require_aware(self.end, f"programme item {self.id} end")


@dataclass(frozen=True)
class Assignment:
    """One placed meeting or visit in a schedule."""

    id: str
    """Stable id (the request, visit or programme item it places): survives re-planning."""
    start: datetime
    end: datetime
    venue: str | None
    attendees: tuple[str, ...]
    format: MeetingFormat = MeetingFormat.ONE_TO_ONE
    table: int | None = None
    parties: tuple[str, ...] = ()
    """The two sides (person or organization ids) of a meeting; the host for a visit."""
    group: str | None = None
    """Subgroup id for delegation itineraries."""
    travel_minutes_before: int = 0
    pinned: bool = False

    def __post_init__(self) -> None:
        _require_aware(self.start, f"assignment {self.id} start")
        _require_aware(self.end, f"assignment {self.id} end")

    @property
    def window(self) -> TimeWindow:
        """The assignment's time window."""
        return TimeWindow(self.start, self.end)


@dataclass(frozen=True)
class Unplaced:
    """A request or visit the scheduler could not place, with the reason in words and codes."""

    id: str
    reason: str
    """A machine-readable reason code (e.g. ``no_common_slot``, ``outside_windows``)."""
    detail: str = ""
    blocking: tuple[str, ...] = ()
    """Ids of the meetings that took its place, when it lost to them."""


@dataclass(frozen=True)
class Provenance:
    """Where a schedule came from."""

    method: str
    created_at: datetime
    status: str = ""
    objective: Mapping[str, float] = field(default_factory=dict)
    bound: float | None = None
    gap: float | None = None
    parent_version: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Schedule:
    """A versioned set of assignments for an event."""

    event: str
    version: int
    assignments: tuple[Assignment, ...]
    provenance: Provenance
    unplaced: tuple[Unplaced, ...] = ()

    def for_person(self, person_id: str) -> list[Assignment]:
        """The person's assignments in time order."""
        return sorted(
            (a for a in self.assignments if person_id in a.attendees), key=lambda a: a.start
        )


@dataclass(frozen=True)
class Outcome:
    """What came of a meeting."""

    assignment: str
    kind: OutcomeKind
    follow_up: FollowUp = FollowUp.NONE
    owner: str | None = None
    notes: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class Event:
    """A trade mission or a brokerage event, described once and read by everything else."""

    id: str
    kind: EventKind
    title: Mapping[str, str]
    legs: tuple[Leg, ...]
    organizers: tuple[Mapping[str, str], ...] = ()
    """Who organized the event, each a ``{language: name}`` mapping (at least one name),
    read through :func:`organizer_name`."""
    languages: tuple[str, ...] = LANGUAGES
    themes: tuple[str, ...] = ()
    goals: Mapping[str, str] = field(default_factory=dict)
    description: Mapping[str, str] = field(default_factory=dict)
    venues: tuple[Venue, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    requests: tuple[MeetingRequest, ...] = ()
    visits: tuple[CandidateVisit, ...] = ()
    programme: tuple[ProgrammeItem, ...] = ()
    brokerage: BrokerageSetup | None = None
    subgroups_max: int = 1
    """Most subgroups the delegation may split into per half-day (itineraries)."""
    subgroup_min_size: int = 1
    subgroup_max_size: int | None = None
    """Most members in one subgroup when the delegation splits (None: no limit)."""
    together: tuple[tuple[str, ...], ...] = ()
    """Groups of person ids who must stay together."""
    apart: tuple[tuple[str, ...], ...] = ()
    """Groups of person ids who must not be in the same subgroup."""
    outcomes: tuple[Outcome, ...] = ()
    """One outcome per meeting (visit, programme item): given several for one, the last one
    given is kept, as recording an outcome again on the web replaces the one recorded; so
    the report and the communiqué count each meeting once. A mission file with two for one
    meeting is refused (``duplicate_outcome``); the web stores one per meeting."""

    def __post_init__(self) -> None:
        last = {outcome.assignment: n for n, outcome in enumerate(self.outcomes)}
        if len(last) < len(self.outcomes):
            kept = tuple(o for n, o in enumerate(self.outcomes) if last[o.assignment] == n)
            object.__setattr__(self, "outcomes", kept)

    @property
    def start(self) -> date:
        """First day of the event."""
        return min(leg.start for leg in self.legs)

    @property
    def end(self) -> date:
        """Last day of the event."""
        return max(leg.end for leg in self.legs)

    @property
    def spans_zones(self) -> bool:
        """Whether the event's legs and venues are in more than one time zone (then times
        shown to people name their zone)."""
        return len({leg.timezone for leg in self.legs} | {v.timezone for v in self.venues}) > 1

    @property
    def programme_ids(self) -> frozenset[str]:
        """The ids of the programme items (arrivals, briefings, dinners), whose times the
        mission file fixes."""
        return frozenset(item.id for item in self.programme)

    def venue(self, venue_id: str) -> Venue:
        """The venue with this id (KeyError if unknown)."""
        return self._lookup("venues", self.venues)[venue_id]

    def organization(self, org_id: str) -> Organization:
        """The organization with this id (KeyError if unknown)."""
        return self._lookup("organizations", self.organizations)[org_id]

    def person(self, person_id: str) -> Person:
        """The person with this id (KeyError if unknown)."""
        return self._lookup("people", self.people)[person_id]

    def _lookup[T: (Venue, Organization, Person)](
        self, name: str, records: tuple[T, ...]
    ) -> dict[str, T]:
        """The index by id of ``records`` (the field ``name``), built on first use and kept
        on this object (outside its fields, so equality and ``repr`` ignore it) for as long
        as the field holds that very tuple: ``dataclasses.replace`` makes a new object
        with no index, and a field set anew is indexed anew."""
        indexes: dict[str, tuple[tuple[T, ...], dict[str, T]]]
        indexes = self.__dict__.setdefault(_INDEXES, {})
        kept = indexes.get(name)
        if kept is None or kept[0] is not records:
            kept = indexes[name] = (records, _index(records))
        return kept[1]

    def __getstate__(self) -> dict[str, object]:
        """The fields alone, for ``pickle`` and ``copy``: a copy builds its own indexes."""
        state = dict(self.__dict__)
        state.pop(_INDEXES, None)
        return state

    def members(self, org_id: str) -> list[Person]:
        """People of an organization, in file order."""
        return [p for p in self.people if p.organization == org_id]

    def delegates(self) -> list[Person]:
        """People whose organization is on the delegation side."""
        sides = {o.id: o.side for o in self.organizations}
        return [p for p in self.people if sides.get(p.organization) in (Side.DELEGATION, Side.BOTH)]

    def leg_on(self, day: date) -> Leg | None:
        """The leg that covers ``day``, if any."""
        for leg in self.legs:
            if leg.start <= day <= leg.end:
                return leg
        return None


_INDEXES = "_lookup_indexes"
"""Where an :class:`Event` keeps its lookup indexes, in its ``__dict__`` (not a field)."""


def _index[T: (Venue, Organization, Person)](records: tuple[T, ...]) -> dict[str, T]:
    """The records by id."""
    return {record.id: record for record in records}
