"""A backup written by older liqa (its mission.yaml says 'liqa: 1', times without an offset
in the leg's zone) restores the same instants as it was made with."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liqa.core import model as core
from liqa.web.backup.dump import backup_event, stored_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event
from tests.web.backup.test_refusals import rewrite

pytestmark = pytest.mark.integration

CENTRAL = ZoneInfo("America/Chicago")

# The demo's travel day (16 February, Silicon Valley leg) as this liqa writes it (Houston
# items on Houston clocks), then as older liqa wrote it (every time in the leg's zone).
TRAVEL_DAY = {
    "    start: 2024-02-16 06:30\n    end: 2024-02-16 07:30\n": (
        "    start: 2024-02-16 04:30\n    end: 2024-02-16 05:30\n"
    ),
    "    start: 2024-02-16 09:05\n    end: 2024-02-16 11:20\n": (
        "    start: 2024-02-16 07:05\n    end: 2024-02-16 11:20\n"
    ),
}


def old_archive(mission: Event, tmp_path: Path, version: int) -> Path:
    """The mission's backup with its mission.yaml as older liqa wrote it, saying
    'liqa: {version}'."""
    path = tmp_path / "backup.zip"
    path.write_bytes(backup_event(mission).content)
    with zipfile.ZipFile(path) as archive:
        text = archive.read("mission.yaml").decode()
    assert text.startswith("liqa: 2\n")
    text = f"liqa: {version}\n" + text.removeprefix("liqa: 2\n")
    for new, old in TRAVEL_DAY.items():
        assert text.count(new) == 1, new
        text = text.replace(new, old)
    return rewrite(path, {"mission.yaml": text.encode()}, name=f"v{version}.zip")


def restored(path: Path) -> core.Event:
    row = restore_backup(path, replace=True).event
    return stored_event(Event.objects.get(pk=row.pk))


def flight_start(event: core.Event) -> datetime:
    [flight] = [item for item in event.programme if item.id == "prog-flight"]
    return flight.start


def test_a_version_1_backup_restores_the_instants_it_was_made_with(
    mission: Event, tmp_path: Path
) -> None:
    before = stored_event(mission)
    after = restored(old_archive(mission, tmp_path, 1))
    assert after == before
    assert flight_start(after) == datetime(2024, 2, 16, 9, 5, tzinfo=CENTRAL)


def test_the_same_mission_yaml_saying_version_2_would_read_houston_clocks(
    mission: Event, tmp_path: Path
) -> None:
    after = restored(old_archive(mission, tmp_path, 2))
    assert flight_start(after) == datetime(2024, 2, 16, 7, 5, tzinfo=CENTRAL)
