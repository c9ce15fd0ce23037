"""``liqa serve``, ``liqa worker`` and ``liqa manage`` from the command line."""

from __future__ import annotations

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
