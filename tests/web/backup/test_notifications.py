"""What publishing e-mailed (sent, no address, failed) survives a backup; backups made before
it was recorded restore without it; a tampered record is refused by field path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Notification, ScheduleVersion
from tests.web.backup.conftest import empty_database
from tests.web.backup.test_refusals import member, refusal, rewrite
from tests.web.factories import REFUSING_BRUNO, remove_address, use_mailer

pytestmark = pytest.mark.integration


def _rows(event: Event) -> list[tuple[str, str, bool, str]]:
    rows = Notification.objects.filter(version__event=event, version__number=1)
    return [(r.person, r.email, r.sent_at is not None, r.error) for r in rows]


@pytest.fixture
def told(
    event: Event, draft: ScheduleVersion, tmp_path: Path, settings: pytest.FixtureRequest
) -> Path:
    """The small event's backup after publishing: Amina e-mailed, Bruno's address refused,
    Chen without an address."""
    remove_address(event, "p-chen")
    use_mailer(settings, REFUSING_BRUNO)
    publishing.publish(draft)
    path = tmp_path / "told.zip"
    path.write_bytes(backup_event(event).content)
    return path


def test_notifications_round_trip(told: Path, event: Event) -> None:
    before = _rows(event)
    sent_at = Notification.objects.get(person="p-amina").sent_at
    refused = "SMTPRecipientsRefused: {'bruno@example.org': (550, b'5.1.1 mailbox unavailable')}"
    assert before == [
        ("p-amina", "amina@example.org", True, ""),
        ("p-bruno", "bruno@example.org", False, refused),
        ("p-chen", "", False, ""),
    ]
    empty_database()
    restored = restore_backup(told)
    assert restored.counts["notifications"] == 3
    assert _rows(restored.event) == before
    assert Notification.objects.get(person="p-amina").sent_at == sent_at


def test_backup_without_notifications_restores_none(told: Path) -> None:
    versions = member(told, "versions.json")
    assert isinstance(versions, list)
    for version in versions:
        del version["notifications"]
    manifest = member(told, "manifest.json")
    assert isinstance(manifest, dict)
    del manifest["counts"]["notifications"]
    changes = {"versions.json": versions, "manifest.json": manifest}
    old = rewrite(told, {k: json.dumps(v).encode() for k, v in changes.items()}, name="old.zip")
    empty_database()
    event = restore_backup(old).event
    assert (ScheduleVersion.objects.get(event=event).notified, _rows(event)) == (True, [])


def test_notifications_of_a_silent_version_or_twice_for_one_person_are_refused(
    told: Path,
) -> None:
    versions = member(told, "versions.json")
    assert isinstance(versions, list)
    versions[0]["notified"] = False
    versions[0]["notifications"].append(dict(versions[0]["notifications"][0]))
    manifest = member(told, "manifest.json")
    assert isinstance(manifest, dict)
    manifest["counts"]["notifications"] = 4
    changes = {"versions.json": versions, "manifest.json": manifest}
    bad = rewrite(told, {k: json.dumps(v).encode() for k, v in changes.items()})
    assert refusal(bad) == [
        (
            f"{bad}:versions.json",
            "[0].notifications[3]",
            "a second notification with person='p-amina' (first at [0])",
        ),
        (
            f"{bad}:versions.json",
            "[0].notifications",
            "only a version published with e-mails (notified: true) has notifications: "
            "leave them out or set notified to true",
        ),
    ]
