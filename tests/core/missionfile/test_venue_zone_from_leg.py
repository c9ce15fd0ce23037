"""A venue without ``timezone`` takes that of the legs in its city (cities compared as the
spreadsheets import compares names); when they disagree, or no leg is in its city, the file
says so, with the zone to write; a file relying on it round-trips through the writer and the
spreadsheets."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.missionfile import dumps_event, load_event, parse_event, validate_text
from liqa.core.missionfile.cities import city_key
from liqa.core.missionfile.reading import read_text
from liqa.core.missionfile.schema import schema_problems
from liqa.core.problems import Message
from liqa.core.spreadsheets import export_event, import_event
from liqa.core.spreadsheets.cells import fold
from tests.core.missionfile.factories import VALID, brief, line_of, mutate, problems_of

NASA = "    name: NASA Johnson Space Center\n    city: Houston\n    timezone: America/Chicago\n"
HOTEL = "    name: Hilton Americas\n    city: Houston\n    timezone: America/Chicago\n"


def _nasa_in(city: str, text: str = VALID) -> str:
    """``text`` with the NASA venue in ``city`` and no ``timezone``."""
    return mutate(NASA, f"    name: NASA Johnson Space Center\n    city: {city}\n", text)


def _zones(text: str) -> dict[str, str]:
    return {v.id: v.timezone for v in parse_event(text, "mission.yaml").venues}


@pytest.mark.parametrize("city", ["Houston", "houston", "HOUSTON ", "'Houston.'"])
def test_a_venue_without_a_zone_takes_the_zone_of_the_leg_in_its_city(city: str) -> None:
    text = _nasa_in(city)
    assert _zones(text)["v-nasa"] == "America/Chicago"
    # the same event as when the zone is written: its visit's host and times alike
    explicit = parse_event(VALID, "mission.yaml")
    assert parse_event(text, "mission.yaml").venues[1].timezone == explicit.venues[1].timezone


def test_the_city_is_compared_without_accents_and_the_zone_decides_the_venues_times() -> None:
    text = _nasa_in("San José")
    text = mutate(
        '    end: "2024-02-12 10:00"\n    venue: v-hotel\n',
        '    end: "2024-02-12 10:00"\n    venue: v-hotel\n'
        "  - id: prog-sv\n    kind: other\n    title: Tour\n"
        '    start: "2024-02-17 09:00"\n    end: "2024-02-17 10:00"\n    venue: v-nasa\n',
        text,
    )
    event = parse_event(text, "mission.yaml")
    assert {v.id: v.timezone for v in event.venues}["v-nasa"] == "America/Los_Angeles"
    tour = next(item for item in event.programme if item.id == "prog-sv")
    assert tour.start.isoformat() == "2024-02-17T09:00:00-08:00"


def test_a_venue_in_a_city_whose_legs_disagree_must_give_its_zone() -> None:
    text = mutate("    city: San Jose\n", "    city: Houston\n", _nasa_in("Houston"))
    at = line_of(text, "  - id: v-nasa")
    hint = Message(
        "add 'timezone:' here, {zones}: the legs in {city} are in different time zones",
        zones=Message("{head} or {last}", head="America/Chicago", last="America/Los_Angeles"),
        city="Houston",
    )
    assert brief(problems_of(text)) == [
        (at, "venues[1]", "missing required field 'timezone'", hint, "missing_field")
    ]
    assert hint == (
        "add 'timezone:' here, America/Chicago or America/Los_Angeles: the legs in Houston "
        "are in different time zones"
    )


def test_a_venue_in_a_city_without_a_leg_is_told_the_zone_its_city_keeps() -> None:
    text = _nasa_in("Austin")
    (problem,) = problems_of(text)
    assert (problem.path, problem.message, problem.code) == (
        "venues[1]",
        "missing required field 'timezone'",
        "missing_field",
    )
    assert problem.line == line_of(text, "  - id: v-nasa")
    assert problem.hint == (
        "add 'timezone: America/Chicago' here (the time zone of Austin): no leg of the event "
        "is in Austin"
    )
    named = problems_of(_nasa_in("Casablanca"))[0].hint
    assert named.startswith("add 'timezone: Africa/Casablanca' here")


def test_a_venue_in_an_unknown_city_without_a_leg_is_told_the_legs_cities() -> None:
    (problem,) = problems_of(_nasa_in("Springfeld"))
    assert problem.hint == (
        "add 'timezone:' here (an IANA time zone name such as America/Chicago or "
        "Africa/Casablanca): no leg of the event is in Springfeld; the legs are in Houston, "
        "San Jose"
    )


def test_a_venue_without_a_city_or_a_zone_gets_both_missing_fields() -> None:
    text = mutate(NASA, "    name: NASA Johnson Space Center\n")
    problems = problems_of(text)
    assert sorted((p.path, p.message) for p in problems) == [
        ("venues[1]", "missing required field 'city'"),
        ("venues[1]", "missing required field 'timezone'"),
    ]


def test_a_leg_with_a_bad_zone_is_reported_once_not_again_on_its_venues() -> None:
    text = _nasa_in("Houston", mutate(HOTEL, "    name: Hilton Americas\n    city: Houston\n"))
    text = mutate(
        "    timezone: America/Chicago\n    start", "    timezone: America/Houston\n    start", text
    )
    problems = problems_of(text)
    assert [(p.path, p.code) for p in problems] == [("legs[0].timezone", "unknown_timezone")]


def test_a_written_zone_is_kept_even_when_the_leg_says_another() -> None:
    text = mutate(NASA, NASA.replace("America/Chicago", "America/Denver"))
    assert _zones(text)["v-nasa"] == "America/Denver"


def test_a_file_relying_on_it_round_trips_through_the_writer() -> None:
    text = _nasa_in("houston", mutate(HOTEL, "    name: Hilton Americas\n    city: Houston\n"))
    event = parse_event(text, "mission.yaml")
    for kind in ("yaml", "json"):
        written = dumps_event(event, kind)
        assert "America/Chicago" in written
        assert parse_event(written, f"mission.{kind}") == event


@pytest.mark.parametrize("target", ["tables.xlsx", "csv"])
def test_a_file_relying_on_it_round_trips_through_the_spreadsheets(
    tmp_path: Path, target: str
) -> None:
    path = tmp_path / "mission.yaml"
    path.write_text(_nasa_in("Houston"), encoding="utf-8")
    event = load_event(path)
    paths = export_event(event, tmp_path / target)
    assert import_event(paths, event).event == event


def test_cities_are_compared_as_the_spreadsheets_compare_names() -> None:
    for name in ("San José", " SAN_JOSE ", "Al-Hoceïma", "Fès", "Saint-Louis (Sénégal)", "الرباط"):
        assert city_key(name) == fold(name)


def test_the_schema_no_longer_requires_a_venues_zone() -> None:
    document = read_text(_nasa_in("Houston"), "mission.yaml")
    assert schema_problems(document, "mission.yaml") == []
    assert validate_text(_nasa_in("Houston"), "mission.yaml")[1] == []
