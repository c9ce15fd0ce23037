"""Security headers on every page: content security policy, framing, referrer, HTTPS."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

import liqa.web
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _headers(client: Client, path: str) -> dict[str, str | int]:
    response = client.get(path)
    return {
        "status": response.status_code,
        "csp": response.get("Content-Security-Policy", ""),
        "frame": response.get("X-Frame-Options", ""),
        "referrer": response.get("Referrer-Policy", ""),
        "nosniff": response.get("X-Content-Type-Options", ""),
    }


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("anonymous", "/"),
        ("anonymous", "/events/{slug}/"),
        ("anonymous", "/accounts/signin/"),
        ("organizer", "/organize/{slug}/"),
        ("organizer", "/organize/{slug}/versions/1/"),
        ("amina", "/me/{slug}/"),
        ("amina", "/me/{slug}/requests/"),
        ("amina", "/api/events/{slug}/schedules/"),
    ],
)
def test_pages_carry_the_content_security_policy(
    who: str,
    path: str,
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[[User | None], Client],
) -> None:
    publish(draft, notify=False)
    user = {"anonymous": None, "organizer": organizer, "amina": person_user("amina@example.org")}
    found = _headers(client_for(user[who]), path.format(slug=event.slug))
    assert found == {
        "status": 200,
        "csp": POLICY,
        "frame": "DENY",
        "referrer": "same-origin",
        "nosniff": "nosniff",
    }


INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE
)
"""Inline scripts (no ``src``), style elements and attributes, event handlers, js: URLs."""


def test_no_page_template_holds_inline_script_or_style() -> None:
    templates = Path(liqa.web.__file__).parent / "templates"
    offending = sorted(
        f"{path.relative_to(templates)}: {match.group(0).strip()}"
        for path in templates.rglob("*.html")
        for match in INLINE_CODE.finditer(path.read_text(encoding="utf-8"))
    )
    assert offending == []


def test_inline_code_pattern_finds_each_kind() -> None:
    samples = [
        "<script>alert(1)</script>",
        '<script type="module">x()</script>',
        "<style>p{}</style>",
        '<p style="color:red">',
        '<a onclick="x()">',
        '<a href="javascript:x()">',
    ]
    allowed = ['<script src="/static/js/run.js" defer></script>', '<p class="styled">']
    assert [bool(INLINE_CODE.search(s)) for s in samples + allowed] == [True] * 6 + [False] * 2


def test_https_redirect_and_hsts_when_enabled(db: None, settings: pytest.FixtureRequest) -> None:
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]
    settings.SECURE_HSTS_SECONDS = 31536000  # type: ignore[attr-defined]
    client = Client()
    plain = client.get("/")
    secure = client.get("/", secure=True)
    assert (plain.status_code, plain["Location"]) == (301, "https://testserver/")
    assert (secure.status_code, secure["Strict-Transport-Security"]) == (
        200,
        "max-age=31536000; includeSubDomains; preload",
    )


def test_proxy_header_marks_requests_secure(db: None, settings: pytest.FixtureRequest) -> None:
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # type: ignore[attr-defined]
    behind_proxy = Client().get("/", headers={"X-Forwarded-Proto": "https"})
    assert behind_proxy.status_code == 200


def test_session_cookie_is_httponly_and_samesite(organizer: User) -> None:
    client = Client()
    client.post(
        "/accounts/signin/password/",
        {"username": "org@example.org", "password": "organizer-pass-1"},
    )
    cookie = client.cookies["sessionid"]
    assert (cookie["httponly"], cookie["samesite"]) == (True, "Lax")
