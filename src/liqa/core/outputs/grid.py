"""The organizer's master grid: people × time slots, as HTML and XLSX; and the brokerage
slots as columns in the hall's local time (:func:`slot_columns`), which the web's table
plan, run sheet and Move form read too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from liqa.core.i18n import translator
from liqa.core.model import Event, MeetingFormat, Schedule, Side, pick
from liqa.core.outputs import labels
from liqa.core.outputs.report import not_placed, party_organizations
from liqa.core.outputs.timeline import Item, timeline, zone_at
from liqa.core.spreadsheets.formulas import protect_xlsx_cell


@dataclass(frozen=True)
class Pause:
    """What the programme holds during a break between brokerage sessions (a lunch)."""

    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Column:
    """One time slot of the grid: a brokerage slot (``index``, its number across the
    sessions) or a distinct time span of a mission (no index). A day's table plan also
    has a column for each break between two sessions (``is_break``), with what the
    programme holds then (``during``)."""

    start: datetime
    end: datetime
    index: int | None = None
    during: tuple[Pause, ...] = ()
    is_break: bool = False


@dataclass(frozen=True)
class Row:
    """One person and what they do in each column (``""`` when free)."""

    person_id: str
    name: str
    organization: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class NotPlaced:
    """A meeting or visit the schedule could not place: what it is, why, in detail."""

    title: str
    reason: str
    detail: str


@dataclass(frozen=True)
class Grid:
    """The whole grid, in one language, with what could not be placed."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    not_placed: tuple[NotPlaced, ...] = ()


def slot_columns(event: Event) -> list[Column]:
    """Every brokerage slot of the event as a column, in time order across its sessions
    (no column between them), numbered as the schedule numbers them, in the local time of
    the hall (of the leg that day when the hall is not one of the event's venues); none
    when the event has no brokerage."""
    if event.brokerage is None:
        return []
    hall = next((v for v in event.venues if v.id == event.brokerage.venue), None)
    return [
        Column(
            slot.start.astimezone(zone_at(event, slot.start, hall)),
            slot.end.astimezone(zone_at(event, slot.end, hall)),
            slot.index,
        )
        for slot in event.brokerage.slots()
    ]


def _columns(event: Event, items: list[Item]) -> list[Column]:
    if event.brokerage is not None:
        return slot_columns(event)
    spans = {(i.start, i.end) for i in items}
    return [Column(start, end) for start, end in sorted(spans)]


def _cell_label(event: Event, item: Item, person_id: str, lang: str) -> str:
    if item.programme is not None:
        return pick(item.programme.title, lang) or labels.programme_label(item.programme.kind, lang)
    if item.is_lunch:
        return translator(lang).gettext("Lunch")
    person_org = event.person(person_id).organization
    names = [
        labels.org_label(org, lang)
        for org in party_organizations(event, item)
        if org.id != person_org
    ]
    text = " / ".join(dict.fromkeys(names)) or labels.format_label(item.format, lang)
    if item.table is not None:
        text += " · " + translator(lang).gettext("T%(number)s") % {"number": item.table}
    return text


def build_grid(event: Event, schedule: Schedule, lang: str) -> Grid:
    """The master grid: every participant with a meeting, delegates first."""
    items = timeline(event, schedule)
    columns = _columns(event, items)
    sides = {o.id: o.side for o in event.organizations}
    people = sorted(
        (p for p in event.people if any(p.id in i.attendees for i in items)),
        key=lambda p: (sides.get(p.organization) is Side.HOST, p.organization, p.name),
    )
    rows = []
    for person in people:
        cells = []
        for column in columns:
            here = [
                i
                for i in items
                if person.id in i.attendees and i.start < column.end and column.start < i.end
            ]
            meetings = [i for i in here if i.format is not MeetingFormat.PROGRAMME_ITEM] or here
            cells.append("; ".join(_cell_label(event, i, person.id, lang) for i in meetings))
        rows.append(
            Row(
                person.id,
                labels.person_name(person, lang),
                labels.org_label(event.organization(person.organization), lang),
                tuple(cells),
            )
        )
    return Grid(
        pick(event.title, lang), tuple(columns), tuple(rows), _not_placed(event, schedule, lang)
    )


def _not_placed(event: Event, schedule: Schedule, lang: str) -> tuple[NotPlaced, ...]:
    """What the schedule could not place, as the organizer's report lists it
    (:func:`~liqa.core.outputs.report.not_placed`: the same titles, reasons and details)."""
    return tuple(
        NotPlaced(left.meeting, left.reason, left.detail)
        for left in not_placed(event, schedule, lang)
    )


def write_grid_xlsx(grid: Grid, lang: str, path: Path) -> None:
    """The grid as a spreadsheet (right-to-left sheet for Arabic), frozen on names and times."""
    t = translator(lang)
    # Imported here: openpyxl takes a few tenths of a second to load, and the PDF workers
    # wait for the first documents while the caller loads what it needs.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t.gettext("Grid")[:31]
    sheet.sheet_view.rightToLeft = t.rtl
    header = [t.gettext("Participant"), t.gettext("Organization")]
    header += [
        f"{t.format_date(c.start, 'EEE d MMM')} "
        + labels.at_zone(f"{t.format_time(c.start)}–{t.format_time(c.end)}", c.start, lang)
        for c in grid.columns
    ]
    sheet.append(header)
    for row in grid.rows:
        sheet.append([row.name, row.organization, *row.cells])
    for line in sheet.iter_rows():
        for cell in line:
            protect_xlsx_cell(cell)  # names and titles are text, never formulas
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF2")
    busy = PatternFill("solid", fgColor="D9EAD3")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows(min_row=2, min_col=3):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.value:
                cell.fill = busy
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 14
    for index in range(3, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18
    sheet.freeze_panes = "C2"
    if grid.not_placed:
        _not_placed_sheet(book.create_sheet(t.gettext("Not placed")[:31]), grid, t.gettext)
        book.worksheets[-1].sheet_view.rightToLeft = t.rtl
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _not_placed_sheet(sheet: Any, grid: Grid, gettext: Callable[[str], str]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append([gettext("Not placed"), gettext("Reason"), gettext("Detail")])
    for item in grid.not_placed:
        sheet.append([item.title, item.reason, item.detail])
    for line in sheet.iter_rows():
        for cell in line:
            protect_xlsx_cell(cell)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABC", (32, 28, 80), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
