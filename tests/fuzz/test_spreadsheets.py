"""Spreadsheets: every fuzzed CSV or XLSX import succeeds or lists problems with file and row.

The entry point is :func:`liqa.core.spreadsheets.import_event`, onto a seed mission whose
tables the import replaces, or onto an event with legs and venues only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from liqa.core.model import Event, EventKind
from liqa.core.problems import InputError
from liqa.core.spreadsheets import import_event
from tests.core.spreadsheets.factories import base_event
from tests.fuzz.oracle import problems_are_located
from tests.fuzz.profiles import long, quick
from tests.fuzz.tables import csv_files, seed_events, xlsx_workbook

BASES = {
    **seed_events(),
    "trade mission": base_event(),
    "brokerage": base_event(EventKind.BROKERAGE),
}
BASE_MISSION = "the base mission"
"""How problems about the base event's own records name their file."""


def check_files(files: list[tuple[str, bytes]], base: Event) -> None:
    """Import ``files`` onto ``base``: an event, or problems naming the file and row."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, (name, content) in enumerate(files):
            path = Path(folder) / str(index) / name
            path.parent.mkdir()
            path.write_bytes(content)
            paths.append(path)
        try:
            import_event(paths, base)
        except InputError as error:
            problems_are_located(error.problems, [*map(str, paths), BASE_MISSION])


def check_csv(files: list[tuple[str, bytes]], base: str) -> None:
    """CSV files onto the named base."""
    check_files(files, BASES[base])


def check_xlsx(workbook: bytes, base: str) -> None:
    """One workbook onto the named base."""
    check_files([("tables.xlsx", workbook)], BASES[base])


@quick(30)
@given(csv_files())
def test_csv_files_are_imported_or_located(case: tuple[list[tuple[str, bytes]], str]) -> None:
    check_csv(*case)


@quick(12)
@given(xlsx_workbook())
def test_xlsx_workbooks_are_imported_or_located(case: tuple[bytes, str]) -> None:
    check_xlsx(*case)


@pytest.mark.slow
@long("csv")
@given(csv_files())
def test_csv_files_are_imported_or_located_at_length(
    case: tuple[list[tuple[str, bytes]], str],
) -> None:
    check_csv(*case)


@pytest.mark.slow
@long("xlsx")
@given(xlsx_workbook())
def test_xlsx_workbooks_are_imported_or_located_at_length(case: tuple[bytes, str]) -> None:
    check_xlsx(*case)
