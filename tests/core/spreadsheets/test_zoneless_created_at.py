"""A request's ``created_at`` typed without a time zone is read in the event's own zone:
the leg its day falls in, else the first leg's (a request made weeks before the event is
not refused as "outside every leg"); one that cannot be read names the file, row and
column and says how to write it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liqa.core.model import Event
from liqa.core.problems import InputError
from liqa.core.spreadsheets import event_sheets, import_event
from liqa.core.spreadsheets.cells import Cell
from liqa.core.spreadsheets.writers import write_xlsx
from tests.core.spreadsheets.factories import CHICAGO, base_event, workbook

PACIFIC = ZoneInfo("America/Los_Angeles")
PEOPLE = [
    ["id", "name", "organization"],
    ["p-a", "Amal Alaoui", "Alpha"],
    ["p-b", "Bob Brown", "Beta"],
]


def created(tmp_path: Path, cell: Cell, header: str = "created_at") -> Event:
    """The event read from a people sheet and one request created at ``cell``."""
    path = workbook(
        tmp_path / "book.xlsx",
        {
            "People": PEOPLE,
            "Requests": [["from", "to", "status", header], ["p-a", "p-b", "accepted", cell]],
        },
    )
    return import_event([path], base_event()).event


@pytest.mark.parametrize(
    "cell",
    ["2024-01-20 10:30", "20/01/2024 10h30", datetime(2024, 1, 20, 10, 30)],
    ids=["iso", "day-first", "excel-datetime"],
)
def test_a_zoneless_created_at_before_the_event_is_read_in_the_events_zone(
    tmp_path: Path, cell: Cell
) -> None:
    """Weeks before the first leg (Houston, Central time): accepted, on that leg's clock."""
    [request] = created(tmp_path, cell).requests
    assert request.created_at == datetime(2024, 1, 20, 10, 30, tzinfo=CHICAGO)
    assert request.created_at is not None
    assert request.created_at.utcoffset() is not None


def test_a_zoneless_created_at_in_a_leg_is_read_on_that_legs_clock(tmp_path: Path) -> None:
    """17 February is a day of the Silicon Valley leg: Pacific time, not the first leg's."""
    [request] = created(tmp_path, "2024-02-17 08:00").requests
    assert request.created_at == datetime(2024, 2, 17, 8, tzinfo=PACIFIC)


def test_a_created_at_with_an_offset_is_kept(tmp_path: Path) -> None:
    [request] = created(tmp_path, "2024-01-20T10:30+01:00").requests
    assert request.created_at == datetime.fromisoformat("2024-01-20T10:30+01:00")


def test_a_zoneless_created_at_before_the_event_survives_export_and_import(
    tmp_path: Path,
) -> None:
    """Written back to a workbook and read again, the instant is the same."""
    event = created(tmp_path, "2024-01-20 10:30")
    path = write_xlsx(event_sheets(event), tmp_path / "exported.xlsx")
    again = import_event([path], base_event()).event
    assert [r.created_at for r in again.requests] == [r.created_at for r in event.requests]


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("2024-01-20 25:00", "'2024-01-20 25:00' is not a date and time: '25:00' is not a time"),
        ("2024-02-30 10:00", "'2024-02-30 10:00' is not a date and time: '2024-02-30' is not a"),
        ("last Tuesday", "'last Tuesday' is not a date and time: 'last' is not a date"),
    ],
)
def test_an_unreadable_created_at_names_file_row_and_column_and_how_to_fix_it(
    tmp_path: Path, cell: str, said: str
) -> None:
    """The column as the organizer typed it (a French header here)."""
    with pytest.raises(InputError) as caught:
        created(tmp_path, cell, header="Date de création")
    [problem] = caught.value.problems
    assert Path(problem.file).name == "book.xlsx"
    assert (problem.sheet, problem.row, problem.column) == ("Requests", 2, "Date de création")
    assert problem.message.startswith(said)
    assert "2024-02-12 09:00" in problem.hint
    assert "UTC offset" in problem.hint
    assert "row 2" in problem.location()
