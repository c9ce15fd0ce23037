"""``liqa bench b2b`` on a small instance: JSON in the study's numbering, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app
from tests.core.scheduling.brokerage.test_dzn import TINY


def test_bench_b2b_writes_the_json_of_one_instance(tmp_path: Path) -> None:
    instance = tmp_path / "tiny.original.dzn"
    instance.write_text(TINY, encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "b2b",
            str(instance),
            "--time-limit",
            "20",
            "--fairness",
            "2",
            "--workers",
            "1",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    # Participant 2 meets in the morning and at fixed slot 3; meeting 2 follows meeting 1:
    # one of participants 1 and 2 has to wait a slot, so the optimum is one break.
    assert (record["instance"], record["status"], record["breaks"], record["bound"]) == (
        "tiny.original",
        "optimal",
        1,
        1,
    )
    slots = {e["meeting"]: e["slot"] for e in record["schedule"]}
    assert sorted(slots) == [1, 2, 3]
    assert slots[3] == 3
    assert slots[1] in (1, 2)
    assert slots[2] > slots[1]
    assert set(record["greedy"]) == {"status", "breaks", "placed", "seconds"}


def test_bench_b2b_directory_accumulates_markdown(tmp_path: Path) -> None:
    (tmp_path / "tiny.original.dzn").write_text(TINY, encoding="utf-8")
    md = tmp_path / "b2b.md"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "b2b",
            str(tmp_path),
            "--time-limit",
            "20",
            "--workers",
            "1",
            "--markdown",
            str(md),
        ],
    )
    assert result.exit_code == 0, result.output
    table = md.read_text(encoding="utf-8")
    assert "| tiny.original | optimal | 1 | 1 | – |" in table
    assert json.loads(md.with_suffix(".json").read_text(encoding="utf-8"))[0]["valid"] is True


def test_bench_b2b_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.dzn"
    bad.write_text("nBusiness = 2;", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "b2b", str(bad)])
    assert result.exit_code == 2
    assert "field nTables is missing" in result.output
    assert "Traceback" not in result.output
    missing = CliRunner().invoke(app, ["bench", "b2b", str(tmp_path / "none.dzn")])
    assert missing.exit_code == 2
