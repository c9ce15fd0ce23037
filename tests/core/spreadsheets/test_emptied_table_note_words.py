"""The note of a table given without rows, with --missing remove ('the requests table has
no rows: the 2 requests there were are removed'), is a catalog message naming the table in
the reader's words, as the note with --missing keep is. Before, it was an English f-string
with the table's English id put in, so a French or Arabic reader got it in English."""

from __future__ import annotations

from pathlib import Path

from liqa.core.problems import Message
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from tests.core.spreadsheets.factories import csv_file, mission

FRENCH = {
    "the {table} table has no rows: the {count} {table} there were are removed": (
        "la table des {table} n'a aucune ligne : les {count} {table} qu'il y avait sont supprimées"
    ),
    "requests": "demandes",
}


def test_an_emptied_table_is_noted_in_the_readers_words(tmp_path: Path) -> None:
    empty = csv_file(tmp_path / "requests.csv", [["id", "from", "to"]])
    imported = import_event([empty], mission(), ImportSettings(missing=Missing.REMOVE))
    (note,) = imported.warnings
    assert note == "the requests table has no rows: the 2 requests there were are removed"
    assert isinstance(note, Message)
    assert note.in_language(lambda text: FRENCH.get(text, text), "fr") == (
        "la table des demandes n'a aucune ligne : les 2 demandes qu'il y avait sont supprimées"
    )
