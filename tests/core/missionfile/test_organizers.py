"""Organizers in the mission file: plain strings (English) or names per language."""

from __future__ import annotations

from liqa.core.missionfile import dumps_event, parse_event
from liqa.core.model import organizer_name
from tests.core.missionfile.factories import VALID, mutate

ORGANIZERS = """\
  organizers:
    - USTDA
    - en: US Commercial Service
      fr: Service commercial des États-Unis
      ar: القسم التجاري الأمريكي
    - {fr: Comité d'organisation, ar: اللجنة المنظمة}
"""


def _with_organizers() -> str:
    return mutate("  themes: [cybersecurity]\n", "  themes: [cybersecurity]\n" + ORGANIZERS)


def test_organizers_are_read_as_names_per_language() -> None:
    event = parse_event(_with_organizers(), "mission.yaml")
    assert event.organizers == (
        {"en": "USTDA"},
        {
            "en": "US Commercial Service",
            "fr": "Service commercial des États-Unis",
            "ar": "القسم التجاري الأمريكي",
        },
        {"fr": "Comité d'organisation", "ar": "اللجنة المنظمة"},
    )
    assert [organizer_name(names, "ar") for names in event.organizers] == [
        "USTDA",
        "القسم التجاري الأمريكي",
        "اللجنة المنظمة",
    ]


def test_organizers_are_written_back_as_they_were_given() -> None:
    event = parse_event(_with_organizers(), "mission.yaml")
    text = dumps_event(event)
    assert (ORGANIZERS in text, parse_event(text, "copy.yaml")) == (True, event)


def test_a_file_without_organizers_still_reads() -> None:
    assert parse_event(VALID, "mission.yaml").organizers == ()
