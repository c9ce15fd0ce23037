"""A workbook asked into a folder that cannot take it: a clear error, nothing left open."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest

from liqa.core.spreadsheets.exporting import Sheet
from liqa.core.spreadsheets.writers import write_xlsx


def test_an_unwritable_folder_leaves_no_workbook_stream_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`liqa export m.yaml --out /proc/x.xlsx` printed the right message, then "Exception
    ignored … I/O operation on closed file": the write-only workbook was built, with its
    temporary streams, before the file it goes to could be created."""
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    sheets = [Sheet("people", ("id", "name"), tuple((f"p{i}", f"Name {i}") for i in range(50)))]
    with pytest.raises((FileExistsError, NotADirectoryError)):
        write_xlsx(sheets, blocker / "out.xlsx")
    gc.collect()
    assert unraisable == []
    assert list(tmp_path.iterdir()) == [blocker]
