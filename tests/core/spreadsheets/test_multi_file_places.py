"""A problem of a table read from several files names the file the row came from.

Before, an id made up for a row without one (from its name) kept no file: a row of another
file giving that id read "id 'o-beta' is already used by row 2", the row 2 of the file the
reader was looking at, where the row 2 meant was in another file (or another sheet)."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.model import Side
from liqa.core.problems import InputError
from liqa.core.spreadsheets import ImportSettings, import_event
from tests.core.spreadsheets.factories import base_event, csv_file, workbook

SETTINGS = ImportSettings(new_organization_side=Side.HOST)


def _problems(paths: list[Path]) -> list[tuple[str, str | None, int | None, str | None, str]]:
    with pytest.raises(InputError) as caught:
        import_event(paths, base_event(), SETTINGS)
    return [
        (Path(p.file).name, p.sheet, p.row, p.column, str(p.message)) for p in caught.value.problems
    ]


def test_an_id_made_from_a_name_in_another_file_names_that_file(tmp_path: Path) -> None:
    first = csv_file(tmp_path / "organizations-1.csv", [["name", "side"], ["Alpha", "host"]])
    second = csv_file(tmp_path / "organizations-2.csv", [["name", "side"], ["Beta", "host"]])
    people = csv_file(
        tmp_path / "people.csv",
        [["id", "name", "organization"], ["p-ann", "Ann", "Alpha"], ["Beta", "Bob", "Beta"]],
    )
    assert _problems([first, second, people]) == [
        (
            "people.csv",
            None,
            3,
            "id",
            "id 'Beta' is already used by row 2 in organizations-2.csv",
        )
    ]


def test_an_id_made_from_a_name_on_another_sheet_names_that_sheet(tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "tables.xlsx",
        {
            "organizations": [["name", "side"], ["Alpha", "host"]],
            "people": [["id", "name", "organization"], ["Alpha", "Ann", "Alpha"]],
        },
    )
    assert _problems([book]) == [
        (
            "tables.xlsx",
            "people",
            2,
            "id",
            "id 'Alpha' is already used by row 2 of sheet 'organizations'",
        )
    ]
