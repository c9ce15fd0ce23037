"""Spreadsheets (one XLSX workbook or several CSV files) + a base event -> an Event.

The organizations, people, requests, venues and outcomes tables found in the files take the
place of those of the base event; a table not given keeps the base's. What becomes of the
base's records a table given leaves out is the organizer's choice
(:class:`~liqa.core.spreadsheets.merging.Missing`). Every problem is collected and raised
together as :class:`~liqa.core.problems.InputError`; nothing is returned when any row is
wrong, so a caller never writes a partial mission.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from liqa.core.missionfile import event_to_data
from liqa.core.missionfile.checks import semantic_problems
from liqa.core.missionfile.reading import Document
from liqa.core.missionfile.schema import schema_problems
from liqa.core.missionfile.values import places_of_event
from liqa.core.model import Event, EventKind, Organization, Outcome, RequestStatus, Side
from liqa.core.problems import InputError, Message, Names, Problem
from liqa.core.spreadsheets import meeting_outcomes, meeting_requests, records
from liqa.core.spreadsheets.cells import text
from liqa.core.spreadsheets.columns import (
    ORGANIZATIONS,
    OUTCOMES,
    PEOPLE,
    REQUESTS,
    VENUES,
    Table,
    table_for_name,
)
from liqa.core.spreadsheets.context import Context
from liqa.core.spreadsheets.ids import Directory, Ids
from liqa.core.spreadsheets.merging import (
    Missing,
    Record,
    Source,
    dangling_references,
    left_out,
    merged,
    merged_by,
    note,
    table_word,
)
from liqa.core.spreadsheets.readers import RawSheet, ReadError, ReadLimits, open_sheets
from liqa.core.spreadsheets.rows import Report, Row, table_rows

Progress = Callable[[int, int], None]
"""Called with ``(rows done, rows in all)`` while rows are read."""


@dataclass(frozen=True)
class ImportSettings:
    """How to read the organizers' spreadsheets."""

    day_first: bool = True
    """``03/02/2024`` is 3 February (set False for US month-first dates)."""
    limits: ReadLimits = field(default_factory=ReadLimits)
    new_organization_side: Side | None = None
    """Side of organizations created from the people table when no organizations table
    exists, and of organization rows with an empty side. ``None``: ``both`` at a
    brokerage event; a trade mission creates ``delegation`` organizations and needs the
    side written in organization rows."""
    missing: Missing = Missing.REMOVE
    """What becomes of the base's records that a table given leaves out: removed (a table
    replaces the base's), kept, or nothing is imported and a problem says which (``liqa
    import`` and the web page's upload refuse unless the organizer chooses)."""
    not_taken: Mapping[str, Message] = field(default_factory=dict)
    """Tables this import does not take, each with where that table is recorded instead:
    a sheet of one is refused, naming it (the web's upload leaves outcomes to the
    follow-ups page); by default every table is taken."""


@dataclass(frozen=True)
class Imported:
    """The imported event and what the import did."""

    event: Event
    rows: dict[str, int]
    """Data rows imported per table (``organizations``, ``people``, ``requests``,
    ``venues``, ``outcomes``)."""
    created_organizations: tuple[str, ...] = ()
    """Ids of organizations made from names in the people table."""
    warnings: tuple[str, ...] = ()
    """What the organizer should know although nothing is wrong (e.g. a table given
    with no rows, which removes every record of that kind, or base records a table left
    out: kept or removed)."""
    left_out: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per table given, the ids of the base's records it left out (kept or removed, as
    :attr:`ImportSettings.missing` said; a table leaving out none is not named); for the
    outcomes table, the ids of their meetings."""
    origins: dict[str, Row] = field(default_factory=dict)
    """The row that gave each record of the tables given, by id (an organization made from
    a name in the people table: that person's row), to say where a record came from."""


def import_event(
    paths: Sequence[Path],
    base: Event,
    settings: ImportSettings = ImportSettings(),
    progress: Progress | None = None,
) -> Imported:
    """Import ``paths`` onto ``base``; :class:`InputError` with every problem otherwise."""
    report = Report()
    with ExitStack() as files:
        sheets: list[tuple[Table | None, RawSheet]] = []
        for path in paths:
            try:
                found = files.enter_context(open_sheets(Path(path), settings.limits))
            except ReadError as exc:
                report.problems.append(exc.problem)
                continue
            for sheet in found:
                table = table_for_name(sheet.sheet or "") if sheet.sheet else None
                if table is None and (sheet.sheet is None or len(found) == 1):
                    table = table_for_name(Path(path).stem)
                if table is not None and table.name in settings.not_taken:
                    report.problems.append(_not_taken(table, sheet, settings.not_taken))
                    continue
                sheets.append((table, sheet))
        tables, keys, sources = _read_tables(sheets, report, progress)
    ids = Ids()
    imported = _build(base, tables, keys, sources, settings, report, ids)
    if report.problems:
        raise InputError(sorted(report.problems, key=_order) + _not_checked(report))
    assert imported is not None  # no problems means every row became a record
    origins = _Origins(imported.event, tables, ids)
    dangling = dangling_references(imported.event) or [
        origins.placed(problem) for problem in _mission_problems(imported.event)
    ]
    if dangling:
        raise InputError(dangling)
    return replace(imported, origins=dict(ids.rows))


def _read_tables(
    sheets: list[tuple[Table | None, RawSheet]], report: Report, progress: Progress | None
) -> tuple[dict[str, list[Row]], dict[str, frozenset[str]], dict[str, Source]]:
    """Rows of every sheet, by table name, the column keys each table has and where it
    was read."""
    total = sum(sheet.total or 0 for _, sheet in sheets)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, max(total, done))

    tables: dict[str, list[Row]] = {}
    keys: dict[str, frozenset[str]] = {}
    sources: dict[str, Source] = {}
    for table, sheet in sheets:
        try:
            if table is None:
                _unknown_sheet(sheet, report, tick)
                continue
            read = table_rows(table, sheet, report, tick)
        except ReadError as exc:
            report.problems.append(exc.problem)
            continue
        tables.setdefault(table.name, []).extend(read.rows)
        keys[table.name] = keys.get(table.name, frozenset()) | read.keys
        parts = sources.get(table.name, Source(())).parts
        sources[table.name] = Source((*parts, (sheet.file, sheet.sheet)))
    return tables, keys, sources


def _order(problem: Problem) -> tuple[str, str, int, str]:
    return problem.file, problem.sheet or "", problem.row or 0, problem.column or ""


def _not_taken(table: Table, sheet: RawSheet, instead: Mapping[str, Message]) -> Problem:
    """A sheet of a table this import does not take (:attr:`ImportSettings.not_taken`)."""
    return Problem(
        sheet.file,
        Message("this upload does not take the {table} table", table=table_word(table.name)),
        instead[table.name],
        sheet=sheet.sheet,
        code="table_not_taken",
    )


def _unknown_sheet(sheet: RawSheet, report: Report, tick: Callable[[], None]) -> None:
    for number, values in sheet.rows:
        tick()
        if any(text(v) for v in values):
            unnamed = (
                Message("the sheet {sheet!r} does not say which table this is", sheet=sheet.sheet)
                if sheet.sheet
                else Message("the file name does not say which table this is")
            )
            report.problems.append(
                Problem(
                    sheet.file,
                    unnamed,
                    Message(
                        "name it organizations, people (or participants), requests, venues "
                        "or outcomes"
                    ),
                    sheet=sheet.sheet,
                    row=number,
                    code="unknown_table",
                )
            )
            return


_BASE = Message("the base mission")
"""Who holds the ids of the base mission's records, as a duplicate id's message names it."""


def _build(
    base: Event,
    tables: dict[str, list[Row]],
    keys: dict[str, frozenset[str]],
    sources: dict[str, Source],
    settings: ImportSettings,
    report: Report,
    ids: Ids,
) -> Imported | None:
    sessions = base.brokerage.sessions if base.brokerage else ()
    for kept in (base.legs, base.visits, base.programme, sessions):
        ids.reserve((record.id for record in kept), _BASE)
    for name, existing in _records(base).items():
        if name not in tables:
            ids.reserve((record.id for record in existing), _BASE)
        elif settings.missing is Missing.KEEP:  # a row changes a record by its id cell only
            ids.avoided.update(record.id for record in existing)
    ctx = Context(
        legs=base.legs,
        day_first=settings.day_first,
        ids=ids,
        report=report,
        venues=records.venue_directory(base.venues),
        sessions=frozenset(s.id for s in sessions),
        tables=base.brokerage.tables if base.brokerage else None,
    )
    brokerage = base.kind is EventKind.BROKERAGE
    side = settings.new_organization_side or (Side.BOTH if brokerage else None)
    given: dict[str, tuple[Record, ...]] = {}
    keep = settings.missing is Missing.KEEP
    venues = base.venues
    if VENUES.name in tables:  # first: the organizations table names venues
        found_venues = tuple(records.venues(tables[VENUES.name], ctx))
        given[VENUES.name] = found_venues
        venues = merged(base.venues, found_venues) if keep else found_venues
        ctx = replace(ctx, venues=records.venue_directory(venues))
    orgs = base.organizations
    if ORGANIZATIONS.name in tables:
        found_orgs = tuple(records.organizations(tables[ORGANIZATIONS.name], ctx, side))
        given[ORGANIZATIONS.name] = found_orgs
        orgs = merged(base.organizations, found_orgs) if keep else found_orgs
    people, created = base.people, list[Organization]()
    # a time without an offset is read at its place, as the mission file reads it
    ctx = replace(ctx, places=places_of_event(replace(base, venues=venues, organizations=orgs)))
    if PEOPLE.name in tables:
        may_create = ORGANIZATIONS.name not in tables and not base.organizations
        found, created = records.people(
            tables[PEOPLE.name],
            keys[PEOPLE.name],
            ctx,
            records.directory_of(orgs, ()),
            (side or Side.DELEGATION) if may_create else None,
            base.people if keep else (),
        )
        given[PEOPLE.name] = tuple(found)
        people = merged(base.people, found) if keep else tuple(found)
        orgs = orgs + tuple(created)
    requests = base.requests
    if REQUESTS.name in tables:
        placed = replace(base, venues=venues, organizations=orgs, people=people)
        ctx = replace(ctx, places=places_of_event(placed))
        found_requests = meeting_requests.requests(
            tables[REQUESTS.name],
            ctx,
            records.directory_of(orgs, people),
            records.directory_of((), people),
            {person.id: person.organization for person in people},
        )
        given[REQUESTS.name] = tuple(found_requests)
        requests = merged(base.requests, found_requests) if keep else tuple(found_requests)
    outcomes = base.outcomes
    if OUTCOMES.name in tables:
        refused = {key.id for key in _Key.of(tables.get(REQUESTS.name, []), ids, requests)}
        found_outcomes = meeting_outcomes.outcomes(
            tables[OUTCOMES.name],
            ctx,
            _meetings(replace(base, requests=requests)),
            records.directory_of((), people),
            refused,
        )
        given[OUTCOMES.name] = _Key.meetings(found_outcomes)
        outcomes = (
            merged_by(base.outcomes, found_outcomes, _meeting) if keep else tuple(found_outcomes)
        )
    befores = _kept(base)
    if settings.missing is Missing.REFUSE:
        for name, records_given in given.items():
            # a row refused for a bad cell (or for naming a refused row) is still there: its
            # record is not one the table leaves out
            there = [*records_given, *_Key.of(tables[name], ids, records_given)]
            if name == OUTCOMES.name:  # an outcome is there by its meeting
                there += [_Key(text(row.cells.get("meeting"))) for row in tables[name]]
            problem = left_out(name, befores[name], there, len(tables[name]), sources[name])
            if problem is not None:
                report.problems.append(problem)
    if report.problems:
        return None
    event = replace(
        base,
        venues=venues,
        organizations=orgs,
        people=people,
        requests=requests,
        outcomes=outcomes,
    )
    counts = {name: len(rows) for name, rows in tables.items()}
    notes = [note(name, befores[name], found, settings.missing) for name, found in given.items()]
    warnings = _emptied(base, counts, settings.missing) + tuple(n for n in notes if n)
    if OUTCOMES.name in tables:
        warnings += _uncounted(event, given[OUTCOMES.name])
    left: dict[str, tuple[str, ...]] = {}
    for name, records_given in given.items():
        given_ids = {record.id for record in records_given}
        gone = tuple(record.id for record in befores[name] if record.id not in given_ids)
        if gone:
            left[name] = gone
    return Imported(event, counts, tuple(org.id for org in created), warnings, left)


@dataclass(frozen=True)
class _Key:
    """A record by its id alone: one whose row was read but refused (its id, as the table
    gives it), or an outcome (the id of its meeting)."""

    id: str

    @staticmethod
    def of(rows: list[Row], ids: Ids, made: Sequence[Record]) -> list[_Key]:
        """The ids of ``rows`` that made no record of ``made``."""
        made_ids = {record.id for record in made}
        mine = {id(row) for row in rows}
        return [
            _Key(key) for key, row in ids.rows.items() if id(row) in mine and key not in made_ids
        ]

    @staticmethod
    def meetings(outcomes: Sequence[Outcome]) -> tuple[_Key, ...]:
        """The outcomes by their meetings' ids."""
        return tuple(_Key(_meeting(outcome)) for outcome in outcomes)


def _meeting(outcome: Outcome) -> str:
    """The id of the meeting an outcome is about: the key of the outcomes table."""
    return outcome.assignment


def _meetings(event: Event) -> Directory:
    """The ids an outcome may name: the event's meeting requests, visits and programme
    items."""
    found = Directory()
    for records_of_kind in (event.requests, event.visits, event.programme):
        for record in records_of_kind:
            found.add(record.id)
    return found


def _not_checked(report: Report) -> list[Problem]:
    """At most one line for the rows not checked further because they name a row refused
    for its own problem (the people of a refused organization, their requests): they are
    not missing from their table, and may have problems of their own once it is fixed."""
    reported = {(p.file, p.sheet, p.row) for p in report.problems}
    parts: dict[tuple[str, str | None], list[int]] = {}
    for row in report.unchecked:
        if (row.file, row.sheet, row.number) not in reported:
            numbers = parts.setdefault((row.file, row.sheet), [])
            if row.number not in numbers:
                numbers.append(row.number)
    if not parts:
        return []
    files = list(dict.fromkeys(Path(file).name for file, _sheet in parts))
    rows = [
        Message(
            "{place} rows {numbers}",
            place=f"{Path(file).name} [{sheet}]" if sheet else Path(file).name,
            numbers=Names([str(n) for n in numbers]),
        )
        for (file, sheet), numbers in parts.items()
    ]
    return [
        Problem(
            ", ".join(files) if len(files) > 1 else next(iter(parts))[0],
            Message(
                "not checked further: {count} rows that name a row refused above ({rows})",
                count=sum(len(numbers) for numbers in parts.values()),
                rows=Names(rows, "; "),
            ),
            Message("fix the rows above and upload again: these rows are checked then"),
            code="not_checked",
        )
    ]


def _records(event: Event) -> dict[str, tuple[Record, ...]]:
    """The records of the tables whose rows have ids (one namespace)."""
    return {
        ORGANIZATIONS.name: event.organizations,
        PEOPLE.name: event.people,
        REQUESTS.name: event.requests,
        VENUES.name: event.venues,
    }


def _kept(event: Event) -> dict[str, tuple[Record, ...]]:
    """The records of every table, by id: :func:`_records`, and the outcomes by their
    meetings."""
    return {**_records(event), OUTCOMES.name: _Key.meetings(event.outcomes)}


def _emptied(base: Event, counts: dict[str, int], missing: Missing) -> tuple[str, ...]:
    """A warning for each table given without rows where the base event has records."""
    before = {name: len(found) for name, found in _kept(base).items()}
    return tuple(
        Message(
            "the {table} table has no rows: the {count} {table} there were are removed",
            table=table_word(name),
            count=before[name],
        )
        if missing is Missing.REMOVE
        else Message(
            "the {table} table has no rows: the base mission's {count} {table} are kept",
            table=table_word(name),
            count=before[name],
        )
        for name, count in counts.items()
        if count == 0 and before.get(name, 0) > 0
    )


def _uncounted(event: Event, recorded: Sequence[Record]) -> tuple[str, ...]:
    """A warning for the outcomes the sheet gives that no figure of the report counts: of a
    request not accepted (never a meeting) or of a programme item (not a meeting either).
    They are kept, as recorded, but an organizer who typed them should know."""
    ids = {record.id for record in recorded}
    not_accepted = [
        r.id for r in event.requests if r.id in ids and r.status is not RequestStatus.ACCEPTED
    ]
    items = [p.id for p in event.programme if p.id in ids]
    out: list[str] = []
    if not_accepted:
        out.append(
            Message(
                "outcomes of requests not accepted are kept but counted by no figure of the "
                "report until the request is accepted and placed: {ids}",
                ids=Names(not_accepted),
            )
        )
    if items:
        out.append(
            Message(
                "outcomes of programme items are kept but counted by no figure of the report "
                "(it counts meetings and visits): {ids}",
                ids=Names(items),
            )
        )
    return tuple(out)


_RECORD = re.compile(r"([a-z]+)\[(\d+)\]")
"""A record's path in the mission data, as the mission file's checks write it: ``people[3]``."""


@dataclass(frozen=True)
class _Origins:
    """Where each record of the imported event came from: a row of a table given, else
    the base mission (to say so where the mission file's checks would give a line)."""

    event: Event
    tables: dict[str, list[Row]]
    ids: Ids

    def row(self, section: str, index: int) -> Row | None:
        """The row that made record ``index`` of ``section``; ``None`` for a base record."""
        found = getattr(self.event, section, None) if section in _TABLES else None
        if not isinstance(found, tuple) or index >= len(found):
            return None
        row = self.ids.rows.get(found[index].id)
        return row if any(row is r for r in self.tables.get(section, ())) else None

    def words(self, section: str, index: int) -> Message:
        """That record in the organizer's words: its file and row, or the base mission's
        section and id."""
        row = self.row(section, index)
        if row is not None:
            place = f"{Path(row.file).name} [{row.sheet}]" if row.sheet else Path(row.file).name
            return Message("{place} row {row}", place=place, row=row.number)
        record_id = getattr(self.event, section)[index].id
        return Message("the base mission's {section} {id!r}", section=section, id=record_id)

    def placed(self, problem: Problem) -> Problem:
        """A duplicate id the mission file's checks found (``first use on line ...``: the
        imported tables have no lines), at the row that gave it, naming the other record
        by where it came from. Other problems as they are."""
        params = getattr(problem.message, "params", {})
        second = _RECORD.fullmatch(problem.path.removesuffix(".id"))
        first = _RECORD.fullmatch(str(params.get("value", "")))
        if problem.code != "duplicate_id" or second is None or first is None:
            return problem
        pair = [(m[1], int(m[2])) for m in (second, first)]
        if self.row(*pair[0]) is None and self.row(*pair[1]) is not None:
            pair.reverse()  # the problem goes where a row can be changed
        (section, index), other = pair
        message = Message(
            "{this} and {other} have the same id {record_id!r}",
            this=self.words(section, index),
            other=self.words(*other),
            record_id=params.get("record_id", ""),
        )
        hint = Message("ids must be unique in the whole event; give one of them another id")
        row = self.row(section, index)
        if row is None:
            return replace(problem, message=message, hint=hint, path=f"{section}[{index}].id")
        return Problem(
            row.file,
            message,
            hint,
            sheet=row.sheet,
            row=row.number,
            column=row.headers.get("id", "id"),
            code="duplicate_id",
        )


_TABLES = (ORGANIZATIONS.name, PEOPLE.name, REQUESTS.name, VENUES.name)


def _mission_problems(event: Event) -> list[Problem]:
    """What the mission file's own checks say about the imported event, so that the file
    written from it loads (a guard for checks the row-level import does not make)."""
    name = "the imported mission"
    document = Document(json.loads(json.dumps(event_to_data(event))))
    return schema_problems(document, name) + semantic_problems(document, name)
