"""A row refused for a bad cell does not make the rows that name it look missing: the
organizer sees the one real problem, and one line saying which rows were not checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from liqa.core.model import Event
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import ImportSettings, Missing, export_event, import_event
from tests.core.spreadsheets.factories import mission

REFUSE = ImportSettings(missing=Missing.REFUSE)


def _problems(path: Path, base: Event) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        import_event([path], base, REFUSE)
    return caught.value.problems


def _blank(path: Path, sheet: str, key: str, column: str) -> int:
    """Empty ``column`` of the row whose id is ``key``; its row number."""
    book = load_workbook(path)
    rows = list(book[sheet].iter_rows())
    headers = [cell.value for cell in rows[0]]
    for row in rows[1:]:
        if row[headers.index("id")].value == key:
            row[headers.index(column)].value = None
            book.save(path)
            return int(row[0].row)
    raise AssertionError(key)


def test_a_blank_organization_name_is_one_problem_not_three_tables_leaving_out(
    tmp_path: Path,
) -> None:
    base = mission()
    path = tmp_path / "people2.xlsx"
    export_event(base, path)
    number = _blank(path, "organizations", "DGSSI", "name")
    problems = _problems(path, base)
    assert [p.code for p in problems] == ["missing_value", "not_checked"]
    real, note = problems
    assert (real.file, real.sheet, real.row, real.column, real.message, real.hint) == (
        str(path),
        "organizations",
        number,
        "name",
        "the organization has no name",
        "fill in the name",
    )
    # DGSSI's two people, and the requests from DGSSI and from Sarah Lamrani
    assert note.file == str(path)
    assert note.message == (
        "not checked further: 4 rows that name a row refused above "
        "(people2.xlsx [people] rows 2, 3; people2.xlsx [requests] rows 2, 3)"
    )
    assert note.hint == "fix the rows above and upload again: these rows are checked then"
    assert not any(p.code == "rows_left_out" for p in problems)


def test_a_row_truly_left_out_is_still_reported_beside_a_refused_one(tmp_path: Path) -> None:
    base = mission()
    path = tmp_path / "people2.xlsx"
    export_event(base, path)
    book = load_workbook(path)
    book["people"].delete_rows(4)  # p-smith's row: really left out
    book.save(path)
    _blank(path, "organizations", "DGSSI", "name")
    problems = _problems(path, base)
    left = [p for p in problems if p.code == "rows_left_out"]
    assert [(p.sheet, p.message) for p in left] == [
        ("people", "the table leaves out 1 of the base mission's 3 people: p-smith"),
    ]
