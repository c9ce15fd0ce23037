"""``liqa export --event`` and ``liqa import backup.zip`` as an administrator runs them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from liqa.cli import app
from liqa.web.events.models import Event

pytestmark = pytest.mark.integration


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_export_then_import_as_a_copy(event: Event, tmp_path: Path) -> None:
    out = tmp_path / "tunis.zip"
    code, output = run("export", "--event", "tunis-b2b-2030", "-o", str(out))
    assert (code, output.splitlines()[0].strip()) == (0, f"Wrote {out}")
    assert "│ memberships   │ 3 │" in output
    assert out.stat().st_mode & 0o777 == 0o600
    assert zipfile.ZipFile(out).namelist()[:2] == ["manifest.json", "mission.yaml"]
    code, output = run("import", str(out), "--as", "tunis-copy")
    assert code == 0, output
    assert f"Restored event tunis-copy from {out}" in output
    assert sorted(Event.objects.values_list("slug", flat=True)) == [
        "tunis-b2b-2030",
        "tunis-copy",
    ]


def test_import_over_an_existing_event_exits_2_and_says_how(event: Event, tmp_path: Path) -> None:
    out = tmp_path / "tunis.zip"
    assert run("export", "--event", "tunis-b2b-2030", "-o", str(out))[0] == 0
    code, output = run("import", str(out))
    assert code == 2
    assert output.splitlines() == [
        f"{out}: an event with id 'tunis-b2b-2030' already exists; nothing was restored  "
        "(hint: add --replace to overwrite it, or --as NEW_ID to restore a copy beside it)",
        "1 problem found; nothing was restored.",
    ]
    assert run("import", str(out), "--replace")[0] == 0
    assert Event.objects.count() == 1


def test_export_of_an_unknown_event_lists_the_known_ones(event: Event, tmp_path: Path) -> None:
    code, output = run("export", "--event", "nope", "-o", str(tmp_path / "x.zip"))
    assert (code, output.splitlines()) == (
        2,
        ["--event nope: no such event in the database", "  (hint: events here: tunis-b2b-2030)"],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "b.zip", "--out", "m.yaml"], "a backup .zip is restored on its own; --out"),
        (["import", "people.csv", "--out", "m.yaml", "--replace"], "--replace only applies to a"),
        (["export", "--event", "x", "-o", "backup.xlsx"], "--out backup.xlsx: a backup is a .zip"),
        (["export", "m.yaml", "--event", "x", "-o", "b.zip"], "give a mission file or --event"),
        (["export", "-o", "b.zip"], "missing MISSION"),
    ],
)
def test_backup_options_misused_exit_2(args: list[str], message: str, db: None) -> None:
    code, output = run(*args)
    assert (code, output.startswith(message)) == (2, True), output
