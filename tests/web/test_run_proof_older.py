"""A run recorded before runs named the term their bound is for (migration 0007 left its
``bound_term`` empty) still shows its bound and gap, not "No bound proved."."""

from __future__ import annotations

import pytest
from django.utils import translation

from liqa.web.scheduling.models import Run
from liqa.web.scheduling.models.runs import RunState
from liqa.web.scheduling.proofs import proof_words


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "bound 5, gap 58.3%"), ("fr", "borne 5, écart 58,3\u00a0%")],
)
def test_an_older_runs_bound_is_still_shown(lang: str, words: str) -> None:
    run = Run(
        state=RunState.DONE,
        objective={"scheduled_priority": 40.0, "breaks": 12.0},
        bound=5.0,
        gap=0.583,
        bound_term="",
        message="feasible",
    )
    with translation.override(lang):
        assert proof_words(run, lang) == words


def test_a_run_without_a_bound_says_none_was_proved() -> None:
    run = Run(state=RunState.DONE, objective={"breaks": 12.0}, bound=None, bound_term="")
    with translation.override("en"):
        assert proof_words(run, "en") == "No bound proved."
