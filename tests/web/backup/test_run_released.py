"""A backup keeps a run's choice to keep published meetings in place and the meetings it
had to move (``Run.released``); an archive written before runs kept them restores them as
not kept and none moved."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run
from tests.web.backup.conftest import empty_database
from tests.web.backup.test_refusals import rewrite
from tests.web.test_replan_keep_published import _published
from tests.web.test_run_released import released_run

pytestmark = pytest.mark.integration


def runs_of(event: Event) -> list[tuple[bool, list[dict[str, Any]]]]:
    return [(r.keep_published, r.released) for r in Run.objects.filter(event=event)]


@pytest.fixture
def archive(db: None, tmp_path: Path) -> tuple[Path, list[tuple[bool, list[dict[str, Any]]]]]:
    """The backup of an event whose keep-in-place re-plan moved r-2, and its runs."""
    event, _ = _published(db)
    released_run(event)
    runs = runs_of(event)
    assert [(keep, [r["meeting"] for r in moved]) for keep, moved in runs] == [(True, ["r-2"])]
    path = tmp_path / "backup.zip"
    path.write_bytes(backup_event(event).content)
    return path, runs


def test_a_restored_run_keeps_its_released_meetings(
    archive: tuple[Path, list[tuple[bool, list[dict[str, Any]]]]],
) -> None:
    path, runs = archive
    empty_database()
    restored = restore_backup(path).event
    assert runs_of(restored) == runs


def test_an_older_archive_without_them_restores_none_moved(
    archive: tuple[Path, list[tuple[bool, list[dict[str, Any]]]]],
) -> None:
    path, _ = archive
    with zipfile.ZipFile(path) as zipped:
        data = json.loads(zipped.read("runs.json"))
    for run in data:
        del run["released"], run["keep_published"]
    older = rewrite(path, {"runs.json": json.dumps(data).encode()}, name="older.zip")
    empty_database()
    restored = restore_backup(older).event
    assert runs_of(restored) == [(False, [])]
