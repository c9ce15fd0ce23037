"""Helpers shared by CLI commands: loading a mission file or exiting with its problems."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console
from rich.text import Text

from liqa.core.model import Event
from liqa.core.problems import Problem

EXIT_PROBLEMS = 2
"""Exit code for bad input (the file or the options), as for ``liqa validate``."""


def print_problems(
    console: Console, problems: list[Problem], outcome: str = "nothing was loaded"
) -> None:
    """Print every problem on its own line (location, field path, message, hint), then a total."""
    for problem in problems:
        line = Text()
        line.append(problem.location(), style="bold")
        line.append(": ")
        if problem.path:
            line.append(problem.path, style="cyan")
            line.append(": ")
        line.append(problem.message)
        if problem.hint:
            line.append(f"  (hint: {problem.hint})", style="dim")
        console.print(line)
    count = len(problems)
    console.print(
        Text(f"{count} problem{'s' if count != 1 else ''} found; {outcome}.", style="red")
    )


def load_or_exit(console: Console, path: Path) -> Event:
    """The event in ``path``, or print its problems and exit with code 2."""
    from liqa.core.missionfile import validate_file

    event, problems = validate_file(path)
    if event is None:
        print_problems(console, problems)
        raise typer.Exit(EXIT_PROBLEMS)
    return event


def parse_languages(
    console: Console, text: str, option: str = "--lang", *, many: bool = True
) -> tuple[str, ...]:
    """``"ar,fr,en"`` as a tuple (one language when not ``many``), or exit 2 naming the
    unknown language."""
    langs = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [lang for lang in langs if lang not in ("ar", "fr", "en")]
    if unknown or not langs or (not many and len(langs) > 1):
        wanted = "a comma-separated list of ar, fr, en" if many else "one of ar, fr, en"
        what = (
            f"unknown language {', '.join(unknown) or '(none)'}"
            if unknown or not langs
            else (f"one language, not {text!r}")
        )
        console.print(Text(f"{option}: {what}; use {wanted}", style="red"))
        raise typer.Exit(EXIT_PROBLEMS)
    return langs


def output_dir_problem(out: Path) -> str | None:
    """Why ``out`` cannot be the folder outputs are written into, or None if it can.

    Checked before planning, so that an organizer does not wait for the solver to
    learn that the folder is a file or cannot be created.
    """
    problem = _folder_problem(out)
    return None if problem is None else f"--out {out}: {problem}"


def output_file_problem(out: Path, *, creates_folder: bool) -> str | None:
    """Why the file ``out`` cannot be written, or None if it can (its folder is made
    when missing if ``creates_folder``)."""
    if out.is_dir():
        return f"--out {out}: this is a folder; give a file name in it"
    folder = out.parent
    if not creates_folder and not folder.exists():
        return f"--out {out}: the folder {folder} does not exist; create it first"
    if folder.is_file():
        return f"--out {out}: {folder} is a file, not a folder"
    problem = _folder_problem(folder)
    return None if problem is None else f"--out {out}: {problem}"


def _folder_problem(folder: Path) -> str | None:
    if folder.exists():
        if not folder.is_dir():
            return "this is a file, not a folder"
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"{folder} is not writable"
        return None
    ancestor = folder.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        return f"{ancestor} is a file, not a folder"
    if not os.access(ancestor, os.W_OK | os.X_OK):
        return f"cannot create it, {ancestor} is not writable"
    return None


def check_output_dir(console: Console, out: Path) -> None:
    """Exit 2 with a message and a hint if ``out`` cannot be the outputs' folder."""
    problem = output_dir_problem(out)
    if problem is not None:
        console.print(Text(problem, style="red"))
        console.print("hint: give a new or existing folder you can write to, e.g. --out out/")
        raise typer.Exit(EXIT_PROBLEMS)
