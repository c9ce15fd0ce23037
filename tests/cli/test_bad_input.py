"""Bad options and files met by an organizer: exit 2 with a message and a hint, no traceback."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app

ROOT = Path(__file__).parents[2]
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_plan_out_that_is_a_file_exits_2_and_keeps_the_file(tmp_path: Path) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("the organizer's notes\n", encoding="utf-8")
    code, output = _run("plan", str(BROKERAGE), "--out", str(taken), "--time-limit", "0.5")
    assert code == 2
    assert f"--out {taken}: this is a file, not a folder" in output
    assert "hint:" in output
    assert taken.read_text(encoding="utf-8") == "the organizer's notes\n"


def test_plan_out_below_a_file_exits_2_naming_the_file(tmp_path: Path) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("x", encoding="utf-8")
    code, output = _run(
        "plan", str(BROKERAGE), "--out", str(taken / "out" / "day1"), "--time-limit", "0.5"
    )
    assert code == 2
    assert f"{taken} is a file, not a folder" in output


def test_demo_out_that_is_a_file_exits_2_before_planning(tmp_path: Path) -> None:
    taken = tmp_path / "liqa-demo"
    taken.write_text("x", encoding="utf-8")
    code, output = _run("demo", "--out", str(taken), "--no-serve")
    assert code == 2
    assert "this is a file, not a folder" in output
    assert "Planning" not in output


def test_import_out_below_a_file_exits_2_and_keeps_the_file(tmp_path: Path) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("keep me", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text("id,name\n", encoding="utf-8")
    code, output = _run(
        "import", str(people), "--base", str(BROKERAGE), "--out", str(taken / "m.yaml")
    )
    assert code == 2
    assert f"--out {taken / 'm.yaml'}: {taken} is a file, not a folder" in output
    assert "hint:" in output
    assert taken.read_text(encoding="utf-8") == "keep me"


def test_import_out_in_a_missing_folder_is_said_before_reading(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name\n", encoding="utf-8")
    out = tmp_path / "nowhere" / "m.yaml"
    code, output = _run("import", str(people), "--base", str(BROKERAGE), "--out", str(out))
    assert code == 2
    assert f"the folder {out.parent} does not exist; create it first" in output


def test_import_out_that_is_a_folder_exits_2(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name\n", encoding="utf-8")
    folder = tmp_path / "m.yaml"
    folder.mkdir()
    code, output = _run("import", str(people), "--base", str(BROKERAGE), "--out", str(folder))
    assert code == 2
    assert "this is a folder; give a file name in it" in output


def test_export_workbook_below_a_file_exits_2_without_traceback(tmp_path: Path) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("keep me", encoding="utf-8")
    code, output = _run("export", str(BROKERAGE), "--out", str(taken / "people.xlsx"))
    assert code == 2
    assert f"{taken} is a file, not a folder" in output
    assert "File exists" not in output
    assert taken.read_text(encoding="utf-8") == "keep me"


DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"


def test_recommend_for_nobody_says_how_to_name_someone() -> None:
    code, output = _run("recommend", str(DEMO), "--for", "NOPE")
    assert code == 2
    assert "no organization or person with id 'NOPE'" in output
    assert "hint: give the id, short name or name of an organization" in output
    assert "e.g. MTNRA, ADD, DGSSI" in output


def test_recommend_for_a_near_miss_or_a_person_name_suggests_the_id() -> None:
    code, output = _run("recommend", str(DEMO), "--for", "dgsi")
    assert code == 2
    assert "with id 'dgsi'; did you mean DGSSI?" in output
    code, output = _run("recommend", str(DEMO), "--for", "Sarah Lamrani")
    assert code == 2
    assert "did you mean p-lamrani?" in output


def test_option_values_that_look_like_markup_are_printed_not_parsed() -> None:
    code, output = _run("recommend", str(DEMO), "--for", "[/x]")
    assert code == 2
    assert "no organization or person with id '[/x]'" in output
    code, output = _run("plan", str(BROKERAGE), "--method", "[/x]")
    assert code == 2
    assert "--method: '[/x]' is not a method; use optimal or greedy" in output


def test_bench_b2b_on_a_folder_without_instances_names_it(tmp_path: Path) -> None:
    code, output = _run("bench", "b2b", str(tmp_path))
    assert code == 2
    assert f"no .dzn instance found in {tmp_path}" in output
    assert "hint: give .dzn files, or folders holding them" in output


def test_import_of_the_same_file_twice_says_so(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name,organization\np-ali,Ali,acme\n", encoding="utf-8")
    again = tmp_path / "." / "people.csv"
    out = tmp_path / "m.yaml"
    code, output = _run(
        "import", str(people), str(again), "--base", str(BROKERAGE), "--out", str(out)
    )
    assert code == 2
    assert f"{again} is given twice" in output
    assert "hint: give each spreadsheet once" in output
    assert "is already used by row 2" not in output
    assert not out.exists()


def test_import_with_a_bad_event_id_names_the_option(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name,organization\np-ali,Ali,acme\n", encoding="utf-8")
    event = ["--event-title", "T", "--event-city", "Rabat", "--event-timezone"]
    event += ["Africa/Casablanca", "--event-start", "2024-02-12", "--event-end", "2024-02-12"]
    out = tmp_path / "m.yaml"
    code, output = _run(
        "import", str(people), "--out", str(out), "--event-id", "forum 2024!", *event
    )
    assert code == 2
    assert "--event-id: 'forum 2024!' is not an id" in output
    assert not out.exists()


def test_validate_a_directory_points_to_the_mission_file_in_it() -> None:
    folder = BROKERAGE.parent
    code, output = _run("validate", str(folder))
    assert code == 2
    assert f"{folder}: this is a directory, not a file" in output
    assert f"hint: give the mission file in it, e.g. {BROKERAGE}" in output


def test_validate_an_empty_directory_says_what_to_give(tmp_path: Path) -> None:
    code, output = _run("validate", str(tmp_path))
    assert code == 2
    assert "hint: give the path of a mission file (.yaml, .yml or .json)" in output
