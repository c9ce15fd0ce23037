"""Writing tables to CSV files or an XLSX workbook, with formula injection neutralized.

Every text cell goes through :mod:`.formulas`: formula-like text gets a leading ``'`` in
CSV (our reader removes it again) and Excel's quote prefix in XLSX.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from liqa.core.problems import InputError, Message, Problem
from liqa.core.spreadsheets.cells import Cell
from liqa.core.spreadsheets.exporting import Sheet
from liqa.core.spreadsheets.formulas import neutralize, protect_xlsx_cell


def _csv_cell(value: Cell) -> str:
    return "" if value is None else str(neutralize(value))


def write_csv(sheets: Sequence[Sheet], directory: Path) -> list[Path]:
    """One UTF-8 (with BOM, so Excel shows Arabic) CSV file per sheet in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets:
        path = directory / f"{sheet.name}.csv"
        with _atomic(path) as stream:
            writer = csv.writer(stream)
            writer.writerow([_csv_cell(title) for title in sheet.headers])
            writer.writerows([_csv_cell(v) for v in row] for row in sheet.rows)
        written.append(path)
    return written


def write_xlsx(sheets: Sequence[Sheet], path: Path) -> Path:
    """One workbook with a sheet per table, header row frozen and bold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # deferred: heavy import

    problems = [
        Problem(
            str(path),
            Message("text has control characters a workbook cannot store"),
            Message("remove them, or export to CSV instead"),
            sheet=sheet.name,
            row=number,
            column=sheet.headers[index],
            code="unwritable",
        )
        for sheet in sheets
        for number, row in enumerate(sheet.rows, 2)
        for index, value in enumerate(row)
        if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value)
    ]
    if problems:
        raise InputError(problems)
    # The file first: a write-only workbook keeps open temporary streams, which a folder
    # that cannot take the file would leave to the garbage collector to complain about.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".xlsx.part")
    os.close(handle)
    try:
        _readable(temporary)
        _fill_and_save(sheets, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def _fill_and_save(sheets: Sequence[Sheet], temporary: str) -> None:
    """Write ``sheets`` as one workbook into the file ``temporary``."""
    from openpyxl import Workbook  # deferred: heavy import
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        page = book.create_sheet(sheet.name)
        page.freeze_panes = "A2"
        for index, title in enumerate(sheet.headers, 1):
            longest = max([len(title), *(len(str(row[index - 1] or "")) for row in sheet.rows)])
            page.column_dimensions[get_column_letter(index)].width = min(max(longest, 8), 40) + 2
        header = []
        for title in sheet.headers:
            cell = protect_xlsx_cell(WriteOnlyCell(page, title))
            cell.font = bold
            header.append(cell)
        page.append(header)
        for row in sheet.rows:
            page.append([_xlsx_cell(page, value, WriteOnlyCell) for value in row])
    book.save(temporary)


def _xlsx_cell(page: object, value: Cell, make: type) -> object:
    return protect_xlsx_cell(make(page, value))


@contextmanager
def _atomic(path: Path) -> Iterator[TextIO]:
    """A text stream to a file next to ``path``, moved into place only when complete."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    _readable(temporary)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _readable(path: str) -> None:
    """Give a temporary file the permissions a plain ``open`` would (mkstemp makes 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)
