"""A misspelt status or follow-up in the outcomes sheet ('tneu', 'partenaria', 'انعقذ'):
the message and its hint are whole catalog messages, so a French or Arabic reader gets no
English word in them, and the hint names the nearest known word. Before, the message was
'{raw!r} is not a known {what}' with the English word 'status' or 'follow-up' put in
("'tneu' n'est pas une valeur connue pour status") and no suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.problems import InputError, Message, Problem
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from tests.core.spreadsheets.factories import mission, workbook

FRENCH = {
    "{raw!r} is not a known status": "{raw!r} n'est pas un résultat connu",
    "{raw!r} is not a known follow-up": "{raw!r} n'est pas une suite connue",
    "{suggestion}use one of: cancelled, held, no_show": "{suggestion}écrivez tenu, absence "
    "ou annulé",
    "{suggestion}use one of: call, investment_lead, mou, none, partnership, proposal, visit": (
        "{suggestion}écrivez appel, visite, proposition, protocole d'accord, partenariat, "
        "piste d'investissement ou aucune"
    ),
    "did you mean {name!r}? ": "vouliez-vous dire {name!r} ? ",
}


def french(text: str) -> str:
    return FRENCH.get(text, text)


def problems(tmp_path: Path, *rows: list[str]) -> list[Problem]:
    path = workbook(
        tmp_path / "suivi.xlsx",
        {"Suivi des RDV": [["Rendez-vous", "Résultat", "Suite donnée"], *rows]},
    )
    with pytest.raises(InputError) as caught:
        import_event([path], mission(), ImportSettings(missing=Missing.KEEP))
    return caught.value.problems


def in_french(text: str) -> str:
    assert isinstance(text, Message)
    return text.in_language(french, "fr")


def test_a_misspelt_status_in_the_readers_words_with_the_nearest(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, ["r-1", "tneu", ""])
    assert (problem.column, problem.code) == ("Résultat", "bad_value")
    assert (in_french(problem.message), in_french(problem.hint)) == (
        "'tneu' n'est pas un résultat connu",
        "vouliez-vous dire 'tenu' ? écrivez tenu, absence ou annulé",
    )
    assert problem.hint == "did you mean 'tenu'? use one of: cancelled, held, no_show"


def test_a_misspelt_follow_up_in_the_readers_words_with_the_nearest(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, ["r-1", "tenu", "partenaria"])
    assert (problem.column, problem.code) == ("Suite donnée", "bad_value")
    assert (in_french(problem.message), in_french(problem.hint)) == (
        "'partenaria' n'est pas une suite connue",
        "vouliez-vous dire 'partenariat' ? écrivez appel, visite, proposition, protocole "
        "d'accord, partenariat, piste d'investissement ou aucune",
    )


def test_an_arabic_misspelling_is_matched_too(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, ["r-1", "انعقذ", ""])
    assert problem.hint == "did you mean 'انعقد'? use one of: cancelled, held, no_show"


def test_a_word_near_nothing_gets_the_list_alone(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, ["r-1", "maybe", ""])
    assert (problem.message, problem.hint) == (
        "'maybe' is not a known status",
        "use one of: cancelled, held, no_show",
    )
