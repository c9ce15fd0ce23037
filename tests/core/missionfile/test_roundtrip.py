"""Writing an Event and reading it back gives the same Event (YAML and JSON)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from liqa.core.missionfile import dump_event, dumps_event, load_event, parse_event
from liqa.core.model import Event, Gender
from tests.core.missionfile.strategies import events

DEMO = Path(__file__).parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"

ROUND_TRIP = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(events())
def test_generated_event_survives_yaml_round_trip(event: Event) -> None:
    assert parse_event(dumps_event(event), "generated.yaml") == event


@ROUND_TRIP
@given(events())
def test_generated_event_survives_json_round_trip(event: Event) -> None:
    assert parse_event(dumps_event(event, "json"), "generated.json") == event


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
    assert parse_event(dumps_event(event), "generated.yaml") == event


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
