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
