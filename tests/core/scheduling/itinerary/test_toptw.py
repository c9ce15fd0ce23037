"""Reading the standard TOPTW format, and ``liqa bench toptw`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.problems import InputError
from liqa.core.scheduling.itinerary import check_itinerary
from liqa.core.scheduling.itinerary.toptw import read_toptw

BENCH = Path(__file__).resolve().parents[5] / "shared" / "bench" / "toptw"

TINY = """\
4 3 3 1
0 200
 0 0.00 0.00 0 0 0 0 0 100
 1 0.75 1.00 5 10 1 1 1 0 50
 2 3.00 4.00 10 20 1 1 1 10 20
 3 30.00 40.00 10 30 1 1 1 0 100
"""


def write(tmp_path: Path, name: str, text: str = TINY) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_toptw_truncates_distances_to_one_decimal(tmp_path: Path) -> None:
    problem, scale = read_toptw(write(tmp_path, "t1.txt"), tours=2)
    assert scale == 10
    assert problem.travel[0, 1] == 12.0  # 1.25 -> 1.2
    assert problem.travel[1, 2] == 37.0  # 3.75 -> 3.7
    assert problem.travel[0, 2] == 50.0
    assert problem.service.tolist() == [0.0, 50.0, 100.0, 100.0]
    assert problem.open[1].tolist() == [0.0, 0.0, 100.0, 0.0]
    assert problem.close[0].tolist() == [1000.0, 500.0, 200.0, 1000.0]
    assert len(problem.tours) == 2


def test_read_toptw_keeps_two_decimals_for_pr_files(tmp_path: Path) -> None:
    problem, scale = read_toptw(write(tmp_path, "pr99.txt"), tours=1)
    assert scale == 100
    assert problem.travel[1, 2] == 375.0


def test_read_toptw_names_the_line_of_a_bad_field(tmp_path: Path) -> None:
    bad = TINY.replace(" 2 3.00 4.00", " 2 3.00 four")
    with pytest.raises(InputError) as caught:
        read_toptw(write(tmp_path, "bad.txt", bad), tours=1)
    assert [(p.line, p.message[:22]) for p in caught.value.problems] == [
        (5, "non-numeric field in [")
    ]


def test_bench_toptw_writes_a_checked_json_result(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "toptw",
            str(write(tmp_path, "t1.txt")),
            "--tours",
            "1",
            "--time-limit",
            "0.5",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    problem, _ = read_toptw(tmp_path / "t1.txt", tours=1)
    assert check_itinerary(problem, payload["tours"], payload["score"]) == []
    assert payload["instance"] == "t1"
    assert payload["tours_m"] == 1
    assert payload["score"] == 30  # sites 1 and 2; site 3 is 50 away: no return within 100
    assert sorted(payload["greedy"]) == ["score", "seconds"]


def test_bench_toptw_exits_2_on_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "toptw", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


@pytest.mark.skipif(not (BENCH / "instances").is_dir(), reason="benchmark files not present")
def test_bench_toptw_on_c101_reports_the_best_known_score(tmp_path: Path) -> None:
    out = tmp_path / "c101.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "toptw",
            str(BENCH / "instances" / "c101.txt"),
            "--tours",
            "1",
            "--time-limit",
            "1",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "best-known 320" in result.output
    problem, _ = read_toptw(BENCH / "instances" / "c101.txt", tours=1)
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert check_itinerary(problem, payload["tours"], payload["score"]) == []


def test_bench_toptw_on_a_directory_writes_the_markdown_report(tmp_path: Path) -> None:
    folder = tmp_path / "instances"
    folder.mkdir()
    write(folder, "t1.txt")
    (tmp_path / "bks.csv").write_text(
        "instance,m,bks,sources_with_this_value,proven_optimal\nt1,1,30,test,yes\n",
        encoding="utf-8",
    )
    out = tmp_path / "toptw.md"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "toptw",
            str(folder),
            "--tours",
            "1",
            "--time-limit",
            "0.2",
            "--results",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "| **all** | 1 | 0.00 | 0.00 | 1 | 0 | 0 |" in text
    assert "| t1 | 1 | 30 | 30 | 0.00 | 30 | 0.00 |" in text
