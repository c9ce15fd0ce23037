"""A worker killed in the middle of a solve loses nothing, and the run can be run again.

A real ``liqa worker`` process runs a long mission plan; the test kills it with SIGKILL
while the run reports progress, then checks that the published version did not change,
that no version was half-written, that polling the run marks it failed (the reaper, with
a one-second threshold here), and that "Run again" completes on a second worker with a
schedule the core's independent checker accepts. PostgreSQL only: a worker process needs
a database it can share with the test (``DATABASE_URL``; ``.ci/run`` runs it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from liqa.core import model as core
from liqa.core.scheduling.itinerary import check_itinerary
from liqa.core.scheduling.itinerary.mission import build_model
from liqa.core.scheduling.itinerary.replan import previous_groups
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import schedule_record

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a worker process shares the test database only on PostgreSQL (DATABASE_URL)",
    ),
]


@pytest.mark.timeout(90)
def test_killed_worker_keeps_the_published_version_and_the_run_can_run_again(
    mission: Event, settings: Any, tmp_path: Path
) -> None:
    first = services.start_run(mission, time_limit=1.0)  # in-process (immediate backend)
    assert first.result is not None
    publish(first.result, notify=False)
    published = _rows(first.result)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run = services.start_run(mission, time_limit=120.0)

    worker = _worker(tmp_path / "worker-1.log")
    try:
        _wait_for(lambda: Run.objects.filter(pk=run.pk).exclude(objective={}).exists(), tmp_path)
        running = Run.objects.get(pk=run.pk)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert (running.state, running.result, running.objective["value"] > 0) == (
        "running",
        None,
        True,
    )
    assert _rows(ScheduleVersion.objects.get(pk=first.result.pk)) == published
    assert list(ScheduleVersion.objects.filter(event=mission).values_list("number")) == [(1,)]

    settings.LIQA_RUN_STALE_SECONDS = 1.0
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = Client()
    client.force_login(organizer)
    status_url = f"/organize/{mission.slug}/runs/{run.pk}/status/"
    _wait_for(lambda: client.get(status_url).json()["finished"], tmp_path)
    run.refresh_from_db()
    assert (run.state, run.message, run.result) == (
        RunState.FAILED,
        "the worker stopped during the run",
        None,
    )
    # the queue's record of the killed task is failed too, not "running" forever
    assert DBTaskResult.objects.get(id=run.task_id).status == TaskResultStatus.FAILED

    settings.LIQA_SCHEDULER_SECONDS = 2.0
    assert 'id="run-again"' in client.get(f"/organize/{mission.slug}/runs/{run.pk}/").text
    client.post(f"/organize/{mission.slug}/runs/")  # the page's "Run again" (no base version)
    again = Run.objects.exclude(pk__in=[first.pk, run.pk]).get(event=mission)
    second = _worker(tmp_path / "worker-2.log", "--batch")
    assert second.wait(timeout=60) == 0, (tmp_path / "worker-2.log").read_text()
    again.refresh_from_db()
    assert (again.state, again.message) == (RunState.DONE, "feasible")
    assert again.result is not None
    assert again.result.number == 2
    assert _rows(ScheduleVersion.objects.get(pk=first.result.pk)) == published
    assert _violations(event_record(mission), schedule_record(again.result)) == []


def _worker(log: Path, *extra: str) -> subprocess.Popen[bytes]:
    """A ``liqa worker`` process on the test database."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "LIQA_TASK_BACKEND": "database",
        "LIQA_DATA_DIR": str(log.parent),
    }
    command = [sys.executable, "-m", "liqa", "worker", "--interval", "0.2", *extra]
    with log.open("wb") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)


def _wait_for(condition: Callable[[], bool], logs: Path, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            text = "\n".join(p.read_text() for p in sorted(logs.glob("*.log")))
            raise AssertionError(f"gave up waiting; worker output:\n{text}")
        time.sleep(0.2)


def _rows(version: ScheduleVersion) -> list[tuple[Any, ...]]:
    """Every stored field of every assignment of a version, in order."""
    fields = [f.name for f in version.assignments.model._meta.fields if f.name != "version"]
    return list(version.assignments.order_by("key").values_list(*fields))


def _violations(event: core.Event, schedule: core.Schedule) -> list[object]:
    """The core checker's verdict on a stored itinerary, rebuilt into the planner's routes."""
    model = build_model(event, previous_groups(event, schedule))
    problem = model.problem
    starts = {(a.id, a.group): model.minutes(a.start) for a in schedule.assignments}
    routes = []
    for k, info in enumerate(model.tours):
        tour = problem.tours[k]
        stops = [
            (model.minutes(a.start), model.visit_node[a.id])
            for a in schedule.assignments
            if a.format is core.MeetingFormat.SITE_VISIT
            and a.group == info.group.id
            and tour.open <= model.minutes(a.start) <= tour.close
        ]
        for node in tour.fixed:
            at = float(problem.open[k, node])
            if node == info.lunch:
                lunch = f"lunch-{info.segment.day.isoformat()}-{info.group.id}"
                at = starts.get((lunch, info.group.id), at)
            stops.append((at, node))
        routes.append([node for _, node in sorted(stops)])
    value = schedule.provenance.objective["value"]
    return list(check_itinerary(problem, routes, value))
