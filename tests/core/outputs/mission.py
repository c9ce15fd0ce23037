"""A small hand-built trade mission: Houston (Central time), then Silicon Valley (Pacific)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from liqa.core.model import (
    Assignment,
    CandidateVisit,
    Event,
    EventKind,
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
    Provenance,
    RequestStatus,
    Schedule,
    Side,
    Venue,
)

CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def houston(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in Houston in February 2024."""
    return datetime(2024, 2, day, hour, minute, tzinfo=CHICAGO)


def valley(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in Silicon Valley in February 2024."""
    return datetime(2024, 2, day, hour, minute, tzinfo=LOS_ANGELES)


def make_event(**changes: object) -> Event:
    """Three delegates from two organizations visiting three hosts in two cities."""
    event = Event(
        id="ma-us-2024",
        kind=EventKind.TRADE_MISSION,
        title={
            "en": "Moroccan digital trade mission",
            "fr": "Mission commerciale marocaine du numérique",
            "ar": "البعثة التجارية المغربية للرقمنة",
        },
        legs=(
            Leg(
                "houston",
                "Houston",
                "America/Chicago",
                date(2024, 2, 12),
                date(2024, 2, 14),
                hotel="v-hotel-hou",
            ),
            Leg(
                "valley",
                "Silicon Valley",
                "America/Los_Angeles",
                date(2024, 2, 15),
                date(2024, 2, 16),
                hotel="v-hotel-sv",
            ),
        ),
        organizers=({"en": "US Commercial Service, Casablanca"}, {"en": "USTDA"}),
        themes=("e-government", "cybersecurity"),
        goals={
            "en": "learn from US best practices and attract investment",
            "fr": "s'inspirer des meilleures pratiques américaines et attirer l'investissement",
            "ar": "الاستفادة من أفضل الممارسات الأمريكية وجذب الاستثمارات",
        },
        venues=(
            Venue(
                "v-hotel-hou",
                "Hilton Americas-Houston",
                "Houston",
                "America/Chicago",
                "1600 Lamar St, Houston, TX 77010",
                29.752,
                -95.3583,
            ),
            Venue(
                "v-nasa",
                "NASA Johnson Space Center",
                "Houston",
                "America/Chicago",
                "2101 E NASA Pkwy, Houston, TX 77058",
                29.5593,
                -95.0907,
                name_ar="مركز جونسون للفضاء",
            ),
            Venue(
                "v-hotel-sv",
                "Hotel Nia",
                "Menlo Park",
                "America/Los_Angeles",
                "200 Independence Dr, Menlo Park, CA 94025",
                37.4848,
                -122.1839,
            ),
            Venue(
                "v-cyber",
                "CyberCorp HQ",
                "San Jose",
                "America/Los_Angeles",
                "1 Market St, San Jose, CA 95113",
                37.3362,
                -121.8906,
                fictional=True,
            ),
            Venue("v-iah", "George Bush Intercontinental Airport", "Houston", "America/Chicago"),
            Venue(
                "v-sfo",
                "San Francisco International Airport",
                "San Francisco",
                "America/Los_Angeles",
            ),
        ),
        organizations=(
            Organization(
                "MTNRA",
                "Ministry of Digital Transition and Administrative Reform",
                Side.DELEGATION,
                OrgKind.GOVERNMENT,
                name_ar="وزارة الانتقال الرقمي وإصلاح الإدارة",
                themes=("e-government",),
            ),
            Organization(
                "DGSSI",
                "General Directorate for Information Systems Security",
                Side.DELEGATION,
                OrgKind.GOVERNMENT,
                name_ar="المديرية العامة لأمن نظم المعلومات",
                short_name="DGSSI",
                themes=("cybersecurity",),
            ),
            Organization(
                "h-nasa",
                "NASA Johnson Space Center",
                Side.HOST,
                OrgKind.GOVERNMENT,
                themes=("cybersecurity", "e-government"),
                venue="v-nasa",
                seeks={"en": "partners for space-grade cyber resilience"},
            ),
            Organization(
                "h-cyber",
                "CyberCorp",
                Side.HOST,
                OrgKind.COMPANY,
                themes=("cybersecurity",),
                venue="v-cyber",
                fictional=True,
                offers={"en": "security operations centres as a service"},
            ),
        ),
        people=(
            Person(
                "p-lamrani", "Sarah Lamrani", "MTNRA", "Secretary General", name_ar="سارة لمراني"
            ),
            Person(
                "p-alaoui",
                "Youssef Alaoui",
                "MTNRA",
                "Director of e-Government",
                name_ar="يوسف العلوي",
                fictional=True,
            ),
            Person(
                "p-benali",
                "Karim Benali",
                "DGSSI",
                "Head of Cyber Defence",
                name_ar="كريم بنعلي",
                fictional=True,
            ),
            Person("p-smith", "Jane Smith", "h-nasa", "Partnerships Manager", fictional=True),
            Person("p-lee", "David Lee", "h-cyber", "CEO", fictional=True),
        ),
        requests=(
            MeetingRequest(
                "r-cyber",
                "DGSSI",
                "h-cyber",
                priority=3,
                status=RequestStatus.ACCEPTED,
                message="Managed security operations for ministries",
            ),
        ),
        visits=(
            CandidateVisit(
                "vis-nasa",
                "h-nasa",
                "v-nasa",
                90,
                themes=("cybersecurity",),
                topic={
                    "en": "Cyber resilience of critical infrastructure",
                    "fr": "Cyber-résilience des infrastructures critiques",
                    "ar": "الصمود السيبراني للبنى التحتية الحيوية",
                },
            ),
        ),
        programme=(
            ProgrammeItem(
                "prog-brief",
                ProgrammeKind.BRIEFING,
                {"en": "Welcome briefing", "fr": "Réunion d'accueil", "ar": "اجتماع الترحيب"},
                houston(12, 8, 30),
                houston(12, 9, 30),
                venue="v-hotel-hou",
            ),
            ProgrammeItem(
                "prog-flight",
                ProgrammeKind.FLIGHT,
                {
                    "en": "Flight to San Francisco",
                    "fr": "Vol vers San Francisco",
                    "ar": "رحلة جوية إلى سان فرانسيسكو",
                },
                houston(15, 7, 0),
                valley(15, 9, 15),
                venue="v-iah",
                end_venue="v-sfo",
            ),
        ),
    )
    return replace(event, **changes)  # type: ignore[arg-type]


PROVENANCE = Provenance("hand", datetime(2024, 2, 1, 12, 0, tzinfo=ZoneInfo("UTC")))

NASA_VISIT = Assignment(
    "vis-nasa",
    houston(12, 10, 30),
    houston(12, 12, 0),
    "v-nasa",
    ("p-lamrani", "p-alaoui", "p-benali", "p-smith"),
    MeetingFormat.SITE_VISIT,
    parties=("h-nasa",),
    travel_minutes_before=45,
)
CYBER_MEETING = Assignment(
    "r-cyber",
    valley(15, 14, 0),
    valley(15, 15, 0),
    "v-cyber",
    ("p-benali", "p-lee"),
    MeetingFormat.ONE_TO_ONE,
    table=4,
    parties=("DGSSI", "h-cyber"),
    travel_minutes_before=30,
)
LAMRANI_CALL = Assignment(
    "r-call",
    valley(16, 9, 0),
    valley(16, 9, 30),
    None,
    ("p-lamrani", "p-lee"),
    MeetingFormat.ONLINE,
    parties=("p-lamrani", "p-lee"),
)


def make_schedule(version: int = 1, *assignments: Assignment) -> Schedule:
    """Version ``version`` of the schedule (by default the three meetings above)."""
    chosen = assignments or (NASA_VISIT, CYBER_MEETING, LAMRANI_CALL)
    return Schedule("ma-us-2024", version, tuple(chosen), PROVENANCE)


def moved(assignment: Assignment, minutes: int) -> Assignment:
    """The same meeting, ``minutes`` later."""
    shift = timedelta(minutes=minutes)
    return replace(assignment, start=assignment.start + shift, end=assignment.end + shift)


HELD = Outcome("vis-nasa", OutcomeKind.HELD)
