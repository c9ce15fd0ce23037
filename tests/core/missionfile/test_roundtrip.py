"""Writing an Event and reading it back gives the same Event (YAML and JSON)."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings

from liqa.core.missionfile import dump_event, dumps_event, load_event, parse_event
from liqa.core.missionfile.values import LegSpan, format_instant, parse_instant
from liqa.core.model import Event, Gender
from tests.core.missionfile.strategies import events

DEMO = Path(__file__).parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"

ROUND_TRIP = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _instants(value: Any) -> Any:
    """``value`` (an Event as :func:`asdict` gives it) with every time as its UTC instant,
    which is what ``==`` compares for times of different zones, except that by PEP 495 a
    time in the repeated hour of a DST change never equals a time of another zone (02:00
    Europe/Paris on 2032-10-31 read back from the file in its leg's zone, or with its
    offset): the round trip must keep the instant, and here it is said for every time."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, dict):
        return {key: _instants(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_instants(item) for item in value)
    return value


def _same(read: Event, written: Event) -> bool:
    return bool(_instants(asdict(read)) == _instants(asdict(written)))


def test_a_time_in_the_repeated_hour_of_a_dst_change_keeps_its_instant() -> None:
    """Found by the generated tests below: 02:00 Paris on the night the clocks go back,
    on a day a leg of another zone covers, is written in that leg's time and read back as
    the same instant, which ``==`` denies (PEP 495)."""
    paris = ZoneInfo("Europe/Paris")
    legs = [LegSpan("l", "America/Chicago", date(2032, 10, 30), date(2032, 11, 2))]
    for fold in (0, 1):
        written = datetime(2032, 10, 31, 2, tzinfo=paris, fold=fold)
        read = parse_instant(format_instant(written, legs), legs)
        assert (read != written, _instants(read)) == (True, written.astimezone(UTC))


@ROUND_TRIP
@given(events())
def test_generated_event_survives_yaml_round_trip(event: Event) -> None:
    assert _same(parse_event(dumps_event(event), "generated.yaml"), event)


@ROUND_TRIP
@given(events())
def test_generated_event_survives_json_round_trip(event: Event) -> None:
    assert _same(parse_event(dumps_event(event, "json"), "generated.json"), event)


def test_demo_mission_survives_round_trip_through_files(tmp_path: Path) -> None:
    event = load_event(DEMO)
    dump_event(event, tmp_path / "copy.yaml")
    dump_event(event, tmp_path / "copy.json")
    assert load_event(tmp_path / "copy.yaml") == event
    assert load_event(tmp_path / "copy.json") == event


def test_written_file_is_stable() -> None:
    event = load_event(DEMO)
    text = dumps_event(event)
    assert dumps_event(parse_event(text, "copy.yaml")) == text


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events())
def test_many_generated_events_survive_yaml_round_trip(event: Event) -> None:
    """Instants compared as instants (:func:`_same`): a person's availability and a request's
    fixed start are read at their place too, in another zone than the one they were made
    in, where ``==`` denies a time of the repeated hour (2035-11-04 01:36 Los Angeles, a
    host's availability made at -07:00)."""
    assert _same(parse_event(dumps_event(event), "generated.yaml"), event)


def test_an_organizations_french_name_survives_the_round_trip() -> None:
    """``name_fr`` (the official French name French outputs use) is written and read back."""
    event = load_event(DEMO)
    named = replace(
        event,
        organizations=tuple(
            replace(o, name_fr=f"Nom français de {o.id}") for o in event.organizations
        ),
    )
    text = dumps_event(named)
    assert "name_fr: Nom français de " in text
    assert parse_event(text, "copy.yaml") == named
    assert parse_event(dumps_event(named, "json"), "copy.json") == named


def test_a_persons_gender_survives_the_round_trip() -> None:
    """``gender`` (what a title agrees with in French and Arabic) is written and read back;
    people without one are written without the key."""
    event = load_event(DEMO)
    genders = (Gender.MALE, Gender.FEMALE, Gender.MALE, Gender.FEMALE)
    people = tuple(
        replace(p, gender=genders[i] if i < len(genders) else None)
        for i, p in enumerate(event.people)
    )
    named = replace(event, people=people)
    text = dumps_event(named)
    assert (text.count("gender: female"), text.count("gender: male")) == (2, 2)
    assert parse_event(text, "copy.yaml") == named
    assert parse_event(dumps_event(named, "json"), "copy.json") == named
