"""``liqa validate FILE``: check a mission file, list every problem or summarize the event."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from liqa.cli import app
from liqa.cli.common import print_problems, process_language, said
from liqa.core.model import Event
from liqa.core.problems import Message, Problem

EXIT_PROBLEMS = 2


@app.command("validate")
def validate(
    file: Annotated[Path, typer.Argument(help="Mission file (.yaml, .yml or .json).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the problems (or the summary) as JSON.")
    ] = False,
) -> None:
    """Check a mission file: report every problem (exit 2) or summarize the event (exit 0)."""
    from liqa.core.missionfile import validate_file

    console = Console(soft_wrap=True, highlight=False)
    try:
        event, problems = validate_file(file)
    except Exception as exc:  # a bug in liqa, not in the file: say so without a traceback
        lang = process_language()  # no language option: the process locale's
        console.print(
            Text(
                said(
                    Message(
                        "liqa could not check {file}: {error}: {detail}",
                        file=str(file),
                        error=type(exc).__name__,
                        detail=str(exc),
                    ),
                    lang,
                ),
                style="red",
            ),
            Text(said(Message("This is a bug in liqa; please report it with the file."), lang)),
        )
        raise typer.Exit(1) from None
    if event is None:
        _report(console, problems, as_json)
        raise typer.Exit(EXIT_PROBLEMS)
    _summarize(console, file, event, as_json)


def _report(console: Console, problems: list[Problem], as_json: bool) -> None:
    if as_json:
        console.print_json(json.dumps([asdict(p) for p in problems], ensure_ascii=False))
        return
    print_problems(console, problems)


def _summarize(console: Console, file: Path, event: Event, as_json: bool) -> None:
    from liqa.core.missionfile import summary

    if as_json:  # machine-readable: English labels and words, whatever the locale
        console.print_json(json.dumps({"file": str(file), "summary": dict(summary(event))}))
        return
    lang = process_language()  # the summary in the reader's language, as the problems are
    rows = summary(event, lang)
    valid = said(Message("{file} is valid", file=str(file)), lang)
    table = Table(title=Text(valid, style="green"), show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for label, text in rows:
        table.add_row(Text(label), Text(text))
    console.print(table)
