"""Back up one event from the database into a single archive.

The archive holds ``manifest.json``, the mission file (the core's ``dumps_event`` of the
records the web app keeps) and one JSON member per :data:`~.members.SECTIONS` entry.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.db import connection, transaction
from django.utils import timezone

import liqa
from liqa.core import model as core
from liqa.core.missionfile import dumps_event
from liqa.web.backup.accounts import USERS
from liqa.web.backup.archive import digest, write_archive
from liqa.web.backup.members import FORMAT, MANIFEST, MISSION, MISSION_COUNTS, SECTIONS, VERSION
from liqa.web.backup.schedules import FINAL
from liqa.web.backup.section import Users
from liqa.web.events.models import Event, MeetingRequest
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import Run


class UnknownEvent(LookupError):
    """No event has the slug asked for."""


@dataclass(frozen=True)
class Backup:
    """An archive and what it holds."""

    content: bytes
    """The archive's bytes; empty when it was written into a stream (see
    :func:`backup_event`)."""
    counts: dict[str, int]
    unfinished_runs: int
    """Queued or running runs, left out of the archive."""


def encode(data: Any) -> bytes:
    """JSON as stored in the archive: sorted keys, indented, UTF-8, one final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


@contextmanager
def _snapshot() -> Iterator[None]:
    """One transaction whose reads all see the same moment (REPEATABLE READ on PostgreSQL)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def stored_event(event: Event) -> core.Event:
    """The event as its rows hold it: :func:`event_record` lays each booking over its
    request's ``fixed_start`` for the scheduler; a backup keeps the request's own value
    (bookings are a member of their own)."""
    record = event_record(event)
    own = dict(MeetingRequest.objects.filter(event=event).values_list("key", "fixed_start"))
    requests = tuple(dataclasses.replace(r, fixed_start=own[r.id]) for r in record.requests)
    return dataclasses.replace(record, requests=requests)


def backup_event(
    event: Event, now: datetime | None = None, stream: IO[bytes] | None = None
) -> Backup:
    """The archive of ``event`` as it is stored now (read again: the row in memory may be
    older, or hold JSON in another key order than the database returns).

    Given ``stream`` (a file open for writing), the archive is written into it and the
    backup's ``content`` left empty, instead of being held whole in memory to be copied
    there (:func:`~.archive.write_archive`); the same bytes either way."""
    with _snapshot():
        event = Event.objects.get(pk=event.pk)
        core_event = stored_event(event)
        users = Users()
        data = {s.member: s.dump(event, users) for s in SECTIONS if s is not USERS}
        data[USERS.member] = USERS.dump(event, users)
        unfinished = Run.objects.filter(event=event).exclude(state__in=FINAL).count()
    counts = {name: len(getattr(core_event, name)) for name in MISSION_COUNTS}
    for section in SECTIONS:
        counts.update(section.counts(data[section.member]))
    members = [(MISSION, dumps_event(core_event).encode())]
    members += [(s.member, encode(data[s.member])) for s in SECTIONS]
    manifest = {
        "format": FORMAT,
        "format_version": VERSION,
        "liqa_version": liqa.__version__,
        "created_at": (now or timezone.now()).astimezone(UTC).isoformat(),
        "event": event.slug,
        "counts": counts,
        "members": {
            name: {"sha256": digest(content), "bytes": len(content)} for name, content in members
        },
    }
    content = write_archive([(MANIFEST, encode(manifest)), *members], stream)
    return Backup(content, counts, unfinished)


def write_backup(slug: str, out: Path) -> Backup:
    """Back up the event ``slug`` to the file ``out`` (written whole, then moved into place).

    Raises :class:`UnknownEvent`, or ``OSError`` when ``out`` cannot be written.
    """
    event = Event.objects.filter(slug=slug).first()
    if event is None:
        raise UnknownEvent(slug)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            backup = backup_event(event, stream=stream)
        os.chmod(temporary, 0o600)  # a backup holds personal data: owner only
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return backup
