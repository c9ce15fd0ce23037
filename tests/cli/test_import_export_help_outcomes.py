"""`liqa import --help` and `liqa export --help` name the outcomes table (since e3906f8 the
export writes it when the event has recorded outcomes and the import reads it onto --base),
and so does the reference generated from them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from liqa.cli import app

ROOT = Path(__file__).resolve().parents[2]


def _command(name: str) -> Any:
    root: Any = typer.main.get_command(app)
    return root.get_command(typer.Context(root), name)


def _help_of(command: str, param: str) -> str:
    found = [p for p in _command(command).params if p.name == param]
    assert len(found) == 1, param
    return " ".join((getattr(found[0], "help", None) or "").split())


def test_import_help_names_the_outcomes_table_its_csv_and_how_missing_treats_it() -> None:
    assert "outcomes.csv" in _help_of("import", "files")
    assert "venues, outcomes)" in _help_of("import", "files")
    base = _help_of("import", "base")
    assert "venues and outcomes" in base
    assert "an outcome by the id of its meeting" in base
    missing = _help_of("import", "missing")
    assert "venues or outcomes that a table given leaves out" in missing
    assert "(an outcome: of the same meeting)" in missing


def test_export_help_says_outcomes_are_written_when_the_mission_has_any() -> None:
    text = " ".join((_command("export").help or "").split())
    assert "its outcomes when it has recorded any (an outcomes sheet, or outcomes.csv)" in text
    assert "people and places" not in text


def test_the_help_pages_run_and_the_reference_says_the_same() -> None:
    runner = CliRunner()
    for name in ("import", "export"):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "outcomes" in result.output
    reference = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    import_section = reference.split("## `liqa import`")[1].split("## `liqa export`")[0]
    export_section = reference.split("## `liqa export`")[1].split("\n## ")[0]
    assert "venues.csv, outcomes.csv" in import_section
    assert "requests, venues or outcomes that a table given leaves out" in import_section
    assert "its outcomes when it has recorded any" in export_section
