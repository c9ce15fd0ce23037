"""A backup keeps the objective term a run's bound and gap are for (``Run.bound_term``),
which the run page names beside them; an archive written before runs kept it restores
the run with no term named."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.scheduling.models import Run
from tests.web.backup.conftest import empty_database
from tests.web.backup.test_refusals import rewrite
from tests.web.test_replan_keep_published import _published
from tests.web.test_run_released import released_run

pytestmark = pytest.mark.integration


@pytest.fixture
def archive(db: None, tmp_path: Path) -> Path:
    """The backup of an event with one finished run whose bound is on its breaks."""
    event, _ = _published(db)
    released_run(event)
    assert Run.objects.filter(event=event).update(bound_term="breaks") == 1
    path = tmp_path / "backup.zip"
    path.write_bytes(backup_event(event).content)
    return path


def test_a_restored_run_names_the_term_of_its_bound(archive: Path) -> None:
    empty_database()
    restored = restore_backup(archive).event
    assert [run.bound_term for run in Run.objects.filter(event=restored)] == ["breaks"]


def test_an_older_archive_without_it_restores_no_term(archive: Path) -> None:
    with zipfile.ZipFile(archive) as zipped:
        data = json.loads(zipped.read("runs.json"))
    for run in data:
        del run["bound_term"]
    older = rewrite(archive, {"runs.json": json.dumps(data).encode()}, name="older.zip")
    empty_database()
    restored = restore_backup(older).event
    assert [run.bound_term for run in Run.objects.filter(event=restored)] == [""]
