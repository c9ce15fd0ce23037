"""CSV and XLSX readers: raw rows with their sheet row numbers, guarded against hostile files.

XLSX workbooks are checked before openpyxl opens them: the zip's declared sizes (which
bound what zipfile will ever inflate) against a total and a compression ratio (zip bombs),
and every XML part for ``<!DOCTYPE``/``<!ENTITY`` (entity expansion, external entities).
openpyxl then parses with defusedxml, in read-only (streaming) mode. CSV files are
checked for over-long lines before parsing, then row by row for too many rows, columns
or characters in a cell (:class:`ReadLimits`).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from liqa.core.problems import Message, Problem
from liqa.core.spreadsheets.cells import Cell
from liqa.core.spreadsheets.formulas import restore

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class ReadLimits:
    """Size limits for spreadsheet files (defaults suit any real mission)."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_unzipped_bytes: int = 256 * 1024 * 1024
    max_ratio: int = 200
    """Largest compression ratio accepted for a part bigger than 1 MiB."""
    max_parts: int = 2000
    max_rows: int = 200_000
    max_columns: int = 500
    max_cell_chars: int = 32_767
    """Longest text in one cell (Excel's own limit)."""
    max_line_chars: int = 1024 * 1024
    """Longest line of a CSV file, checked before parsing (a line of a million commas
    would otherwise become a row of a million cells)."""


DEFAULT_LIMITS = ReadLimits()


class ReadError(Exception):
    """A file cannot be read at all; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class RawSheet:
    """One sheet (or CSV file): its rows, numbered as the organizer sees them (from 1)."""

    file: str
    sheet: str | None
    """Sheet name in a workbook; ``None`` for a CSV file."""
    rows: Iterator[tuple[int, tuple[Cell, ...]]]
    total: int | None
    """Number of rows when known in advance (for progress bars)."""


@contextmanager
def open_sheets(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[list[RawSheet]]:
    """The sheets of a CSV or XLSX file, readable until the block ends.

    Raises :class:`ReadError` for unreadable files (also while rows are read).
    """
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise ReadError(
            Problem(
                name,
                Message(
                    "cannot read {suffix}", suffix=suffix or Message("a file without extension")
                ),
                Message("save it as .xlsx or as CSV UTF-8 (.csv)"),
                code="unknown_format",
            )
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(
            Problem(
                name,
                Message("cannot open the file ({strerror})", strerror=exc.strerror),
                Message("check the path"),
                code="unreadable",
            )
        ) from exc
    if size > limits.max_file_bytes:
        raise ReadError(
            Problem(
                name,
                Message(
                    "file is {size} bytes, more than {max_file_bytes}",
                    size=size,
                    max_file_bytes=limits.max_file_bytes,
                ),
                Message("split it into smaller files"),
                code="too_large",
            )
        )
    if suffix in CSV_SUFFIXES:
        yield [_read_csv(path, limits)]
        return
    _check_zip(path, limits)
    with path.open("rb") as stream:
        book = _load_xlsx(stream, name)
        try:
            yield _xlsx_sheets(book, name, limits)
        finally:
            book.close()


def _decode(raw: bytes, name: str) -> str:
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    encoding = next((enc for bom, enc in boms if raw.startswith(bom)), None) or _sniff_utf16(raw)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(
            Problem(
                name,
                Message("the file is not UTF-8 text (bad byte at offset {start})", start=exc.start),
                Message(
                    "save it as 'CSV UTF-8' (Excel) or 'Text CSV, UTF-8' (LibreOffice), or as .xlsx"
                ),
                code="bad_encoding",
            )
        ) from exc


def _sniff_utf16(raw: bytes) -> str:
    """``utf-16-le``/``-be`` for UTF-16 text saved without a byte-order mark, else ``utf-8``.

    UTF-8 text has no NUL bytes; UTF-16 text of a table (digits, delimiters, line ends, Latin
    letters) has a NUL in the high byte of most characters, always on the same side.
    """
    sample = raw[:8192]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return "utf-8"
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= half * 0.2 and even == 0:
        return "utf-16-le"
    if even >= half * 0.2 and odd == 0:
        return "utf-16-be"
    return "utf-8"


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _read_csv(path: Path, limits: ReadLimits) -> RawSheet:
    name = str(path)
    content = _decode(path.read_bytes(), name)
    if "\x00" in content:
        raise ReadError(
            Problem(
                name,
                Message("the file contains NUL bytes: it is not a text file"),
                Message("save it as CSV UTF-8 or .xlsx"),
                code="bad_encoding",
            )
        )
    _check_lines(content, name, limits)
    delimiter = _delimiter(content.split("\n", 1)[0])
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            records.append(record)
            _check_record(record, records[0], len(records), name, limits)
    except csv.Error as exc:
        if str(exc).startswith("field larger than field limit"):
            raise _long_cell(name, len(records) + 1, None, limits) from exc
        raise ReadError(
            Problem(
                name,
                Message("not a readable CSV file ({exc})", exc=exc),
                Message("check quotes in cells, or save it again as CSV UTF-8"),
                code="bad_csv",
            )
        ) from exc
    rows = [(n, tuple[Cell, ...](restore(v) for v in rec)) for n, rec in enumerate(records, 1)]
    return RawSheet(name, None, iter(rows), len(rows))


def _check_lines(content: str, name: str, limits: ReadLimits) -> None:
    """Refuse a line longer than ``limits.max_line_chars`` before the CSV parser sees it."""
    if len(content) <= limits.max_line_chars:
        return
    start, number = 0, 1
    while start < len(content):
        end = content.find("\n", start)
        end = len(content) if end < 0 else end
        if end - start > limits.max_line_chars:
            raise ReadError(
                Problem(
                    name,
                    Message(
                        "line {number} has {value} characters, more than {max_line_chars}",
                        number=number,
                        value=end - start,
                        max_line_chars=limits.max_line_chars,
                    ),
                    Message("check the file is a table saved as CSV (one row per line)"),
                    line=number,
                    code="too_large",
                )
            )
        start, number = end + 1, number + 1


def _check_record(
    record: list[str], header: list[str], number: int, name: str, limits: ReadLimits
) -> None:
    if number > limits.max_rows:
        raise ReadError(
            Problem(
                name,
                Message("more than {max_rows} rows", max_rows=limits.max_rows),
                Message("split the file"),
                code="too_large",
            )
        )
    if len(record) > limits.max_columns:
        raise ReadError(
            Problem(
                name,
                Message(
                    "{record_count} columns, more than {max_columns}",
                    record_count=len(record),
                    max_columns=limits.max_columns,
                ),
                Message("delete the unused columns"),
                row=number,
                code="too_large",
            )
        )
    for index, value in enumerate(record):
        if len(value) > limits.max_cell_chars:
            column = header[index] if index < len(header) and number > 1 else None
            raise _long_cell(name, number, column, limits, len(value))


def _long_cell(
    name: str,
    row: int,
    column: str | None,
    limits: ReadLimits,
    length: int | None = None,
    sheet: str | None = None,
) -> ReadError:
    size = (
        Message(
            "a cell has {length} characters, more than {max_cell_chars}",
            length=length,
            max_cell_chars=limits.max_cell_chars,
        )
        if length is not None
        else Message(
            "a cell is too long, more than {max_cell_chars}",
            max_cell_chars=limits.max_cell_chars,
        )
    )
    return ReadError(
        Problem(
            name,
            size,
            Message("a spreadsheet cell holds at most 32,767 characters; shorten the text"),
            sheet=sheet,
            row=row,
            column=column,
            code="too_large",
        )
    )


def _check_zip(path: Path, limits: ReadLimits) -> None:
    name = str(path)

    def refuse(message: str, code: str) -> ReadError:
        return ReadError(
            Problem(
                name,
                message,
                Message(
                    "open it in Excel or LibreOffice and save it again as .xlsx, or export "
                    "CSV UTF-8"
                ),
                code=code,
            )
        )

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise refuse("not a valid .xlsx workbook (not a zip archive)", "bad_xlsx") from exc
    except NotImplementedError as exc:  # a zip that declares a version zipfile cannot read
        raise refuse(
            Message("the workbook is packed in a way liqa cannot read ({exc})", exc=exc),
            "bad_xlsx",
        ) from exc
    with archive:
        parts = archive.infolist()
        if len(parts) > limits.max_parts:
            raise refuse(
                f"the workbook has {len(parts)} parts, more than {limits.max_parts}", "zip_bomb"
            )
        total = sum(part.file_size for part in parts)
        if total > limits.max_unzipped_bytes:
            raise refuse(
                f"the workbook unpacks to {total} bytes, more than "
                f"{limits.max_unzipped_bytes} (a zip bomb?)",
                "zip_bomb",
            )
        for part in parts:
            ratio = part.file_size / max(part.compress_size, 1)
            if part.file_size > 1024 * 1024 and ratio > limits.max_ratio:
                raise refuse(
                    f"part {part.filename} is compressed {ratio:.0f}:1, more than "
                    f"{limits.max_ratio}:1 (a zip bomb?)",
                    "zip_bomb",
                )
            if not part.filename.endswith((".xml", ".rels")):
                continue
            finding = _scan(archive, part)
            if finding == "entities":
                raise refuse(
                    f"part {part.filename} declares a DOCTYPE or entities, which "
                    "workbooks never need (an XML entity attack?)",
                    "xml_entities",
                )
            if finding:
                raise ReadError(
                    Problem(
                        name,
                        Message(
                            "cell {finding} of {filename} holds a formula whose result was "
                            "never computed (the file was saved by a program that does not "
                            "calculate), so its value cannot be read",
                            finding=finding,
                            filename=part.filename,
                        ),
                        Message(
                            "open the workbook in Excel or LibreOffice and save it again, or "
                            "replace the formulas by their values"
                        ),
                        code="uncomputed_formula",
                    )
                )


_UNCOMPUTED = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*<f(?:[^>]*/>|[^>]*>[^<]*</f>)\s*'
    rb"(?:<v\s*/>)?\s*</c>"
)
"""A formula cell without a cached value (``<v></v>`` is a computed empty text, so it
is not matched): reading values only would see the cell empty."""


def _scan(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> str | None:
    """``"entities"`` for a DOCTYPE/ENTITY declaration, a cell reference for a formula
    without a computed value (worksheets only), else ``None``."""
    sheet = part.filename.startswith("xl/worksheets/")
    tail = b""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(1 << 16):
                window = tail + chunk
                upper = window.upper()
                if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
                    return "entities"
                if sheet and (found := _UNCOMPUTED.search(window)):
                    return found[1].decode()
                tail = window[-1024:]
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError):
        return None  # unreadable parts are reported when openpyxl opens the workbook
    return None


def _load_xlsx(stream: BinaryIO, name: str) -> Any:
    import openpyxl  # deferred: importing openpyxl costs ~0.3 s and CSV users need none

    try:
        return openpyxl.load_workbook(stream, read_only=True, data_only=True)
    # openpyxl raises many kinds of errors for damaged workbooks (KeyError for a missing
    # part, ValueError, XML parse errors); the user needs one clear message for all.
    except Exception as exc:
        raise ReadError(
            Problem(
                name,
                Message(
                    "cannot open the workbook ({error_type}: {exc})",
                    error_type=type(exc).__name__,
                    exc=exc,
                ),
                Message("open it in Excel or LibreOffice and save it again as .xlsx"),
                code="bad_xlsx",
            )
        ) from exc


def _xlsx_sheets(book: Any, name: str, limits: ReadLimits) -> list[RawSheet]:
    sheets: list[RawSheet] = []
    for sheet in book.worksheets:
        total = sheet.max_row if isinstance(sheet.max_row, int) else None
        if total is not None and total > limits.max_rows:
            raise ReadError(
                Problem(
                    name,
                    Message(
                        "{total} rows, more than {max_rows}", total=total, max_rows=limits.max_rows
                    ),
                    Message("split the workbook"),
                    sheet=sheet.title,
                    code="too_large",
                )
            )
        sheets.append(RawSheet(name, sheet.title, _xlsx_rows(sheet, name, limits), total))
    return sheets


def _xlsx_rows(
    sheet: object, name: str, limits: ReadLimits
) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    title = getattr(sheet, "title", None)
    header: list[str] = []
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):  # type: ignore[attr-defined]
            if number > limits.max_rows:
                raise ReadError(
                    Problem(
                        name,
                        Message("more than {max_rows} rows", max_rows=limits.max_rows),
                        Message("split the workbook"),
                        sheet=title,
                        code="too_large",
                    )
                )
            if len(values) > limits.max_columns and any(
                v is not None for v in values[limits.max_columns :]
            ):
                raise ReadError(
                    Problem(
                        name,
                        Message("more than {max_columns} columns", max_columns=limits.max_columns),
                        Message("delete the unused columns"),
                        sheet=title,
                        row=number,
                        code="too_large",
                    )
                )
            for index, value in enumerate(values):
                if isinstance(value, str) and len(value) > limits.max_cell_chars:
                    column = header[index] if index < len(header) and number > 1 else None
                    raise _long_cell(name, number, column, limits, len(value), title)
            if number == 1:
                header = [str(v) if v is not None else "" for v in values]
            yield number, tuple(values)
    except ReadError:
        raise
    # Damage inside a sheet's XML only shows while streaming it (see _read_xlsx).
    except Exception as exc:
        raise ReadError(
            Problem(
                name,
                Message(
                    "the sheet is damaged ({error_type}: {exc})",
                    error_type=type(exc).__name__,
                    exc=exc,
                ),
                Message("open it in Excel or LibreOffice and save it again as .xlsx"),
                sheet=title,
                code="bad_xlsx",
            )
        ) from exc
