"""Production mode passes Django's deployment checklist (``liqa manage check --deploy``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LIQA = Path(sys.executable).with_name("liqa")

SETTINGS_PROBE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "debug": s.DEBUG,
    "session_cookie": [
        s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE
    ],
    "csrf_cookie": [s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_SAMESITE],
    "hsts": [s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD],
    "ssl_redirect": s.SECURE_SSL_REDIRECT,
    "proxy_header": s.SECURE_PROXY_SSL_HEADER,
    "csrf_trusted": s.CSRF_TRUSTED_ORIGINS,
    "frame": s.X_FRAME_OPTIONS,
    "referrer": s.SECURE_REFERRER_POLICY,
    "mail": s.MAILERS["default"]["BACKEND"],
}))
"""


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean environment: no test settings, a fresh data directory (generated secret key)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LIQA_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(LIQA_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="liqa.web.settings", **extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_deploy_check_finds_no_issue_in_production_mode(tmp_path: Path) -> None:
    env = _environment(tmp_path, LIQA_ENV="production")
    done = _run([str(LIQA), "manage", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert (done.returncode, done.stdout.strip(), done.stderr.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
        "",
    )


def test_deploy_check_warns_outside_production_mode(tmp_path: Path) -> None:
    done = _run([str(LIQA), "manage", "check", "--deploy"], _environment(tmp_path))
    found = sorted(
        code for code in ("W004", "W008", "W012", "W016", "E001") if f".{code})" in done.stderr
    )
    assert (done.returncode, found) == (1, ["E001", "W004", "W008", "W012", "W016"])


def test_production_settings_from_the_environment(tmp_path: Path) -> None:
    env = _environment(
        tmp_path,
        LIQA_ENV="production",
        LIQA_BASE_URL="https://missions.example.org/",
        LIQA_PROXY_SSL_HEADER="X-Forwarded-Proto",
        LIQA_HSTS_SECONDS="3600",
        LIQA_SSL_REDIRECT="0",  # the proxy redirects to HTTPS itself
    )
    done = _run([sys.executable, "-c", SETTINGS_PROBE], env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "debug": False,
        "session_cookie": [True, True, "Lax"],
        "csrf_cookie": [True, "Lax"],
        "hsts": [3600, True, True],
        "ssl_redirect": False,
        "proxy_header": ["HTTP_X_FORWARDED_PROTO", "https"],
        "csrf_trusted": ["https://missions.example.org"],
        "frame": "DENY",
        "referrer": "same-origin",
        "mail": "django.core.mail.backends.smtp.EmailBackend",
    }
