"""A ``DATABASE_URL`` liqa cannot use, met by ``liqa demo``, ``liqa export --event`` and
``liqa import backup.zip``: they printed the English message (``str(error)``) and their own
hint, where ``liqa manage`` / ``serve`` / ``worker`` say it on one translated line
(tests/cli/test_database_url.py). They now say the same line, exit 2, with no traceback:
in the process locale's language for the backup commands (no language option), in the
``--print-lang`` language for ``liqa demo`` (as its other errors); and the demo says it
before it plans (it planned and wrote every PDF first).

The CLI runs in its own process, as a person starts it (it sets Django up, once per
process); the value itself is never printed (it may hold a password).
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.problems import Message, translated
from liqa.web.runtime import database_url_problem
from tests.cli.test_database_url import run_liqa, said_line

URL = "mysql://liqa:s3cret@db.example:3306/liqa"


def _liqa(tmp_path: Path, *args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """``liqa ARGS`` run with ``DATABASE_URL=URL`` and ``LANG=lang`` in a new process."""
    return run_liqa(tmp_path, URL, *args, lang=lang)


def _expected(lang: str) -> str:
    """The line ``liqa manage`` prints for :data:`URL`, in ``lang``."""
    problem = database_url_problem(URL)
    assert problem is not None
    message = Message("error: {message}", message=problem)
    return str(translated(message, translator(lang).gettext, lang))


def _said(result: subprocess.CompletedProcess[str]) -> str:
    """The one line the command printed (exit 2, no traceback), which does not repeat the
    value: it may hold a password."""
    line = said_line(result)
    assert "s3cret" not in result.stdout + result.stderr
    return line


def _backup(tmp_path: Path) -> Path:
    """A .zip for ``liqa import`` (never read: the database is refused first)."""
    archive = tmp_path / "backup.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("manifest.json", "{}")
    return archive


def _args(command: str, tmp_path: Path) -> tuple[str, ...]:
    """``liqa export --event`` or ``liqa import backup.zip``'s arguments."""
    if command == "export":
        return ("export", "--event", "x", "-o", str(tmp_path / "out.zip"))
    return ("import", str(_backup(tmp_path)))


@pytest.mark.parametrize("command", ["export", "import"])
@pytest.mark.parametrize(
    ("lang", "locale"), [("en", "C.UTF-8"), ("fr", "fr_FR.UTF-8"), ("ar", "ar")]
)
def test_a_backup_command_says_the_database_url_problem_on_one_line(
    tmp_path: Path, command: str, lang: str, locale: str
) -> None:
    line = _said(_liqa(tmp_path, *_args(command, tmp_path), lang=locale))
    assert line == _expected(lang)
    assert not (tmp_path / "var" / "liqa.sqlite3").exists()  # nothing was set up
    assert not (tmp_path / "out.zip").exists()


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_demo_says_it_in_its_print_lang_before_planning(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "demo"
    result = _liqa(
        tmp_path, "demo", "--out", str(out), "--print-lang", lang, "--no-serve", lang="fr_FR.UTF-8"
    )
    assert _said(result) == _expected(lang)
    assert not out.exists()  # said before planning: nothing written
    assert not (tmp_path / "var" / "liqa.sqlite3").exists()


def test_the_english_line_is_the_one_liqa_manage_prints(tmp_path: Path) -> None:
    """Same words as ``liqa manage`` (not the old "the web app was not loaded" + hint)."""
    demo = _said(_liqa(tmp_path, "demo", "--out", str(tmp_path / "d"), "--no-serve"))
    manage = _said(_liqa(tmp_path, "manage", "check"))
    assert demo == manage
    assert demo.startswith("error: DATABASE_URL: the scheme mysql:// is not supported; use ")
