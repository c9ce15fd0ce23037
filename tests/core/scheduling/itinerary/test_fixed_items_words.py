"""A programme whose fixed items of a day cannot all be attended is refused once per day,
with the day in the reader's language: it named every subgroup's tour by an internal label
("2024-02-12 houston group-a", then group-b, then all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.missionfile import parse_event
from liqa.core.problems import InputError, translated
from liqa.core.scheduling.itinerary.mission import build_model

DEMO = Path(__file__).parents[4] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
BRIEFING = """    start: "2024-02-12 08:30"
    end: "2024-02-12 10:00"
    venue: v-hotel-houston"""
PRESS_POINT = """
  - id: prog-press
    kind: briefing
    title: {en: "Press point"}
    start: "2024-02-12 10:05"
    end: "2024-02-12 10:30"
    venue: v-hotel-houston"""
"""The briefing moved to the airport, and a press point at the hotel five minutes after."""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Mon, Feb 12: the fixed items (prog-briefing, prog-press) cannot all be"),
        ("fr", "lun. 12 févr. : les éléments fixes (prog-briefing, prog-press) ne peuvent"),
        ("ar", "الاثنين، 12 فبراير: لا يمكن حضور كل البنود الثابتة (prog-briefing, prog-press)"),
    ],
)
def test_fixed_items_out_of_reach_are_refused_once_naming_the_day(lang: str, expected: str) -> None:
    text = DEMO.read_text(encoding="utf-8")
    assert BRIEFING in text
    moved = BRIEFING.replace("v-hotel-houston", "v-iah") + PRESS_POINT
    event = parse_event(text.replace(BRIEFING, moved), "mission.yaml")
    with pytest.raises(InputError) as caught:
        build_model(event)
    gettext = translator(lang).gettext
    messages = [str(translated(p.message, gettext, lang)) for p in caught.value.problems]
    assert len(messages) == 1
    assert messages[0].startswith(expected), messages[0]
