"""The links the app e-mails lead to the address it is served on: ``liqa serve --port 8765``
e-mailed links to http://127.0.0.1:8000/ (the default of ``LIQA_BASE_URL``), a page
nobody serves. ``LIQA_BASE_URL``, when set (production behind a proxy), still wins."""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest
from django.conf import settings
from django.core import mail
from rich.console import Console

from liqa.cli.demo import load_web, serve_web
from liqa.core.missionfile import load_event
from liqa.core.scheduling.planning import PlanOutcome, PlanSettings, plan_event
from liqa.web import runtime
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import port_visit
from tests.web.factories import DEMO

ADDRESS = "guest@example.org"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(data_dir: Path, base_url: str | None) -> dict[str, str]:
    env = {**os.environ, "LIQA_DATA_DIR": str(data_dir), "LIQA_WARM_SECONDS": "0"}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "LIQA_BASE_URL", "LIQA_TASK_BACKEND"):
        env.pop(name, None)
    env["LIQA_EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
    if base_url is not None:
        env["LIQA_BASE_URL"] = base_url
    return env


def _signin_mail(port: int, env: dict[str, str], out: Path) -> str:
    """Serve with ``liqa serve --port``, ask for a sign-in link; the e-mail it printed."""
    code = (
        "from liqa.web import runtime; runtime.configure(); runtime.migrate()\n"
        "from liqa.web.accounts.services import user_for_email\n"
        f"user_for_email({ADDRESS!r})\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    with out.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "liqa", "serve", "--port", str(port), "--no-worker"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        opener = build_opener(HTTPCookieProcessor(CookieJar()))
        url = f"http://127.0.0.1:{port}/accounts/signin/"
        deadline = time.monotonic() + 120
        while True:
            try:
                form = opener.open(url, timeout=10).read().decode()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert token is not None, form
        data = urlencode({"csrfmiddlewaretoken": token.group(1), "email": ADDRESS}).encode()
        request = Request(url, data=data, headers={"Referer": url})
        opener.open(request, timeout=30).read()
        deadline = time.monotonic() + 30
        while "/accounts/link/" not in out.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        return out.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.integration
@pytest.mark.parametrize("base_url", [None, "https://missions.example.org"])
def test_liqa_serve_e_mails_links_to_the_port_it_serves(
    tmp_path: Path, base_url: str | None
) -> None:
    port = _free_port()
    printed = _signin_mail(port, _env(tmp_path, base_url), tmp_path / "serve.log")
    links = re.findall(r"(\S+)/accounts/link/\S+", printed)
    expected = base_url or f"http://127.0.0.1:{port}"
    assert links == [expected], printed


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("127.0.0.1", 8765, "http://127.0.0.1:8765"),
        ("0.0.0.0", 9000, "http://127.0.0.1:9000"),
        ("localhost", 8001, "http://localhost:8001"),
        ("::", 8765, "http://[::1]:8765"),
        ("::1", 8765, "http://[::1]:8765"),
    ],
)
def test_the_served_address_as_a_browser_reaches_it(
    monkeypatch: pytest.MonkeyPatch, host: str, port: int, url: str
) -> None:
    monkeypatch.delenv("LIQA_BASE_URL", raising=False)
    assert runtime.served_base_url(host, port) == url
    monkeypatch.setenv("LIQA_BASE_URL", "https://missions.example.org")
    assert runtime.served_base_url(host, port) is None


def test_publishing_e_mails_the_served_address(
    houston_mission: object, monkeypatch: pytest.MonkeyPatch, settings: pytest.FixtureRequest
) -> None:
    """The publication e-mail's link, once the app serves on port 8765."""
    from liqa.web.events.models import Event

    assert isinstance(houston_mission, Event)
    monkeypatch.delenv("LIQA_BASE_URL", raising=False)
    assert runtime.follow_served("127.0.0.1", 8765) == "http://127.0.0.1:8765"
    publish(store_schedule(houston_mission, port_visit(houston_mission, 10)))
    found = [re.search(r"Your agenda: (\S+)", str(m.body)) for m in mail.outbox]
    links = {match.group(1) for match in found if match is not None}
    assert len(links) >= 1
    assert all(found)
    assert links == {f"http://127.0.0.1:8765/me/{houston_mission.slug}/"}


@pytest.fixture(scope="module")
def demo_outcome() -> PlanOutcome:
    return plan_event(load_event(DEMO), PlanSettings(time_limit=0.5))


@pytest.mark.django_db
@pytest.mark.parametrize("base_url", [None, "https://missions.example.org"])
def test_the_demo_prints_sign_in_links_to_the_served_port_unless_base_url_is_set(
    demo_outcome: PlanOutcome, monkeypatch: pytest.MonkeyPatch, base_url: str | None
) -> None:
    """``liqa demo --port 8765`` printed links to port 8765 even when LIQA_BASE_URL named
    the address behind the proxy."""
    if base_url is None:
        monkeypatch.delenv("LIQA_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("LIQA_BASE_URL", base_url)
        monkeypatch.setattr(settings, "BASE_URL", base_url)  # as read at start-up
    console = Console(file=io.StringIO(), width=400)
    links = load_web(console, DEMO, demo_outcome, 0.5, "127.0.0.1", 8765)
    serve_web(console, links, "127.0.0.1", 8765, no_serve=True)
    printed = console.file.getvalue()  # type: ignore[attr-defined]
    expected = base_url or "http://127.0.0.1:8765"
    found = re.findall(r"(organizer|delegate|public): (\S+)", printed)
    assert [role for role, _url in found] == ["organizer", "delegate", "public"]
    assert all(url.startswith(f"{expected}/") for _role, url in found), printed
