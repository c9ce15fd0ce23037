"""Calendars stay correct across versions: stable UIDs, SEQUENCE, cancellations, zones."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from liqa.core.model import Assignment, MeetingFormat, Schedule
from liqa.core.outputs.calendar import FINGERPRINT, build_calendar, meeting_uid, write_calendar
from liqa.core.outputs.settings import OutputSettings
from liqa.core.problems import InputError
from tests.core.outputs.mission import (
    CYBER_MEETING,
    LAMRANI_CALL,
    NASA_VISIT,
    houston,
    make_event,
    make_schedule,
    moved,
)

SETTINGS = OutputSettings()


def _events(data: bytes) -> dict[str, icalendar.cal.Component]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _sequence(event: icalendar.cal.Component) -> int:
    """The SEQUENCE the file writes (a KeyError if it writes none: not the RFC's default 0)."""
    value = event["SEQUENCE"]
    assert isinstance(value, icalendar.vInt), f"SEQUENCE is a {type(value).__name__}"
    return int(value)


def _geo(event: icalendar.cal.Component) -> tuple[float, float]:
    """The GEO (latitude, longitude) the file writes."""
    value = event["GEO"]
    assert isinstance(value, icalendar.vGeo), f"GEO is a {type(value).__name__}"
    return (value.latitude, value.longitude)


def _ics(
    subject: str, *assignments: Assignment, previous: bytes | None = None, version: int = 1
) -> bytes:
    schedule = make_schedule(version, *assignments)
    calendar = build_calendar(make_event(), schedule, subject, "en", SETTINGS, previous)
    data: bytes = calendar.to_ical()
    return data


def _client(*files: bytes) -> dict[str, tuple[int, datetime]]:
    """What a calendar app holds after importing the files in order (RFC 5545 rules)."""
    held: dict[str, tuple[int, datetime]] = {}
    for data in files:
        for uid, vevent in _events(data).items():
            sequence = int(vevent.get("SEQUENCE", 0))
            if uid in held and held[uid][0] > sequence:
                continue
            if str(vevent.get("STATUS")) == "CANCELLED":
                held.pop(uid, None)
            else:
                held[uid] = (sequence, vevent.decoded("DTSTART"))
    return held


def test_meeting_uid_joins_assignment_and_event() -> None:
    assert meeting_uid("ma-us-2024", "r-cyber") == "r-cyber@ma-us-2024.liqa"


def test_calendar_lists_the_persons_meetings_and_programme() -> None:
    events = _events(_ics("p-benali"))
    assert sorted(events) == [
        "prog-brief@ma-us-2024.liqa",
        "prog-flight@ma-us-2024.liqa",
        "r-cyber@ma-us-2024.liqa",
        "vis-nasa@ma-us-2024.liqa",
    ]
    assert [_sequence(e) for e in events.values()] == [0, 0, 0, 0]


def test_calendar_keeps_local_times_across_the_central_to_pacific_change() -> None:
    events = _events(_ics("p-benali"))
    visit = events["vis-nasa@ma-us-2024.liqa"]
    meeting = events["r-cyber@ma-us-2024.liqa"]
    flight = events["prog-flight@ma-us-2024.liqa"]
    assert visit.decoded("DTSTART") == datetime(
        2024, 2, 12, 10, 30, tzinfo=ZoneInfo("America/Chicago")
    )
    assert str(visit.decoded("DTSTART").tzinfo) == "America/Chicago"
    assert meeting.decoded("DTSTART") == datetime(
        2024, 2, 15, 14, 0, tzinfo=ZoneInfo("America/Los_Angeles")
    )
    assert str(meeting.decoded("DTSTART").tzinfo) == "America/Los_Angeles"
    assert (flight.decoded("DTSTART").hour, str(flight.decoded("DTSTART").tzinfo)) == (
        7,
        "America/Chicago",
    )
    assert (flight.decoded("DTEND").hour, str(flight.decoded("DTEND").tzinfo)) == (
        9,
        "America/Los_Angeles",
    )


def test_calendar_has_a_compact_vtimezone_for_every_zone_used() -> None:
    calendar = icalendar.Calendar.from_ical(_ics("p-benali"))
    zones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert sorted(zones) == ["America/Chicago", "America/Los_Angeles"]
    assert calendar.get_missing_tzids() == set()
    assert [len(tz.subcomponents) for tz in zones.values()] == [1, 1]


def test_calendar_sets_location_and_geo_from_the_venue() -> None:
    meeting = _events(_ics("p-benali"))["r-cyber@ma-us-2024.liqa"]
    assert str(meeting["LOCATION"]) == "CyberCorp HQ, 1 Market St, San Jose, CA 95113, Table 4"
    assert _geo(meeting) == (37.3362, -121.8906)


@pytest.mark.parametrize(
    ("lang", "table", "delegation"),
    [
        ("fr", "Table 4", "Délégation : Sarah Lamrani, Karim Benali"),
        ("ar", "الطاولة 4", "الوفد: سارة لمراني، كريم بنعلي"),
    ],
)
def test_calendar_names_the_table_and_lists_names_in_the_readers_language(
    lang: str, table: str, delegation: str
) -> None:
    """A phone showed "… CA 95113 — #4"; an Arabic list of names had Latin commas."""
    both = replace(CYBER_MEETING, attendees=("p-lamrani", "p-benali", "p-lee"))
    schedule = make_schedule(1, NASA_VISIT, both)
    calendar = build_calendar(make_event(), schedule, "p-benali", lang, SETTINGS)
    meeting = _events(calendar.to_ical())["r-cyber@ma-us-2024.liqa"]
    assert str(meeting["LOCATION"]).endswith(f"CA 95113, {table}")
    assert delegation in str(meeting["DESCRIPTION"]).splitlines()


def test_reexport_after_a_move_keeps_uids_and_raises_the_moved_sequence() -> None:
    first = _ics("p-benali")
    second = _ics(
        "p-benali", NASA_VISIT, moved(CYBER_MEETING, 60), LAMRANI_CALL, previous=first, version=2
    )
    before, after = _events(first), _events(second)
    assert sorted(after) == sorted(before)
    assert {uid: _sequence(e) for uid, e in after.items()} == {
        "prog-brief@ma-us-2024.liqa": 0,
        "prog-flight@ma-us-2024.liqa": 0,
        "r-cyber@ma-us-2024.liqa": 1,
        "vis-nasa@ma-us-2024.liqa": 0,
    }
    assert after["r-cyber@ma-us-2024.liqa"].decoded("DTSTART").hour == 15


def test_reexport_sends_a_dropped_meeting_as_cancelled() -> None:
    first = _ics("p-benali")
    second = _ics("p-benali", NASA_VISIT, LAMRANI_CALL, previous=first, version=2)
    dropped = _events(second)["r-cyber@ma-us-2024.liqa"]
    assert (str(dropped["STATUS"]), _sequence(dropped)) == ("CANCELLED", 1)


def test_calendar_app_reading_both_versions_ends_without_duplicates() -> None:
    first = _ics("p-benali")
    second = _ics("p-benali", moved(NASA_VISIT, 30), LAMRANI_CALL, previous=first, version=2)
    assert _client(first, second) == {
        "prog-brief@ma-us-2024.liqa": (
            0,
            datetime(2024, 2, 12, 8, 30, tzinfo=ZoneInfo("America/Chicago")),
        ),
        "prog-flight@ma-us-2024.liqa": (
            0,
            datetime(2024, 2, 15, 7, 0, tzinfo=ZoneInfo("America/Chicago")),
        ),
        "vis-nasa@ma-us-2024.liqa": (
            1,
            datetime(2024, 2, 12, 11, 0, tzinfo=ZoneInfo("America/Chicago")),
        ),
    }


def test_unchanged_reexport_is_identical(tmp_path: Path) -> None:
    path = tmp_path / "benali.ics"
    event, schedule = make_event(), make_schedule()
    first = write_calendar(event, schedule, "p-benali", "en", path, SETTINGS)
    assert write_calendar(event, schedule, "p-benali", "en", path, SETTINGS) == first


def test_write_calendar_refuses_an_unreadable_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "benali.ics"
    path.write_text("not a calendar", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        write_calendar(make_event(), make_schedule(), "p-benali", "en", path, SETTINGS)
    assert [(p.file, p.code) for p in caught.value.problems] == [(str(path), "unreadable_calendar")]


def _lunch(group: str, attendees: tuple[str, ...], venue: str = "v-nasa") -> Assignment:
    """A subgroup's lunch near ``venue`` (the itinerary planner's ``lunch-<day>-<group>``)."""
    return Assignment(
        f"lunch-2024-02-12-{group}",
        houston(12, 12, 30),
        houston(12, 13, 30),
        None,
        attendees,
        MeetingFormat.PROGRAMME_ITEM,
        parties=(venue,),
        group=group,
    )


def test_lunch_uid_stays_when_the_first_person_at_it_leaves() -> None:
    """Alaoui (the first by id) cancels: Benali's lunch is the same event, updated (it was
    named after Alaoui: the old lunch cancelled and a second one added in every file)."""
    first = _ics("p-benali", NASA_VISIT, _lunch("group-a", ("p-alaoui", "p-benali")))
    second = _ics(
        "p-benali", NASA_VISIT, _lunch("group-a", ("p-benali",)), previous=first, version=2
    )
    lunch = "lunch-2024-02-12-group-a@ma-us-2024.liqa"
    assert {uid: str(e["STATUS"]) for uid, e in _events(second).items()} == {
        "prog-brief@ma-us-2024.liqa": "CONFIRMED",
        "prog-flight@ma-us-2024.liqa": "CONFIRMED",
        "vis-nasa@ma-us-2024.liqa": "CONFIRMED",
        lunch: "CONFIRMED",
    }
    assert sorted(_events(first)) == sorted(_events(second))
    assert _sequence(_events(second)[lunch]) == 1  # its attendees changed
    assert lunch in _client(first, second)


def test_lunch_uid_stays_when_someone_joins_it() -> None:
    first = _ics("p-benali", NASA_VISIT, _lunch("group-a", ("p-benali",)))
    second = _ics(
        "p-benali",
        NASA_VISIT,
        _lunch("group-a", ("p-alaoui", "p-benali")),
        previous=first,
        version=2,
    )
    lunches = [u for u in _events(second) if u.startswith("lunch-")]
    assert lunches == ["lunch-2024-02-12-group-a@ma-us-2024.liqa"]
    assert sorted(_events(first)) == sorted(_events(second))


def test_two_people_at_one_lunch_have_the_same_uid_in_their_files() -> None:
    schedule = (NASA_VISIT, _lunch("group-a", ("p-lamrani", "p-benali")))

    def lunches(subject: str) -> list[str]:
        return [u for u in _events(_ics(subject, *schedule)) if u.startswith("lunch-")]

    assert (
        lunches("p-lamrani") == lunches("p-benali") == ["lunch-2024-02-12-group-a@ma-us-2024.liqa"]
    )


def test_one_lunch_has_one_uid_for_everyone_and_two_lunches_two() -> None:
    together = make_schedule(
        1, _lunch("group-a", ("p-lamrani",)), _lunch("group-b", ("p-alaoui", "p-benali"))
    )
    apart = make_schedule(
        1,
        _lunch("group-a", ("p-lamrani",)),
        _lunch("group-b", ("p-alaoui", "p-benali"), venue="v-hotel-hou"),
    )

    def lunches(schedule: Schedule, subject: str) -> list[str]:
        calendar = build_calendar(make_event(), schedule, subject, "en", SETTINGS)
        return sorted(u for u in _events(calendar.to_ical()) if u.startswith("lunch-"))

    shared = ["lunch-2024-02-12-group-a@ma-us-2024.liqa"]  # the first of the two subgroups
    assert lunches(together, "p-lamrani") == lunches(together, "p-benali") == shared
    assert lunches(together, "MTNRA") == shared  # Lamrani and Alaoui: one meal, one event
    assert lunches(apart, "MTNRA") == [
        "lunch-2024-02-12-group-a@ma-us-2024.liqa",
        "lunch-2024-02-12-group-b@ma-us-2024.liqa",
    ]
    assert lunches(apart, "p-lamrani") != lunches(apart, "p-benali")


def test_one_meal_reads_the_same_in_every_subgroups_calendar() -> None:
    """Two subgroups at one meal: one event with everyone at it in both subgroups' files,
    so someone of group b leaving raises its SEQUENCE for group a's members too (the CI
    failure of 2026-11-30: each file counted only its own subgroup, so one UID had two
    versions and a re-plan raised it in some files and not in others)."""
    meal = (_lunch("group-a", ("p-lamrani",)), _lunch("group-b", ("p-alaoui", "p-benali")))
    uid = "lunch-2024-02-12-group-a@ma-us-2024.liqa"
    lamrani, benali = _ics("p-lamrani", *meal), _ics("p-benali", *meal)
    assert _events(lamrani)[uid][FINGERPRINT] == _events(benali)[uid][FINGERPRINT]
    left = (meal[0], _lunch("group-b", ("p-benali",)))
    for subject, before in (("p-lamrani", lamrani), ("p-benali", benali)):
        after = _events(_ics(subject, *left, previous=before, version=2))
        assert _sequence(after[uid]) == 1, subject


def _lunch_at(hour: int, minute: int, venue: str) -> Assignment:
    return replace(
        _lunch("group-a", ("p-lamrani", "p-benali"), venue),
        start=houston(12, hour, minute),
        end=houston(12, hour + 1, minute),
    )


def test_moved_lunch_keeps_its_uid_and_raises_its_sequence() -> None:
    """A re-plan moves the lunch to 13:15 near the hotel: the same event, updated (its UID
    was its time and place: the old lunch cancelled and a second one added)."""
    first = _ics("p-benali", NASA_VISIT, _lunch_at(12, 30, "v-nasa"))
    second = _ics("p-benali", NASA_VISIT, _lunch_at(13, 15, "v-hotel-hou"), previous=first)
    lunches = {
        uid: (_sequence(e), str(e["STATUS"]), e.decoded("DTSTART"))
        for uid, e in _events(second).items()
        if uid.startswith("lunch-")
    }
    assert lunches == {
        "lunch-2024-02-12-group-a@ma-us-2024.liqa": (1, "CONFIRMED", houston(12, 13, 15))
    }
    assert sorted(_events(first)) == sorted(_events(second))  # no event added or cancelled
    assert _client(first, second)["lunch-2024-02-12-group-a@ma-us-2024.liqa"] == (
        1,
        houston(12, 13, 15),
    )


def test_arabic_calendar_gives_a_hosts_role_after_the_arabic_comma() -> None:
    """The .ics description wrote 'David Lee, CEO' with a Latin comma in Arabic."""
    event = make_event()
    people = tuple(
        replace(p, name_ar="ديفيد لي", role="المدير العام") if p.id == "p-lee" else p
        for p in event.people
    )
    calendar = build_calendar(
        replace(event, people=people), make_schedule(), "p-benali", "ar", SETTINGS
    )
    meeting = _events(calendar.to_ical())["r-cyber@ma-us-2024.liqa"]
    assert "- ديفيد لي، المدير العام (CyberCorp)" in str(meeting["DESCRIPTION"]).splitlines()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "near NASA"), ("fr", "à proximité : NASA"), ("ar", "قرب")],
)
def test_a_lunch_is_placed_near_a_venue_in_the_readers_words(lang: str, words: str) -> None:
    """French reads 'à proximité : Hotel Bayou Centre', not 'près de Hotel Bayou Centre'
    (names of places carry no article to contract)."""
    schedule = make_schedule(1, _lunch("group-a", ("p-benali",)))
    calendar = build_calendar(make_event(), schedule, "p-benali", lang, SETTINGS)
    lunch = _events(calendar.to_ical())["lunch-2024-02-12-group-a@ma-us-2024.liqa"]
    assert str(lunch["LOCATION"]).startswith(words), str(lunch["LOCATION"])
