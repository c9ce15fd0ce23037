"""The data-version triggers' SQL, and the operations that keep them through a migration.

``snapshots.data_stamp`` reads a counter that triggers on every table of
``snapshots.TABLES`` raise with each write (PostgreSQL: statement triggers raising
``events_event.data_version``, migration ``events.0004``; SQLite: row triggers raising
``liqa_event_data_version``, migration ``events.0005``). This module writes their
statements, once, for those migrations and the later ones.

SQLite rebuilds a table to add a ``NOT NULL`` column, alter or remove one (a new table, the
rows copied, the old one dropped, the new one renamed) and the rebuilt table has lost its
triggers: a migration that changes a field of a stamped table makes them again after its
operations (and, going back, before them). PostgreSQL alters the table in place and keeps
them. The next such migration wraps its operations in :func:`keep_triggers`::

    from django.db import migrations, models

    from liqa.web.events.migration_triggers import keep_triggers


    class Migration(migrations.Migration):
        dependencies = [("events", "0009_outcome_partnership")]

        operations = keep_triggers(
            "events_person",
            migrations.AddField(
                model_name="person",
                name="nickname",
                field=models.CharField(blank=True, max_length=100),
            ),
        )

(one call per table the migration rebuilds; ``tests/web/test_data_version_triggers.py``
says which trigger a table lacks after migrating forward and back). A new table of
``snapshots.TABLES`` runs :func:`sqlite_triggers` and :func:`postgresql_triggers` for it in
a ``RunPython`` of its own migration (:func:`drop_sqlite_triggers` and
:func:`drop_postgresql_triggers` going back).

Migrations already applied ran this SQL: changing what a function here returns changes
what they would run on a new database, but not the triggers of the databases migrated
before. ``tests/web/test_migration_triggers.py`` holds the statements as migrations 0004
to 0008 ran them and fails when the output changes; a new trigger shape is a new function
and a new migration, never an edit here.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import migrations
from django.db.migrations.operations.base import Operation

OPS = ("insert", "update", "delete")
"""The writes a table's triggers follow, as their names spell them."""

SQLITE_COUNTERS = "liqa_event_data_version"
"""SQLite: the table of each event's counter and token (migration ``events.0005``)."""

POSTGRESQL_TRANSITIONS = {
    "insert": "NEW TABLE AS new_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
}
"""PostgreSQL: the transition tables each statement trigger reads the event ids from."""


def sqlite_bump(event_id: str) -> str:
    """SQLite: the statement raising the counter of the event ``event_id`` (an SQL
    expression: ``NEW.event_id``), drawing its token when the event has no counter yet."""
    return (
        f"INSERT OR REPLACE INTO {SQLITE_COUNTERS} (event_id, n, token) VALUES ({event_id},"
        f" COALESCE((SELECT n FROM {SQLITE_COUNTERS} WHERE event_id = {event_id}), 0) + 1,"
        f" COALESCE((SELECT token FROM {SQLITE_COUNTERS} WHERE event_id = {event_id}),"
        " randomblob(8)));"
    )


def sqlite_triggers(table: str) -> list[str]:
    """SQLite: the insert, update and delete triggers of ``table`` (row triggers; an update
    raises the counters of the row's event before and after)."""
    return [
        f"CREATE TRIGGER liqa_data_version_insert_{table} AFTER INSERT ON {table}"
        f" FOR EACH ROW BEGIN {sqlite_bump('NEW.event_id')} END",
        f"CREATE TRIGGER liqa_data_version_update_{table} AFTER UPDATE ON {table}"
        f" FOR EACH ROW BEGIN {sqlite_bump('NEW.event_id')} {sqlite_bump('OLD.event_id')} END",
        f"CREATE TRIGGER liqa_data_version_delete_{table} AFTER DELETE ON {table}"
        f" FOR EACH ROW BEGIN {sqlite_bump('OLD.event_id')} END",
    ]


def drop_sqlite_triggers(table: str) -> list[str]:
    """SQLite: drop the triggers of :func:`sqlite_triggers` (those ``table`` still has)."""
    return [f"DROP TRIGGER IF EXISTS liqa_data_version_{op}_{table}" for op in OPS]


def postgresql_triggers(table: str) -> list[str]:
    """PostgreSQL: the insert, update and delete statement triggers of ``table``, calling
    ``liqa_bump_data_version()`` (migration ``events.0004``)."""
    return [
        f"CREATE TRIGGER liqa_data_version_{op} AFTER {op.upper()} ON {table}"
        f" REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION liqa_bump_data_version()"
        for op, refs in POSTGRESQL_TRANSITIONS.items()
    ]


def drop_postgresql_triggers(table: str) -> list[str]:
    """PostgreSQL: drop the triggers of :func:`postgresql_triggers` (those ``table`` has)."""
    return [f"DROP TRIGGER IF EXISTS liqa_data_version_{op} ON {table}" for op in OPS]


def remake_sqlite_triggers(table: str, apps: Any, schema_editor: Any) -> None:
    """On SQLite, drop (if any) and make again the triggers of ``table``; nothing on
    PostgreSQL, where they survive the migration's changes. A ``RunPython`` function once
    ``table`` is bound (``functools.partial``: a squashed migration can still name it)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in (*drop_sqlite_triggers(table), *sqlite_triggers(table)):
        schema_editor.execute(statement)


def keep_triggers(table: str, *operations: Operation) -> list[Operation]:
    """``operations`` (which SQLite carries out by rebuilding ``table``) with the triggers of
    ``table`` made again after them, and going back, made again after they are undone."""
    remake = partial(remake_sqlite_triggers, table)
    return [
        migrations.RunPython(migrations.RunPython.noop, remake),
        *operations,
        migrations.RunPython(remake, migrations.RunPython.noop),
    ]
