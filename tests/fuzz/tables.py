"""Strategies for organizers' spreadsheets: CSV files and XLSX workbooks.

A case is a base event and one to three tables (organizations, people, requests):

- *near-valid* tables are a seed mission's own tables (as ``liqa export`` writes them)
  with a few cells, rows, columns or headers changed, imported onto that mission, so
  most cases reach the row checks and the references between tables;
- *hostile* tables have headers drawn from every accepted spelling (English, French,
  Arabic) and wrong ones, and cells mixing plausible values with hostile ones.

:func:`csv_files` writes the tables with a random delimiter, quoting, line end and
encoding (UTF-8 with or without BOM, UTF-16, Latin-1, Windows-1252/1256);
:func:`xlsx_workbook` builds a workbook with openpyxl: typed cells, dates as text or as
numbers formatted as dates, formulas, merged cells, empty and wrongly named sheets.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from hypothesis import strategies as st
from openpyxl import Workbook

from liqa.core.missionfile import parse_event
from liqa.core.model import Event
from liqa.core.spreadsheets import event_sheets
from liqa.core.spreadsheets.cells import Cell
from liqa.core.spreadsheets.columns import ORGANIZATIONS, PEOPLE, REQUESTS, Table
from tests.fuzz import hostile
from tests.fuzz.seeds import SEED_TEXTS

TABLES = {table.name: table for table in (ORGANIZATIONS, PEOPLE, REQUESTS)}

REFERENCES = [
    "o-1",
    "o-2",
    "p-1",
    "p-2",
    "r-1",
    "r-2",
    "DGSSI",
    "h-nasa",
    "p-lamrani",
    "p-amina",
    "o-alpha",
    "Alpha Pay",
    "alpha pay",
    "v-nasa",
    "v-hall",
    "morning",
    "o-1; o-2",
    "p-1, p-2",
    "p-amina\np-chen",
]
"""Ids and names that the tables (and the base missions) may share."""

WHEN = [
    *hostile.DATES,
    *hostile.TIMES,
    *hostile.INSTANTS,
    "12/02/2024 09:00",
    "13/02/2024",
    "02/13/2024",
    "12.02.2024",
    "12 févr. 2024",
    "12 February 2024",
    "Feb 12, 2024",
    "12 فبراير 2024",
    "45334",
    "45334.375",
    "2958466",
    "-1",
    "9h",
    "9h30-12h",
    "2024-02-12 09:00-12:00",
    "2030-03-14 09:00 - 2030-03-14 12:00",
    "12/02/2024 09:00 - 12/02/2024 18:00",
    "2024-02-12 09:00 - 2024-02-12 08:00",
    "mon 12/02 9:00-12:00; tue 13/02",
]

POOLS: dict[str, list[str]] = {
    "id": ["o-1", "o-2", "p-1", "p-2", "r-1", "r-2", "DGSSI", *hostile.IDS],
    "organization": REFERENCES,
    "from": REFERENCES,
    "to": REFERENCES,
    "attendees": REFERENCES,
    "after": REFERENCES,
    "venue": REFERENCES,
    "session": [*REFERENCES, "afternoon"],
    "side": ["delegation", "host", "both", "Délégation", "hôte", "الوفد", "HOST ", "x"],
    "kind": ["company", "government", "Entreprise", "gouvernement", "other", "x"],
    "languages": ["ar, fr", "arabe; français", "English", "xx", "ar ar", "ع"],
    "priority": ["1", "2", "3", "4", "0", "must meet", "Haute", "important", "1.5", "١"],
    "status": ["accepted", "proposed", "Accepté", "refusé", "x"],
    "format": ["one_to_one", "site visit", "visite", "online", "en ligne", "x"],
    "duration_minutes": ["20", "0", "-5", "1e9", "1.5", "90 min", "١٥", "99999999999999999999"],
    "table": ["1", "0", "-1", "4.0", "4.5", "11", "A1", "99999999999999999999"],
    "fictional": ["yes", "no", "oui", "non", "نعم", "true", "maybe", "1"],
    "email": ["a@example.org", "not an e-mail", "a@b", ""],
    "availability": WHEN,
    "available_on": WHEN,
    "available_from": WHEN,
    "available_until": WHEN,
    "fixed_start": WHEN,
    "fixed_date": WHEN,
    "fixed_time": WHEN,
    "created_at": WHEN,
}
"""Plausible and wrong values for a column, by its canonical key."""

LOCALIZED_SUFFIXES = ["_fr", "_ar", " (fr)", " arabe", "_xx", " (en)", ""]


def _headers(table: Table) -> list[str]:
    """Every spelling of the table's headers, localized variants, and wrong ones."""
    names: list[str] = []
    for column in table.columns:
        spellings = [column.key, *column.synonyms]
        if column.localized:
            spellings += [f"{column.key}{suffix}" for suffix in LOCALIZED_SUFFIXES]
        names += spellings
    wrong = ["", "Unnamed: 3", "notes internes", "ID ", "NOM", "الاسم", "=cmd|' /C calc'!A0"]
    return names + wrong


HEADERS = {name: _headers(table) for name, table in TABLES.items()}

FILE_NAMES = {
    name: [name, *table.names[:3], name.upper(), table.names[-1]] for name, table in TABLES.items()
}


@dataclass(frozen=True)
class Grid:
    """One table as typed: its kind, a sheet or file name, and rows of cells (the first
    non-empty row is the header)."""

    table: str
    name: str
    rows: list[list[Cell]]


def _key(header: Cell) -> str:
    """The pool key of a header (``offers_fr`` -> ``offers``)."""
    text = str(header or "").lower().strip()
    for table in TABLES.values():
        for column in table.columns:
            if text == column.key or text in column.synonyms:
                return column.key
    return text.split("_")[0]


def _value(key: str) -> st.SearchStrategy[Cell]:
    pool = POOLS.get(key)
    hostile_text = (
        st.sampled_from(hostile.TEXTS + hostile.ARABIC)
        | st.text(max_size=20)
        | st.sampled_from(REFERENCES)
    )
    return st.sampled_from(pool) | hostile_text if pool else hostile_text


@st.composite
def hostile_grid(draw: st.DrawFn, table: str) -> Grid:
    """A header row of random spellings and a few rows of random cells."""
    headers = draw(
        st.lists(st.sampled_from(HEADERS[table]), max_size=9)
        | st.just([c.key for c in TABLES[table].columns if c.key in TABLES[table].required])
    )
    rows: list[list[Cell]] = [list(headers)]
    for _ in range(draw(st.integers(0, 6))):
        row = [draw(_value(_key(header))) for header in headers]
        row += draw(st.lists(st.sampled_from(hostile.TEXTS), max_size=2))  # overhanging cells
        rows.append(row)
    if draw(st.booleans()):
        rows.insert(0, draw(st.sampled_from([[], [""], ["Liste des participants"], ["", "", ""]])))
    return Grid(table, draw(st.sampled_from(FILE_NAMES[table])), rows)


@cache
def seed_events() -> dict[str, Event]:
    """The seed missions as events (the bases of near-valid cases)."""
    return {name: parse_event(text, name) for name, text in SEED_TEXTS.items()}


@cache
def seed_grids(seed: str) -> dict[str, Grid]:
    """A seed mission's three tables, as ``liqa export`` writes them."""
    return {
        sheet.name: Grid(sheet.name, sheet.name, [list(sheet.headers), *map(list, sheet.rows)])
        for sheet in event_sheets(seed_events()[seed])
    }


TABLE_EDITS = (
    "cell",
    "cell",
    "cell",
    "blank",
    "delete_row",
    "duplicate_row",
    "delete_column",
    "swap_columns",
    "rename_header",
    "translate_header",
)


@st.composite
def near_valid_grid(draw: st.DrawFn, seed: str, table: str) -> Grid:
    """The seed's ``table`` with up to four edits."""
    grid = seed_grids(seed)[table]
    rows = [list(row) for row in grid.rows]
    for _ in range(draw(st.integers(0, 4))):
        edit = draw(st.sampled_from(TABLE_EDITS))
        width = len(rows[0])
        r = draw(st.integers(1, max(1, len(rows) - 1)))
        c = draw(st.integers(0, max(0, width - 1)))
        if edit in ("cell", "blank") and len(rows) > 1 and width:
            rows[r][c] = "" if edit == "blank" else draw(_value(_key(rows[0][c])))
        elif edit == "delete_row" and len(rows) > 1:
            del rows[r]
        elif edit == "duplicate_row" and len(rows) > 1:
            rows.insert(r, list(rows[r]))
        elif edit == "delete_column" and width:
            rows = [row[:c] + row[c + 1 :] for row in rows]
        elif edit == "swap_columns" and width > 1:
            other = draw(st.integers(0, width - 1))
            for row in rows:
                row[c], row[other] = row[other], row[c]
        elif edit == "rename_header" and width:
            rows[0][c] = draw(st.sampled_from(HEADERS[table]))
        elif edit == "translate_header" and width:
            column = next((col for col in TABLES[table].columns if col.key == rows[0][c]), None)
            if column is not None and column.synonyms:
                rows[0][c] = draw(st.sampled_from(column.synonyms))
    return Grid(table, draw(st.sampled_from(FILE_NAMES[table])), rows)


@st.composite
def table_sets(draw: st.DrawFn) -> tuple[str, list[Grid]]:
    """``(base name, tables)``: near-valid tables of a seed onto that seed (three cases in
    four), else hostile tables onto any base."""
    names = draw(st.lists(st.sampled_from(sorted(TABLES)), min_size=1, max_size=3, unique=True))
    if draw(st.integers(0, 3)) > 0:
        seed = draw(st.sampled_from(sorted(SEED_TEXTS)))
        return seed, [draw(near_valid_grid(seed, name)) for name in names]
    base = draw(st.sampled_from([*sorted(SEED_TEXTS), "trade mission", "brokerage"]))
    return base, [draw(hostile_grid(name)) for name in names]


CSV_ENCODINGS = ["utf-8"] * 4 + ["utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "cp1256"]


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell)


@st.composite
def csv_bytes(draw: st.DrawFn, grid: Grid) -> bytes:
    """``grid`` written as CSV: random delimiter, quoting, line ends and encoding."""
    stream = io.StringIO()
    delimiter = draw(st.sampled_from([",", ",", ";", "\t", "|"]))
    texts = [[_text(cell) for cell in row] for row in grid.rows]
    if draw(st.integers(0, 5)) == 0:  # hand-made: quotes left unbalanced
        stream.write("\n".join(delimiter.join(row) for row in texts))
    else:
        writer = csv.writer(
            stream,
            delimiter=delimiter,
            quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
            lineterminator=draw(st.sampled_from(["\r\n", "\n", "\r"])),
        )
        writer.writerows(texts)
    encoding = draw(st.sampled_from(CSV_ENCODINGS))
    raw = bytearray(stream.getvalue().encode(encoding, errors="replace"))
    if raw and draw(st.integers(0, 7)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw[at:at] = draw(st.sampled_from([b"\x00", b"\xff", b"\xef\xbb\xbf", b"\r", b'"']))
    return bytes(raw)


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[list[tuple[str, bytes]], str]:
    """``([(file name, bytes), ...], base name)``: one CSV file per table."""
    base, grids = draw(table_sets())
    files = []
    for grid in grids:
        suffix = draw(st.sampled_from([".csv", ".csv", ".tsv", ".txt", ".CSV"]))
        files.append((grid.name + suffix, draw(csv_bytes(grid))))
    return files, base


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\']")
CELL_KINDS = [
    "number",
    "date",
    "datetime",
    "time",
    "bool",
    "formula",
    "serial",
    "empty",
]


@st.composite
def typed_cell(draw: st.DrawFn, cell: Cell) -> tuple[Any, str | None]:
    """``cell`` as a spreadsheet program might store it instead of as typed: a number,
    date, time, boolean or formula; and the number format to give the cell, if any."""
    kind = draw(st.sampled_from(CELL_KINDS))
    if kind == "number":
        return draw(st.sampled_from([1, 2, 3, 0, -1, 4.5, 45334, 10**15, 2**53 + 1, 1e300])), None
    if kind == "date":
        return draw(st.dates(date(1900, 1, 1), date(2100, 12, 31))), None
    if kind == "datetime":
        day = draw(st.dates(date(2024, 2, 10), date(2024, 2, 22)) | st.just(date(2030, 3, 14)))
        minutes = draw(st.integers(0, 24 * 60 - 1))
        return datetime.combine(day, time()) + timedelta(minutes=minutes), None
    if kind == "time":
        return time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 59]))), None
    if kind == "bool":
        return draw(st.booleans()), None
    if kind == "formula":
        return draw(st.sampled_from(["=1+1", "=A1", "=TODAY()", '=CONCAT("p-","1")'])), None
    if kind == "serial":  # a number the sheet shows as a date or a time
        number = draw(st.sampled_from([45334, 45334.375, 0.5, 1, 60, 2958465, 2958466, 10**7]))
        return number, draw(st.sampled_from(["yyyy-mm-dd", "dd/mm/yyyy hh:mm", "hh:mm"]))
    return None, None


def _as_typed(cell: Cell) -> Cell:
    return _ILLEGAL.sub("", cell)[:32767] if isinstance(cell, str) else cell


@st.composite
def xlsx_workbook(draw: st.DrawFn) -> tuple[bytes, str]:
    """``(workbook bytes, base name)``: the drawn tables, a sheet each, cells typed."""
    base, grids = draw(table_sets())
    book = Workbook()
    first = book.active
    assert first is not None
    for grid in grids:
        names = [grid.name, *FILE_NAMES[grid.table], "Sheet1", "Feuil1", "ورقة1", "Données 2024"]
        title = _BAD_TITLE.sub("", draw(st.sampled_from(names)))[:31]
        sheet = book.create_sheet(title or "Sheet")
        for number, row in enumerate(grid.rows, 1):
            for column, cell in enumerate(row, 1):
                sheet.cell(number, column, _as_typed(cell))
        cells = [(r, c) for r in range(2, len(grid.rows) + 1) for c in range(1, 15)]
        for r, c in draw(st.lists(st.sampled_from(cells), max_size=3)) if cells else ():
            value, number_format = draw(typed_cell(sheet.cell(r, c).value))
            sheet.cell(r, c).value = value
            if number_format:
                sheet.cell(r, c).number_format = number_format
        if grid.rows and draw(st.integers(0, 4)) == 0:
            top = draw(st.integers(1, len(grid.rows)))
            left = draw(st.integers(1, max(1, len(grid.rows[0]))))
            sheet.merge_cells(
                start_row=top,
                start_column=left,
                end_row=top + draw(st.integers(0, 2)),
                end_column=left + draw(st.integers(0, 2)),
            )
    if len(book.worksheets) > 1 and draw(st.integers(0, 3)) > 0:
        book.remove(first)  # else an empty "Sheet" stays, as in a new workbook
    if draw(st.integers(0, 5)) == 0:
        book.create_sheet(draw(st.sampled_from(["Notes", "Instructions", "people"])))
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue(), base
