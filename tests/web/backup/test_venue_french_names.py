"""A backup keeps venues' French names (``name_fr``, in its mission file member), and an
archive written before venues had one (no ``name_fr`` key) still restores, blank."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from liqa.web.backup.dump import backup_event
from liqa.web.backup.members import MISSION
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event, Venue
from liqa.web.events.records import event_record
from tests.web.backup.conftest import empty_database

HALL_FR = "Palais des congrès de Tunis"


def _mission_member(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(MISSION).decode()


def test_backup_then_restore_keeps_a_venues_french_name(event: Event, tmp_path: Path) -> None:
    Venue.objects.filter(event=event, key="v-hall").update(name_fr=HALL_FR)
    before = event_record(Event.objects.get(pk=event.pk))
    path = tmp_path / "backup.zip"
    path.write_bytes(backup_event(event).content)
    assert f"name_fr: {HALL_FR}" in _mission_member(path.read_bytes())
    empty_database()
    restored = restore_backup(path)
    assert event_record(restored.event).venue("v-hall").name_fr == HALL_FR
    assert event_record(restored.event).venues == before.venues


@pytest.mark.parametrize("replace", [False, True])
def test_an_archive_without_french_venue_names_restores(
    event: Event, tmp_path: Path, replace: bool
) -> None:
    """What a liqa without venues' French names wrote: no ``name_fr`` key under venues."""
    path = tmp_path / "old.zip"
    path.write_bytes(backup_event(event).content)
    mission = _mission_member(path.read_bytes())
    assert "name_fr" not in mission.split("\nvenues:\n", 1)[1].split("\norganizations:\n")[0]
    if not replace:
        empty_database()
    restored = restore_backup(path, replace=replace)
    assert [v.name_fr for v in event_record(restored.event).venues] == [""]
    assert Venue.objects.get(event=restored.event, key="v-hall").name == "Palais des Congrès"
