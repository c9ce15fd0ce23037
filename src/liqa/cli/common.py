"""Helpers shared by CLI commands: loading a mission file or exiting with its problems."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import typer
from rich.console import Console
from rich.text import Text

from liqa.core.model import Event
from liqa.core.problems import Message, PluralMessage, Problem

EXIT_PROBLEMS = 2
"""Exit code for bad input (the file or the options), as for ``liqa validate``."""

LANGUAGES = ("ar", "fr", "en")
"""The languages the CLI speaks (the catalog's)."""

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where the process locale names the reader's language, in gettext's order."""


def process_language() -> str:
    """The reader's language as the process locale gives it: the first of ``LANGUAGE``
    (a list, ``fr:en``), ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, as gettext
    reads them (``fr_FR.UTF-8`` is French); English when it names no language of liqa's
    (``C.UTF-8``, ``de_DE``). The language of the CLI's messages where a command has no
    language option, or before that option is read."""
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if not value:
            continue
        for item in value.split(":"):
            code = item.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            if code in LANGUAGES:
                return code
        return "en"
    return "en"


def said(text: str, lang: str) -> str:
    """``text`` (a :class:`~liqa.core.problems.Message`, else as it is) in ``lang``."""
    from liqa.core.i18n import translator
    from liqa.core.problems import translated

    return str(translated(text, translator(lang).gettext, lang))


def print_hinted(console: Console, message: str, hint: str = "", *, lang: str) -> None:
    """An error in ``lang`` in red, then ``  (hint: ...)`` dimmed on its own line."""
    console.print(Text(said(message, lang), style="red"))
    if hint:
        console.print(Text("  " + said(Message("(hint: {hint})", hint=hint), lang), style="dim"))


def print_error(console: Console, message: str, hint: str = "", *, lang: str) -> None:
    """An error in ``lang`` in red, then its hint (``hint: ...``, dimmed) when given."""
    console.print(Text(said(message, lang), style="red"))
    if hint:
        console.print(Text(said(Message("hint: {hint}", hint=hint), lang), style="dim"))


def print_problems(
    console: Console,
    problems: list[Problem],
    outcome: str = Message("nothing was loaded"),
    *,
    lang: str | None = None,
) -> None:
    """Print every problem on its own line (location, field path, message, hint), then a total,
    in ``lang`` (else the process locale's language): the core's messages and hints are
    :class:`~liqa.core.problems.Message` and are read in the one catalog; ``outcome`` too
    when it is one."""
    lang = lang or process_language()
    gettext = translator_gettext(lang)
    for problem in problems:
        line = Text()
        line.append(problem.location(gettext), style="bold")
        line.append(": ")
        if problem.path:
            line.append(problem.path, style="cyan")
            line.append(": ")
        line.append(said(problem.message, lang))
        if problem.hint:
            line.append(
                "  " + said(Message("(hint: {hint})", hint=problem.hint), lang), style="dim"
            )
        console.print(line, soft_wrap=True)  # a long path stays whole, to copy
    count = len(problems)
    total = PluralMessage(
        "{n} problem found; {outcome}.", "{n} problems found; {outcome}.", n=count, outcome=outcome
    )
    console.print(Text(said(total, lang), style="red"), soft_wrap=True)


def translator_gettext(lang: str) -> Callable[[str], str]:
    """The catalog's ``gettext`` for ``lang``."""
    from liqa.core.i18n import translator

    return translator(lang).gettext


def load_or_exit(console: Console, path: Path, lang: str | None = None) -> Event:
    """The event in ``path``, or print its problems (in ``lang``, else the process locale's
    language) and exit with code 2."""
    from liqa.core.missionfile import validate_file

    event, problems = validate_file(path)
    if event is None:
        print_problems(console, problems, lang=lang)
        raise typer.Exit(EXIT_PROBLEMS)
    return event


def parse_languages(
    console: Console,
    text: str,
    option: str = "--lang",
    *,
    many: bool = True,
    lang: str | None = None,
) -> tuple[str, ...]:
    """``"ar,fr,en"`` as a tuple (one language when not ``many``), or exit 2 naming the
    unknown language (said in ``lang``, else the process locale's language)."""
    langs = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [code for code in langs if code not in LANGUAGES]
    if unknown or not langs or (not many and len(langs) > 1):
        if unknown or not langs:
            named = ", ".join(unknown) or "(none)"
            what = (
                Message(
                    "{option}: unknown language {languages}; use a comma-separated list of "
                    "ar, fr, en",
                    option=option,
                    languages=named,
                )
                if many
                else Message(
                    "{option}: unknown language {languages}; use one of ar, fr, en",
                    option=option,
                    languages=named,
                )
            )
        else:
            what = Message(
                "{option}: one language, not {text!r}; use one of ar, fr, en",
                option=option,
                text=text,
            )
        print_error(console, what, lang=lang or process_language())
        raise typer.Exit(EXIT_PROBLEMS)
    return langs


def output_dir_problem(out: Path) -> Message | None:
    """Why ``out`` cannot be the folder outputs are written into, or None if it can.

    Checked before planning, so that an organizer does not wait for the solver to
    learn that the folder is a file or cannot be created.
    """
    problem = _folder_problem(out)
    return (
        None
        if problem is None
        else Message("--out {out}: {problem}", out=str(out), problem=problem)
    )


def output_file_problem(out: Path, *, creates_folder: bool) -> Message | None:
    """Why the file ``out`` cannot be written, or None if it can (its folder is made
    when missing if ``creates_folder``)."""
    if out.is_dir():
        return Message("--out {out}: this is a folder; give a file name in it", out=str(out))
    folder = out.parent
    if not creates_folder and not folder.exists():
        return Message(
            "--out {out}: the folder {folder} does not exist; create it first",
            out=str(out),
            folder=str(folder),
        )
    if folder.is_file():
        return Message(
            "--out {out}: {folder} is a file, not a folder", out=str(out), folder=str(folder)
        )
    problem = _folder_problem(folder)
    return (
        None
        if problem is None
        else Message("--out {out}: {problem}", out=str(out), problem=problem)
    )


def _folder_problem(folder: Path) -> Message | None:
    if folder.exists():
        if not folder.is_dir():
            return Message("this is a file, not a folder")
        if not os.access(folder, os.W_OK | os.X_OK):
            return Message("{folder} is not writable", folder=str(folder))
        return None
    ancestor = folder.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        return Message("{ancestor} is a file, not a folder", ancestor=str(ancestor))
    if not os.access(ancestor, os.W_OK | os.X_OK):
        return Message("cannot create it, {ancestor} is not writable", ancestor=str(ancestor))
    return None


def check_output_dir(console: Console, out: Path, lang: str | None = None) -> None:
    """Exit 2 with a message and a hint (in ``lang``, else the process locale's language)
    if ``out`` cannot be the outputs' folder."""
    problem = output_dir_problem(out)
    if problem is not None:
        print_error(
            console,
            problem,
            Message("give a new or existing folder you can write to, e.g. --out out/"),
            lang=lang or process_language(),
        )
        raise typer.Exit(EXIT_PROBLEMS)
