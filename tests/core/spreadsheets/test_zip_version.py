"""A workbook whose zip declares a version Python's zipfile cannot read is refused with a
problem naming the file, not a traceback (found by test_fuzz's mutated workbooks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.problems import InputError
from liqa.core.spreadsheets import export_event, import_event
from tests.core.spreadsheets.factories import base_event, mission


def test_workbook_of_an_unreadable_zip_version_is_a_problem(tmp_path: Path) -> None:
    (path,) = export_event(mission(), tmp_path / "tables.xlsx")
    content = bytearray(path.read_bytes())
    entry = content.find(b"PK\x01\x02")  # the first entry of the central directory
    content[entry + 6] = 64  # "version needed to extract": 6.4
    path.write_bytes(bytes(content))
    with pytest.raises(InputError) as caught:
        import_event([path], base_event())
    [problem] = caught.value.problems
    assert (problem.file, problem.code, problem.message) == (
        str(path),
        "bad_xlsx",
        "the workbook is packed in a way liqa cannot read (zip file version 6.4)",
    )
    assert problem.hint == (
        "open it in Excel or LibreOffice and save it again as .xlsx, or export CSV UTF-8"
    )
