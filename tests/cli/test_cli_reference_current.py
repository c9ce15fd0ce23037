"""``docs/reference/cli.md`` is generated from the commands (``scripts/cli_reference.py``);
a change of a command's help that did not regenerate it would leave the reference wrong."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_cli_reference_is_what_the_commands_say_now() -> None:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert module.render() == committed, (
        "docs/reference/cli.md is out of date: run `uv run python scripts/cli_reference.py`"
    )
