"""The problems of a mission file (or spreadsheet, archive, plan) printed by the CLI in the
reader's language: ``liqa plan --print-lang``, else the process locale; the core's messages,
hints, locations and the total read in the one catalog, English unchanged.

Expected texts are the catalog's own translation (``translator(lang)``), so the tests hold
before and after the catalog gains a message; the mission file's problem and hint are in the
catalog already, so the French and Arabic lines must not be the English ones.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from liqa.cli import app
from liqa.cli.common import print_problems
from liqa.core.i18n import translator
from liqa.core.missionfile import validate_file
from liqa.core.problems import Message, PluralMessage, Problem, translated
from tests.core.missionfile.factories import VALID, mutate

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
HINT = Message("did you mean '{choice}'?", choice="trade_mission")


def _in(message: Message, lang: str) -> str:
    return str(translated(message, translator(lang).gettext, lang))


def _bad_mission(tmp_path: Path) -> Path:
    path = tmp_path / "mission.yaml"
    text = mutate("  kind: trade_mission\n", "  kind: trade_misson\n", VALID)
    path.write_text(text, encoding="utf-8")
    return path


def _problem(path: Path) -> Problem:
    """The mission file's one problem, as the core gives it."""
    (problem,) = validate_file(path)[1]
    assert isinstance(problem.message, Message)
    assert problem.hint == HINT
    return problem


def _expected(path: Path, lang: str) -> list[str]:
    total = PluralMessage(
        "{n} problem found; {outcome}.",
        "{n} problems found; {outcome}.",
        n=1,
        outcome=Message("nothing was loaded"),
    )
    hint = _in(Message("(hint: {hint})", hint=HINT), lang)
    problem = _in(_problem(path).message, lang)  # type: ignore[arg-type]
    return [f"{path}:4: event.kind: {problem}  {hint}", _in(total, lang)]


def _run(*args: str, env: dict[str, str | None]) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, list(args), env={**NO_LOCALE, **env})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize("locale", ["fr_FR.UTF-8", "ar_MA.UTF-8"])
def test_validate_prints_the_problems_in_the_process_locale(tmp_path: Path, locale: str) -> None:
    lang = locale[:2]
    path = _bad_mission(tmp_path)
    code, lines = _run("validate", str(path), env={"LANG": locale})
    assert code == 2
    assert lines == _expected(path, lang)
    assert _problem(path).message not in lines[0]  # the catalog has it: not in English
    assert str(HINT) not in lines[0]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_plan_prints_the_problems_in_the_print_lang(tmp_path: Path, lang: str) -> None:
    path = _bad_mission(tmp_path)
    code, lines = _run("plan", str(path), "--print-lang", lang, env={})
    assert code == 2
    assert lines == _expected(path, lang)
    assert _problem(path).message not in lines[0]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_recommend_prints_the_problems_in_the_lang_option(tmp_path: Path, lang: str) -> None:
    path = _bad_mission(tmp_path)
    code, lines = _run("recommend", str(path), "--for", "DGSSI", "--lang", lang, env={})
    assert code == 2
    assert lines == _expected(path, lang)
    assert _problem(path).message not in lines[0]


def test_a_long_problem_line_is_not_cut(tmp_path: Path) -> None:
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4)
    folder.mkdir()
    path = _bad_mission(folder)
    code, lines = _run("recommend", str(path), "--for", "DGSSI", env={})
    assert code == 2
    assert lines == _expected(path, "en")


def test_english_problems_are_unchanged(tmp_path: Path) -> None:
    path = _bad_mission(tmp_path)
    code, lines = _run("validate", str(path), env={"LANG": "en_US.UTF-8"})
    assert code == 2
    assert lines == [
        f"{path}:4: event.kind: 'trade_misson' is not one of: trade_mission, brokerage  "
        "(hint: did you mean 'trade_mission'?)",
        "1 problem found; nothing was loaded.",
    ]


def _printed(problems: list[Problem], outcome: str, lang: str) -> list[str]:
    out = io.StringIO()
    print_problems(Console(file=out, width=300, soft_wrap=True), problems, outcome, lang=lang)
    return out.getvalue().splitlines()


def test_a_spreadsheet_row_and_the_total_are_said_in_the_language() -> None:
    problem = Problem(
        file="people.xlsx",
        message=Message("missing required field '{name}'", name="email"),
        sheet="People",
        row=3,
        column="Email",
        path="Email",
    )
    outcome = Message("nothing was imported")
    lines = _printed([problem, problem], outcome, "fr")
    where = f"people.xlsx [People] {_in(Message('row {row}', row=3), 'fr')}"
    assert lines[0].startswith(where)
    assert "ligne 3" in lines[0]  # the catalog's French for "row {row}"
    assert "missing required field" not in lines[0]
    total = PluralMessage(
        "{n} problem found; {outcome}.", "{n} problems found; {outcome}.", n=2, outcome=outcome
    )
    assert lines[-1] == _in(total, "fr")
    assert (
        _printed([problem, problem], outcome, "en")[-1] == "2 problems found; nothing was imported."
    )
