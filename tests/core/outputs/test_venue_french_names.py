"""Venues' French names (``name_fr``): French agendas and calendars name a place as French
readers know it, others keep ``name`` (or ``name_ar`` in Arabic).

Before, a French agenda of a mission to Morocco showed "Ministry of Digital Transition,
Rabat" where French readers expect the ministry's official French name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from liqa.core.model import Event
from liqa.core.outputs import labels
from liqa.core.outputs.agenda import Agenda, build_agenda
from liqa.core.outputs.calendar import build_calendar
from liqa.core.outputs.settings import OutputSettings
from tests.core.outputs.mission import make_event, make_schedule

SETTINGS = OutputSettings()
NASA_FR = "Centre spatial Lyndon B. Johnson de la NASA"
SFO_FR = "Aéroport international de San Francisco"


def _with_french_names() -> Event:
    event = make_event()
    french = {"v-nasa": NASA_FR, "v-sfo": SFO_FR}
    venues = tuple(replace(v, name_fr=french.get(v.id, "")) for v in event.venues)
    return replace(event, venues=venues)


def _entries(agenda: Agenda) -> dict[str, tuple[str, str]]:
    return {e.id: (e.place, e.travel_from) for day in agenda.days for e in day.entries}


def test_french_agenda_names_a_venue_by_its_french_name() -> None:
    agenda = build_agenda(_with_french_names(), make_schedule(), "p-benali", "fr", SETTINGS)
    entries = _entries(agenda)
    assert entries["vis-nasa"][0] == NASA_FR
    # the meeting after the flight: travel from the airport, named in French
    assert entries["r-cyber"] == ("CyberCorp HQ", SFO_FR)
    # a venue without a French name keeps its name
    assert entries["prog-brief"][0] == "Hilton Americas-Houston"


@pytest.mark.parametrize(
    ("lang", "nasa", "sfo"),
    [
        ("en", "NASA Johnson Space Center", "San Francisco International Airport"),
        ("ar", "مركز جونسون للفضاء", "San Francisco International Airport"),
    ],
)
def test_other_readers_keep_the_name_or_the_arabic_one(lang: str, nasa: str, sfo: str) -> None:
    agenda = build_agenda(_with_french_names(), make_schedule(), "p-benali", lang, SETTINGS)
    entries = _entries(agenda)
    assert (entries["vis-nasa"][0], entries["r-cyber"][1]) == (nasa, sfo)


def test_french_calendar_location_starts_with_the_french_name() -> None:
    calendar = build_calendar(_with_french_names(), make_schedule(), "p-benali", "fr", SETTINGS)
    locations = {str(e["UID"]): str(e["LOCATION"]) for e in calendar.walk("VEVENT")}
    visit = locations["vis-nasa@ma-us-2024.liqa"]
    assert visit == f"{NASA_FR}, 2101 E NASA Pkwy, Houston, TX 77058"
    english = build_calendar(_with_french_names(), make_schedule(), "p-benali", "en", SETTINGS)
    events = {str(e["UID"]): e for e in english.walk("VEVENT")}
    assert str(events["vis-nasa@ma-us-2024.liqa"]["LOCATION"]).startswith("NASA Johnson Space")


def test_venue_name_label_reads_french_only_for_french_readers() -> None:
    venue = next(v for v in _with_french_names().venues if v.id == "v-nasa")
    assert [labels.venue_name(venue, lang) for lang in ("fr", "en", "ar")] == [
        NASA_FR,
        "NASA Johnson Space Center",
        "مركز جونسون للفضاء",
    ]
