"""Pages that follow work in progress (a scheduler run, outputs being built) update
themselves with JavaScript; without it they offer a link to look again instead of
reloading themselves every few seconds (WCAG 2.2.1: a page must not refresh on its own
schedule, which moves a screen reader back to the top)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run, ScheduleVersion


def test_a_run_in_progress_offers_a_link_instead_of_reloading(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    run = Run.objects.create(event=event)
    page = client_for(organizer).get(f"/organize/{event.slug}/runs/{run.pk}/").content.decode()
    assert 'http-equiv="refresh"' not in page
    assert '<noscript><p id="run-check-again"><a href="">' in page


@pytest.mark.django_db(transaction=True)
def test_outputs_being_built_offer_a_link_instead_of_reloading(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[..., Client],
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.DATA_DIR = tmp_path / "data"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # not built
    response = client_for(organizer).get(f"/organize/{event.slug}/versions/1/outputs.zip")
    page = response.content.decode()
    assert response.status_code == 202
    assert 'http-equiv="refresh"' not in page
    assert '<noscript><p id="outputs-check-again"><a href="">' in page
