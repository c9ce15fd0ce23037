"""The CLI's own error messages in the reader's language: the command's language option
(``liqa recommend --lang``, ``liqa plan --print-lang``), else the process locale (``LANG``,
``LC_ALL``, ``LANGUAGE``), through the one gettext catalog the web reads; and the Arabic
title of ``liqa recommend`` with its Latin name isolated (U+2066…U+2069).

Expected texts are the catalog's own translation of each message (``translator(lang)``),
so the tests hold before and after the catalog gains a message's translation; where the
catalog already translates a part (a date cell's problem, the recommend title), the output
must differ from the English.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.cli.common import process_language
from liqa.core.i18n import translation, translator
from liqa.core.problems import Message, translated

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"
NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}


def _run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={**NO_LOCALE, **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _in(message: Message, lang: str) -> str:
    return str(translated(message, translator(lang).gettext, lang))


def _has_translation(template: str, lang: str) -> bool:
    return translation(lang).gettext(template) != template


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_recommend_for_nobody_is_said_in_the_lang_option(lang: str) -> None:
    code, output = _run("recommend", str(DEMO), "--for", "NOPE", "--lang", lang)
    assert code == 2
    said = Message(
        "no organization or person with id {query!r}\nhint: give the id, short name or "
        "name of an organization, or the id of a person, of the mission file, e.g. {examples}",
        query="NOPE",
        examples="MTNRA, ADD, DGSSI",
    )
    assert output.strip() == _in(Message("error: {message}", message=said), lang)
    if _has_translation(said.template, lang):  # once the catalog has it: not in English
        assert "no organization or person" not in output


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_recommend_near_miss_is_said_in_the_lang_option(lang: str) -> None:
    code, output = _run("recommend", str(DEMO), "--for", "dgsi", "--lang", lang)
    assert code == 2
    said = Message(
        "no organization or person with id {query!r}; did you mean {ids}?",
        query="dgsi",
        ids="DGSSI",
    )
    assert output.strip() == _in(Message("error: {message}", message=said), lang)


def test_recommend_with_an_unknown_lang_speaks_the_process_locale() -> None:
    code, output = _run(
        "recommend", str(DEMO), "--for", "DGSSI", "--lang", "xx", env={"LANG": "fr_FR.UTF-8"}
    )
    assert code == 2
    said = Message("--lang must be one of ar, fr, en (got {lang!r})", lang="xx")
    assert output.strip() == _in(Message("error: {message}", message=said), "fr")


def test_english_stays_as_it_was() -> None:
    code, output = _run("recommend", str(DEMO), "--for", "dgsi", "--lang", "en")
    assert code == 2
    assert output.strip() == "error: no organization or person with id 'dgsi'; did you mean DGSSI?"


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "ar_MA.UTF-8", "LANG": "fr_FR.UTF-8"}, "ar"),
        ({"LANGUAGE": "de:ar", "LANG": "fr_FR.UTF-8"}, "ar"),
    ],
)
def test_import_errors_speak_the_process_locale(
    tmp_path: Path, env: dict[str, str | None], lang: str
) -> None:
    """``liqa import`` has no language option: a bad --event-start is said in the locale's
    language; the date's own problem is in the catalog already, so the line is not English
    (the old code printed it in English whatever the locale)."""
    people = tmp_path / "people.csv"
    people.write_text("id,name,organization\np-ali,Ali,acme\n", encoding="utf-8")
    out = tmp_path / "m.yaml"
    event = ["--event-id", "forum", "--event-city", "Rabat", "--event-timezone"]
    event += ["Africa/Casablanca", "--event-start", "2024-13-45", "--event-end", "2024-02-12"]
    code, output = _run("import", str(people), "--out", str(out), *event, env=env)
    assert code == 2
    from liqa.core.spreadsheets.cells import CellError, parse_date

    with pytest.raises(CellError) as cell:
        parse_date("2024-13-45")
    problem = Message("{option}: {problem}", option="--event-start", problem=cell.value.message)
    hint = Message("(hint: {hint})", hint=cell.value.hint)
    assert output.strip() == f"{_in(problem, lang)}  {_in(hint, lang)}"
    assert str(cell.value.message) not in output  # the date's problem is not in English
    assert not out.exists()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_export_option_errors_speak_the_process_locale(tmp_path: Path, lang: str) -> None:
    code, output = _run(
        "export",
        str(BROKERAGE),
        "--out",
        str(tmp_path / "x"),
        "--data-dir",
        str(tmp_path),
        env={"LANG": f"{lang}_MA.UTF-8"},
    )
    assert code == 2
    problem = Message("--data-dir only applies with --event")
    hint = Message("(hint: {hint})", hint=Message("drop it"))
    assert output.strip() == f"{_in(problem, lang)}  {_in(hint, lang)}"


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_plan_option_errors_speak_the_print_lang(tmp_path: Path, lang: str) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("notes\n", encoding="utf-8")
    code, output = _run(
        "plan", str(BROKERAGE), "--out", str(taken), "--print-lang", lang, "--time-limit", "0.5"
    )
    assert code == 2
    problem = Message(
        "--out {out}: {problem}", out=str(taken), problem=Message("this is a file, not a folder")
    )
    hint = Message(
        "hint: {hint}",
        hint=Message("give a new or existing folder you can write to, e.g. --out out/"),
    )
    assert output.strip().splitlines() == [_in(problem, lang), _in(hint, lang)]


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "ar_MA.UTF-8"}, "ar"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "ar_MA.UTF-8"}, "fr"),
        ({"LANGUAGE": "ar:fr", "LANG": "fr_FR.UTF-8"}, "ar"),
    ],
)
def test_process_language_reads_the_locale_as_gettext_does(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert process_language() == lang


def test_the_arabic_recommend_title_isolates_a_latin_name() -> None:
    """The Houston cyber office has no Arabic name: its Latin name is isolated in the Arabic
    title (the old title ran it bare into the Arabic words)."""
    code, output = _run("recommend", str(DEMO), "--for", "h-tx-cyber", "--lang", "ar", "--top", "1")
    assert code == 0
    title = output.splitlines()[0].strip()
    name = "Texas Statewide Cyber Resilience Office"
    assert title == translator("ar").gettext("Top matches for %(name)s") % {
        "name": f"\u2066{name}\u2069"
    }
    assert title != f"Top matches for \u2066{name}\u2069"  # the catalog has the title


def test_the_arabic_recommend_title_leaves_an_arabic_name_as_it_is() -> None:
    code, output = _run("recommend", str(DEMO), "--for", "DGSSI", "--lang", "ar", "--top", "1")
    assert code == 0
    title = output.splitlines()[0]
    assert "\u2066" not in title
    assert "\u2069" not in title


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_backup_option_errors_speak_the_process_locale(tmp_path: Path, lang: str) -> None:
    """``liqa export --event`` refuses an archive that is not a .zip before it opens any
    database, in the locale's language."""
    out = tmp_path / "backup.xlsx"
    code, output = _run("export", "--event", "x", "-o", str(out), env={"LANGUAGE": f"{lang}:en"})
    assert code == 2
    problem = Message("--out {out}: a backup is a .zip archive", out=str(out))
    hint = Message("(hint: {hint})", hint=Message("e.g. --out backup.zip"))
    assert output.splitlines() == [_in(problem, lang), "  " + _in(hint, lang)]


def test_a_backup_without_a_database_is_said_in_the_process_locale(tmp_path: Path) -> None:
    """No database where --data-dir points: said in French under a French locale (the
    message and its hint are the catalog's; nothing is created). Run in its own process,
    as tests/cli/test_docs_backup.py does: the command sets Django up."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LIQA_DATA_DIR")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update({"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""})
    folder = tmp_path / "empty"
    args = ["export", "--event", "x", "-o", str(tmp_path / "b.zip"), "--data-dir", str(folder)]
    result = subprocess.run(
        [sys.executable, "-c", "from liqa.cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    problem = Message("no database at {path}", path=str(folder / "liqa.sqlite3"))
    hint = Message(
        "(hint: {hint})",
        hint=Message(
            "give the --data-dir or LIQA_DATA_DIR of the server that holds the event, "
            "or its DATABASE_URL"
        ),
    )
    assert result.stdout.splitlines()[-2:] == [_in(problem, "fr"), "  " + _in(hint, "fr")]
    assert "Traceback" not in result.stdout + result.stderr
    assert not (folder / "liqa.sqlite3").exists()
