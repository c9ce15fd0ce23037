"""Small trade missions built in Python: two legs (Houston, then San Jose), a flight between."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from liqa.core.model import (
    CandidateVisit,
    Event,
    EventKind,
    Leg,
    Organization,
    Person,
    ProgrammeItem,
    ProgrammeKind,
    Side,
    TimeWindow,
    Venue,
)

CHICAGO = ZoneInfo("America/Chicago")
PACIFIC = ZoneInfo("America/Los_Angeles")

HOTEL_HOU = Venue(
    "v-hotel-hou",
    "Hotel Houston",
    "Houston",
    "America/Chicago",
    latitude=29.7520,
    longitude=-95.3583,
    fictional=True,
)
HOTEL_SJ = Venue(
    "v-hotel-sj",
    "Hotel San Jose",
    "San Jose",
    "America/Los_Angeles",
    latitude=37.3300,
    longitude=-121.8890,
    fictional=True,
)
IAH = Venue(
    "v-iah",
    "Houston airport",
    "Houston",
    "America/Chicago",
    latitude=29.9902,
    longitude=-95.3368,
    fictional=True,
)
SJC = Venue(
    "v-sjc",
    "San Jose airport",
    "San Jose",
    "America/Los_Angeles",
    latitude=37.3639,
    longitude=-121.9289,
    fictional=True,
)
CONSULATE = Venue(
    "v-briefing",
    "Briefing room",
    "Houston",
    "America/Chicago",
    latitude=29.7600,
    longitude=-95.3700,
    fictional=True,
)

# (id, city, zone, lat, lon, themes, priority)
HOSTS = [
    ("h-space", "hou", 29.5593, -95.0900, ("space", "ai"), 3),
    ("h-port", "hou", 29.7300, -95.2700, ("logistics",), 2),
    ("h-health", "hou", 29.7100, -95.3990, ("health", "ai"), 2),
    ("h-energy", "hou", 29.7600, -95.4600, ("energy",), 1),
    ("h-uni", "hou", 29.7174, -95.4018, ("ai", "education"), 2),
    ("h-city", "hou", 29.7604, -95.3698, ("e-government",), 3),
    ("h-chips", "sj", 37.3700, -121.9640, ("ai", "hardware"), 3),
    ("h-cloud", "sj", 37.4220, -122.0840, ("cloud", "ai"), 3),
    ("h-net", "sj", 37.4100, -121.9300, ("cybersecurity",), 2),
    ("h-stanford", "sj", 37.4275, -122.1697, ("education", "ai"), 2),
    ("h-sjcity", "sj", 37.3375, -121.8860, ("e-government",), 2),
]


def host_venue(host: str, city: str, lat: float, lon: float) -> Venue:
    zone = "America/Chicago" if city == "hou" else "America/Los_Angeles"
    name = "Houston" if city == "hou" else "San Jose"
    return Venue(
        f"v-{host}", f"Office of {host}", name, zone, latitude=lat, longitude=lon, fictional=True
    )


def hou(day: int, hh: int, mm: int = 0) -> datetime:
    """An instant in Houston local time, February 2024."""
    return datetime(2024, 2, day, hh, mm, tzinfo=CHICAGO)


def sj(day: int, hh: int, mm: int = 0) -> datetime:
    """An instant in San Jose local time, February 2024."""
    return datetime(2024, 2, day, hh, mm, tzinfo=PACIFIC)


def mission(
    subgroups: int = 1, visits: list[CandidateVisit] | None = None, people: int = 6
) -> Event:
    """Houston 12-14 Feb, flight on the 15th morning, San Jose 15-16 Feb."""
    legs = (
        Leg(
            "houston",
            "Houston",
            "America/Chicago",
            date(2024, 2, 12),
            date(2024, 2, 14),
            hotel=HOTEL_HOU.id,
            max_visits_per_day=3,
        ),
        Leg(
            "sanjose",
            "San Jose",
            "America/Los_Angeles",
            date(2024, 2, 15),
            date(2024, 2, 16),
            hotel=HOTEL_SJ.id,
            max_visits_per_day=3,
        ),
    )
    venues = [HOTEL_HOU, HOTEL_SJ, IAH, SJC, CONSULATE]
    orgs = [
        Organization("org-ministry", "Ministry", Side.DELEGATION, themes=("e-government",)),
        Organization("org-startup", "Startup", Side.DELEGATION, themes=("ai", "cloud")),
        Organization("org-agency", "Agency", Side.DELEGATION, themes=("cybersecurity",)),
    ]
    default_visits = []
    for host, city, lat, lon, themes, priority in HOSTS:
        venue = host_venue(host, city, lat, lon)
        venues.append(venue)
        orgs.append(Organization(host, host, Side.HOST, themes=themes, venue=venue.id))
        default_visits.append(
            CandidateVisit(
                f"vis-{host[2:]}",
                host,
                venue.id,
                duration_minutes=75,
                priority=priority,
                themes=themes,
            )
        )
    delegation = ("org-ministry", "org-startup", "org-agency")
    persons = tuple(Person(f"p{i}", f"Delegate {i}", delegation[i % 3]) for i in range(people))
    programme = (
        ProgrammeItem(
            "prog-briefing",
            ProgrammeKind.BRIEFING,
            {"en": "Welcome briefing"},
            hou(12, 8, 30),
            hou(12, 9, 30),
            venue=CONSULATE.id,
        ),
        ProgrammeItem(
            "prog-flight",
            ProgrammeKind.FLIGHT,
            {"en": "IAH to SJC"},
            hou(15, 7, 0),
            sj(15, 9, 0),
            venue=IAH.id,
            end_venue=SJC.id,
        ),
    )
    return Event(
        id="test-mission",
        kind=EventKind.TRADE_MISSION,
        title={"en": "Test mission"},
        legs=legs,
        venues=tuple(venues),
        organizations=tuple(orgs),
        people=persons,
        visits=tuple(visits if visits is not None else default_visits),
        programme=programme,
        subgroups_max=subgroups,
        subgroup_min_size=2,
    )


def window(start: datetime, end: datetime) -> tuple[TimeWindow, ...]:
    """One availability window."""
    return (TimeWindow(start, end),)


def two_days(
    visits: list[CandidateVisit],
    people: dict[str, tuple[str, ...]],
    subgroups: int = 2,
    together: tuple[tuple[str, ...], ...] = (),
    apart: tuple[tuple[str, ...], ...] = (),
) -> Event:
    """Houston only, 12-13 Feb; ``people`` maps an organization's themes to its members."""
    leg = Leg(
        "houston",
        "Houston",
        "America/Chicago",
        date(2024, 2, 12),
        date(2024, 2, 13),
        hotel=HOTEL_HOU.id,
    )
    venues = [HOTEL_HOU]
    orgs = []
    for host, city, lat, lon, themes, _priority in HOSTS:
        if city == "hou":
            venue = host_venue(host, city, lat, lon)
            venues.append(venue)
            orgs.append(Organization(host, host, Side.HOST, themes=themes, venue=venue.id))
    persons = []
    for n, (org_themes, members) in enumerate(people.items()):
        org = Organization(f"org-{n}", f"Org {n}", Side.DELEGATION, themes=(org_themes,))
        orgs.append(org)
        persons += [Person(pid, f"Delegate {pid}", org.id) for pid in members]
    return Event(
        id="two-days",
        kind=EventKind.TRADE_MISSION,
        title={"en": "Two days"},
        legs=(leg,),
        venues=tuple(venues),
        organizations=tuple(orgs),
        people=tuple(persons),
        visits=tuple(visits),
        subgroups_max=subgroups,
        subgroup_min_size=2,
        together=together,
        apart=apart,
    )


def visit(vid: str, host: str, themes: tuple[str, ...], *windows: TimeWindow) -> CandidateVisit:
    """A 90-minute visit of priority 1 at the host's office."""
    return CandidateVisit(
        vid, host, f"v-{host}", duration_minutes=90, priority=1, themes=themes, windows=windows
    )
