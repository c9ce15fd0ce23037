"""A people row's e-mail address: a typing mistake, or the address of a row typed twice,
is reported on its row and nothing is imported (found walking the web app as an
organizer: both went in, and deleting the repeated person took the first one's access)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from liqa.core.model import Side
from liqa.core.problems import InputError
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from tests.core.spreadsheets.factories import base_event, csv_file, mission, workbook

HEADER = ["Prénom", "Nom", "Société", "Courriel"]
SETTINGS = ImportSettings(new_organization_side=Side.HOST)


def _problems(files: list[Path]) -> list[tuple[str, int | None, str | None, str, str]]:
    with pytest.raises(InputError) as caught:
        import_event(files, base_event(), SETTINGS)
    return [(Path(p.file).name, p.row, p.column, p.code, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    "email",
    [
        "youssef.amrani@souss-tech,example",
        "youssef.amrani.souss-tech.example",
        "youssef amrani@souss-tech.example",
        "youssef@souss-tech",
        "a@x.example; b@x.example",
    ],
)
def test_a_mistyped_address_is_reported_on_its_row(tmp_path: Path, email: str) -> None:
    people = csv_file(
        tmp_path / "inscrits.csv",
        [
            HEADER,
            ["Fatima", "Alaoui", "Atlas", "fatima@atlas.example"],
            ["Youssef", "Amrani", "Souss", email],
        ],
    )
    assert _problems([people]) == [
        ("inscrits.csv", 3, "Courriel", "bad_format", f"{email!r} is not an e-mail address")
    ]


def test_a_row_typed_twice_is_reported_naming_the_first(tmp_path: Path) -> None:
    people = csv_file(
        tmp_path / "inscrits.csv",
        [
            HEADER,
            ["Claire", "Martin", "MediFresh", "claire.martin@medifresh.example"],
            ["Marc", "Dubois", "LogiPort", "marc@logiport.example"],
            ["Claire", "Martin", "MediFresh", "Claire.Martin@medifresh.example "],
        ],
    )
    assert _problems([people]) == [
        (
            "inscrits.csv",
            4,
            "Courriel",
            "duplicate_email",
            "e-mail address 'Claire.Martin@medifresh.example' is already given to"
            " Claire Martin on row 2",
        )
    ]


def test_an_address_given_in_another_file_names_that_file_and_sheet(tmp_path: Path) -> None:
    first = workbook(
        tmp_path / "inscrits.xlsx",
        {"Participants": [HEADER, ["Claire", "Martin", "MediFresh", "claire@medifresh.example"]]},
    )
    late = csv_file(
        tmp_path / "participants-tardifs.csv",
        [HEADER, ["Chloé", "Martin", "MediFresh", "claire@medifresh.example"]],
    )
    [problem] = _problems([first, late])
    assert problem[:4] == ("participants-tardifs.csv", 2, "Courriel", "duplicate_email")
    assert problem[4].endswith("Claire Martin on row 2 of sheet 'Participants' in inscrits.xlsx")


def test_good_and_empty_addresses_import(tmp_path: Path) -> None:
    people = csv_file(
        tmp_path / "inscrits.csv",
        [
            HEADER,
            ["Fatima", "Zahra Alaoui", "Atlas", "fatima.alaoui@atlas-agro.example"],
            ["Youssef", "Amrani", "Souss", "Youssef.O'Neil+b2b@souss-tech.co.ma"],
            ["Marc", "Dubois", "LogiPort", ""],
            ["Luc", "Petit", "LogiPort", ""],
        ],
    )
    event = import_event([people], base_event(), SETTINGS).event
    assert [p.email for p in event.people] == [
        "fatima.alaoui@atlas-agro.example",
        "Youssef.O'Neil+b2b@souss-tech.co.ma",
        "",
        "",
    ]


def test_an_update_may_not_give_a_kept_persons_address_to_a_new_row(tmp_path: Path) -> None:
    """The registration list uploaded again without ids, as an update: each row would be a
    new person and each account would move to the copy, away from its published meetings."""
    people = csv_file(
        tmp_path / "inscrits.csv",
        [HEADER, ["Sarah", "Lamrani", "DGSSI", "S.Lamrani@example.org"]],
    )
    keep = ImportSettings(missing=Missing.KEEP)
    with pytest.raises(InputError) as caught:
        import_event([people], mission(), keep)
    [problem] = caught.value.problems
    assert (problem.row, problem.column, problem.code) == (2, "Courriel", "duplicate_email")
    assert problem.message == (
        "e-mail address 'S.Lamrani@example.org' is already Sarah Lamrani's,"
        " a person of the event (p-lamrani)"
    )
    assert problem.hint == (
        "to change that person, write p-lamrani in the id column; else delete the row"
    )


def test_an_update_may_change_a_kept_person_or_move_an_address(tmp_path: Path) -> None:
    """The row of the person's id changes them; their address may go to a new person once
    the row of that id gives them another (or none)."""
    people = csv_file(
        tmp_path / "inscrits.csv",
        [
            ["id", *HEADER],
            ["p-lamrani", "Sarah", "Lamrani", "DGSSI", "saida@mtnra.example"],
            ["", "Nadia", "Berrada", "DGSSI", "s.lamrani@example.org"],
        ],
    )
    event = import_event([people], mission(), ImportSettings(missing=Missing.KEEP)).event
    assert {p.name: p.email for p in event.people if p.email} == {
        "Sarah Lamrani": "saida@mtnra.example",
        "Nadia Berrada": "s.lamrani@example.org",
    }


def test_an_update_names_the_first_kept_person_of_an_address(tmp_path: Path) -> None:
    """An event stored before may hold two people under one address: the first is named."""
    base = mission()
    lamrani = base.people[0]
    copy = replace(lamrani, id="p-lamrani-2", name="Sarah Lamrani (2)")
    base = replace(base, people=(*base.people, copy))
    people = csv_file(
        tmp_path / "inscrits.csv", [HEADER, ["Sarah", "Lamrani", "DGSSI", lamrani.email]]
    )
    with pytest.raises(InputError) as caught:
        import_event([people], base, ImportSettings(missing=Missing.KEEP))
    [problem] = caught.value.problems
    assert problem.message.endswith("Sarah Lamrani's, a person of the event (p-lamrani)")
