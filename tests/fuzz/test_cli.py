"""The CLI on fuzzed files: exit 0 or 2 with a readable report, never a traceback or exit 1.

``liqa validate``, ``liqa import`` and ``liqa export`` run in-process through Typer's
``CliRunner``; a sample runs as a separate process, as a user types it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.missionfile import validate_file
from tests.fuzz.missions import mission_bytes, mission_texts
from tests.fuzz.profiles import long, quick
from tests.fuzz.seeds import SEED_TEXTS
from tests.fuzz.tables import csv_files, xlsx_workbook

BUG = "This is a bug in liqa"
LIQA = Path(sys.executable).with_name("liqa")


def _written(folder: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    paths = []
    for index, (name, content) in enumerate(files):
        path = folder / str(index) / name
        path.parent.mkdir(parents=True)
        path.write_bytes(content)
        paths.append(path)
    return paths


def _seed(folder: Path, base: str) -> Path | None:
    if base not in SEED_TEXTS:
        return None
    path = folder / base
    path.write_text(SEED_TEXTS[base], encoding="utf-8")
    return path


def _run(args: list[str]) -> tuple[int, str]:
    """Exit code and output of ``liqa ARGS``; fails on any exception but ``SystemExit``."""
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output, result.output
    assert BUG not in result.output, result.output
    assert result.exit_code in (0, 2), (result.exit_code, result.output)
    return result.exit_code, result.output


def check_validate(filename: str, raw: bytes, as_json: bool) -> None:
    """``liqa validate [--json] FILE``: a summary (0) or the problems and a total (2)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / filename
        path.write_bytes(raw)
        code, output = _run(["validate", *(["--json"] if as_json else []), str(path)])
        if code == 2 and not as_json:
            assert output.rstrip().endswith("found; nothing was loaded."), output


def check_import(files: list[tuple[str, bytes]], base: str) -> None:
    """``liqa import FILES --base SEED --out OUT``: the mission file written loads (0), or the
    problems are listed and nothing is written (2)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = _written(root, files)
        seed = _seed(root, base)
        if seed is None:
            event = ["--event-id", "fuzz", "--event-city", "Tunis", "--event-timezone"]
            event += ["Africa/Tunis", "--event-start", "14/03/2030", "--event-end", "15/03/2030"]
        else:  # removed as before: the path that checks what the base still names
            event = ["--base", str(seed), "--missing", "remove"]
        out = root / "out.yaml"
        code, output = _run(["import", *map(str, paths), *event, "--out", str(out)])
        if code == 0:
            problems = validate_file(out)[1]
            assert problems == [], [str(p) for p in problems]
        else:
            assert not out.exists(), output


def check_export(filename: str, text: str, to_xlsx: bool) -> None:
    """``liqa export MISSION --out DIR|BOOK.xlsx``: files written (0), or the problems (2)."""
    with tempfile.TemporaryDirectory() as folder:
        mission = Path(folder) / filename
        mission.write_text(text, encoding="utf-8", errors="surrogatepass")
        out = Path(folder) / ("tables.xlsx" if to_xlsx else "tables")
        code, _ = _run(["export", str(mission), "--out", str(out)])
        assert out.exists() == (code == 0)


cli_cases = st.one_of(
    st.tuples(st.just("validate"), mission_bytes(), st.booleans()),
    st.tuples(st.just("import csv"), csv_files()),
    st.tuples(st.just("import xlsx"), xlsx_workbook()),
    st.tuples(st.just("export"), mission_texts(), st.booleans()),
)


def check_command(case: tuple) -> None:  # type: ignore[type-arg]
    """Run the drawn command on the drawn files."""
    match case:
        case ("validate", (filename, raw), as_json):
            check_validate(filename, raw, as_json)
        case ("import csv", (files, base)):
            check_import(files, base)
        case ("import xlsx", (workbook, base)):
            check_import([("tables.xlsx", workbook)], base)
        case ("export", (filename, text), to_xlsx):
            check_export(filename, text, to_xlsx)


@quick(20)
@given(cli_cases)
def test_cli_commands_exit_0_or_2_on_fuzzed_files(case: tuple) -> None:  # type: ignore[type-arg]
    check_command(case)


@pytest.mark.slow
@long("cli")
@given(cli_cases)
def test_cli_commands_exit_0_or_2_on_fuzzed_files_at_length(case: tuple) -> None:  # type: ignore[type-arg]
    check_command(case)


def _liqa(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(LIQA), *args], capture_output=True, text=True, timeout=60, env=env, check=False
    )


def _bomb(levels: int) -> str:
    """A 'billion laughs' YAML: each level lists the previous one ten times."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_liqa_process_reports_an_anchor_bomb_and_reads_a_utf16_csv(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(_bomb(9), encoding="utf-8")
    people = tmp_path / "people.csv"  # UTF-16 without a byte-order mark: recognized
    people.write_bytes("name,organization\nسارة لمراني,DGSSI\n".encode("utf-16-le"))
    seed = _seed(tmp_path, "trade_mission.yaml")
    out = tmp_path / "o.yaml"
    validated = _liqa("validate", str(bomb))
    imported = _liqa(
        "import", str(people), "--base", str(seed), "--out", str(out), "--missing", "remove"
    )
    assert (validated.returncode, imported.returncode) == (2, 0), imported.stdout
    assert validated.stdout.splitlines()[0] == (
        f"{bomb}:6: the file expands to more than 200,000 values  (hint: YAML aliases multiply "
        "data (an anchors bomb?); write the values out)"
    )
    assert "سارة لمراني" in out.read_text(encoding="utf-8")
    assert "Traceback" not in validated.stderr + imported.stderr
