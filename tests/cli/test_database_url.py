"""A ``DATABASE_URL`` liqa cannot use (H8): ``liqa manage`` and ``liqa worker`` crashed with
a traceback (``ImproperlyConfigured: Error loading MySQLdb module`` for ``mysql://``, a
dj_database_url ``ParseError`` for a malformed address). They now say on one line, in the
process locale's language, that ``DATABASE_URL`` is wrong, what is wrong and the forms
liqa accepts, and exit with status 2.

The CLI runs in its own process, as a person starts it (it sets Django up, once per
process); the value itself is never printed (it may hold a password).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.problems import Message, translated
from liqa.web.runtime import database_url_problem

FORMS = (
    "use sqlite:///path/to/liqa.sqlite3 or postgres://user@host:port/name (or leave it empty:"
    " SQLite in LIQA_DATA_DIR)"
)
"""The accepted forms, as the message ends in English."""


def run_liqa(
    tmp_path: Path, url: str, *args: str, lang: str = "C.UTF-8"
) -> subprocess.CompletedProcess[str]:
    """``liqa ARGS`` run with ``DATABASE_URL=url`` and ``LANG=lang`` in a new process."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LIQA_DATA_DIR")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        {
            "DATABASE_URL": url,
            "LIQA_DATA_DIR": str(tmp_path / "var"),
            "LANG": lang,
            "LC_ALL": "",
            "LANGUAGE": "",
            "LC_MESSAGES": "",
        }
    )
    return subprocess.run(
        [sys.executable, "-c", "from liqa.cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def said_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one line the command printed, after checking it printed one line and no
    traceback and failed."""
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("url", "args", "wrong"),
    [
        (
            "mysql://liqa:s3cret@db.example:3306/liqa",
            ("manage", "check"),
            "the scheme mysql:// is not supported",
        ),
        (
            "mysql://liqa:s3cret@db.example:3306/liqa",
            ("worker", "--batch"),
            "the scheme mysql:// is not supported",
        ),
        ("liqa.sqlite3", ("manage", "check"), "it does not begin with sqlite:// or postgres://"),
        (
            "postgres://liqa:s3cret@db.example:port/liqa",
            ("worker", "--batch"),
            "its port is not a number (PostgreSQL's is 5432)",
        ),
        (
            "postgres://liqa:s3cret@db.example:5432/",
            ("manage", "migrate"),
            "it names no database (the name after host:port/)",
        ),
        (
            "postgres://liqa:s3cret@[::1/liqa",
            ("manage", "check"),
            "it is not a valid URL (a character such as @, : or / in the user name or password"
            " must be percent-encoded)",
        ),
    ],
)
def test_a_database_url_liqa_cannot_use_is_said_on_one_line(
    tmp_path: Path, url: str, args: tuple[str, ...], wrong: str
) -> None:
    line = said_line(run_liqa(tmp_path, url, *args))
    assert line == f"error: DATABASE_URL: {wrong}; {FORMS}"
    assert "s3cret" not in line  # the value is not repeated: it may hold a password
    assert not (tmp_path / "var" / "liqa.sqlite3").exists()  # nothing was set up


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_database_url_error_is_said_in_the_process_locale(tmp_path: Path, lang: str) -> None:
    url = "mysql://liqa@db.example:3306/liqa"
    line = said_line(run_liqa(tmp_path, url, "manage", "check", lang=f"{lang}_MA.UTF-8"))
    problem = database_url_problem(url)
    assert problem is not None
    expected = Message("error: {message}", message=problem)
    assert line == str(translated(expected, translator(lang).gettext, lang))


def test_the_settings_refuse_it_for_any_other_entry_point(tmp_path: Path) -> None:
    """gunicorn or ``django-admin`` load the settings without the CLI: the settings say the
    same (``ImproperlyConfigured``) instead of Django failing to load a MySQL driver."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"DATABASE_URL": "mysql://liqa@db.example/liqa", "LIQA_DATA_DIR": str(tmp_path)})
    result = subprocess.run(
        [sys.executable, "-c", "import liqa.web.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last == (
        "django.core.exceptions.ImproperlyConfigured: DATABASE_URL: the scheme mysql:// is not"
        f" supported; {FORMS}"
    )


@pytest.mark.parametrize(
    "url",
    [
        "",
        "  ",
        "sqlite:///var/liqa.sqlite3",
        "sqlite:////srv/liqa/liqa.sqlite3",
        "postgres://postgres@127.0.0.1:5432/liqa",
        "postgres://liqa:p%40ss@db.example/liqa",
        "postgresql://liqa@db.example:5432/liqa",
        "pgsql://liqa@db.example/liqa",
        "postgres:///liqa",
        "POSTGRES://liqa@db.example/liqa",
    ],
)
def test_the_forms_liqa_accepts_are_not_refused(url: str) -> None:
    assert database_url_problem(url) is None
