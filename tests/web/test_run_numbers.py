"""A run's numbers written as the reader's language writes them (found on a desktop walk of
the demo mission in French: "Écart 7.6%", "Borne 392.197", "valeur des visites 362.25")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone, translation

from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run, RunState
from liqa.web.scheduling.views import run_status


def _done(event: Event) -> Run:
    now = timezone.now()
    return Run.objects.create(
        event=event,
        state=RunState.DONE,
        started_at=now,
        finished_at=now,
        elapsed=5.23,
        time_limit=20.0,
        message="feasible",
        objective={"breaks": 1352.0, "table_changes": 0.652174},
        bound=392.1973,
        gap=0.07612,
        bound_term="breaks",
    )


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (
            "fr",
            {
                "elapsed": "5,2",
                "time_limit": "20",
                "objective": "temps morts 1\u202f352 · changements de table 0,7",
                "bound": "392,197",
                "gap": "7,6\xa0%",
            },
        ),
        (
            "en",
            {
                "elapsed": "5.2",
                "time_limit": "20",
                "objective": "breaks 1,352 · table changes 0.7",
                "bound": "392.197",
                "gap": "7.6%",
            },
        ),
    ],
)
def test_run_status_writes_numbers_in_the_readers_language(
    event: Event, lang: str, shown: dict[str, str]
) -> None:
    with translation.override(lang):
        status = run_status(_done(event))
    assert {key: status[key] for key in shown} == shown


@pytest.mark.parametrize(("gap", "shown"), [(0.0, "0,0\xa0%"), (1.0, "100,0\xa0%")])
def test_a_gap_keeps_one_decimal(event: Event, gap: float, shown: str) -> None:
    run = _done(event)
    run.gap = gap
    with translation.override("fr"):
        assert run_status(run)["gap"] == shown


def test_run_page_shows_the_french_numbers(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    run = _done(event)
    page = client_for(organizer).get(
        f"/organize/{event.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="fr"
    )
    text = page.content.decode()
    shown = [
        text.split(f'<dd id="run-{name}"', 1)[1].split(">", 1)[1].split("</dd>", 1)[0]
        for name in ("elapsed", "limit", "proof")
    ]
    assert shown[:2] == ["5,2", "20"]
    assert shown[2].startswith("temps morts 1\u202f352")
    # breaks count whole things: the bound too, rounded down (still proved), no decimal
    assert "au moins 392 (prouvé)" in shown[2]
    assert "7,6\xa0%" in shown[2]
