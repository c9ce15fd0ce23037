"""Formula injection in the organizer's grid workbook (also inside the web's outputs zip)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from liqa.core.model import Event
from liqa.core.outputs.grid import build_grid, write_grid_xlsx
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.write import write_outputs
from tests.core.outputs.mission import make_event, make_schedule

NAME = '=HYPERLINK("http://evil.example","Karim")'


def hostile_event() -> Event:
    """The small mission with a person and a host whose names are formulas."""
    event = make_event()
    people = tuple(replace(p, name=NAME) if p.id == "p-benali" else p for p in event.people)
    orgs = tuple(
        replace(o, name="@SUM(1+1)", short_name="") if o.id == "h-cyber" else o
        for o in event.organizations
    )
    return replace(event, people=people, organizations=orgs)


def cells(path: Path) -> list[tuple[object, str, bool]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [
        (cell.value, cell.data_type, bool(cell.quotePrefix))
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in ("=", "@")
    ]


def test_grid_xlsx_stores_formula_like_names_as_quoted_text(tmp_path: Path) -> None:
    path = tmp_path / "grid.xlsx"
    write_grid_xlsx(build_grid(hostile_event(), make_schedule(), "en"), "en", path)
    assert cells(path) == [
        (NAME, "s", True),
        ("@SUM(1+1) · T4", "s", True),
        ("@SUM(1+1)", "s", True),  # David Lee's organization
        ("@SUM(1+1)", "s", True),  # Sarah Lamrani's meeting with it
    ]


def test_outputs_grid_workbook_has_no_formula(tmp_path: Path) -> None:
    write_outputs(
        hostile_event(), make_schedule(), tmp_path, ("en",), OutputSettings(pdf=False, workers=1)
    )
    assert [c[1:] for c in cells(tmp_path / "en" / "grid.xlsx")] == [("s", True)] * 4
