"""``liqa import`` and ``liqa export``: spreadsheets to a mission file and back."""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from liqa.cli import app
from liqa.cli.common import (
    output_dir_problem,
    output_file_problem,
    print_problems,
    process_language,
    said,
)
from liqa.core.model import Event, EventKind, Leg, Side, localized
from liqa.core.problems import InputError, Message
from liqa.core.spreadsheets.merging import Missing, table_word

if TYPE_CHECKING:
    from liqa.core.spreadsheets import ImportSettings

EXIT_PROBLEMS = 2


def _console() -> Console:
    return Console(soft_wrap=True, highlight=False)


def _fail(console: Console, message: str, hint: str = "") -> typer.Exit:
    """Exit 2 saying ``message`` and its ``hint`` (messages, :class:`Message`) in the
    process locale's language (these commands have no language option)."""
    lang = process_language()
    tail = said(Message("(hint: {hint})", hint=hint), lang) if hint else ""
    console.print(
        Text(said(message, lang), style="red") + Text(f"  {tail}" if tail else "", style="dim")
    )
    return typer.Exit(EXIT_PROBLEMS)


def _bug(console: Console, exc: Exception) -> typer.Exit:
    lang = process_language()
    console.print(
        Text(
            said(
                Message(
                    "liqa could not import the files: {error}: {detail}",
                    error=type(exc).__name__,
                    detail=str(exc),
                ),
                lang,
            ),
            style="red",
        ),
        Text(said(Message("This is a bug in liqa; please report it with the files."), lang)),
    )
    return typer.Exit(1)


def _base_event(
    console: Console,
    base: Path | None,
    event_id: str | None,
    title: str | None,
    city: str | None,
    timezone: str | None,
    start: str | None,
    end: str | None,
    day_first: bool,
) -> Event:
    from liqa.core.missionfile import load_event
    from liqa.core.spreadsheets.cells import CellError, parse_date

    options = {
        "--event-id": event_id,
        "--event-city": city,
        "--event-timezone": timezone,
        "--event-start": start,
        "--event-end": end,
    }
    if base is not None:
        given = [name for name, value in options.items() if value is not None]
        if given or title is not None:
            raise _fail(
                console,
                Message(
                    "{options} cannot be used with --base",
                    options=", ".join(given or ["--event-title"]),
                ),
                Message("the base mission file already describes the event"),
            )
        try:
            return load_event(base)
        except InputError as exc:
            print_problems(console, exc.problems, Message("nothing was imported"))
            raise typer.Exit(EXIT_PROBLEMS) from None
    if not (event_id and city and timezone and start and end):
        missing = [name for name, value in options.items() if not value]
        raise _fail(
            console,
            Message("missing {options}", options=", ".join(missing)),
            Message("give --base MISSION.yaml, or describe the event with the --event-* options"),
        )
    from liqa.core.spreadsheets.ids import ID_PATTERN

    if not ID_PATTERN.fullmatch(event_id):
        raise _fail(
            console,
            Message("--event-id: {id!r} is not an id", id=event_id),
            Message(
                "use letters, digits, '-', '_' and '.', starting with a letter or digit, "
                "e.g. --event-id forum-2024"
            ),
        )
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail(
            console,
            Message("--event-timezone: unknown time zone {zone!r}", zone=timezone),
            Message("use an IANA name such as Africa/Casablanca or America/Chicago"),
        ) from None
    days: list[date] = []
    for name, value in (("--event-start", start), ("--event-end", end)):
        try:
            days.append(parse_date(value, day_first=day_first))
        except CellError as exc:
            raise _fail(
                console, Message("{option}: {problem}", option=name, problem=exc.message), exc.hint
            ) from None
    if days[1] < days[0]:
        raise _fail(
            console,
            Message("--event-end is before --event-start"),
            Message("check the two dates"),
        )
    leg = Leg(id="leg-1", city=city, timezone=timezone, start=days[0], end=days[1])
    return Event(
        id=event_id, kind=EventKind.TRADE_MISSION, title=localized(title or event_id), legs=(leg,)
    )


@app.command("import")
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="One XLSX workbook (sheets organizations, people, requests, venues, "
            "outcomes) or CSV files named after their table (organizations.csv, people.csv or "
            "participants.csv, requests.csv, venues.csv, outcomes.csv); "
            "or one backup .zip written by liqa export --event, to restore into the database."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Mission file to write (.yaml or .json)."),
    ] = None,
    base: Annotated[
        Path | None,
        typer.Option(
            help="Mission file giving the event and legs; the imported tables take the place "
            "of its organizations, people, requests, venues and outcomes (an outcome by the id "
            "of its meeting: a request, visit or programme item of the mission; see --missing)."
        ),
    ] = None,
    missing: Annotated[
        Missing,
        typer.Option(
            help="With --base: what becomes of the base's organizations, people, requests, "
            "venues or outcomes that a table given leaves out (an empty table leaves out all). "
            "refuse: nothing is imported and the message says which; keep: the rows given "
            "change those of the same id (an outcome: of the same meeting) or add new ones; "
            "remove: the table replaces the base's.",
        ),
    ] = Missing.REFUSE,
    event_id: Annotated[str | None, typer.Option(help="Event id (without --base).")] = None,
    event_title: Annotated[str | None, typer.Option(help="Event title (without --base).")] = None,
    event_city: Annotated[str | None, typer.Option(help="City (without --base).")] = None,
    event_timezone: Annotated[
        str | None, typer.Option(help="IANA time zone, e.g. Africa/Casablanca (without --base).")
    ] = None,
    event_start: Annotated[str | None, typer.Option(help="First day (without --base).")] = None,
    event_end: Annotated[str | None, typer.Option(help="Last day (without --base).")] = None,
    month_first: Annotated[
        bool,
        typer.Option(
            "--month-first", help="Read 03/02/2024 as March 2 (US); default is 3 February."
        ),
    ] = False,
    side: Annotated[
        Side | None,
        typer.Option(
            help="Side of organizations with no side written, and of those made from names in "
            "the people table."
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Backup: overwrite the event of the same id in the database."
        ),
    ] = False,
    as_slug: Annotated[
        str | None,
        typer.Option("--as", help="Backup: restore the event under this new id (a copy)."),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Backup: where the SQLite database lives (default: $LIQA_DATA_DIR, ./var; "
            "$DATABASE_URL wins).",
        ),
    ] = None,
) -> None:
    """Turn spreadsheets into a mission file, or restore an event from a backup .zip.

    Spreadsheets: every wrong row is listed (exit 2).
    A backup .zip: restored into the database, all or nothing.
    """
    console = _console()
    backups = [path for path in files if path.suffix.lower() == ".zip"]
    spreadsheet_options = {
        "--out": out,
        "--base": base,
        "--event-id": event_id,
        "--event-title": event_title,
        "--event-city": event_city,
        "--event-timezone": event_timezone,
        "--event-start": event_start,
        "--event-end": event_end,
        "--side": side,
        "--month-first": month_first or None,
        "--missing": None if missing is Missing.REFUSE else missing,
    }
    if backups:
        given = [name for name, value in spreadsheet_options.items() if value is not None]
        if len(files) > 1 or given:
            raise _fail(
                console,
                Message(
                    "a backup .zip is restored on its own; {options} cannot be used with it",
                    options=", ".join(given),
                )
                if given
                else Message("a backup .zip is restored on its own"),
                Message("liqa import backup.zip [--replace | --as NEW_ID]"),
            )
        from liqa.cli.backup import import_backup

        import_backup(console, backups[0], replace, as_slug, data_dir)
        return
    backup_options = {"--replace": replace or None, "--as": as_slug, "--data-dir": data_dir}
    given = [name for name, value in backup_options.items() if value is not None]
    if given:
        raise _fail(
            console,
            Message("{option} only applies to a backup .zip", option=given[0])
            if len(given) == 1
            else Message("{options} only apply to a backup .zip", options=", ".join(given)),
            Message("these options restore an archive written by liqa export --event"),
        )
    if out is None:
        raise _fail(
            console,
            Message("missing {options}", options="--out"),
            Message("give the mission file to write, e.g. --out mission.yaml"),
        )
    if base is None and missing is not Missing.REFUSE:
        raise _fail(
            console,
            Message("--missing only applies with --base"),
            Message("without a base mission there is nothing a table could leave out"),
        )
    seen: dict[Path, Path] = {}
    for path in files:
        first = seen.setdefault(path.resolve(), path)
        if first is not path:
            raise _fail(
                console,
                Message("{path} is given twice (also as {first})", path=str(path), first=str(first))
                if str(first) != str(path)
                else Message("{path} is given twice", path=str(path)),
                Message("give each spreadsheet once"),
            )
    event = _base_event(
        console,
        base,
        event_id,
        event_title,
        event_city,
        event_timezone,
        event_start,
        event_end,
        not month_first,
    )
    from liqa.core.spreadsheets import ImportSettings

    settings = ImportSettings(
        day_first=not month_first, new_organization_side=side, missing=missing
    )
    _import_spreadsheets(console, files, out, event, settings)


def _import_spreadsheets(
    console: Console,
    files: list[Path],
    out: Path,
    event: Event,
    settings: ImportSettings,
) -> None:
    from liqa.core.spreadsheets import import_event

    if out.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise _fail(
            console,
            Message("--out {out}: a mission file ends in .yaml, .yml or .json", out=str(out)),
            Message("e.g. --out mission.yaml"),
        )
    unwritable = output_file_problem(out, creates_folder=False)
    if unwritable is not None:
        raise _fail(
            console,
            unwritable,
            Message("give a mission file name in a folder you can write to"),
        )
    errors = Console(stderr=True)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        disable=not errors.is_terminal,  # a pipe or a file gets no bars
    )
    failure: InputError | Exception | None = None
    with progress:
        task = progress.add_task("Reading rows", total=None)
        try:
            imported = import_event(
                files,
                event,
                settings,
                lambda done, total: progress.update(task, completed=done, total=total),
            )
        # a bug in liqa, not in the files, is reported below without a traceback
        except Exception as exc:
            failure = exc
        else:
            writing = progress.add_task(f"Writing {out.name}", total=1)
            failure = _write(imported.event, out)
            progress.update(writing, completed=1)
    if isinstance(failure, InputError):
        print_problems(console, failure.problems, Message("no file was written"))
        raise typer.Exit(EXIT_PROBLEMS)
    if isinstance(failure, OSError):
        raise _fail(
            console,
            Message("cannot write {out}: {reason}", out=str(out), reason=failure.strerror),
            Message("check the folder exists and is writable"),
        )
    if failure is not None:
        raise _bug(console, failure)
    lang = process_language()  # the summary in the reader's language, as the problems are
    wrote = said(Message("Wrote {out}", out=str(out)), lang)
    table = Table(title=Text(wrote, style="green"), show_header=False)
    for name, count in imported.rows.items():
        table.add_row(said(table_word(name), lang), str(count))
    if imported.created_organizations:
        table.add_row(
            said(Message("organizations made from the people table"), lang),
            str(len(imported.created_organizations)),
        )
    console.print(table)
    for warning in imported.warnings:
        console.print(Text(said(Message("Note: {note}", note=warning), lang), style="yellow"))


def _write(event: Event, out: Path) -> OSError | None:
    """Write the mission file next to ``out``, then move it into place."""
    from liqa.core.missionfile import dump_event

    partial = out.with_name(f".{out.stem}.importing{out.suffix}")
    try:
        dump_event(event, partial)
        os.replace(partial, out)
    except OSError as exc:
        return exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return None


@app.command("export")
def export_command(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="A folder for CSV files, or a workbook ending in .xlsx; with --event, the "
            "backup .zip to write.",
        ),
    ],
    mission: Annotated[
        Path | None, typer.Argument(help="Mission file (.yaml, .yml or .json).")
    ] = None,
    event_slug: Annotated[
        str | None,
        typer.Option(
            "--event",
            help="Back up this event (its id) from the database instead: mission file, "
            "versions, runs, roles, outcomes... in one .zip.",
        ),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="With --event: where the SQLite database lives (default: $LIQA_DATA_DIR, "
            "./var; $DATABASE_URL wins).",
        ),
    ] = None,
) -> None:
    """Write a mission's tables to CSV or XLSX, or back up an event (--event).

    Without --event: the mission file's organizations, people, requests and venues,
    and its outcomes when it has recorded any (an outcomes sheet, or outcomes.csv).
    With --event: the whole event from the database, which `liqa import` restores.
    """
    console = _console()
    if event_slug is not None:
        if mission is not None:
            raise _fail(
                console,
                Message("give a mission file or --event, not both"),
                Message("--event backs up an event stored in the database"),
            )
        from liqa.cli.backup import export_backup

        export_backup(console, event_slug, out, data_dir)
        return
    if mission is None:
        raise _fail(
            console,
            Message("missing {options}", options="MISSION"),
            Message("give a mission file, or --event ID"),
        )
    if data_dir is not None:
        raise _fail(console, Message("--data-dir only applies with --event"), Message("drop it"))
    from liqa.core.missionfile import load_event
    from liqa.core.spreadsheets import export_event

    try:
        event = load_event(mission)
    except InputError as exc:
        print_problems(console, exc.problems, Message("nothing was exported"))
        raise typer.Exit(EXIT_PROBLEMS) from None
    file_like = out.suffix.lower() in (".csv", ".xls", ".ods", ".tsv", ".txt")
    if out.suffix.lower() != ".xlsx" and (file_like or (out.exists() and not out.is_dir())):
        raise _fail(
            console,
            Message("--out {out} is neither a folder nor an .xlsx workbook", out=str(out)),
            Message("give a folder for the CSV files (one per table), or a name ending in .xlsx"),
        )
    unwritable = (
        output_file_problem(out, creates_folder=True)
        if out.suffix.lower() == ".xlsx"
        else output_dir_problem(out)
    )
    if unwritable is not None:
        raise _fail(
            console,
            unwritable,
            Message("give a folder you can write to for the CSV files, or a name ending in .xlsx"),
        )
    try:
        written = export_event(event, out)
    except InputError as exc:
        print_problems(console, exc.problems, Message("nothing was exported"))
        raise typer.Exit(EXIT_PROBLEMS) from None
    except OSError as exc:
        raise _fail(
            console,
            Message("cannot write {out}: {reason}", out=str(out), reason=exc.strerror),
            Message("check the folder exists and is writable"),
        ) from None
    for path in written:
        console.print(Text(f"Wrote {path}", style="green"))
