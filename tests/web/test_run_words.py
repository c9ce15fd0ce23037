"""A run's status and objective terms in the reader's words (they were codes on the page)."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation

from liqa.core.scheduling.terms import STATUS_WORDS, TERM_WORDS
from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run, RunState
from liqa.web.scheduling.views import run_status


def _done(event: Event, message: str, objective: dict[str, float]) -> Run:
    now = timezone.now()
    return Run.objects.create(
        event=event,
        state=RunState.DONE,
        started_at=now,
        finished_at=now,
        message=message,
        objective=objective,
    )


@pytest.mark.parametrize(
    ("lang", "message", "objective"),
    [
        ("fr", "optimal", "temps morts 7 · changements de table 2"),
        # numbers isolated left to right in Arabic text (U+2066 ... U+2069)
        ("ar", "مثالي", "فترات الانتظار \u20667\u2069 · تغييرات الطاولة \u20662\u2069"),
        ("en", "optimal", "breaks 7 · table changes 2"),
    ],
)
def test_run_status_words_the_solver_status_and_terms(
    event: Event, lang: str, message: str, objective: str
) -> None:
    run = _done(event, "optimal", {"breaks": 7.0, "table_changes": 2.0})
    with translation.override(lang):
        status = run_status(run)
    assert (status["message"], status["objective"]) == (message, objective)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_status_and_term_has_its_translation(lang: str) -> None:
    with translation.override(lang):
        same = [
            str(words)
            for words in (*STATUS_WORDS.values(), *TERM_WORDS.values())
            if translation.gettext(str(words)) == str(words)
        ]
    assert same == (["optimal"] if lang == "fr" else [])
