"""A schedule version counts its own moves made by hand (``ScheduleVersion.hand_moves``):
``moves.move`` adds one in the move's transaction, a pin or a move to where the meeting
already is adds none, a refused move none; the proof of quality reads the count without the
audit trail (its entries gone, the count holds); a backup carries it, and one written
before versions kept the count has it counted from its restored trail."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from liqa.web.audit.models import AuditEntry
from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event
from liqa.web.scheduling import moves, proofs, services
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.backup.conftest import empty_database
from tests.web.backup.test_refusals import member, rewrite
from tests.web.factories import at

SLOTS = (at(9), at(9, 20), at(9, 40))
"""The starts of the test event's three slots (Tunis time)."""


def _stored(version: ScheduleVersion) -> int:
    return ScheduleVersion.objects.get(pk=version.pk).hand_moves


def test_each_move_made_by_hand_counts_one_on_the_version(draft: ScheduleVersion) -> None:
    assert _stored(draft) == 0
    assert moves.move(draft, "r-2", 2, 3) == []  # 09:20 table 2 -> 09:40 table 3
    assert (_stored(draft), draft.hand_moves, proofs.hand_moves(draft)) == (1, 1, 1)
    assert moves.move(draft, "r-2", 2, 4) == []  # another table, same slot
    assert moves.move(draft, "r-1", 1, 1) == []  # another slot, same table
    assert _stored(draft) == 3


def test_a_pin_a_refused_move_and_a_move_to_where_it_is_count_nothing(
    draft: ScheduleVersion,
) -> None:
    services.set_pinned(draft, "r-1", True)
    assert moves.move(draft, "r-2", 0, 1) != []  # a clash: refused, nothing moved
    assert moves.move(draft, "r-2", 1, 2) == []  # already at 09:20, table 2
    assert _stored(draft) == 0
    assert proofs.hand_moves(draft) == 0


def test_a_move_refused_because_the_version_was_published_meanwhile_counts_nothing(
    draft: ScheduleVersion,
) -> None:
    ScheduleVersion.objects.filter(pk=draft.pk).update(published_at=timezone.now())
    with pytest.raises(services.ImmutableVersion):
        moves.move(draft, "r-2", 2, 3)  # this request read it a draft
    assert _stored(draft) == 0


def test_the_proof_counts_without_the_audit_trail(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    run = services.start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    version = run.result
    assert version is not None
    starts = {row.start for row in version.assignments.all()}
    [free] = [i for i, start in enumerate(SLOTS) if start not in starts]  # Amina meets twice
    client = client_for(organizer)
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    assert client.post(f"{grid}move/", {"key": "r-2", "slot": str(free)}).status_code == 302
    AuditEntry.objects.filter(event=event.slug).delete()  # the history is not what counts
    page = client.get(grid, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Proof of quality (run #{run.pk}, before 1 move made by hand)" in page


def test_a_backup_keeps_the_count_and_an_older_backup_counts_from_its_trail(
    event: Event, draft: ScheduleVersion, tmp_path: Path
) -> None:
    assert moves.move(draft, "r-2", 2, 3) == []
    assert moves.move(draft, "r-2", 2, 4) == []
    path = tmp_path / "moved.zip"
    path.write_bytes(backup_event(event).content)
    versions = member(path, "versions.json")
    assert isinstance(versions, list)
    assert [v["hand_moves"] for v in versions] == [2]
    for version in versions:  # as written before versions kept the count
        del version["hand_moves"]
    old = rewrite(path, {"versions.json": json.dumps(versions).encode()}, name="old.zip")
    empty_database()
    restored = restore_backup(path).event
    assert ScheduleVersion.objects.get(event=restored, number=1).hand_moves == 2
    empty_database()
    restored = restore_backup(old).event  # its trail holds the two moves: the proof as before
    assert ScheduleVersion.objects.get(event=restored, number=1).hand_moves == 2


def test_the_migration_counts_existing_moves_from_the_trail(draft: ScheduleVersion) -> None:
    """Migration 0009's function on real rows (the fresh-schema test runs it through the
    executor on PostgreSQL): moves and a pin recorded by the trail as the app made them,
    the count put back to nought as before the migration, then filled: the moves only."""
    fill = import_module("liqa.web.scheduling.migrations.0009_version_hand_moves")
    assert moves.move(draft, "r-2", 2, 3) == []
    assert moves.move(draft, "r-1", 1, 1) == []
    services.set_pinned(draft, "r-1", True)
    ScheduleVersion.objects.filter(pk=draft.pk).update(hand_moves=0)
    fill.fill_counts(django_apps, "default")
    assert _stored(draft) == 2
