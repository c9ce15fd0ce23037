"""Whether a published version's participants were notified survives a backup; backups
made before it was recorded still restore (as "not recorded")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.backup.conftest import empty_database
from tests.web.backup.test_refusals import member, refusal, rewrite

pytestmark = pytest.mark.integration


@pytest.fixture
def silent(event: Event, draft: ScheduleVersion, tmp_path: Path) -> Path:
    """The small event's backup after its version was published without e-mails."""
    publishing.publish(draft, notify=False)
    path = tmp_path / "silent.zip"
    path.write_bytes(backup_event(event).content)
    return path


def _restored_notified(path: Path) -> bool | None:
    empty_database()
    event = restore_backup(path).event
    return ScheduleVersion.objects.get(event=event, number=1).notified


def test_silent_publication_round_trips(silent: Path) -> None:
    versions = member(silent, "versions.json")
    assert isinstance(versions, list)
    assert [v["notified"] for v in versions] == [False]
    assert _restored_notified(silent) is False


def test_backup_without_the_flag_restores_it_as_not_recorded(silent: Path) -> None:
    versions = member(silent, "versions.json")
    assert isinstance(versions, list)
    for version in versions:
        del version["notified"]
    old = rewrite(silent, {"versions.json": json.dumps(versions).encode()}, name="old.zip")
    assert _restored_notified(old) is None


def test_a_notified_draft_is_refused(event: Event, draft: ScheduleVersion, tmp_path: Path) -> None:
    path = tmp_path / "draft.zip"
    path.write_bytes(backup_event(event).content)
    versions = member(path, "versions.json")
    assert isinstance(versions, list)
    versions[0]["notified"] = True
    bad = rewrite(path, {"versions.json": json.dumps(versions).encode()})
    assert refusal(bad) == [
        (
            f"{bad}:versions.json",
            "[0].notified",
            "a draft has notified no one: null or leave it out",
        )
    ]
