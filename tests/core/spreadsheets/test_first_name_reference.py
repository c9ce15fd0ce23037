"""A person named by a first or last name alone ("Olivier" where the event has several
Oliviers) is said to be ambiguous, listing whom it could mean, as a full name shared by two
people is; before, it was an "unknown person" with no hint of who was meant. A word of a
name is never taken for that person, even when only one name has it; an organization's
name is not matched by its words (a new organization named in the people table is still
made from its name)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from liqa.core.model import Person
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from liqa.core.spreadsheets.ids import Directory
from liqa.core.spreadsheets.records import directory_of
from tests.core.spreadsheets.factories import csv_file, mission


def _problems(path: Path) -> list[Problem]:
    base = replace(
        mission(),
        people=(
            *mission().people,
            Person("p-olivier-g", "Olivier Girard", "DGSSI"),
            Person("p-olivier-m", "Olivier Martin", "DGSSI"),
        ),
    )
    with pytest.raises(InputError) as caught:
        import_event([path], base, ImportSettings(missing=Missing.KEEP))
    return caught.value.problems


def test_a_first_name_shared_by_two_people_lists_them(tmp_path: Path) -> None:
    sheet = csv_file(
        tmp_path / "outcomes.csv", [["meeting", "status", "owner"], ["r-1", "held", "Olivier"]]
    )
    [problem] = _problems(sheet)
    assert (problem.row, problem.column, problem.code) == (2, "owner", "ambiguous_reference")
    assert str(problem.message) == "'Olivier' could mean p-olivier-g, p-olivier-m"
    assert str(problem.hint) == "write the person's id or e-mail"


def test_a_last_name_of_one_person_is_not_taken_for_them(tmp_path: Path) -> None:
    sheet = csv_file(
        tmp_path / "outcomes.csv", [["meeting", "status", "owner"], ["r-1", "held", "lamrani"]]
    )
    [problem] = _problems(sheet)
    assert str(problem.message) == "'lamrani' could mean p-lamrani"


def test_words_of_names_are_people_only() -> None:
    found = directory_of(mission().organizations, mission().people)
    assert found.find("Smith") == (None, ["p-smith"])
    assert found.find("NASA") == ("h-nasa", [])  # its name, whole
    assert found.find("Générale") == (None, [])  # a word of an organization's name
    assert Directory().find("Olivier") == (None, [])
