"""Behaviour of the domain model's records (liqa.core.model)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from liqa.core.model import (
    Assignment,
    BrokerageSetup,
    Event,
    EventKind,
    Leg,
    MeetingRequest,
    ModelError,
    Organization,
    Person,
    ProgrammeItem,
    ProgrammeKind,
    Provenance,
    Schedule,
    Session,
    Side,
    TimeWindow,
    Venue,
    localized,
    organizer_name,
    pick,
)

CHICAGO = ZoneInfo("America/Chicago")


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 2, day, hour, minute, tzinfo=CHICAGO)


def _event() -> Event:
    return Event(
        id="mini",
        kind=EventKind.TRADE_MISSION,
        title={"en": "Mini"},
        legs=(
            Leg("sv", "San Jose", "America/Los_Angeles", date(2024, 2, 16), date(2024, 2, 21)),
            Leg("houston", "Houston", "America/Chicago", date(2024, 2, 11), date(2024, 2, 15)),
        ),
        organizations=(
            Organization("DGSSI", "DGSSI", Side.DELEGATION),
            Organization("h-nasa", "NASA", Side.HOST),
            Organization("CGEM", "CGEM", Side.BOTH),
        ),
        people=(
            Person("p-1", "Sarah", "DGSSI"),
            Person("p-2", "John", "h-nasa"),
            Person("p-3", "Amine", "CGEM"),
            Person("p-4", "Nadia", "DGSSI"),
        ),
    )


def test_time_window_refuses_naive_datetimes() -> None:
    with pytest.raises(ModelError, match="window start must be timezone-aware"):
        TimeWindow(datetime(2024, 2, 12, 9), _at(12, 10))


def test_time_window_refuses_end_before_start() -> None:
    with pytest.raises(ModelError, match="before it starts"):
        TimeWindow(_at(12, 10), _at(12, 9))


def test_time_window_contains_and_overlaps_are_half_open() -> None:
    morning, late_morning = (
        TimeWindow(_at(12, 9), _at(12, 12)),
        TimeWindow(_at(12, 12), _at(12, 13)),
    )
    assert (
        morning.contains(TimeWindow(_at(12, 9), _at(12, 12))),
        morning.overlaps(late_morning),
    ) == (
        True,
        False,
    )
    assert morning.duration == timedelta(hours=3)


def test_windows_compare_equal_across_time_zones() -> None:
    utc = TimeWindow(
        _at(12, 9).astimezone(ZoneInfo("UTC")), _at(12, 10).astimezone(ZoneInfo("UTC"))
    )
    assert utc == TimeWindow(_at(12, 9), _at(12, 10))


def test_request_refuses_naive_fixed_start() -> None:
    with pytest.raises(ModelError, match="request r-1 fixed_start must be timezone-aware"):
        MeetingRequest("r-1", "a", "b", fixed_start=datetime(2024, 2, 12, 9))


def test_programme_item_refuses_naive_end() -> None:
    with pytest.raises(ModelError, match="programme item f end must be timezone-aware"):
        ProgrammeItem(
            "f", ProgrammeKind.FLIGHT, {"en": "Flight"}, _at(15, 17), datetime(2024, 2, 15, 21)
        )


def test_person_without_availability_is_always_available() -> None:
    window = TimeWindow(_at(13, 9), _at(13, 10))
    busy = Person("p", "P", "o", availability=(TimeWindow(_at(12, 8), _at(12, 18)),))
    assert (Person("p", "P", "o").is_available(window), busy.is_available(window)) == (True, False)


def test_venue_shows_instants_in_local_time_and_links_a_map() -> None:
    venue = Venue("v", "Hilton", "Houston", "America/Chicago", latitude=29.752, longitude=-95.3583)
    local = venue.local(datetime(2024, 2, 12, 15, 0, tzinfo=ZoneInfo("UTC")))
    assert (local.hour, local.utcoffset()) == (9, timedelta(hours=-6))
    assert venue.map_url == (
        "https://www.openstreetmap.org/?mlat=29.752000&mlon=-95.358300#map=17/29.752000/-95.358300"
    )
    assert Venue("w", "W", "X", "UTC").map_url == ""


def test_leg_days_and_local_datetime() -> None:
    leg = Leg("houston", "Houston", "America/Chicago", date(2024, 2, 11), date(2024, 2, 13))
    assert leg.days() == [date(2024, 2, 11), date(2024, 2, 12), date(2024, 2, 13)]
    assert leg.local_datetime(date(2024, 2, 12), "08:30") == _at(12, 8, 30)


def test_event_dates_legs_and_lookups() -> None:
    event = _event()
    assert (event.start, event.end) == (date(2024, 2, 11), date(2024, 2, 21))
    assert [
        leg.id if leg else None
        for leg in map(event.leg_on, (date(2024, 2, 15), date(2024, 2, 16), date(2024, 2, 22)))
    ] == [
        "houston",
        "sv",
        None,
    ]
    assert event.organization("h-nasa").name == "NASA"
    assert [p.id for p in event.members("DGSSI")] == ["p-1", "p-4"]
    assert [p.id for p in event.delegates()] == ["p-1", "p-3", "p-4"]
    with pytest.raises(KeyError):
        event.person("nobody")


def test_localized_and_pick_fall_back_in_order() -> None:
    assert localized("Hello") == {"en": "Hello"}
    assert localized({"ar": "مرحبا", "fr": ""}) == {"ar": "مرحبا"}
    assert localized(None) == {}
    assert pick({"fr": "Bonjour", "ar": "مرحبا"}, "en") == "Bonjour"
    assert pick({"ar": "مرحبا"}, "ar") == "مرحبا"
    assert pick({}, "en") == ""


def test_organizer_name_is_in_the_readers_language_else_english_else_the_first_given() -> None:
    usca = {"en": "US Commercial Service", "fr": "Service commercial", "ar": "القسم التجاري"}
    assert [organizer_name(usca, lang) for lang in ("ar", "fr", "en")] == [
        "القسم التجاري",
        "Service commercial",
        "US Commercial Service",
    ]
    assert organizer_name({"fr": "Comité", "en": "Committee"}, "ar") == "Committee"
    assert organizer_name({"ar": "اللجنة", "fr": "Comité"}, "en") == "اللجنة"
    assert organizer_name({}, "fr") == ""


def test_brokerage_slots_are_numbered_in_time_order_across_sessions() -> None:
    setup = BrokerageSetup(
        venue="hall",
        slot_minutes=20,
        tables=10,
        sessions=(
            Session("afternoon", _at(14, 14), _at(14, 15)),
            Session("morning", _at(14, 9), _at(14, 9, 50)),
        ),
    )
    assert [(s.index, s.session, s.start.strftime("%H:%M")) for s in setup.slots()] == [
        (0, "morning", "09:00"),
        (1, "morning", "09:20"),
        (2, "afternoon", "14:00"),
        (3, "afternoon", "14:20"),
        (4, "afternoon", "14:40"),
    ]


def test_schedule_lists_a_persons_assignments_in_time_order() -> None:
    late = Assignment("r-2", _at(13, 14), _at(13, 15), "v", ("p-1", "p-2"))
    early = Assignment("r-1", _at(13, 9), _at(13, 10), "v", ("p-1",))
    other = Assignment("r-3", _at(13, 8), _at(13, 9), "v", ("p-3",))
    schedule = Schedule("mini", 1, (late, early, other), Provenance("greedy", _at(10, 9)))
    assert [a.id for a in schedule.for_person("p-1")] == ["r-1", "r-2"]
    assert early.window == TimeWindow(_at(13, 9), _at(13, 10))


def test_organization_label_prefers_short_name() -> None:
    long = Organization("x", "General Directorate", Side.DELEGATION, short_name="DGSSI")
    assert (long.label, Organization("y", "NASA", Side.HOST).label) == ("DGSSI", "NASA")
