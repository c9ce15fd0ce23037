"""Backup and restore of a whole event, for ``liqa export --event`` and ``liqa import X.zip``.

The work is done by :mod:`liqa.web.backup`; this module starts the database and reports.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from liqa.cli.common import EXIT_PROBLEMS, print_hinted, print_problems, process_language, said
from liqa.core.problems import InputError, Message


def _start(console: Console, data_dir: Path | None, *, existing: bool = False) -> None:
    """Configure Django and bring the database schema up to date, or exit 2 (also, when
    ``existing``, if the SQLite database is not there: a backup never creates one)."""
    from liqa.web import runtime

    lang = process_language()  # no language option: the process locale's
    try:
        runtime.configure(data_dir)
        missing = missing_database() if existing else None
        if missing is not None:
            print_hinted(
                console,
                Message("no database at {path}", path=str(missing)),
                Message(
                    "give the --data-dir or LIQA_DATA_DIR of the server that holds the event, "
                    "or its DATABASE_URL"
                ),
                lang=lang,
            )
            raise typer.Exit(EXIT_PROBLEMS)
        runtime.migrate()
    except runtime.DatabaseUrlError as error:
        # one line, as `liqa manage` says it: the message names the forms accepted (the hint)
        print_hinted(console, Message("error: {message}", message=error.message), lang=lang)
        raise typer.Exit(EXIT_PROBLEMS) from None
    except runtime.SetupError as error:
        print_hinted(
            console,
            str(error),
            Message("check DATABASE_URL or LIQA_DATA_DIR / --data-dir"),
            lang=lang,
        )
        raise typer.Exit(EXIT_PROBLEMS) from None


def missing_database() -> Path | None:
    """The configured SQLite database file when it does not exist, else None (it does,
    it is in memory, or the database is PostgreSQL)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return None
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        return None
    path = Path(name)
    return None if path.is_file() else path


def _bug(console: Console, what: Message, exc: Exception) -> typer.Exit:
    """Exit 1 saying liqa failed to do ``what``, a bug (in the process locale's language)."""
    lang = process_language()
    console.print(
        Text(
            said(
                Message(
                    "liqa could not {what}: {error}: {detail}",
                    what=what,
                    error=type(exc).__name__,
                    detail=str(exc),
                ),
                lang,
            ),
            style="red",
        ),
        Text(said(Message("This is a bug in liqa; please report it."), lang)),
    )
    return typer.Exit(1)


def _counts(title: Text, counts: dict[str, int]) -> Table:
    table = Table(title=title, show_header=False)
    for name, count in counts.items():
        table.add_row(name, str(count))
    return table


def export_backup(console: Console, slug: str, out: Path, data_dir: Path | None) -> None:
    """Write the event ``slug`` of the database to the archive ``out``."""
    lang = process_language()  # no language option: the process locale's
    if out.suffix.lower() != ".zip":
        print_hinted(
            console,
            Message("--out {out}: a backup is a .zip archive", out=str(out)),
            Message("e.g. --out backup.zip"),
            lang=lang,
        )
        raise typer.Exit(EXIT_PROBLEMS)
    _start(console, data_dir, existing=True)
    from liqa.web.backup.dump import UnknownEvent, write_backup
    from liqa.web.events.models import Event

    try:
        backup = write_backup(slug, out)
    except UnknownEvent:
        known = ", ".join(Event.objects.order_by("slug").values_list("slug", flat=True))
        print_hinted(
            console,
            Message("--event {slug}: no such event in the database", slug=slug),
            Message("events here: {slugs}", slugs=known)
            if known
            else Message("there is no event in this database"),
            lang=lang,
        )
        raise typer.Exit(EXIT_PROBLEMS) from None
    except OSError as exc:
        print_hinted(
            console,
            Message("cannot write {out}: {reason}", out=str(out), reason=exc.strerror),
            Message("check the folder exists and is writable"),
            lang=lang,
        )
        raise typer.Exit(EXIT_PROBLEMS) from None
    # a bug in liqa, not in the data: reported without a traceback
    except Exception as exc:
        raise _bug(console, Message("back up {slug}", slug=slug), exc) from None
    console.print(_counts(Text(f"Wrote {out}", style="green"), backup.counts))
    if backup.unfinished_runs:
        console.print(
            Text(
                f"{backup.unfinished_runs} queued or running scheduler run(s) left out: "
                "only finished runs are backed up.",
                style="yellow",
            )
        )


def import_backup(
    console: Console, archive: Path, replace: bool, as_slug: str | None, data_dir: Path | None
) -> None:
    """Restore the archive into the database, all or nothing."""
    _start(console, data_dir)
    from liqa.web.backup.restore import restore_backup

    try:
        restored = restore_backup(archive, replace=replace, as_slug=as_slug)
    except InputError as error:
        print_problems(console, error.problems, Message("nothing was restored"))
        raise typer.Exit(EXIT_PROBLEMS) from None
    # a bug in liqa, not in the archive: reported without a traceback
    except Exception as exc:
        raise _bug(console, Message("restore {archive}", archive=str(archive)), exc) from None
    verb = "Replaced" if restored.replaced else "Restored"
    title = Text(
        f"{verb} event {restored.event.slug} from {archive} (backup of {restored.created_at})",
        style="green",
    )
    console.print(_counts(title, restored.counts))
