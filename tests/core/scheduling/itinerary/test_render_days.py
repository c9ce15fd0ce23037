"""The itinerary's text heads each day with Babel's full date in the reader's language,
as the agendas do; an English ``strftime`` wrote "Monday 12 February 2024" in every
language before. ``liqa plan`` prints it in the first language of its ``--lang``
(tests/cli/test_itinerary_words.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.scheduling.itinerary import plan_itinerary, render_itinerary
from tests.core.scheduling.itinerary.test_partitions import FAST, split_then_together


@pytest.mark.parametrize(
    ("lang", "days"),
    [
        ("en", ["Monday, February 12, 2024", "Tuesday, February 13, 2024"]),
        ("fr", ["lundi 12 février 2024", "mardi 13 février 2024"]),
        ("ar", ["الاثنين، 12 فبراير 2024", "الثلاثاء، 13 فبراير 2024"]),
    ],
)
def test_itinerary_days_are_written_in_the_readers_language(lang: str, days: list[str]) -> None:
    event = split_then_together()
    schedule, _ = plan_itinerary(event, FAST)
    text = render_itinerary(event, schedule, lang)
    headings = [
        line.split(": ", 1)[0].removesuffix("\u00a0").rstrip()  # French: a space before ":"
        for line in text.splitlines()
        if re.match(r"^\S.*: ", line)
    ]
    assert headings[1:] == days  # after the "Itinerary: …" title


MISSION = Path(__file__).parents[4] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


def test_liqa_plan_prints_the_days_in_english_from_babel() -> None:
    args = ["plan", str(MISSION), "--time-limit", "1", "--lang", "en,fr"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Monday, February 12, 2024: Houston (America/Chicago)" in result.output
    assert "Wednesday, February 21, 2024" in result.output
    assert "12 February" not in result.output
