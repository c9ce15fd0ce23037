"""``liqa demo --print-lang``: problems of the shipped example are said in that language, not
in the process locale's (the demo's other messages already were)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app, demo
from liqa.core.i18n import translator
from liqa.core.problems import Message, translated
from tests.core.missionfile.factories import VALID, mutate

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "DATABASE_URL": None}
HINT = Message("did you mean '{choice}'?", choice="trade_mission")


@pytest.fixture
def broken_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled examples replaced by a folder whose demo mission has one mistake."""
    folder = tmp_path / "examples" / demo.DEMO
    folder.mkdir(parents=True)
    text = mutate("  kind: trade_mission\n", "  kind: trade_misson\n", VALID)
    (folder / "mission.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(demo, "examples_dir", lambda: tmp_path / "examples")
    return folder / "mission.yaml"


@pytest.mark.parametrize(("locale", "lang"), [("en_US.UTF-8", "fr"), ("fr_FR.UTF-8", "ar")])
def test_demo_prints_the_examples_problems_in_the_print_lang(
    broken_example: Path, tmp_path: Path, locale: str, lang: str
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["demo", "--no-serve", "--out", str(out), "--print-lang", lang],
        env={**NO_LOCALE, "LANG": locale, "LIQA_DATA_DIR": str(tmp_path / "var")},
    )
    assert result.exit_code == 2, result.output
    hint = str(translated(Message("(hint: {hint})", hint=HINT), translator(lang).gettext, lang))
    (line,) = [text for text in result.output.splitlines() if text.startswith(str(broken_example))]
    assert line.endswith(hint)
    assert str(HINT) not in line  # not the English (nor the locale's) hint
    assert not out.exists()  # nothing was planned
