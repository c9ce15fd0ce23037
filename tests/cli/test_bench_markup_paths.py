"""``liqa bench toptw`` / ``b2b`` print a path as given: rich markup in it (``[bold]``) is
text, not a style. ``bench toptw`` printed ``[red]{path}…[/red]`` unescaped: the tag
vanished from the path shown, and a closing tag (``[/x]``) made rich raise MarkupError.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app
from tests.core.scheduling.itinerary.test_toptw import TINY, write


def _bench(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["bench", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_a_missing_instance_is_named_with_its_brackets(tmp_path: Path) -> None:
    missing = tmp_path / "[bold]nope.txt"
    code, output = _bench("toptw", str(missing))
    assert code == 2
    assert f"{missing}: no such file or directory" in output


def test_a_closing_tag_in_a_missing_path_is_text(tmp_path: Path) -> None:
    missing = tmp_path / "[/red]nope.txt"
    code, output = _bench("toptw", str(missing))
    assert code == 2
    assert f"{missing}: no such file or directory" in output


def test_a_bad_instance_is_named_with_its_brackets(tmp_path: Path) -> None:
    bad = write(tmp_path, "[bold]bad.txt", TINY.replace(" 2 3.00 4.00", " 2 3.00 four"))
    code, output = _bench("toptw", str(bad), "--tours", "1", "--time-limit", "0.2")
    assert code == 2
    assert str(bad) in output
    assert "non-numeric field in [" in output


def test_a_solved_instance_is_named_with_its_brackets(tmp_path: Path) -> None:
    instance = write(tmp_path, "[bold]t1.txt")
    code, output = _bench("toptw", str(instance), "--tours", "1", "--time-limit", "0.2")
    assert code == 0, output
    assert output.startswith("[bold]t1 m=1: score "), output


def test_b2b_names_a_missing_instance_with_its_brackets(tmp_path: Path) -> None:
    missing = tmp_path / "[bold]nope.dzn"
    code, output = _bench("b2b", str(missing))
    assert code == 2
    assert f"error: {missing}: no such file or directory" in output
