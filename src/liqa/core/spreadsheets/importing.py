"""Spreadsheets (one XLSX workbook or several CSV files) + a base event -> an Event.

The organizations, people and requests tables found in the files replace those of the
base event; a table not given keeps the base's. Every problem is collected and raised
together as :class:`~liqa.core.problems.InputError`; nothing is returned when any row
is wrong, so a caller never writes a partial mission.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from liqa.core.missionfile import event_to_data
from liqa.core.missionfile.checks import semantic_problems
from liqa.core.missionfile.reading import Document
from liqa.core.missionfile.schema import schema_problems
from liqa.core.model import Event, EventKind, Organization, Side
from liqa.core.problems import InputError, Message, Problem
from liqa.core.spreadsheets import meeting_requests, records
from liqa.core.spreadsheets.cells import text
from liqa.core.spreadsheets.columns import ORGANIZATIONS, PEOPLE, REQUESTS, Table, table_for_name
from liqa.core.spreadsheets.context import Context
from liqa.core.spreadsheets.ids import Ids
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


@dataclass(frozen=True)
class Imported:
    """The imported event and what the import did."""

    event: Event
    rows: dict[str, int]
    """Data rows imported per table (``organizations``, ``people``, ``requests``)."""
    created_organizations: tuple[str, ...] = ()
    """Ids of organizations made from names in the people table."""
    warnings: tuple[str, ...] = ()
    """What the organizer should know although nothing is wrong (e.g. a table given
    with no rows, which removes every record of that kind)."""


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
                sheets.append((table, sheet))
        tables, keys = _read_tables(sheets, report, progress)
    imported = _build(base, tables, keys, settings, report)
    if report.problems:
        raise InputError(sorted(report.problems, key=_order))
    assert imported is not None  # no problems means every row became a record
    dangling = _dangling(imported.event) or _mission_problems(imported.event)
    if dangling:
        raise InputError(dangling)
    return imported


def _read_tables(
    sheets: list[tuple[Table | None, RawSheet]], report: Report, progress: Progress | None
) -> tuple[dict[str, list[Row]], dict[str, frozenset[str]]]:
    """Rows of every sheet, by table name, and the column keys each table has."""
    total = sum(sheet.total or 0 for _, sheet in sheets)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, max(total, done))

    tables: dict[str, list[Row]] = {}
    keys: dict[str, frozenset[str]] = {}
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
    return tables, keys


def _order(problem: Problem) -> tuple[str, str, int, str]:
    return problem.file, problem.sheet or "", problem.row or 0, problem.column or ""


def _unknown_sheet(sheet: RawSheet, report: Report, tick: Callable[[], None]) -> None:
    for number, values in sheet.rows:
        tick()
        if any(text(v) for v in values):
            where = f"sheet {sheet.sheet!r}" if sheet.sheet else "file name"
            report.problems.append(
                Problem(
                    sheet.file,
                    Message("the {where} does not say which table this is", where=where),
                    Message("name it organizations, people (or participants) or requests"),
                    sheet=sheet.sheet,
                    row=number,
                    code="unknown_table",
                )
            )
            return


def _build(
    base: Event,
    tables: dict[str, list[Row]],
    keys: dict[str, frozenset[str]],
    settings: ImportSettings,
    report: Report,
) -> Imported | None:
    ids = Ids()
    sessions = base.brokerage.sessions if base.brokerage else ()
    for kept in (base.legs, base.venues, base.visits, base.programme, sessions):
        ids.reserve((record.id for record in kept), "the base mission")
    for name, existing in (
        ("organizations", base.organizations),
        ("people", base.people),
        ("requests", base.requests),
    ):
        if name not in tables:
            ids.reserve((record.id for record in existing), "the base mission")
    ctx = Context(
        legs=base.legs,
        day_first=settings.day_first,
        ids=ids,
        report=report,
        venues=frozenset(v.id for v in base.venues),
        sessions=frozenset(s.id for s in sessions),
        tables=base.brokerage.tables if base.brokerage else None,
    )
    brokerage = base.kind is EventKind.BROKERAGE
    side = settings.new_organization_side or (Side.BOTH if brokerage else None)
    orgs = base.organizations
    if ORGANIZATIONS.name in tables:
        orgs = tuple(records.organizations(tables[ORGANIZATIONS.name], ctx, side))
    people, created = base.people, list[Organization]()
    if PEOPLE.name in tables:
        may_create = ORGANIZATIONS.name not in tables and not base.organizations
        found, created = records.people(
            tables[PEOPLE.name],
            keys[PEOPLE.name],
            ctx,
            records.directory_of(orgs, ()),
            (side or Side.DELEGATION) if may_create else None,
        )
        people, orgs = tuple(found), orgs + tuple(created)
    requests = base.requests
    if REQUESTS.name in tables:
        requests = tuple(
            meeting_requests.requests(
                tables[REQUESTS.name],
                ctx,
                records.directory_of(orgs, people),
                records.directory_of((), people),
                {person.id: person.organization for person in people},
            )
        )
    if report.problems:
        return None
    event = replace(base, organizations=orgs, people=people, requests=requests)
    counts = {name: len(rows) for name, rows in tables.items()}
    return Imported(event, counts, tuple(org.id for org in created), _emptied(base, counts))


def _emptied(base: Event, counts: dict[str, int]) -> tuple[str, ...]:
    """A warning for each table given without rows where the base event has records."""
    before = {
        ORGANIZATIONS.name: len(base.organizations),
        PEOPLE.name: len(base.people),
        REQUESTS.name: len(base.requests),
    }
    return tuple(
        f"the {name} table has no rows: the {before[name]} {name} there were are removed"
        for name, count in counts.items()
        if count == 0 and before.get(name, 0) > 0
    )


def _dangling(event: Event) -> list[Problem]:
    """References from the base mission's kept sections to records the imported tables
    no longer have (e.g. a base request naming a person missing from the new people table)."""
    people = {p.id for p in event.people}
    parties = people | {o.id for o in event.organizations}
    hosts = {o.id for o in event.organizations}
    meetings = {r.id for r in event.requests} | {v.id for v in event.visits}
    meetings |= {item.id for item in event.programme}
    uses: list[tuple[str, str, set[str]]] = []
    uses += [(f"people[{p.id}].organization", p.organization, hosts) for p in event.people]
    for r in event.requests:
        uses += [
            (f"requests[{r.id}].from", r.requester, parties),
            (f"requests[{r.id}].to", r.target, parties),
        ]
        uses += [(f"requests[{r.id}].attendees", a, people) for a in r.attendees]
    for v in event.visits:
        uses.append((f"visits[{v.id}].host", v.host, hosts))
        uses += [(f"visits[{v.id}].required_attendees", a, people) for a in v.required_attendees]
    for item in event.programme:
        uses += [(f"programme[{item.id}].attendees", a, people) for a in item.attendees]
    for name, groups in (("together", event.together), ("apart", event.apart)):
        uses += [(f"event.subgroups.{name}", a, people) for group in groups for a in group]
    for index, outcome in enumerate(event.outcomes):
        uses.append((f"outcomes[{index}].assignment", outcome.assignment, meetings))
        if outcome.owner is not None:
            uses.append((f"outcomes[{index}].owner", outcome.owner, people))
    return [
        Problem(
            "the base mission",
            Message(
                "{where} names {ref!r}, which the imported tables do not have", where=where, ref=ref
            ),
            Message(
                "add it back to the spreadsheet, or remove the reference from the base mission"
            ),
            path=where,
            code="unknown_reference",
        )
        for where, ref, known in uses
        if ref not in known
    ]


def _mission_problems(event: Event) -> list[Problem]:
    """What the mission file's own checks say about the imported event, so that the file
    written from it loads (a guard for checks the row-level import does not make)."""
    name = "the imported mission"
    document = Document(json.loads(json.dumps(event_to_data(event))))
    return schema_problems(document, name) + semantic_problems(document, name)
