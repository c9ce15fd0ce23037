"""``liqa plan`` prints the itinerary in the language of its ``--print-lang`` (English by
default, like the rest of what it prints; it printed English whatever the option): days
and times by Babel, words through the catalog, names as read in that language, subgroups
by their labels, never their ids; in Arabic, Latin names, times and ids are isolated
(U+2066 … U+2069) so that a terminal that orders right-to-left text keeps each in one
piece."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app

MISSION = Path(__file__).parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
LTR, END = "\u2066", "\u2069"


def _plan(*lang: str) -> str:
    result = CliRunner().invoke(app, ["plan", str(MISSION), "--time-limit", "1", *lang])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture(scope="module")
def printed() -> dict[str, str]:
    """What ``liqa plan`` printed, by the languages given (``""``: none)."""
    return {
        "ar": _plan("--print-lang", "ar"),
        "fr": _plan("--lang", "fr,en", "--print-lang", "fr"),
        "en": _plan("--lang", "ar", "--print-lang", "en"),
        "": _plan("--lang", "ar,fr"),
    }


def _itinerary(output: str) -> str:
    """The itinerary part of the output (after the plan's figures)."""
    return output[output.index("\n\n") :]


def test_english_times_are_babels_with_am_and_pm(printed: dict[str, str]) -> None:
    text = _itinerary(printed["en"])
    assert "Monday, February 12, 2024: Houston (America/Chicago)" in text
    assert re.search(r"^  \d{1,2}:\d\d\u202f[AP]M–\d{1,2}:\d\d\u202f[AP]M CST  ", text, re.M)
    assert "arrives 11:20\u202fAM PST" in text
    assert re.search(r"^  subgroup [A-Z]: Sarah Lamrani, ", text, re.M)
    assert "  Lunch" in text or "] Lunch" in text


def test_french_days_times_and_words(printed: dict[str, str]) -> None:
    text = _itinerary(printed["fr"])
    assert "lundi 12 février 2024 : Houston (America/Chicago)" in text
    assert re.search(r"^  \d\d:\d\d–\d\d:\d\d CST  ", text, re.M)
    assert re.search(r" Déjeuner$", text, re.M)
    assert not re.search(r"Lunch$", text, re.M)
    assert " AM" not in text
    assert " PM" not in text
    assert re.search(r"^  \S.* : Sarah Lamrani, ", text, re.M)  # a subgroup, French colon


def test_arabic_days_names_and_isolated_latin(printed: dict[str, str]) -> None:
    text = _itinerary(printed["ar"])
    assert f"الاثنين، 12 فبراير 2024: هيوستن ({LTR}America/Chicago{END})" in text
    # times read left to right inside the Arabic line (not "12:00–09:00")
    assert re.search(rf"^  {LTR}\d\d:\d\d–\d\d:\d\d CST{END}  ", text, re.M)
    assert f"{LTR}11:20 PST{END}" in text
    assert "الغداء" in text
    assert "سارة العمراني" in text  # the delegate's name in Arabic script
    assert "Sarah Lamrani" not in text
    assert f"({LTR}vis-shieldwall{END})" in text
    assert f"{LTR}Shieldwall Security{END}" in text
    assert "\u060c " in text  # members listed with the Arabic comma


def test_the_printed_language_is_print_langs_and_english_by_default(
    printed: dict[str, str],
) -> None:
    heads = {
        "ar": "الاثنين، 12 فبراير 2024",
        "fr": "lundi 12 février 2024",
        "en": "Monday, February 12, 2024",
    }
    for given, output in printed.items():
        for lang, head in heads.items():
            assert (head in output) is (lang == (given or "en")), (given, lang)


def test_subgroups_are_shown_by_their_labels_never_their_ids(printed: dict[str, str]) -> None:
    for output in printed.values():
        assert "group-" not in output
        assert "[all]" not in output


def test_an_unknown_language_is_refused_with_a_message() -> None:
    result = CliRunner().invoke(app, ["plan", str(MISSION), "--lang", "de"])
    assert result.exit_code == 2
    assert "--lang: unknown language de" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("given", "said"),
    [("de", "unknown language de; use one of"), ("ar,fr", "one language, not 'ar,fr'; use one of")],
)
def test_a_wrong_print_language_is_refused_with_a_message(given: str, said: str) -> None:
    result = CliRunner().invoke(app, ["plan", str(MISSION), "--print-lang", given])
    assert result.exit_code == 2
    assert f"--print-lang: {said}" in " ".join(result.output.split())
    assert "Traceback" not in result.output
