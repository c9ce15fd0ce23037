"""PostgreSQL: a counter on each event row that triggers raise with every write to its rows.

``liqa.web.events.snapshots.data_stamp`` keys the records kept per process by this counter
and the event row's ``xmin`` (one row read) instead of a digest over every row of the event.
Statement-level triggers on each table of ``snapshots.TABLES`` raise ``data_version`` of
every event whose rows the statement inserted, updated or deleted (bulk writes and
``QuerySet.update`` included), in the writing transaction: readers see the new value when
the rows commit. A row trigger raises it with any other update of the event row itself (so
a second write in one transaction, whose ``xmin`` stays the same, changes it too). The
column is not a model field: Django never writes it. Other databases keep their own stamp
(SQLite: its change counters) and get nothing here. The tables' triggers are written by
``liqa.web.events.migration_triggers``.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from liqa.web.events.migration_triggers import drop_postgresql_triggers, postgresql_triggers

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

FUNCTION = """
CREATE OR REPLACE FUNCTION liqa_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE events_event SET data_version = data_version + 1
            WHERE id IN (SELECT event_id FROM new_rows);
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE events_event SET data_version = data_version + 1
            WHERE id IN (SELECT event_id FROM new_rows UNION SELECT event_id FROM old_rows);
    ELSE
        UPDATE events_event SET data_version = data_version + 1
            WHERE id IN (SELECT event_id FROM old_rows);
    END IF;
    RETURN NULL;
END
$$
"""

EVENT_ROW = """
CREATE OR REPLACE FUNCTION liqa_event_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.data_version = OLD.data_version THEN
        NEW.data_version := OLD.data_version + 1;
    END IF;
    RETURN NEW;
END
$$
"""


def forward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE events_event ADD COLUMN data_version bigint NOT NULL DEFAULT 0"
    )
    schema_editor.execute(FUNCTION)
    schema_editor.execute(EVENT_ROW)
    schema_editor.execute(
        "CREATE TRIGGER liqa_data_version_event BEFORE UPDATE ON events_event"
        " FOR EACH ROW EXECUTE FUNCTION liqa_event_data_version()"
    )
    for table in TABLES:
        for statement in postgresql_triggers(table):
            schema_editor.execute(statement)


def backward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for statement in drop_postgresql_triggers(table):
            schema_editor.execute(statement)
    schema_editor.execute("DROP TRIGGER IF EXISTS liqa_data_version_event ON events_event")
    schema_editor.execute("DROP FUNCTION IF EXISTS liqa_bump_data_version()")
    schema_editor.execute("DROP FUNCTION IF EXISTS liqa_event_data_version()")
    schema_editor.execute("ALTER TABLE events_event DROP COLUMN IF EXISTS data_version")


class Migration(migrations.Migration):
    dependencies = [("events", "0003_subgroup_max_size_and_lunch_venue")]

    operations = [migrations.RunPython(forward, backward)]
