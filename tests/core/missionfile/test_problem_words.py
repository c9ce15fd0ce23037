"""Problems read whole in the reader's language: a record's kind is part of each message."""

from __future__ import annotations

import pytest

from liqa.core.i18n import translator
from liqa.core.problems import Message
from tests.core.missionfile.factories import mutate, problems_of


def _in(lang: str, text: str) -> str:
    assert isinstance(text, Message)
    return text.in_language(translator(lang).gettext, lang)


@pytest.mark.parametrize(
    ("old", "new", "english", "french"),
    [
        (
            "    from: DGSSI\n",
            "    from: p-nobody\n",
            "unknown person or organization 'p-nobody'",
            "personne ou organisation inconnue : 'p-nobody'",
        ),
        (
            "    to: h-nasa\n",
            "    to: h-nsa\n",
            None,
            "personne ou organisation inconnue : 'h-nsa'",
        ),
    ],
)
def test_an_unknown_reference_reads_whole_in_french(
    old: str, new: str, english: str | None, french: str
) -> None:
    [problem] = problems_of(mutate(old, new))
    if english is not None:
        assert problem.message == english
    assert _in("fr", problem.message) == french
    arabic = _in("ar", problem.message)
    assert "organization" not in arabic  # no English noun left in the sentence
    assert arabic.startswith("شخص أو جهة")


def test_a_window_outside_the_legs_reads_whole_in_french_with_its_hint() -> None:
    """The record's kind was the English key inside the French sentence ("availability …
    est hors des étapes"), and the hint was a plain string, never translated."""
    [problem] = problems_of(
        mutate(
            '"2024-02-12 08:00", end: "2024-02-12 18:00"',
            '"2024-02-10 08:00", end: "2024-02-10 18:00"',
        )
    )
    assert _in("fr", problem.message).startswith(
        "la plage de disponibilité 2024-02-10 08:00 – 2024-02-10 18:00 est hors des étapes"
    )
    assert _in("fr", problem.hint) == (
        "corrigez la date, ajoutez une étape qui la couvre, ou donnez un décalage explicite"
    )
    assert _in("ar", problem.message).startswith("فترة الحضور")
