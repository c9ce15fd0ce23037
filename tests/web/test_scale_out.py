"""Scale out: two web processes and two task workers on one PostgreSQL database.

Two ``liqa serve --production`` servers (gunicorn, one worker process each, on two ports)
and two ``liqa worker`` processes share the test database; the organizer starts scheduler
runs through both servers at once, and every run is executed exactly once, by one of the
two workers (``tests/web/test_workers.py`` shows the same for worker threads inside one
process). PostgreSQL only: processes share the test database only there (``.ci/run``'s
PostgreSQL pass runs it).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.tasks import TaskResultStatus
from django.test import Client
from django_tasks_db.models import DBTaskResult

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run, RunState

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="several processes share the test database only on PostgreSQL (DATABASE_URL)",
    ),
]

RUNS_PER_SERVER = 2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _env(data: Path) -> dict[str, str]:
    """The test database and a database task queue, for the processes started here."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "LIQA_TASK_BACKEND": "database",
        "LIQA_DATA_DIR": str(data),
        "LIQA_SCHEDULER_SECONDS": "0.5",
    }


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start ``liqa <args>`` on the test database; every process is stopped at the end."""
    started: list[subprocess.Popen[bytes]] = []

    def run(name: str, *args: str) -> subprocess.Popen[bytes]:
        with (tmp_path / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "liqa", *args],
                env=_env(tmp_path),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        started.append(process)
        return process

    yield run
    for process in started:
        if process.poll() is None:
            process.terminate()
    for process in started:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(condition: Callable[[], bool], logs: Path, seconds: float = 40.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            text = "\n".join(f"--- {p.name}\n{p.read_text()}" for p in sorted(logs.glob("*.log")))
            raise AssertionError(f"gave up waiting; process output:\n{text}")
        time.sleep(0.2)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _start_run(url: str, cookie: str, csrf: str) -> tuple[int, str]:
    """POST the overview's *Run the scheduler* form; the status and the run page it leads to."""
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode(),
        method="POST",
        headers={"Cookie": f"sessionid={cookie}; csrftoken={csrf}"},
    )

    class Keep(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None  # keep the redirect: its Location names the run

    opener = urllib.request.build_opener(Keep)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


@pytest.mark.timeout(90)
def test_two_web_processes_and_two_workers_run_each_submitted_run_once(
    mission: Event, start: Callable[..., subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    organizer = User.objects.create_user("org", "org@example.org", is_staff=True)
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = Client()
    client.force_login(organizer)
    cookie, csrf = client.cookies["sessionid"].value, secrets.token_hex(16)

    ports = [_free_port(), _free_port()]
    for n, port in enumerate(ports, 1):
        start(f"web-{n}", "serve", "--production", "--workers", "1", "--port", str(port))
    for n in (1, 2):
        start(f"worker-{n}", "worker", "--interval", "0.1")
    _wait_for(lambda: all(_listening(port) for port in ports), tmp_path)
    _wait_for(
        lambda: all(
            "Starting worker" in (tmp_path / f"worker-{n}.log").read_text() for n in (1, 2)
        ),
        tmp_path,
    )

    urls = [f"http://127.0.0.1:{port}/organize/{mission.slug}/runs/" for port in ports]
    with ThreadPoolExecutor(max_workers=2 * RUNS_PER_SERVER) as pool:
        answers = list(pool.map(lambda url: _start_run(url, cookie, csrf), urls * RUNS_PER_SERVER))
    assert [status for status, _location in answers] == [302] * 2 * RUNS_PER_SERVER
    runs = Run.objects.filter(event=mission)
    _wait_for(lambda: all(run.finished for run in runs.all()), tmp_path, seconds=60)
    # a worker marks its task result after the run record it wrote: wait for that too
    unfinished = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    _wait_for(
        lambda: not DBTaskResult.objects.filter(status__in=unfinished).exists(),
        tmp_path,
        seconds=30,
    )

    results = list(DBTaskResult.objects.all())
    worker_ids = [tuple(result.worker_ids) for result in results]
    assert (len(results), sorted(result.status for result in results)) == (
        2 * RUNS_PER_SERVER,
        ["SUCCESSFUL"] * 2 * RUNS_PER_SERVER,
    )
    assert [len(ids) for ids in worker_ids] == [1] * 2 * RUNS_PER_SERVER
    assert len({ids[0] for ids in worker_ids}) == 2  # both workers took part
    assert sorted(runs.values_list("state", flat=True)) == [RunState.DONE] * 2 * RUNS_PER_SERVER
    numbers = sorted(run.result.number for run in runs.select_related("result") if run.result)
    assert numbers == list(range(1, 2 * RUNS_PER_SERVER + 1))  # one version per run
    assert sorted(location.rsplit("/", 2)[-2] for _status, location in answers) == sorted(
        str(pk) for pk in runs.values_list("pk", flat=True)
    )
