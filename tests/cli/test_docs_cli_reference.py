"""docs/reference/cli.md gives every option's real default, and the options it documents
refuse values out of range with exit code 2 and the option's name, not a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from liqa.cli import app

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")


def _options_with_a_default() -> list[tuple[str, Any]]:
    root: Any = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []

    def walk(group: Any, prefix: str) -> None:
        for name in group.list_commands(typer.Context(group)):
            command = group.get_command(typer.Context(group), name)
            if hasattr(command, "list_commands"):
                walk(command, f"{prefix} {name}")
                continue
            for param in command.params:
                plain_flag = getattr(param, "is_flag", False) and not param.secondary_opts
                optional = param.param_type_name == "option" and not param.required
                if optional and not plain_flag and param.default is not None:
                    found.append((f"{prefix} {name}", param))

    walk(root, "liqa")
    return found


def _section(command: str) -> str:
    start = REFERENCE.index(f"## `{command}`\n")
    end = REFERENCE.find("\n## ", start + 1)
    return REFERENCE[start : end if end != -1 else None]


def test_every_default_is_in_the_reference() -> None:
    options = _options_with_a_default()
    assert len(options) >= 25
    missing = []
    for command, param in options:
        row = next(
            line
            for line in _section(command).splitlines()
            if line.startswith(f"| `{param.opts[0]}`")
        )
        if "default" not in row:
            missing.append(f"{command} {param.opts[0]} (default {param.default!r})")
    assert not missing, missing


def test_the_reference_says_seed_0_and_worker_on() -> None:
    assert "| `--seed` | Random seed (same seed, same plan). (default: `0`) |" in REFERENCE
    assert "(default: `--worker`)" in _section("liqa serve")
    assert "(default: `--no-batch`)" in _section("liqa worker")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["worker", "--interval", "-1", "--batch"], "--interval"),
        (["serve", "--port", "99999"], "--port"),
    ],
)
def test_an_option_out_of_range_exits_2_naming_it(
    args: list[str], option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIQA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, (result.exception, result.output)
    assert option in result.output
    assert "Traceback" not in result.output
