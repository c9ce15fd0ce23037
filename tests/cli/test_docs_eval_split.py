"""``liqa eval matchmaking DATA --split dev`` (docs/background/matchmaking.md) on a set
that has no split: exit 2 naming the set and the option, not a table of zero queries."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app

V1 = Path(__file__).parents[2] / "benchmarks" / "matchmaking" / "evalset.yaml"


def test_a_split_the_set_does_not_have_is_refused() -> None:
    result = CliRunner().invoke(
        app, ["eval", "matchmaking", str(V1), "--split", "dev"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 2, result.output
    assert f"--split dev: {V1} has no dev split" in result.output
    assert "leave out --split" in result.output
    assert "Traceback" not in result.output
