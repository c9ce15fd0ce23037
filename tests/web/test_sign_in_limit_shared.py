"""The hourly limit of sign-in requests holds across web processes.

The count once lived in Django's local-memory cache, one per process: with 4 gunicorn
workers an address could ask 4 x ``LIQA_MAGIC_LINKS_PER_HOUR`` times before a 429. It is a
row of the database per address, counted up in one statement; two real servers (two
processes) on one database share it here, on an SQLite file and on PostgreSQL. The hour
slides (``test_signin_limit_window.py``): refused requests are counted apart.
"""

from __future__ import annotations

import secrets
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from liqa.web.accounts import services
from tests.web import test_base_url_served as served
from tests.web import test_scale_out as scale_out

ADDRESS = "nobody@example.org"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="several processes share the test database only on PostgreSQL (DATABASE_URL)",
)


def _ask(client: Client, email: str = ADDRESS) -> int:
    return client.post("/accounts/signin/", {"email": email}).status_code


def _counts() -> list[tuple[str, int, int]]:
    """Each row's address, requests let through and requests refused since."""
    from liqa.web.accounts.models import SignInRequest

    return list(SignInRequest.objects.values_list("address", "requests", "refused"))


def test_two_clients_count_the_same_requests_in_one_row(db: None) -> None:
    first, second = Client(), Client()
    codes = [_ask(client) for client in (first, second, first, second, first, second)]
    assert codes == [200, 200, 200, 200, 200, 429]
    assert _counts() == [(services.digest(ADDRESS), 5, 1)]


def test_a_sign_in_request_is_counted_in_one_statement(db: None) -> None:
    services.count_sign_in_request(ADDRESS)  # this process's sweep of finished hours, if due
    with CaptureQueriesContext(connection) as queries:
        services.count_sign_in_request(ADDRESS)
    assert len(queries) == 1, [query["sql"] for query in queries]
    assert _counts() == [(services.digest(ADDRESS), 2, 0)]


def test_requests_of_two_hours_ago_count_no_more(db: None) -> None:
    from liqa.web.accounts.models import SignInRequest

    codes = [_ask(Client()) for _ in range(6)]
    SignInRequest.objects.update(at=timezone.now() - timedelta(minutes=121))
    codes.append(_ask(Client()))
    assert codes == [200, 200, 200, 200, 200, 429, 200]
    assert _counts() == [(services.digest(ADDRESS), 1, 0)]


def test_rows_of_finished_hours_are_deleted_when_the_sweep_is_due(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liqa.web.accounts import limits
    from liqa.web.accounts.models import SignInRequest

    for email in ("old@example.org", "recent@example.org"):
        services.count_sign_in_request(email)
    SignInRequest.objects.filter(address=services.digest("old@example.org")).update(
        at=timezone.now() - timedelta(minutes=121)
    )
    services.count_sign_in_request(ADDRESS)  # the sweep was done lately: nothing deleted
    assert len(_counts()) == 3
    monkeypatch.setattr(limits, "_next_sweep", 0.0)
    services.count_sign_in_request(ADDRESS)
    assert sorted(_counts()) == sorted(
        [(services.digest("recent@example.org"), 1, 0), (services.digest(ADDRESS), 2, 0)]
    )


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_requests_counted_at_once_each_get_their_own_number() -> None:
    now = timezone.now()  # one instant: the hour cannot turn during the test

    def count(_n: int) -> int:
        try:
            from liqa.web.accounts import limits

            return limits.count_request(services.digest(ADDRESS), now, 5)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = sorted(pool.map(count, range(16)))
    assert numbers == [1, 2, 3, 4, 5] + [6] * 11  # five let through, each with its number


def _post_sign_in(port: int) -> int:
    """POST the sign-in form to the server on ``port``; the status it answers."""
    csrf = secrets.token_hex(16)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/accounts/signin/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "email": ADDRESS}).encode(),
        method="POST",
        headers={"Cookie": f"csrftoken={csrf}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _two_servers_answer(start: Callable[..., subprocess.Popen[bytes]], logs: Path) -> list[int]:
    """Start two ``liqa serve --production`` servers (one process each); the statuses of six
    sign-in requests for one address, sent to each in turn."""
    ports = [scale_out._free_port(), scale_out._free_port()]
    for n, port in enumerate(ports, 1):
        start(f"web-{n}", "serve", "--production", "--workers", "1", "--port", str(port))
    scale_out._wait_for(lambda: all(scale_out._listening(port) for port in ports), logs)
    return [_post_sign_in(port) for port in ports * 3]


@pytest.mark.integration
@pytest.mark.timeout(120)
def test_two_server_processes_on_an_sqlite_file_share_the_limit(tmp_path: Path) -> None:
    env = served._env(tmp_path, None)
    subprocess.run(
        [sys.executable, "-m", "liqa", "manage", "migrate", "--verbosity", "0"],
        env=env,
        check=True,
        timeout=120,
    )
    started: list[subprocess.Popen[bytes]] = []

    def start(name: str, *args: str) -> subprocess.Popen[bytes]:
        with (tmp_path / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "liqa", *args], env=env, stdout=log, stderr=log
            )
        started.append(process)
        return process

    try:
        codes = _two_servers_answer(start, tmp_path)
    finally:
        for process in started:
            process.terminate()
            process.wait(timeout=30)
    assert codes == [200, 200, 200, 200, 200, 429]
    with sqlite3.connect(tmp_path / "liqa.sqlite3") as database:
        rows = database.execute(
            "SELECT address, requests, refused FROM accounts_signinrequest"
        ).fetchall()
    assert rows == [(services.digest(ADDRESS), 5, 1)]


@pytest.mark.integration
@pytest.mark.timeout(120)
@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_server_processes_on_postgresql_share_the_limit(
    start: Callable[..., subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    codes = _two_servers_answer(start, tmp_path)
    assert codes == [200, 200, 200, 200, 200, 429]
    assert _counts() == [(services.digest(ADDRESS), 5, 1)]


start = scale_out.start  # the fixture that starts `liqa …` processes on the test database
