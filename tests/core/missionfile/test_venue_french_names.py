"""A venue's French name (``name_fr``) in the mission file: the schema allows it and says
what it is, it is read, written and read back; files without it read as before."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from jsonschema import Draft202012Validator

from liqa.core.missionfile import dumps_event, load_event, mission_schema, parse_event
from liqa.core.missionfile.loading import validate_text
from liqa.core.model import Event

DEMO = Path(__file__).parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
RABAT_FR = "Ministère de la Transition Numérique et de la Réforme de l'Administration"


def _named() -> Event:
    event = load_event(DEMO)
    first, *others = event.venues
    return replace(event, venues=(replace(first, name_fr=RABAT_FR), *others))


def test_a_venues_french_name_survives_the_round_trip() -> None:
    named = _named()
    text = dumps_event(named)
    venues = text.split("\nvenues:\n", 1)[1].split("\norganizations:\n", 1)[0]
    assert f"name_fr: {RABAT_FR}" in venues
    assert parse_event(text, "copy.yaml") == named
    assert parse_event(dumps_event(named, "json"), "copy.json") == named
    assert parse_event(text, "copy.yaml").venues[0].name_fr == RABAT_FR


def test_a_venue_without_a_french_name_is_written_without_the_key() -> None:
    event = load_event(DEMO)
    unnamed = replace(event, venues=tuple(replace(v, name_fr="") for v in event.venues))
    data = json.loads(dumps_event(unnamed, "json"))
    assert all("name_fr" not in venue for venue in data["venues"])
    text = dumps_event(unnamed, "json")
    assert all(v.name_fr == "" for v in parse_event(text, "copy.json").venues)  # read as before


def test_a_venues_french_name_passes_the_schema() -> None:
    data = json.loads(dumps_event(_named(), "json"))
    assert data["venues"][0]["name_fr"] == RABAT_FR
    assert list(Draft202012Validator(mission_schema()).iter_errors(data)) == []


def test_a_french_name_that_is_not_text_is_refused_with_a_translated_hint() -> None:
    data = json.loads(dumps_event(load_event(DEMO), "json"))
    data["venues"][0]["name_fr"] = 12
    event, problems = validate_text(json.dumps(data), "m.json")
    assert event is None
    [problem] = [p for p in problems if p.path == "venues[0].name_fr"]
    assert problem.hint == (
        "the venue's name in French (its official one), which French agendas and calendars "
        "show instead of 'name'"
    )
