"""``liqa validate``: exit 0 with a summary, exit 2 with every problem, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app
from tests.core.missionfile.factories import VALID, mutate

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_validate_demo_mission_exits_0_with_summary() -> None:
    code, output = _run(str(DEMO))
    assert code == 0
    assert f"{DEMO} is valid" in output
    for expected in (
        "Leg houston",
        "Houston · America/Chicago · 2024-02-11 → 2024-02-15",
        "Leg silicon-valley",
        "Organizations",
        "People",
        "Requests",
        "Programme",
    ):
        assert expected in output
    assert len(output.splitlines()) <= 40


def test_validate_summary_as_json_counts_the_demo() -> None:
    code, output = _run(str(DEMO), "--json")
    assert code == 0
    rows = json.loads(output)["summary"]
    assert rows["Leg houston"] == "Houston · America/Chicago · 2024-02-11 → 2024-02-15 (5 days)"
    assert rows["Organizations"].startswith("31: 7 delegation")


def test_validate_lists_problem_with_location_path_and_hint(tmp_path: Path) -> None:
    path = tmp_path / "mission.yaml"
    path.write_text(mutate("    to: h-nasa\n", "    to: h-nsa\n", VALID), encoding="utf-8")
    code, output = _run(str(path))
    assert code == 2
    assert output.splitlines() == [
        f"{path}:52: requests[0].to: unknown person or organization 'h-nsa'  "
        "(hint: did you mean 'h-nasa'?)",
        "1 problem found; nothing was loaded.",
    ]


def test_validate_problems_as_json(tmp_path: Path) -> None:
    path = tmp_path / "mission.json"
    path.write_text('{"liqa": 1}', encoding="utf-8")
    code, output = _run(str(path), "--json")
    assert code == 2
    assert [(p["path"], p["message"]) for p in json.loads(output)] == [
        ("", "missing required field 'event'"),
        ("", "missing required field 'legs'"),
        ("", "missing required field 'organizations'"),
        ("", "missing required field 'people'"),
    ]


def test_validate_missing_file_exits_2(tmp_path: Path) -> None:
    code, output = _run(str(tmp_path / "absent.yaml"))
    assert code == 2
    assert (
        output.splitlines()[0]
        == f"{tmp_path / 'absent.yaml'}: no such file  (hint: check the path)"
    )


def test_validate_binary_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "photo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, output = _run(str(path))
    assert code == 2
    assert output.splitlines()[0] == (
        f"{path}:1: the file is not UTF-8 text (byte 0x89 at offset 0)  "
        "(hint: save the file as UTF-8 (in a spreadsheet or editor: 'UTF-8' encoding))"
    )


def test_validate_has_help() -> None:
    result = CliRunner().invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Check a mission file" in result.output
