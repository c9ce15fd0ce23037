"""From a raw sheet to rows keyed by column: header matching and row-level problems."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from liqa.core.problems import Message, Problem
from liqa.core.spreadsheets.cells import Cell, CellError, text
from liqa.core.spreadsheets.columns import Table, match_header
from liqa.core.spreadsheets.merging import table_word
from liqa.core.spreadsheets.readers import RawSheet


@dataclass(frozen=True)
class Row:
    """One data row of a table, its cells keyed by canonical column key."""

    file: str
    sheet: str | None
    number: int
    cells: dict[str, Cell]
    texts: dict[str, dict[str, str]]
    """Localized columns: ``{key: {language: text}}``."""
    headers: dict[str, str]
    """Canonical key -> header as written in the sheet (for messages)."""

    def has(self, key: str) -> bool:
        """True when the cell of ``key`` is not empty."""
        return text(self.cells.get(key)) != ""


@dataclass
class Report:
    """Problems collected while importing, and the rows they concern."""

    problems: list[Problem] = field(default_factory=list)
    unchecked: list[Row] = field(default_factory=list)
    """Rows left without a record, and not checked further, because they name a row
    already reported and refused (see :meth:`Context.was_rejected`)."""

    def add(self, row: Row, key: str | None, message: str, hint: str = "", code: str = "") -> None:
        """A problem in ``row`` (at column ``key`` when given)."""
        column = row.headers.get(key, key) if key else None
        self.problems.append(
            Problem(
                row.file, message, hint, sheet=row.sheet, row=row.number, column=column, code=code
            )
        )

    def cell[T](self, row: Row, key: str, parse: Callable[[Cell], T]) -> T | None:
        """``parse`` the cell of ``key``; ``None`` when empty or wrong (the problem is added)."""
        value = row.cells.get(key)
        if text(value) == "":
            return None
        try:
            return parse(value)
        except CellError as exc:
            self.add(row, key, exc.message, exc.hint, code="bad_value")
            return None


@dataclass(frozen=True)
class TableRows:
    """The rows of one sheet that stands for ``table``."""

    table: Table
    rows: list[Row]
    keys: frozenset[str]
    """Column keys present in the sheet."""


def table_rows(
    table: Table, sheet: RawSheet, report: Report, tick: Callable[[], None] = lambda: None
) -> TableRows:
    """Match the header row (the first non-empty row) and key every data row by column."""
    header_number: int | None = None
    named: set[int] = set()
    mapping: dict[int, tuple[str, str | None]] = {}
    headers: dict[str, str] = {}
    rows: list[Row] = []
    for number, values in sheet.rows:
        tick()
        cells = [text(v) if isinstance(v, str) else v for v in values]
        if all(text(v) == "" for v in cells):
            continue
        if header_number is None:
            header_number = number
            mapping, headers = _match(table, sheet, number, cells, report)
            named = {index for index, cell in enumerate(cells) if text(cell)}
            continue
        rows.append(_keyed(sheet, number, cells, mapping, headers, named, report))
    keys = frozenset(key for key, _ in mapping.values())
    if header_number is not None:
        for key in table.required:
            if key not in keys and not (key == "name" and "first_name" in keys):
                report.problems.append(
                    Problem(
                        sheet.file,
                        Message(
                            "no {key!r} column in the {name} table",
                            key=key,
                            name=table_word(table.name),  # the reader's word for it
                        ),
                        Message(
                            "add a column headed {key!r} (or a synonym, see the how-to)", key=key
                        ),
                        sheet=sheet.sheet,
                        row=header_number,
                        code="missing_column",
                    )
                )
    return TableRows(table, rows, keys)


def _match(
    table: Table, sheet: RawSheet, number: int, cells: list[Cell], report: Report
) -> tuple[dict[int, tuple[str, str | None]], dict[str, str]]:
    mapping: dict[int, tuple[str, str | None]] = {}
    headers: dict[str, str] = {}
    seen: dict[tuple[str, str | None], str] = {}
    known = ", ".join(c.key for c in table.columns)
    for index, cell in enumerate(cells):
        header = text(cell)
        if header == "":
            continue
        matched = match_header(table, header)

        def problem(message: str, hint: str, code: str, header: str = header) -> None:
            report.problems.append(
                Problem(
                    sheet.file,
                    message,
                    hint,
                    sheet=sheet.sheet,
                    row=number,
                    column=header,
                    code=code,
                )
            )

        if matched is None:
            problem(
                Message(
                    "unknown column {header!r} in the {name} table", header=header, name=table.name
                ),
                f"rename it to one of: {known}; or delete the column",
                "unknown_column",
            )
        elif matched in seen:
            problem(
                Message(
                    "column {header!r} repeats column {value!r}", header=header, value=seen[matched]
                ),
                "keep one of the two columns",
                "duplicate_column",
            )
        else:
            seen[matched] = header
            mapping[index] = matched
            key, lang = matched
            headers[key] = header if lang is None or key not in headers else headers[key]
    return mapping, headers


def _keyed(
    sheet: RawSheet,
    number: int,
    cells: list[Cell],
    mapping: dict[int, tuple[str, str | None]],
    headers: dict[str, str],
    named: set[int],
    report: Report,
) -> Row:
    keyed: dict[str, Cell] = {}
    texts: dict[str, dict[str, str]] = {}
    row = Row(sheet.file, sheet.sheet, number, keyed, texts, headers)
    for index, value in enumerate(cells):
        if index not in mapping:
            if index not in named and text(value) != "":  # unknown headers: reported once
                report.problems.append(
                    Problem(
                        sheet.file,
                        Message(
                            "a value ({value!r}) in a column without a header",
                            value=text(value)[:40],
                        ),
                        Message("give the column a header, or delete the value"),
                        sheet=sheet.sheet,
                        row=number,
                        column=_letter(index),
                        code="unknown_column",
                    )
                )
            continue
        key, lang = mapping[index]
        if lang is None:
            keyed[key] = value
        elif text(value):
            texts.setdefault(key, {})[lang] = text(value)
    return row


def _letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
