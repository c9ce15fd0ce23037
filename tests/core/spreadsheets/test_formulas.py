"""Formula injection: the one shared rule, and the organizations/people/requests writers."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from liqa.core.model import Event
from liqa.core.spreadsheets import export_event, import_event
from liqa.core.spreadsheets.formulas import is_formula_like, neutralize, restore
from tests.core.spreadsheets.factories import base_event, mission

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+212 600 000 000",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'quoted", "''quoted"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralize_prefixes_formula_like_text_and_restore_undoes_it(
    text: str, written: str
) -> None:
    assert (neutralize(text), restore(written)) == (written, text)


@pytest.mark.parametrize("value", [-3, 2.5, -0.5, None, True])
def test_neutralize_leaves_numbers_and_empty_cells_alone(value: object) -> None:
    assert neutralize(value) is value


def test_is_formula_like_names_the_owasp_triggers() -> None:
    assert [is_formula_like(c + "x") for c in "=+-@\t\r'a "] == [True] * 6 + [False] * 3


def hostile_mission(*, spaces: bool = True) -> Event:
    """The small mission with formula-like text in every kind of text column.

    Without ``spaces``, no text starts with a tab or carriage return (import trims cells).
    """
    event = mission()
    role, name = (HOSTILE[4], HOSTILE[5]) if spaces else ("=1+1", "-Ali")
    org = replace(event.organizations[0], name=HOSTILE[0], sector=HOSTILE[3])
    person = replace(event.people[0], role=role, phone=HOSTILE[1], name=name)
    request = replace(event.requests[0], message=HOSTILE[2] + HOSTILE[6])
    return replace(
        event,
        organizations=(org, *event.organizations[1:]),
        people=(person, *event.people[1:]),
        requests=(request, *event.requests[1:]),
    )


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_export_prefixes_every_formula_like_cell(tmp_path: Path) -> None:
    export_event(hostile_mission(), tmp_path)
    org = csv_rows(tmp_path / "organizations.csv")[0]
    person = csv_rows(tmp_path / "people.csv")[0]
    request = csv_rows(tmp_path / "requests.csv")[0]
    assert (org["name"], org["sector"]) == ("'" + HOSTILE[0], "'" + HOSTILE[3])
    assert (person["role"], person["phone"], person["name"]) == (
        "'" + HOSTILE[4],
        "'" + HOSTILE[1],
        "'" + HOSTILE[5],
    )
    assert request["message"] == "'" + HOSTILE[2] + HOSTILE[6]


def test_csv_export_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    export_event(mission(), tmp_path)
    assert [r["priority"] for r in csv_rows(tmp_path / "requests.csv")] == ["3", "1"]


def test_xlsx_export_stores_every_formula_like_cell_as_quoted_text(tmp_path: Path) -> None:
    path = tmp_path / "mission.xlsx"
    export_event(hostile_mission(), path)
    book = load_workbook(path)
    formulas = [
        cell.coordinate
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    people = book["people"]
    header = [c.value for c in people[1]]
    role = people.cell(row=2, column=header.index("role") + 1)
    assert formulas == []
    assert (role.value, role.data_type, role.quotePrefix) == (HOSTILE[4], "s", True)
    priority = book["requests"].cell(row=2, column=4)
    assert (priority.value, priority.data_type) == (3, "n")


@pytest.mark.parametrize("target", ["csv", "mission.xlsx"])
def test_formula_like_text_round_trips_through_export_and_import(
    tmp_path: Path, target: str
) -> None:
    event = hostile_mission(spaces=False)
    written = export_event(event, tmp_path / target)
    imported = import_event(written, base_event())
    assert (imported.event.organizations, imported.event.people, imported.event.requests) == (
        event.organizations,
        event.people,
        event.requests,
    )
