"""The required visits a mission's version left out when it was published
(``ScheduleVersion.missing_required``) survive a backup; backups made before it was
recorded still restore (as "not recorded", which the staleness check reads as it did
then); a draft that claims some is refused by field path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.web.backup.conftest import empty_database
from tests.web.backup.test_refusals import member, refusal, rewrite
from tests.web.test_published_staleness_left_out import without_visit
from tests.web.test_published_staleness_mission import VISIT

pytestmark = pytest.mark.integration


def _backup(mission: Event, tmp_path: Path, *, publish: bool = True) -> Path:
    version = store_schedule(mission, without_visit())
    if publish:
        publishing.publish(version, notify=False)
    path = tmp_path / "mission.zip"
    path.write_bytes(backup_event(mission).content)
    return path


def _versions(path: Path) -> list[dict[str, object]]:
    versions = member(path, "versions.json")
    assert isinstance(versions, list)
    return versions


def _restored(path: Path) -> object:
    empty_database()
    event = restore_backup(path).event
    return ScheduleVersion.objects.get(event=event, number=1).missing_required


def test_the_visits_left_out_round_trip(mission: Event, tmp_path: Path) -> None:
    path = _backup(mission, tmp_path)
    assert [v["missing_required"] for v in _versions(path)] == [[VISIT]]
    assert _restored(path) == [VISIT]


def test_a_backup_without_them_restores_them_as_not_recorded(
    mission: Event, tmp_path: Path
) -> None:
    path = _backup(mission, tmp_path)
    versions = _versions(path)
    for version in versions:
        del version["missing_required"]
    old = rewrite(path, {"versions.json": json.dumps(versions).encode()}, name="old.zip")
    assert _restored(old) is None


def test_a_draft_that_left_visits_out_is_refused(mission: Event, tmp_path: Path) -> None:
    path = _backup(mission, tmp_path, publish=False)
    versions = _versions(path)
    assert versions[0]["missing_required"] is None
    versions[0]["missing_required"] = [VISIT]
    bad = rewrite(path, {"versions.json": json.dumps(versions).encode()})
    assert refusal(bad) == [
        (
            f"{bad}:versions.json",
            "[0].missing_required",
            "only a published version records what it left out: null or leave it out",
        )
    ]
