"""``liqa bench toptw`` / ``b2b`` print a path as given, and ``liqa recommend`` the names
and profiles of a mission file: rich markup in them (``[bold]``) is text, not a style.
``bench toptw`` printed ``[red]{path}…[/red]`` unescaped: the tag vanished from the path
shown, and a closing tag (``[/x]``) made rich raise MarkupError."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app
from tests.core.scheduling.itinerary.test_toptw import TINY, write

DEMO = Path(__file__).resolve().parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


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


def test_recommend_prints_names_and_profiles_with_brackets_as_text(tmp_path: Path) -> None:
    """``liqa recommend`` put the organizations' names and the quoted profiles into rich
    markup: a name holding ``[bold]`` lost it and a closing tag (``[/x]``) raised
    MarkupError."""
    text = DEMO.read_text(encoding="utf-8")
    host = "Texas Statewide Cyber Resilience Office"
    assert text.count(f'name: "{host}"') == 1
    text = text.replace(f'name: "{host}"', 'name: "Texas [bold]Cyber[/bold] Office [/x]"')
    for field, start in (("offers", "Statewide security"), ("seeks", "Cooperation with")):
        before = f'{field}: {{en: "{start}'
        assert text.count(before) == 1
        text = text.replace(before, f'{field}: {{en: "[/p] {start}')  # the quoted one varies
    text = text.replace(
        'name: "General Directorate for Information Systems Security"',
        'name: "General Directorate [i]for[/i] Information Systems Security"',
    )
    mission = tmp_path / "mission.yaml"
    mission.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["recommend", str(mission), "--for", "DGSSI"], env={"COLUMNS": "400"}
    )
    assert result.exception is None, result.exception
    assert result.exit_code == 0, result.output
    assert "Top matches for General Directorate [i]for[/i] Information Systems Security" in (
        result.output
    )
    assert "Texas [bold]Cyber[/bold] Office [/x]" in result.output
    assert "‘[/p] " in result.output  # a quote of the host's profile
