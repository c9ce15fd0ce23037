"""Several workers on one database take each queued task exactly once (PostgreSQL)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run, RunState
from liqa.web.scheduling.tasks import plan_run
from tests.web.factories import run_worker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _worker(name: str) -> None:
    """A worker in its own thread: it runs the queued tasks, then closes its connection."""
    run_worker(name)
    connection.close()


def test_three_workers_run_each_task_once(event: Event, settings: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locking across workers is a PostgreSQL property; run with DATABASE_URL")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    runs = [Run.objects.create(event=event, time_limit=0.5) for _ in range(6)]
    for run in runs:
        plan_run.enqueue(run.pk)
    threads = [threading.Thread(target=_worker, args=(f"w{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    results = list(DBTaskResult.objects.all())
    assert [len(r.worker_ids) for r in results] == [1] * 6
    assert sorted(r.status for r in results) == ["SUCCESSFUL"] * 6
    states = sorted(Run.objects.filter(pk__in=[r.pk for r in runs]).values_list("state", flat=True))
    assert RunState.QUEUED not in states
    assert len(states) == 6
