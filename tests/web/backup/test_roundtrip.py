"""Backup then restore gives back the same event: member by member, and as pages see it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.core import model as core
from liqa.web.accounts.models import Membership
from liqa.web.agendas import bookings
from liqa.web.agendas.domain import agenda_of
from liqa.web.audit.models import AuditEntry
from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest
from liqa.web.events.records import request_record
from liqa.web.scheduling.records import schedule_record
from liqa.web.scheduling.services import latest_published
from tests.web.backup.conftest import Busy, empty_database
from tests.web.factories import at

pytestmark = pytest.mark.integration


def members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def without_created_at(manifest: bytes) -> dict[str, Any]:
    data = json.loads(manifest)
    del data["created_at"]
    return dict(data)


def published_assignments(event: Event) -> tuple[core.Assignment, ...]:
    version = latest_published(event)
    assert version is not None
    return schedule_record(version).assignments


def views(event: Event, busy: Busy) -> dict[str, object]:
    """What pages show of the event: a delegate's and a host's agendas, the published
    assignments, the answered request and who holds which role."""
    return {
        "delegate": agenda_of(event, busy.delegate, "ar"),
        "host": agenda_of(event, busy.host, "fr"),
        "published": published_assignments(event),
        "r-09": request_record(MeetingRequest.objects.get(event=event, key="r-09")),
        "roles": sorted(
            Membership.objects.filter(event=event).values_list(
                "user__email", "role", "person", "organization"
            )
        ),
    }


def test_restore_into_an_empty_database_then_backup_again_is_identical(
    busy: Busy, archive: Path
) -> None:
    before = views(busy.event, busy)
    assert None not in (before["delegate"], before["host"])
    empty_database()
    restored = restore_backup(archive)
    again = members(backup_event(restored.event).content)
    first = members(archive.read_bytes())
    assert list(again) == list(first)
    assert [name for name in first if first[name] != again[name]] == ["manifest.json"]
    assert without_created_at(again["manifest.json"]) == without_created_at(first["manifest.json"])
    assert views(restored.event, busy) == before
    answered = before["r-09"]
    assert isinstance(answered, core.MeetingRequest)
    assert answered.status is core.RequestStatus.ACCEPTED


def test_backup_holds_every_kind_of_event_data(busy: Busy, archive: Path) -> None:
    manifest = json.loads(members(archive.read_bytes())["manifest.json"])
    counts = manifest["counts"]
    audit = json.loads(members(archive.read_bytes())["audit.json"])
    assert [(e["model"], e["action"], e["actor"]) for e in audit] == [
        ("event", "imported", "system"),
        ("assignment", "changed", "system"),
        ("schedule", "published", "system"),
        ("request", "changed", "system"),
        ("outcome", "created", "system"),  # outcomes are in the history (bf54548)
    ]
    assert (audit[1]["key"], audit[1]["changes"]) == (
        f"v1/{busy.pinned}",
        {"pinned": [False, True]},
    )
    assert {k: counts[k] for k in ("versions", "runs", "outcomes", "confirmations")} == {
        "versions": 2,
        "runs": 2,
        "outcomes": 1,
        "confirmations": 1,
    }
    assert counts["reminders"] == 1
    assert counts["memberships"] == Membership.objects.filter(event=busy.event).count()
    versions = json.loads(members(archive.read_bytes())["versions.json"])
    assert [(v["number"], v["published_at"] is not None) for v in versions] == [
        (1, False),
        (2, True),
    ]
    pinned = [{a["key"] for a in v["assignments"] if a["pinned"]} for v in versions]
    assert [busy.pinned in keys for keys in pinned] == [True, True]


def test_restore_as_another_id_keeps_the_original(busy: Busy, archive: Path) -> None:
    restored = restore_backup(archive, as_slug="copy-2024")
    assert sorted(Event.objects.values_list("slug", flat=True)) == [
        "copy-2024",
        "morocco-us-digital-2024",
    ]
    original, copy = views(busy.event, busy), views(restored.event, busy)
    assert copy["published"] == original["published"]
    assert copy["roles"] == original["roles"]
    assert copy["r-09"] == original["r-09"]


def trail(slug: str) -> list[tuple[str, str, str]]:
    entries = AuditEntry.objects.filter(event=slug).order_by("at", "pk")
    return list(entries.values_list("model", "action", "key"))


def test_restore_with_replace_overwrites_the_event(busy: Busy, archive: Path) -> None:
    before, history = views(busy.event, busy), trail(busy.event.slug)
    MeetingRequest.objects.filter(event=busy.event, key="r-09").update(status="declined")
    restored = restore_backup(archive, replace=True)
    assert (restored.replaced, Event.objects.count()) == (True, 1)
    assert views(restored.event, busy) == before
    # the archived entries are already in this trail: only the replacement is added
    assert trail(busy.event.slug) == [*history, ("event", "deleted", busy.event.slug)]


@pytest.mark.django_db(transaction=True)
def test_restore_adds_no_audit_entry_of_its_own(event: Event, tmp_path: Path) -> None:
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    path = tmp_path / "tunis.zip"
    path.write_bytes(backup_event(event).content)
    archived = json.loads(members(path.read_bytes())["audit.json"])
    empty_database()
    restore_backup(path)  # committed: entries written on commit would show now
    assert [(e["model"], e["action"], e["key"]) for e in archived] == trail(event.slug)
    assert trail(event.slug) == [
        ("event", "imported", "tunis-b2b-2030"),
        ("booking", "created", "r-1"),
    ]


def test_brokerage_bookings_round_trip_and_stay_bookings(event: Event, tmp_path: Path) -> None:
    amina = User.objects.get(email="amina@example.org")
    bookings.book(event, "p-amina", "r-1", at(9, 20), amina)
    bookings.book(event, "p-chen", "r-2", at(9, 40))
    path = tmp_path / "tunis.zip"
    path.write_bytes(backup_event(event).content)
    empty_database()
    restored = restore_backup(path).event
    first, again = members(path.read_bytes()), members(backup_event(restored).content)
    assert [name for name in first if first[name] != again[name]] == ["manifest.json"]
    assert json.loads(again["manifest.json"])["counts"]["bookings"] == 2
    assert sorted(
        BookingSeat.objects.filter(event=restored).values_list(
            "booking__request__key", "party", "seat", "slot_start"
        )
    ) == [
        ("r-1", "p-amina", 1, at(9, 20)),
        ("r-1", "p-bruno", 1, at(9, 20)),
        ("r-2", "p-amina", 1, at(9, 40)),
        ("r-2", "p-chen", 1, at(9, 40)),
    ]
    booked = Booking.objects.get(event=restored, request__key="r-1")
    assert (booked.booked_by, booked.booked_as) == (
        User.objects.get(email="amina@example.org"),
        "p-amina",
    )
    # the booking is still a booking: cancelled, the request is free again
    bookings.cancel(restored, "p-amina", "r-1")
    assert MeetingRequest.objects.get(event=restored, key="r-1").fixed_start is None
