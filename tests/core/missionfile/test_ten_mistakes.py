"""Acceptance: a mission file with 10 different seeded mistakes gets all 10 reported, in one run."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.missionfile import validate_file
from tests.core.missionfile.factories import VALID, line_of, mutate

MISTAKES = [
    # (old text, new text, marker on the mistaken line, expected code)
    ("  kind: trade_mission\n", "  kind: trade_misson\n", "trade_misson", "bad_value"),
    ("    end: 2024-02-15\n", "    end: 2024-02-30\n", "2024-02-30", "impossible_date"),
    (
        "    timezone: America/Los_Angeles\n",
        "    timezone: America/LosAngeles\n",
        "America/LosAngeles",
        "unknown_timezone",
    ),
    ("    lat: 29.752\n", "    lat: 129.752\n", "129.752", "out_of_range"),
    (
        "    kind: government\n",
        "    kind: government\n    sektor: security\n",
        "sektor",
        "unknown_key",
    ),
    ("    name: John Smith\n", "    name: John Smith\n    table: twelve\n", "twelve", "wrong_type"),
    ("  - id: p-host\n", "  - id: p-lamrani  # seeded\n", "p-lamrani  # seeded", "duplicate_id"),
    ("    to: h-nasa\n", "    to: h-nsa\n", "to: h-nsa", "unknown_reference"),
    (
        "    duration_minutes: 90\n",
        "    duration_minutes: 90\n  - id: vis-2\n    priority: 2\n",
        "- id: vis-2",
        "missing_field",
    ),
    (
        '    end: "2024-02-12 10:00"\n',
        '    end: "2024-02-12 07:00"\n',
        "2024-02-12 07:00",
        "end_before_start",
    ),
]


def _seeded() -> tuple[str, list[tuple[int, str]]]:
    text = VALID
    for old, new, _, _ in MISTAKES:
        text = mutate(old, new, text)
    expected = sorted((line_of(text, marker), code) for _, _, marker, code in MISTAKES)
    return text, expected


def test_ten_seeded_mistakes_are_all_reported_with_their_lines(tmp_path: Path) -> None:
    text, expected = _seeded()
    path = tmp_path / "mission.yaml"
    path.write_text(text, encoding="utf-8")
    event, problems = validate_file(path)
    assert event is None
    assert len({code for _, code in expected}) == 10
    assert sorted((p.line, p.code) for p in problems) == expected


def test_ten_seeded_mistakes_exit_2_and_list_every_line(tmp_path: Path) -> None:
    text, expected = _seeded()
    path = tmp_path / "mission.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    reported = [line.split(": ", 1)[0] for line in result.output.splitlines()[:-1]]
    assert reported == [f"{path}:{line}" for line, _ in expected]
    assert result.output.splitlines()[-1] == "10 problems found; nothing was loaded."
