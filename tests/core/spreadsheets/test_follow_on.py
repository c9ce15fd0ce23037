"""One wrong row is one problem: references to a row already reported are not reported again."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import import_event
from tests.core.spreadsheets.factories import base_event, csv_file

ORGS = [["id", "name", "side"], ["acme", "ACME", "host"], ["add", "ADD", "delegation"]]
PEOPLE = [
    ["id", "name", "organization", "email", "availability"],
    ["p-ali", "Ali Alami", "add", "ali@add.ma", ""],
    ["p-sara", "Sara Smith", "acme", "sara@acme.example", ""],
]
REQUESTS = [
    ["from", "to", "attendees"],
    ["p-ali", "p-sara", ""],
    ["Ali Alami", "acme", ""],
    ["ali@add.ma", "Sara Smith", "p-ali"],
]


def problems_of(tmp_path: Path, orgs: list[list[str]], people: list[list[str]]) -> list[Problem]:
    paths = [
        csv_file(tmp_path / "organizations.csv", orgs),
        csv_file(tmp_path / "people.csv", people),
        csv_file(tmp_path / "requests.csv", REQUESTS),
    ]
    with pytest.raises(InputError) as caught:
        import_event(paths, base_event())
    # the one line saying which rows naming a refused row were not checked further is
    # not a problem of those rows (test_refused_row_references)
    return [p for p in caught.value.problems if p.code != "not_checked"]


def test_a_bad_person_row_is_reported_once_not_in_every_request(tmp_path: Path) -> None:
    people = [row[:] for row in PEOPLE]
    people[1][4] = "32/13/2024 09:00 - 12:00"
    problems = problems_of(tmp_path, ORGS, people)
    assert [(Path(p.file).name, p.row, p.column) for p in problems] == [
        ("people.csv", 2, "availability")
    ]


def test_a_missing_column_is_one_problem_not_one_per_request(tmp_path: Path) -> None:
    people = [row[:2] + row[3:] for row in PEOPLE]  # no organization column
    problems = problems_of(tmp_path, ORGS, people)
    assert [(Path(p.file).name, p.row, p.message) for p in problems] == [
        ("people.csv", 1, "no 'organization' column in the people table")
    ]


def test_a_bad_organization_row_is_not_reported_again_by_its_people(tmp_path: Path) -> None:
    orgs = [row[:] for row in ORGS]
    orgs[1][2] = "sponsor"  # not a side
    problems = problems_of(tmp_path, orgs, PEOPLE)
    assert [(Path(p.file).name, p.row, p.column) for p in problems] == [
        ("organizations.csv", 2, "side")
    ]


def test_a_reference_to_nobody_is_still_reported(tmp_path: Path) -> None:
    people = [row[:] for row in PEOPLE]
    people[1][4] = "32/13/2024 09:00 - 12:00"
    people[2][2] = "acne"  # unknown organization: still a problem of its own
    problems = problems_of(tmp_path, ORGS, people)
    assert [(Path(p.file).name, p.row, p.column, p.code) for p in problems] == [
        ("people.csv", 2, "availability", "bad_value"),
        ("people.csv", 3, "organization", "unknown_reference"),
    ]
