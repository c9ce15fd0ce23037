"""``liqa worker`` and ``liqa manage`` link to the port ``liqa serve`` serves.

Without ``LIQA_BASE_URL`` a separate worker e-mailed links to http://127.0.0.1:8000 (the
default) while ``liqa serve --port`` served elsewhere. ``liqa serve`` now records the base
URL of its links in the data directory and the other commands follow it; their own
``LIQA_BASE_URL``, when set, still wins.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.tasks.signals import task_started

from liqa.web import runtime
from liqa.web.accounts.services import user_for_email
from tests.web import test_base_url_served as served
from tests.web import test_scale_out as scale_out
from tests.web.served_tasks import e_mail_sign_in_link

ADDRESS = "guest@example.org"
ROOT = Path(__file__).resolve().parents[2]
QUEUE = (
    "from liqa.web import runtime; runtime.configure()\n"
    "from liqa.web.accounts.services import user_for_email\n"
    f"user_for_email({ADDRESS!r})\n"
    "from tests.web.served_tasks import e_mail_sign_in_link\n"
    f"e_mail_sign_in_link.enqueue({ADDRESS!r})\n"
)
LINK = re.compile(r"(\S+)/accounts/link/\S+")


def _liqa(env: dict[str, str], *args: str) -> str:
    """Run ``liqa <args>`` to its end; what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "liqa", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _serve_a_moment(env: dict[str, str], port: int, logs: Path) -> None:
    """Start ``liqa serve --port`` (it migrates and records its address), wait until it
    answers, stop it."""
    with (logs / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "liqa", "serve", "--port", str(port), "--no-worker"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        scale_out._wait_for(lambda: scale_out._listening(port), logs, seconds=90)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.integration
@pytest.mark.timeout(240)
@pytest.mark.parametrize("base_url", [None, "https://missions.example.org"])
def test_the_worker_and_manage_link_to_the_port_liqa_serve_serves(
    tmp_path: Path, base_url: str | None
) -> None:
    port = scale_out._free_port()
    _serve_a_moment(served._env(tmp_path, None), port, tmp_path)

    env = served._env(tmp_path, base_url)  # the worker's and manage's own LIQA_BASE_URL
    subprocess.run([sys.executable, "-c", QUEUE], env=env, cwd=ROOT, check=True, timeout=120)
    worked = _liqa(env, "worker", "--batch", "--interval", "0.1")
    managed = _liqa(
        env,
        "manage",
        "shell",
        "-c",
        f"from liqa.web.accounts.services import send_sign_in_link; send_sign_in_link({ADDRESS!r})",
    )
    expected = base_url or f"http://127.0.0.1:{port}"
    assert (LINK.findall(worked), LINK.findall(managed)) == ([expected], [expected]), (
        worked + managed
    )
    assert (tmp_path / "served_base_url").read_text() == f"http://127.0.0.1:{port}\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of its own, no ``LIQA_BASE_URL``, links at the default."""
    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    monkeypatch.setattr(settings, "BASE_URL", "http://127.0.0.1:8000")
    monkeypatch.delenv("LIQA_BASE_URL", raising=False)
    return tmp_path


def test_a_worker_follows_a_server_restarted_on_another_port(data_dir: Path, db: None) -> None:
    """A task started after the restart links to the new port (tasks run in this process,
    as in a worker; the link is built and e-mailed by the task)."""
    runtime.follow_served("127.0.0.1", 8123)
    settings.BASE_URL = "http://127.0.0.1:8000"  # as a worker process starts
    assert runtime.follow_recorded() == "http://127.0.0.1:8123"
    runtime.follow_recorded_in_tasks()
    try:
        runtime.follow_served("0.0.0.0", 8124)
        settings.BASE_URL = "http://127.0.0.1:8123"  # the worker's, read at its start
        user_for_email(ADDRESS)
        e_mail_sign_in_link.enqueue(ADDRESS)
    finally:
        assert task_started.disconnect(dispatch_uid="liqa-follow-recorded")
    assert [LINK.findall(str(message.body)) for message in mail.outbox] == [
        ["http://127.0.0.1:8124"]
    ]


def test_liqa_base_url_wins_over_the_recorded_address(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime.follow_served("127.0.0.1", 8123)
    monkeypatch.setenv("LIQA_BASE_URL", "https://missions.example.org")
    monkeypatch.setattr(settings, "BASE_URL", "https://missions.example.org")  # as read
    assert runtime.follow_recorded() == "https://missions.example.org"


def test_a_server_with_liqa_base_url_records_that_address(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIQA_BASE_URL", "https://missions.example.org")
    monkeypatch.setattr(settings, "BASE_URL", "https://missions.example.org")  # as read
    assert runtime.follow_served("127.0.0.1", 8123) == "https://missions.example.org"
    monkeypatch.delenv("LIQA_BASE_URL")
    settings.BASE_URL = "http://127.0.0.1:8000"  # a worker without LIQA_BASE_URL
    assert runtime.follow_recorded() == "https://missions.example.org"


@pytest.mark.parametrize("text", ["", "127.0.0.1:8123", "http://a b", "\xff"])
def test_an_unreadable_record_leaves_the_default_with_a_warning(
    data_dir: Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    (data_dir / "served_base_url").write_bytes(text.encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="liqa.web.runtime"):
        assert runtime.follow_recorded() == "http://127.0.0.1:8000"
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert str(data_dir / "served_base_url") in caplog.records[0].getMessage()


def test_without_a_record_the_default_stays(data_dir: Path) -> None:
    assert runtime.follow_recorded() == "http://127.0.0.1:8000"
