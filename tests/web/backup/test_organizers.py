"""A backup keeps every organizer's names per language, and reads events stored before."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from tests.web.backup.conftest import empty_database

pytestmark = pytest.mark.integration

CHAMBER = {
    "en": "Tunis Chamber of Commerce",
    "fr": "Chambre de commerce de Tunis",
    "ar": "غرفة التجارة بتونس",
}


def test_backup_and_restore_keep_organizer_names_in_every_language(
    event: Event, tmp_path: Path
) -> None:
    """One organizer stored as a plain string (as before names per language), one with
    three names: both come back, the first as English."""
    Event.objects.filter(pk=event.pk).update(organizers=["Chamber of Commerce", CHAMBER])
    path = tmp_path / "tunis.zip"
    path.write_bytes(backup_event(Event.objects.get(pk=event.pk)).content)
    empty_database()
    restored = restore_backup(path).event
    assert event_record(restored).organizers == ({"en": "Chamber of Commerce"}, CHAMBER)
