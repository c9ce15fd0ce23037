"""A people row's e-mail address: a typing mistake, or the address of a row typed twice,
is reported on its row and nothing is imported (found walking the web app as an
organizer: both went in, and deleting the repeated person took the first one's access)."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.model import Side
from liqa.core.problems import InputError
from liqa.core.spreadsheets import ImportSettings, import_event
from tests.core.spreadsheets.factories import base_event, csv_file, workbook

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
