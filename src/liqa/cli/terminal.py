"""Output meant for a terminal, kept out of pipes and files.

When a command's output is piped or redirected (or read by a test runner), rich's consoles
are 80 columns wide and its live displays leave a blank line each: tables get cut and
progress bars leave gaps. These helpers give such output the width its tables need and
no progress display at all.
"""

from __future__ import annotations

import os

from rich.console import Console
from rich.progress import Progress, ProgressColumn

PIPED_WIDTH = 200
"""Columns of a console that writes to a pipe or a file (rich's default there is 80):
wide enough for the rows of ``liqa eval matchmaking``'s tables."""


def wide_when_piped(console: Console) -> Console:
    """``console``, made :data:`PIPED_WIDTH` columns wide when it does not write to a
    terminal and ``COLUMNS`` names no width (a terminal keeps its own width)."""
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        console.width = PIPED_WIDTH
    return console


def progress_bar(console: Console, *columns: str | ProgressColumn) -> Progress:
    """A transient progress display on ``console`` (rich's columns when none are given),
    disabled when ``console`` does not write to a terminal."""
    return Progress(*columns, console=console, transient=True, disable=not console.is_terminal)


def print_markdown(console: Console, text: str) -> None:
    """Print Markdown ``text``; to a pipe or a file without the spaces that pad each line
    to the console's width."""
    from rich.markdown import Markdown  # only ``liqa eval`` needs it: loaded on first use

    if console.is_terminal:
        console.print(Markdown(text))
        return
    with console.capture() as captured:
        console.print(Markdown(text))
    lines = [line.rstrip() for line in captured.get().splitlines()]
    console.out("\n".join(lines), highlight=False)
