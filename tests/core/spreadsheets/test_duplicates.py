"""A duplicated id names the row that has it first, and its file when that is another file."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.model import Side
from liqa.core.problems import InputError
from liqa.core.spreadsheets import ImportSettings, import_event
from tests.core.spreadsheets.factories import base_event, csv_file


def test_a_duplicate_id_in_another_file_names_that_file(tmp_path: Path) -> None:
    first = csv_file(tmp_path / "people-1.csv", [["id", "name", "organization"], ["p-a", "A", "X"]])
    second = csv_file(
        tmp_path / "people-2.csv",
        [["id", "name", "organization"], ["p-b", "B", "X"], ["p-a", "A2", "X"]],
    )
    with pytest.raises(InputError) as caught:
        import_event([first, second], base_event(), ImportSettings(new_organization_side=Side.HOST))
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.row, problem.message) == (
        "people-2.csv",
        3,
        "id 'p-a' is already used by row 2 in people-1.csv",
    )


def test_a_duplicate_id_in_the_same_file_names_the_row_only(tmp_path: Path) -> None:
    people = csv_file(
        tmp_path / "people.csv",
        [["id", "name", "organization"], ["p-a", "A", "X"], ["p-a", "A2", "X"]],
    )
    with pytest.raises(InputError) as caught:
        import_event([people], base_event(), ImportSettings(new_organization_side=Side.HOST))
    [problem] = caught.value.problems
    assert problem.message == "id 'p-a' is already used by row 2"
