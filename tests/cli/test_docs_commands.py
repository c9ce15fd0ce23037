"""Every ``liqa`` command the README and docs/ show parses as written: the command exists
and takes every option the page gives it (parsed by the command line itself, not run)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from liqa.cli import app

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"`((?:uv run )?liqa (?:[a-z]+)[^`]*)`")
# A command line in a code block: `uv run liqa …`, `/opt/liqa/.venv/bin/liqa …`, after
# optional VAR=value settings; in a `for` loop, the command inside it.
LINE = re.compile(r"(?:^|\s)(?:uv run |/opt/liqa/\.venv/bin/)liqa\s+(.*)$")


def _block_commands(text: str) -> list[str]:
    found: list[str] = []
    for lang, body in FENCE.findall(text):
        if lang not in ("sh", "bash", ""):
            continue
        body = body.replace("\\\n", " ")
        for line in body.splitlines():
            match = LINE.search(line.split(" # ")[0].split("  #")[0])
            if match and "$(uv run" not in line:
                found.append(match.group(1).strip().rstrip(";"))
    return found


def _inline_commands(text: str) -> list[str]:
    return [m.group(1).removeprefix("uv run ").removeprefix("liqa ") for m in INLINE.finditer(text)]


def _documented() -> list[tuple[str, str, bool]]:
    """(page, command line after ``liqa``, whether it is a whole command in a code block)."""
    commands: list[tuple[str, str, bool]] = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        name = str(page.relative_to(ROOT))
        commands += [(name, line, True) for line in _block_commands(text)]
        commands += [(name, line, False) for line in _inline_commands(text)]
    return commands


def _resolve(words: list[str]) -> tuple[Any, list[str], str]:
    """The command ``words`` names, the words left for it, and its full name."""
    command: Any = typer.main.get_command(app)
    names = ["liqa"]
    while hasattr(command, "list_commands") and words and not words[0].startswith("-"):
        sub = command.get_command(typer.Context(command), words[0])
        assert sub is not None, f"no command {' '.join([*names, words[0]])}"
        command, names = sub, [*names, words.pop(0)]
    return command, words, " ".join(names)


def _options(command: Any) -> set[str]:
    return {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)} | {"--help"}


COMMANDS = _documented()


def test_the_pages_show_many_commands() -> None:
    # Guards the extraction: the README alone shows a dozen liqa commands.
    whole = [c for c in COMMANDS if c[2]]
    assert len(whole) >= 30, whole
    assert {page for page, _, _ in whole} >= {
        "README.md",
        "docs/tutorial.md",
        "docs/howto/backup-restore.md",
        "docs/howto/replan-from-files.md",
    }


@pytest.mark.parametrize(("page", "line", "whole"), COMMANDS, ids=lambda v: str(v)[:60])
def test_a_documented_command_exists_with_its_options(page: str, line: str, whole: bool) -> None:
    words = shlex.split(line.replace("[", " ").replace("]", " ").replace("|", " "))
    command, rest, name = _resolve(words)
    if name == "liqa manage":
        return  # Django's own commands and options
    unknown = [
        word.split("=")[0]
        for word in rest
        if word.startswith("-") and word.split("=")[0] not in _options(command)
    ]
    assert not unknown, f"{page}: `{name}` has no option {', '.join(unknown)}"
    if whole and "--help" not in rest:
        # Parsed exactly as typed (values, arguments), without running the command.
        command.make_context(name, list(rest))


def test_the_extraction_finds_a_wrong_option() -> None:
    # The same check refuses what the command line refuses.
    command, _rest, name = _resolve(shlex.split("plan mission.yaml --output out"))
    assert name == "liqa plan"
    assert "--output" not in _options(command)
    result = CliRunner().invoke(app, ["plan", "mission.yaml", "--output", "out"])
    assert result.exit_code == 2


def _tutorial_command(start: str) -> list[str]:
    text = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    (line,) = [line for line in _block_commands(text) if line.startswith(start)]
    return shlex.split(line)


def test_the_tutorials_check_and_recommendation_run_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)  # the tutorial runs from the checkout
    checked = CliRunner().invoke(app, _tutorial_command("validate "))
    assert checked.exit_code == 0, checked.output
    assert "is valid" in checked.output
    # "lists the hosts that best match what the cybersecurity directorate seeks, with the
    # reasons in Arabic"
    recommended = CliRunner().invoke(app, _tutorial_command("recommend "))
    assert recommended.exit_code == 0, recommended.output
    assert "h-tx-cyber" in recommended.output
    assert "الأمن السيبراني" in recommended.output
