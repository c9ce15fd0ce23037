"""Why a day is not a real one ('31/09/2025', '10/17/2025' in a French file, '2024-02-30'
in a mission file) is a catalog message, so a French or Arabic reader gets it in their
language. Before, Python's own English words were put in: "'10/17/2025' n'est pas une date
réelle (month must be in 1..12)"."""

from __future__ import annotations

import pytest

from liqa.core.missionfile.values import ValueProblem, parse_date
from liqa.core.problems import Message
from liqa.core.spreadsheets.cells import CellError
from liqa.core.spreadsheets.cells import parse_date as cell_date

FRENCH = {
    "{raw!r} is not a real date ({exc})": "{raw!r} n'est pas une date réelle ({exc})",
    "'{text}' is not a real date ({exc})": "'{text}' n'est pas une date réelle ({exc})",
    "month must be in 1..12": "le mois doit être entre 1 et 12",
    "day is out of range for month": "ce mois n'a pas ce jour",
}


def in_french(text: str) -> str:
    assert isinstance(text, Message)
    return text.in_language(lambda t: FRENCH.get(t, t), "fr")


@pytest.mark.parametrize(
    ("cell", "english", "french"),
    [
        (
            "10/17/2025",
            "'10/17/2025' is not a real date (month must be in 1..12)",
            "'10/17/2025' n'est pas une date réelle (le mois doit être entre 1 et 12)",
        ),
        (
            "31/09/2025",
            "'31/09/2025' is not a real date (day is out of range for month)",
            "'31/09/2025' n'est pas une date réelle (ce mois n'a pas ce jour)",
        ),
    ],
)
def test_a_cell_that_is_no_real_day_says_why_in_the_readers_words(
    cell: str, english: str, french: str
) -> None:
    with pytest.raises(CellError) as caught:
        cell_date(cell)
    assert (caught.value.message, in_french(caught.value.message)) == (english, french)


def test_a_mission_file_day_that_is_no_real_day_too() -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_date("2024-02-30")
    said = caught.value.message
    assert said == "'2024-02-30' is not a real date (day is out of range for month)"
    assert in_french(said) == "'2024-02-30' n'est pas une date réelle (ce mois n'a pas ce jour)"
