"""Wording of CLI messages: verbs that agree with their options, hints in a command's order,
and output meant for a terminal (progress bars, table widths) kept out of pipes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.missionfile import load_event
from liqa.core.outputs.planfile import read_plan
from liqa.core.problems import InputError

ROOT = Path(__file__).parents[2]
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--replace"], "--replace only applies to a backup .zip"),
        (["--replace", "--as", "copy"], "--replace, --as only apply to a backup .zip"),
    ],
)
def test_backup_options_on_a_spreadsheet_agree_with_their_number(
    tmp_path: Path, options: list[str], words: str
) -> None:
    args = ["import", "people.csv", "--out", str(tmp_path / "m.yaml"), *options]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(words), result.output


def test_an_unreadable_previous_plan_hints_at_the_command_to_run(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_plan(path, load_event(BROKERAGE))
    (problem,) = raised.value.problems
    assert problem.hint == "run liqa plan again without --previous, or give the plan.json it wrote"


V2 = ROOT / "benchmarks" / "matchmaking" / "v2" / "evalset.yaml"
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
PIPED = {"COLUMNS": None, "FORCE_COLOR": None, "TTY_COMPATIBLE": None}
"""No width nor terminal said by the environment: the runner's output is not a terminal."""


def test_piped_eval_keeps_each_table_row_on_one_line() -> None:
    result = CliRunner().invoke(app, ["eval", "matchmaking", str(V2)], env=PIPED)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(
        "precision@5 (ceiling)" in line and "hard negatives in top 5" in line for line in lines
    )
    liqa = next(line for line in lines if line.startswith(" liqa "))  # the first table's
    words = " ".join(liqa.split())  # every column, the last one too, on the row's line
    assert words.startswith("liqa 107 0.546 (0.701)"), liqa
    assert words.endswith(" of 52"), liqa
    assert all(line == line.rstrip() for line in lines)
    assert lines[0].startswith("Data set: "), lines[:3]  # no blank line from the progress bar


def test_piped_plan_has_no_blank_line_from_its_progress_bar() -> None:
    args = ["plan", str(BROKERAGE), "--time-limit", "0.5", "--workers", "1"]
    result = CliRunner().invoke(app, args, env=PIPED)
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first == "Event: Casablanca Digital Days B2B 2025", result.output


def test_piped_import_shows_no_progress_bars(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    assert CliRunner().invoke(app, ["export", str(DEMO), "--out", str(tables)]).exit_code == 0
    out = tmp_path / "again.yaml"
    args = ["import", *sorted(map(str, tables.iterdir())), "--base", str(DEMO), "--out", str(out)]
    result = CliRunner().invoke(app, args, env=PIPED)
    assert result.exit_code == 0, result.output
    assert "Reading rows" not in result.output
    assert "━" not in result.output
    assert result.output.lstrip().startswith(f"Wrote {out}"), result.output
