"""Whose agenda publishing a version changed (``ScheduleVersion.affected``) survives a
backup; backups made before it was recorded still restore (as "not recorded"); a record
that contradicts the archive is refused by field path."""

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


def _backup(event: Event, draft: ScheduleVersion, tmp_path: Path, notify: bool) -> Path:
    publishing.publish(draft, notify=notify)
    path = tmp_path / "published.zip"
    path.write_bytes(backup_event(event).content)
    return path


def _versions(path: Path) -> list[dict[str, object]]:
    versions = member(path, "versions.json")
    assert isinstance(versions, list)
    return versions


def _restored(path: Path) -> object:
    empty_database()
    event = restore_backup(path).event
    return ScheduleVersion.objects.get(event=event, number=1).affected


@pytest.mark.parametrize("notify", [False, True])
def test_whose_agenda_changed_round_trips(
    event: Event, draft: ScheduleVersion, tmp_path: Path, notify: bool
) -> None:
    path = _backup(event, draft, tmp_path, notify)
    draft.refresh_from_db()
    recorded = draft.affected
    assert isinstance(recorded, dict)
    assert len(recorded) >= 2
    assert [v["affected"] for v in _versions(path)] == [recorded]
    assert _restored(path) == recorded


def test_a_backup_without_it_restores_it_as_not_recorded(
    event: Event, draft: ScheduleVersion, tmp_path: Path
) -> None:
    path = _backup(event, draft, tmp_path, notify=True)
    versions = _versions(path)
    for version in versions:
        del version["affected"]
    old = rewrite(path, {"versions.json": json.dumps(versions).encode()}, name="old.zip")
    assert _restored(old) is None


def test_a_draft_that_affected_someone_is_refused(
    event: Event, draft: ScheduleVersion, tmp_path: Path
) -> None:
    path = tmp_path / "draft.zip"
    path.write_bytes(backup_event(event).content)
    versions = _versions(path)
    versions[0]["affected"] = {"p-amina": {"added": ["r-1"], "moved": [], "removed": []}}
    bad = rewrite(path, {"versions.json": json.dumps(versions).encode()})
    assert refusal(bad) == [
        (
            f"{bad}:versions.json",
            "[0].affected",
            "a draft has affected no one: null or leave it out",
        )
    ]


def test_a_notified_person_missing_from_it_is_refused(
    event: Event, draft: ScheduleVersion, tmp_path: Path
) -> None:
    path = _backup(event, draft, tmp_path, notify=True)
    versions = _versions(path)
    affected = versions[0]["affected"]
    assert isinstance(affected, dict)
    first = sorted(affected)[0]
    del affected[first]
    bad = rewrite(path, {"versions.json": json.dumps(versions).encode()})
    assert refusal(bad) == [
        (
            f"{bad}:versions.json",
            "[0].notifications[0].person",
            f"{first} was notified but is not among those affected",
        )
    ]


def test_a_change_of_another_shape_is_refused(
    event: Event, draft: ScheduleVersion, tmp_path: Path
) -> None:
    path = _backup(event, draft, tmp_path, notify=False)
    versions = _versions(path)
    affected = versions[0]["affected"]
    assert isinstance(affected, dict)
    affected[sorted(affected)[0]] = {"added": "r-1", "moved": [], "removed": []}
    bad = rewrite(path, {"versions.json": json.dumps(versions).encode()})
    [(where, path_text, _message)] = refusal(bad)
    assert (where, path_text) == (f"{bad}:versions.json", "[0].affected")
