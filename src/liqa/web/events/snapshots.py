"""Core records kept per process, keyed by a stamp the database changes with every write.

Reading a big event's rows into the core's records costs tens of milliseconds of CPU (JSON
fields, thousands of model instances); pages, the API and slot bookings need them on every
request. :func:`data_stamp` asks the database, in one query, for a value that changes
whenever any of the event's rows read by ``records.event_record`` changes — by any code
path (``QuerySet.update`` and bulk writes included), in any process, in any transaction —
so a record kept under that stamp is never stale and nothing needs invalidating, not even
across machines. Bookings are left out (``records`` lays the current ones over the kept
record on every read): they change many times a second at a busy event.

On PostgreSQL the stamp is one row: the event row's ``xmin`` and its ``data_version``, a
counter that statement-level triggers on every table of :data:`TABLES` raise in the writing
transaction (migration ``events.0004_data_version_triggers``). On SQLite, row triggers
raise a counter per event in a table of its own (``events.0005_sqlite_data_version_triggers``).
A table added to :data:`TABLES` needs its triggers in a new migration, which a test checks.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connection

from liqa.web.events.models import (
    CandidateVisit,
    Event,
    Leg,
    MeetingRequest,
    Organization,
    Outcome,
    Person,
    ProgrammeItem,
    Venue,
)

TABLES = (Leg, Venue, Organization, Person, MeetingRequest, CandidateVisit, ProgrammeItem, Outcome)
"""Every table of an event's rows that ``records.event_record`` reads, but bookings."""

Stamp = tuple[Hashable, ...]


def stamp_columns(alias: str) -> str:
    """PostgreSQL: the columns of the stamp of the event row ``alias``: the row's version
    (``xmin``: a new one with every write of the row) and its counter of writes to the
    event's rows (raised by triggers); :func:`postgresql_stamp` makes their values a stamp."""
    return f"{alias}.xmin::text, {alias}.data_version"


def postgresql_stamp(pk: int, xmin: str, version: int) -> Stamp:
    """The stamp of event ``pk`` from the values of :func:`stamp_columns`."""
    return ("postgresql", pk, xmin, version)


STAMP_SQL = f"SELECT {stamp_columns('e')} FROM {Event._meta.db_table} e WHERE e.id = %s"

SQLITE_STAMP_SQL = "SELECT n, hex(token) FROM liqa_event_data_version WHERE event_id = %s"
"""SQLite: the event's counter of writes and the token drawn when the event was inserted."""


def data_stamp(row: Event) -> Stamp | None:
    """A value that changes whenever the event row or any of its :data:`TABLES` rows is
    written, or ``None`` when the database offers no such value (then nothing is kept).

    PostgreSQL: the event row's ``xmin`` and ``data_version``: every statement writing the
    event's rows raises the counter in its own transaction (triggers), so the event row is
    written too and committed with them; one query of one row.
    SQLite: the event's counter in ``liqa_event_data_version``, raised by row triggers
    on the same tables, and a token drawn when the event row was inserted (migration
    ``events.0005_sqlite_data_version_triggers``).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(STAMP_SQL, [row.pk])
            found = cursor.fetchone()
        return postgresql_stamp(row.pk, *found) if found else None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(SQLITE_STAMP_SQL, [row.pk])
            found = cursor.fetchone()
        return ("sqlite", row.pk, *found) if found else None
    return None


@dataclass(frozen=True)
class State:
    """The event's :func:`data_stamp` and its published schedule versions, read together."""

    stamp: Stamp | None
    published: tuple[int, ...]
    """Ids of the published versions, in version order (the latest last)."""


def event_state(row: Event) -> State:
    """The stamp and the published versions of the event, in one query on PostgreSQL
    (one statement: both as of the same moment); two on other databases."""
    versions = apps.get_model("scheduling", "ScheduleVersion")
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT stamp.*, (SELECT string_agg(v.id::text, ',' ORDER BY v.number)"
            f" FROM {versions._meta.db_table} v WHERE v.event_id = %s"
            f" AND v.published_at IS NOT NULL) FROM ({STAMP_SQL}) stamp"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [row.pk, row.pk])
            found = cursor.fetchone()
        if not found:
            return State(None, ())
        xmin, version, published = found
        return State(postgresql_stamp(row.pk, xmin, version), published_ids(published))
    stamp = data_stamp(row)
    published = versions.objects.filter(event_id=row.pk, published_at__isnull=False)
    return State(stamp, tuple(published.order_by("number").values_list("pk", flat=True)))


def published_ids(joined: str | None) -> tuple[int, ...]:
    """Version ids from their comma-separated text (PostgreSQL's ``string_agg``)."""
    return tuple(int(v) for v in joined.split(",")) if joined else ()


class Snapshots:
    """A small least-recently-used store of immutable records, shared by a process's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get[T](
        self,
        key: Hashable | None,
        build: Callable[[], T],
        still: Callable[[], bool] | None = None,
    ) -> T:
        """The record kept under ``key``, else ``build()``, kept there unless ``still()``
        says ``key`` no longer holds once it is built (``key`` ``None``: never kept)."""
        if key is None:
            return build()
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                value: T = self._items[key]
                return value
        value = build()
        if still is not None and not still():
            return value  # a write came between the stamp and the reads: keep nothing
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget everything (tests)."""
        with self._lock:
            self._items.clear()


EVENTS = Snapshots(8)
"""Core event records (without bookings) by :func:`data_stamp`."""
