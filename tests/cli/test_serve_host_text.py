"""``liqa serve --host`` and ``liqa worker`` print the address as text: an IPv6 address in
brackets that starts with a letter (``[fe80::1]``; rich 15 leaves ``[::1]`` alone) is not
read as a rich style tag and dropped. The database, the
server and the task queue are replaced by recorders: only what the command prints is
checked."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.web import runtime

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env=NO_LOCALE)
    assert result.exception is None, result.exception
    assert result.exit_code == 0
    return " ".join(result.output.split())  # rich wraps long lines at 80 columns


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(runtime, "configure", lambda data_dir=None: None)
    monkeypatch.setattr(runtime, "migrate", lambda: None)
    monkeypatch.setattr(
        runtime, "run_server", lambda host, port, worker=True: calls.append((host, port))
    )
    return calls


@pytest.mark.parametrize("host", ["[::1]", "[fe80::1]", "[dead:beef::1]", "[bold]x[/bold]"])
def test_serve_prints_the_host_as_given(served: list[tuple[Any, ...]], host: str) -> None:
    output = _run("serve", "--host", host, "--port", "8123")
    assert f"liqa web app on http://{host}:8123/ (Ctrl+C stops)" in output
    assert served == [(host, 8123)]


def test_serve_production_prints_the_host_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    from liqa.cli import web
    from liqa.web import wsgi

    served: list[tuple[Any, ...]] = []
    monkeypatch.setattr(runtime, "configure", lambda data_dir=None: None)
    monkeypatch.setattr(web, "_pending_migrations", list)
    monkeypatch.setattr(runtime, "follow_served", lambda host, port: "")
    monkeypatch.setattr(web, "_warm", lambda: None)
    monkeypatch.setattr(wsgi, "serve", lambda *args: served.append(args))
    output = _run("serve", "--production", "--host", "[fe80::1]", "--workers", "3")
    assert "on http://[fe80::1]:8000/ (SIGTERM or Ctrl+C stops)" in output
    assert served == [("[fe80::1]", 8000, 3, 1)]


def test_worker_prints_the_links_address_as_given(
    served: list[tuple[Any, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core import management

    # the queue's services need Django set up: a stand-in that finds no stale run
    services = types.ModuleType("liqa.web.scheduling.services")
    monkeypatch.setitem(sys.modules, "liqa.web.scheduling.services", services)
    monkeypatch.setattr(runtime, "follow_recorded", lambda: "http://[fe80::1]:8000/")
    monkeypatch.setattr(runtime, "follow_recorded_in_tasks", lambda: None)
    monkeypatch.setattr(services, "reap_stale_runs", lambda: 0, raising=False)
    monkeypatch.setattr(management, "call_command", lambda *args: served.append(args))
    output = _run("worker", "--batch")
    assert "links point at http://[fe80::1]:8000/" in output
    assert served == [("db_worker", "--interval", "1.0", "--batch")]
