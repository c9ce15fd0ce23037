"""A duplicate id's message names the row that claimed the id in the reader's language:
"row 2 in organizations-2.csv", "row 2 of sheet 'organizations'" and "the base mission"
were built in English and read so in a French or Arabic page ("l'identifiant 'Beta' est
déjà utilisé par row 2 in organizations-2.csv"). So did a sheet or file that does not say
which table it is: "the {where} does not say ..." with ``where`` "sheet 'Budget'" or "file
name" in English ("sheet 'Budget' n'indique pas de quelle table il s'agit")."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.model import Side
from liqa.core.problems import InputError, Message
from liqa.core.spreadsheets import ImportSettings, import_event
from tests.core.spreadsheets.factories import base_event, csv_file, workbook

SETTINGS = ImportSettings(new_organization_side=Side.HOST)


def _messages(paths: list[Path]) -> list[Message]:
    with pytest.raises(InputError) as caught:
        import_event(paths, base_event(), SETTINGS)
    found = [p.message for p in caught.value.problems]
    assert all(isinstance(m, Message) for m in found)
    return [m for m in found if isinstance(m, Message)]


def _in(lang: str, message: Message) -> str:
    return message.in_language(translator(lang).gettext, lang)


def test_a_row_of_another_file_is_named_in_the_readers_language(tmp_path: Path) -> None:
    first = csv_file(tmp_path / "organizations-1.csv", [["name", "side"], ["Alpha", "host"]])
    second = csv_file(tmp_path / "organizations-2.csv", [["name", "side"], ["Beta", "host"]])
    people = csv_file(
        tmp_path / "people.csv",
        [["id", "name", "organization"], ["p-ann", "Ann", "Alpha"], ["Beta", "Bob", "Beta"]],
    )
    [message] = _messages([first, second, people])
    assert message == "id 'Beta' is already used by row 2 in organizations-2.csv"  # as before
    owner = message.params["value"]
    assert isinstance(owner, Message)
    assert (owner.template, owner.params["file"]) == ("{where} in {file}", "organizations-2.csv")
    french = _in("fr", message)
    assert french.startswith("l'identifiant 'Beta' est déjà utilisé (ligne 2 dans")
    assert "row 2" not in french
    arabic = _in("ar", message)
    assert "الصف 2" in arabic
    assert "row 2" not in arabic


def test_a_row_of_another_sheet_is_named_in_the_readers_language(tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "tables.xlsx",
        {
            "organizations": [["name", "side"], ["Alpha", "host"]],
            "people": [["id", "name", "organization"], ["Alpha", "Ann", "Alpha"]],
        },
    )
    [message] = _messages([book])
    assert message == "id 'Alpha' is already used by row 2 of sheet 'organizations'"
    owner = message.params["value"]
    assert isinstance(owner, Message)
    assert owner.template == "row {row} of sheet {sheet!r}"
    assert owner.params == {"row": 2, "sheet": "organizations"}


def test_an_id_of_the_base_mission_is_said_to_be_its(tmp_path: Path) -> None:
    event = base_event()
    taken = event.legs[0].id  # a leg: the tables do not give them
    people = csv_file(
        tmp_path / "people.csv", [["id", "name", "organization"], [taken, "Ann", taken]]
    )
    with pytest.raises(InputError) as caught:
        import_event([people], event, SETTINGS)
    [message] = [p.message for p in caught.value.problems if p.code == "duplicate_id"]
    assert message == f"id {taken!r} is already used by the base mission"
    assert isinstance(message, Message)
    owner = message.params["value"]
    assert isinstance(owner, Message)
    assert owner.template == "the base mission"


def test_a_sheet_or_file_that_names_no_table_is_said_in_one_message(tmp_path: Path) -> None:
    book = workbook(tmp_path / "m.xlsx", {"Budget": [[], ["Hotel", 1200]]})
    budget = csv_file(tmp_path / "budget.csv", [["item", "cost"], ["Hotel", "1200"]])
    said = [(m.template, m.params) for paths in ([book], [budget]) for m in _messages(paths)]
    assert said == [
        ("the sheet {sheet!r} does not say which table this is", {"sheet": "Budget"}),
        ("the file name does not say which table this is", {}),
    ]
