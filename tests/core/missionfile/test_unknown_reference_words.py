"""An unknown reference is one whole message per kind, so a translation agrees with its noun."""

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
