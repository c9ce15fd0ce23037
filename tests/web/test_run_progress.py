"""Runs report live progress to their row, stop on Cancel, and die visibly (the reaper)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.utils import timezone

from liqa.core.scheduling.progress import Progress
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.scheduling import services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion

REPORT = Progress(
    elapsed=2.5, phase="searching", objective=7.0, terms={"breaks": 7.0}, bound=3.0, gap=4 / 7
)


def _running(event: Event, heartbeat_age: float = 0.0) -> Run:
    now = timezone.now()
    return Run.objects.create(
        event=event,
        state=RunState.RUNNING,
        started_at=now - timedelta(seconds=heartbeat_age + 1),
        heartbeat_at=now - timedelta(seconds=heartbeat_age),
    )


def test_progress_writer_stores_the_report_and_the_heartbeat(event: Event) -> None:
    run = _running(event, heartbeat_age=30)
    before = run.heartbeat_at
    assert services.ProgressWriter(run.pk)(REPORT) is True
    run.refresh_from_db()
    assert (run.elapsed, run.objective, run.bound, run.gap) == (2.5, {"breaks": 7.0}, 3.0, 4 / 7)
    assert before is not None
    assert run.heartbeat_at is not None
    assert run.heartbeat_at > before


def test_progress_writer_says_stop_once_cancel_is_requested(event: Event) -> None:
    run = _running(event)
    services.cancel_run(run)
    assert (run.state, run.cancel_requested) == (RunState.RUNNING, True)
    assert services.ProgressWriter(run.pk)(REPORT) is False
    run.refresh_from_db()
    assert run.objective == {}


def test_reaper_fails_only_runs_with_an_old_heartbeat(event: Event, settings: object) -> None:
    silent, alive = _running(event, heartbeat_age=120), _running(event, heartbeat_age=5)
    assert services.reap_stale_runs(stale_after=60) == 1
    silent.refresh_from_db()
    alive.refresh_from_db()
    assert (silent.state, silent.message) == (RunState.FAILED, "the worker stopped during the run")
    assert alive.state == RunState.RUNNING
    assert services.ProgressWriter(silent.pk)(REPORT) is False  # a late worker stops at once


def test_polling_a_dead_run_marks_it_failed_and_offers_to_run_it_again(
    event: Event, organizer: User, client_for: Callable[..., Client], settings: object
) -> None:
    settings.LIQA_RUN_STALE_SECONDS = 60  # type: ignore[attr-defined]
    run = _running(event, heartbeat_age=61)
    client = client_for(organizer)
    status = client.get(f"/organize/{event.slug}/runs/{run.pk}/status/").json()
    assert (status["state"], status["finished"], status["message"]) == (
        "failed",
        True,
        "the worker stopped during the run",
    )
    page = client.get(f"/organize/{event.slug}/runs/{run.pk}/").content.decode()
    assert 'id="run-again"' in page
    client.post(f"/organize/{event.slug}/runs/")
    again = Run.objects.exclude(pk=run.pk).get(event=event)
    assert (again.state, again.message, again.result is not None) == ("done", "optimal", True)


def test_run_status_is_translated_for_the_organizer(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    run = _running(event)
    services.cancel_run(run)
    services.reap_stale_runs(stale_after=0)
    client = client_for(organizer)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    status = client.get(f"/organize/{event.slug}/runs/{run.pk}/status/").json()
    assert (status["state"], status["state_label"], status["message"]) == (
        "failed",
        "échoué",
        "le processus de calcul s'est arrêté en cours d'exécution",
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(60)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="a solver thread writing while the test reads: SQLite's shared-cache test database "
    "refuses one of them at once ('table is locked'); run with DATABASE_URL=postgres://... "
    "as .ci/run does",
)
def test_cancel_stops_a_running_mission_plan_and_keeps_nothing(mission: Event) -> None:
    accounts.grant(accounts.user_for_email("org@example.org"), mission, Role.ORGANIZER)
    run = Run.objects.create(event=mission, time_limit=120.0)
    worker = threading.Thread(target=_execute, args=(run.pk,))
    worker.start()
    try:
        _wait_for(lambda: bool(Run.objects.get(pk=run.pk).objective))
        services.cancel_run(run)
    finally:
        worker.join(timeout=30)
    run.refresh_from_db()
    assert not worker.is_alive()
    assert (run.state, run.message, run.result) == (
        RunState.CANCELLED,
        "cancelled by the organizer",
        None,
    )
    assert ScheduleVersion.objects.filter(event=mission).count() == 0


def _execute(run_id: int) -> None:
    try:
        services.execute_run(run_id)
    finally:
        connection.close()


def _wait_for(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the run never reported progress")
        time.sleep(0.1)
