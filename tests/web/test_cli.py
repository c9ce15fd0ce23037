"""``liqa serve``, ``liqa worker`` and ``liqa manage`` from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_web_commands_have_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert (result.exit_code, "--data-dir" in result.output) == (0, True)


def test_manage_passes_through_to_django() -> None:
    result = CliRunner().invoke(app, ["manage", "help", "migrate"])
    assert (result.exit_code, "--fake-initial" in result.output) == (0, True)


def test_a_malformed_numeric_setting_is_named_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "LIQA_WARM_SECONDS": "two minutes", "LIQA_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, "-m", "liqa", "serve", "--production", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    said = " ".join(done.stderr.split())  # the console wraps long lines
    assert "LIQA_WARM_SECONDS must be a number, not 'two minutes'" in said
    assert "Traceback" not in done.stderr + done.stdout
