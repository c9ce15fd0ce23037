"""``liqa validate``'s summary in the reader's language, as its problems already were. Before,
with LANG=fr_FR.UTF-8 (or ar_MA.UTF-8) a wrong file's problems were said in French, but a
valid file's summary stayed in English: "Requests │ 476: 410 accepted, 6 cancelled…",
"Organizations", dates as 2025-10-16, although the catalog says these in French and Arabic.
``--json`` stays English whatever the locale: it is for machines.

Expected texts are the catalog's own translation of each message, so the tests hold before
and after the catalog gains the summary's new messages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.cli.common import said
from liqa.core.i18n import translator
from liqa.core.outputs.labels import date_range
from liqa.core.problems import Message

ROOT = Path(__file__).parents[2]
FAIR = ROOT / "examples" / "brokerage-day" / "mission.yaml"
NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}


def _validate(locale: str, *args: str) -> str:
    result = CliRunner().invoke(
        app,
        ["validate", str(FAIR), *args],
        env={**NO_LOCALE, "LANG": locale, "COLUMNS": "400"},
        terminal_width=400,
    )
    assert result.exit_code == 0, result.output
    return result.output


def _row(output: str, label: str) -> str:
    """The text of the summary's row ``label`` (the table's second column)."""
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip("│ ").split("│")]
        if len(cells) == 2 and cells[0] == label:
            return cells[1]
    raise AssertionError(f"no row {label!r} in:\n{output}")


@pytest.mark.parametrize(("locale", "lang"), [("fr_FR.UTF-8", "fr"), ("ar_MA.UTF-8", "ar")])
def test_the_summary_of_a_valid_file_in_the_readers_language(locale: str, lang: str) -> None:
    output = _validate(locale)
    t = translator(lang)
    comma = "، " if lang == "ar" else ", "

    def requests(english: str, n: int) -> str:
        return t.npgettext("requests by status", english, english, n) % {"num": n}

    assert t.gettext("Requests") != "Requests"  # the catalog's words, already translated
    assert requests("%(num)d accepted", 410) != "410 accepted"
    assert _row(output, t.gettext("Requests")) == "476: " + comma.join(
        (
            requests("%(num)d accepted", 410),
            requests("%(num)d cancelled", 6),
            requests("%(num)d declined", 22),
            requests("%(num)d proposed", 38),
        )
    )
    assert "Requests" not in output
    assert "accepted" not in output
    day = date(2025, 10, 16)  # the fair's one day, as the reader writes a date
    assert _row(output, t.gettext("Kind")).startswith(
        t.pgettext("event kind", "brokerage") + comma + f"{date_range(day, day, lang)} ("
    )
    assert date_range(day, day, lang) == t.format_date(day, "long") != "2025-10-16"
    assert "2025-10-16" not in output
    organizations = _row(output, t.gettext("Organizations"))
    assert organizations.startswith("91: ")
    assert t.gettext("Organizations") != "Organizations"
    assert _row(output, t.gettext("People")).startswith("120: ")
    assert _row(output, t.gettext("Venues")) == "1"
    programme = comma.join(
        t.npgettext("programme items by kind", english, english, 1) % {"num": 1}
        for english in ("%(num)d briefing", "%(num)d meal")
    )
    assert _row(output, t.gettext("Programme")) == f"2: {programme}"
    assert said(Message("{file} is valid", file=str(FAIR)), lang) in output


def test_the_summary_in_english_is_as_before() -> None:
    output = _validate("C.UTF-8")
    assert f"{FAIR} is valid" in output
    assert _row(output, "Kind") == "brokerage, 2025-10-16 → 2025-10-16 (1 day)"
    assert _row(output, "Leg casablanca") == (
        "Casablanca · Africa/Casablanca · 2025-10-16 → 2025-10-16 (1 day)"
    )
    assert _row(output, "Organizations") == "91: 42 delegation, 41 host, 8 both"
    assert _row(output, "People") == "120: 55 delegation, 54 host, 11 both sides"
    assert _row(output, "Requests") == "476: 410 accepted, 6 cancelled, 22 declined, 38 proposed"
    assert _row(output, "Programme") == "2: 1 briefing, 1 meal"
    assert _row(output, "Brokerage") == "2 sessions, 20 slots of 20 min, 30 tables"
    assert _row(output, "Venues") == "1"


@pytest.mark.parametrize("locale", ["C.UTF-8", "fr_FR.UTF-8", "ar_MA.UTF-8"])
def test_the_json_summary_stays_english_in_every_locale(locale: str) -> None:
    rows = json.loads(_validate(locale, "--json"))["summary"]
    assert rows == {
        "Event": "Casablanca Digital Days B2B 2025 (casablanca-digital-days-b2b-2025)",
        "Kind": "brokerage, 2025-10-16 → 2025-10-16 (1 day)",
        "Leg casablanca": "Casablanca · Africa/Casablanca · 2025-10-16 → 2025-10-16 (1 day)",
        "Organizations": "91: 42 delegation, 41 host, 8 both",
        "Delegation": "Lumière Pay SAS, Hexagone Trust SAS, Sémaphore Energy Tech SAS, "
        "Azur Trust SAS, Vauban Cloud SAS, … (+45)",
        "Hosts": "Atlas Smart City, Anfa Smart City, Zellige AI Labs, Argan AI Labs, "
        "Medina GovTech, … (+44)",
        "People": "120: 55 delegation, 54 host, 11 both sides",
        "Requests": "476: 410 accepted, 6 cancelled, 22 declined, 38 proposed",
        "Programme": "2: 1 briefing, 1 meal",
        "Brokerage": "2 sessions, 20 slots of 20 min, 30 tables",
        "Venues": "1",
    }
