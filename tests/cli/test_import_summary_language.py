"""``liqa import``'s summary in the reader's language: the tables read, what the tables
left out and what became of it, as its problems already were. Before, with
LANG=fr_FR.UTF-8 a wrong row was said in French but the summary of a good import stayed in
English ("Wrote …", "people", "Note: the people table leaves out 34 of the base mission's
39 people: they are kept"), though the catalog translates the note.

Expected texts are the catalog's own translation of each message, so the tests hold
before and after the catalog gains the summary's new messages."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.i18n import translator
from liqa.core.problems import Message, translated
from liqa.core.spreadsheets.merging import table_word

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}


def _in(message: Message, lang: str) -> str:
    return str(translated(message, translator(lang).gettext, lang))


@pytest.mark.parametrize(("locale", "lang"), [("fr_FR.UTF-8", "fr"), ("ar_MA.UTF-8", "ar")])
def test_the_import_summary_and_its_notes_in_the_readers_language(
    locale: str, lang: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    tables = tmp_path / "tables.xlsx"
    assert runner.invoke(app, ["export", str(DEMO), "--out", str(tables)]).exit_code == 0
    book = openpyxl.load_workbook(tables)
    for name in ("organizations", "requests", "venues"):
        del book[name]
    book["people"].delete_rows(7, 34)  # the first 5 people stay
    book.save(tables)
    out = tmp_path / "updated.yaml"
    result = runner.invoke(
        app,
        ["import", str(tables), "--base", str(DEMO), "--missing", "keep", "--out", str(out)],
        env={**NO_LOCALE, "LANG": locale},
        terminal_width=400,
    )
    assert result.exit_code == 0, result.output
    note = Message(
        "the {table} table leaves out {count} of the base mission's {total} {table}: they are kept",
        table=table_word("people"),
        count=34,
        total=39,
    )
    assert _in(note, lang) in result.output
    assert _in(note, lang) != str(note)  # the catalog says it in French and Arabic
    assert "the people table leaves out" not in result.output
    assert _in(table_word("people"), lang) in result.output
    assert _in(Message("Wrote {out}", out=str(out)), lang) in result.output


def test_the_summary_in_english_is_as_before(tmp_path: Path) -> None:
    runner = CliRunner()
    tables = tmp_path / "tables.xlsx"
    assert runner.invoke(app, ["export", str(DEMO), "--out", str(tables)]).exit_code == 0
    out = tmp_path / "updated.yaml"
    result = runner.invoke(
        app,
        ["import", str(tables), "--base", str(DEMO), "--out", str(out)],
        env={**NO_LOCALE, "LANG": "C.UTF-8"},
        terminal_width=400,
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.output
    assert "people" in result.output
