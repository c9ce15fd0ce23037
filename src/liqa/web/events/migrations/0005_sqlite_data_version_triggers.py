"""SQLite: a counter per event that triggers raise with every write to its rows.

``liqa.web.events.snapshots.data_stamp`` keys the records kept per process by a value that
must change with every write of the event's rows. SQLite's own change counters
(``PRAGMA data_version`` and ``total_changes``) are per connection and start again on each
new one, so a server that opens a connection per request saw the same stamp on every
request and served the first record it read until it restarted (QA, on the demo).

As on PostgreSQL (migration 0004), triggers on each table of ``snapshots.TABLES`` and on
the event row raise the event's counter in the writing transaction, bulk writes and
``QuerySet.update`` included. SQLite has only row-level triggers, so one per row written.
Each event's counter comes with a random token drawn when the event row is inserted: an
event id that comes back after a rolled-back transaction (SQLite's ids do) never meets the
records kept for the one before. The counters live in a table of their own,
``liqa_event_data_version``, which no model
owns: Django never rebuilds it (its SQLite schema editor rebuilds a model's table to alter
it, which would drop a column it does not know). A rebuilt table loses its triggers: a
test checks that every table of ``snapshots.TABLES`` and the event table have theirs.
The tables' triggers are written by ``liqa.web.events.migration_triggers``.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from liqa.web.events.migration_triggers import (
    SQLITE_COUNTERS,
    drop_sqlite_triggers,
    sqlite_bump,
    sqlite_triggers,
)

TABLES = (
    "events_leg",
    "events_venue",
    "events_organization",
    "events_person",
    "events_meetingrequest",
    "events_candidatevisit",
    "events_programmeitem",
    "events_outcome",
)
"""The tables of ``snapshots.TABLES`` when this migration was written."""

COUNTERS = SQLITE_COUNTERS


def forward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE TABLE {COUNTERS} (event_id integer PRIMARY KEY, n integer NOT NULL,"
        " token blob NOT NULL)"
    )
    schema_editor.execute(
        f"INSERT INTO {COUNTERS} (event_id, n, token) SELECT id, 0, randomblob(8) FROM events_event"
    )
    schema_editor.execute(
        "CREATE TRIGGER liqa_data_version_event_insert AFTER INSERT ON events_event"
        f" FOR EACH ROW BEGIN INSERT OR REPLACE INTO {COUNTERS} (event_id, n, token)"
        " VALUES (NEW.id, 0, randomblob(8)); END"
    )
    schema_editor.execute(
        "CREATE TRIGGER liqa_data_version_event AFTER UPDATE ON events_event"
        f" FOR EACH ROW BEGIN {sqlite_bump('NEW.id')} END"
    )
    schema_editor.execute(
        "CREATE TRIGGER liqa_data_version_event_delete AFTER DELETE ON events_event"
        f" FOR EACH ROW BEGIN DELETE FROM {COUNTERS} WHERE event_id = OLD.id; END"
    )
    for table in TABLES:
        for statement in sqlite_triggers(table):
            schema_editor.execute(statement)


def backward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        for statement in drop_sqlite_triggers(table):
            schema_editor.execute(statement)
    schema_editor.execute("DROP TRIGGER IF EXISTS liqa_data_version_event")
    schema_editor.execute("DROP TRIGGER IF EXISTS liqa_data_version_event_insert")
    schema_editor.execute("DROP TRIGGER IF EXISTS liqa_data_version_event_delete")
    schema_editor.execute(f"DROP TABLE IF EXISTS {COUNTERS}")


class Migration(migrations.Migration):
    dependencies = [("events", "0004_data_version_triggers")]

    operations = [migrations.RunPython(forward, backward)]
