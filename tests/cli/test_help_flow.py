"""A command's help flows to the terminal's width: Typer shows the line breaks of a
docstring's later paragraphs as written, so ``liqa plan --help`` on an 80-column terminal
read "…say whether" / "the mission file changed…" in ragged lines, each docstring line
wrapped again."""

from __future__ import annotations

from typer.testing import CliRunner

from liqa.cli import app
from liqa.cli.lazy import flowed


def test_a_paragraphs_lines_are_joined_where_the_sentence_goes_on() -> None:
    text = "First line.\n\nWith a, say whether\nthe file changed.\nA new sentence ``x``."
    assert (
        flowed(text) == "First line.\n\nWith a, say whether the file changed.\nA new sentence `x`."
    )
    assert flowed(flowed(text)) == flowed(text)


def test_plan_help_on_a_wide_terminal_keeps_each_sentence_on_one_line() -> None:
    result = CliRunner().invoke(app, ["plan", "--help"], env={"COLUMNS": "200"}, terminal_width=200)
    assert result.exit_code == 0, result.output
    assert (
        "say whether the mission file changed since that plan, print what moved, was dropped or "
        "added on each person's agenda" in result.output
    )


def test_no_commands_help_has_ragged_lines_on_an_80_column_terminal() -> None:
    runner = CliRunner()
    for command in ("plan", "demo", "import", "export", "serve", "worker"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "80"}, terminal_width=80)
        assert result.exit_code == 0, command
        lines = [line.strip() for line in result.output.splitlines()]
        description = lines[lines.index(next(x for x in lines if x.startswith("Usage:"))) + 1 :]
        description = description[: description.index(next(x for x in description if "─" in x))]
        # a short line that does not end a sentence is a docstring's line wrapped again
        for line in filter(None, description):
            assert len(line) > 50 or line.endswith((".", ")", ":")), (command, line)
