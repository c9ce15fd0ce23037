"""Every table of an event's rows keeps its data-version triggers, after every migration.

The per-process records of ``snapshots`` are kept until the event's data stamp changes,
and triggers raise it (``events.0004`` on PostgreSQL, ``events.0005`` on SQLite). SQLite
rebuilds a table to add most columns, and the rebuilt table has lost its triggers (0006
and 0007 make them again): a table without them serves stale records with no error. These
tests say which trigger is missing, on the test database and on databases migrated from
zero, forward and back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor

from liqa.web.events import snapshots
from liqa.web.events.models import Booking, BookingSeat, Event
from tests.web.test_migrations import fresh  # noqa: F401 (the PostgreSQL schema fixture)

NOT_STAMPED = (Booking, BookingSeat)
"""Tables of the events app the stamp leaves out on purpose: bookings are read afresh and
laid over the kept record (``records.event_record``)."""

OPS = ("insert", "update", "delete")
ALIAS = "fresh_sqlite"
BEFORE_GENDER = [("events", "0006_organization_name_fr")]


def expected_triggers(vendor: str, tables: list[str]) -> set[tuple[str, str]]:
    """(table, trigger) of the data-version triggers ``tables`` and the event table need."""
    event = Event._meta.db_table
    if vendor == "postgresql":
        return {(t, f"liqa_data_version_{op}") for t in tables for op in OPS} | {
            (event, "liqa_data_version_event")
        }
    return {(t, f"liqa_data_version_{op}_{t}") for t in tables for op in OPS} | {
        (event, "liqa_data_version_event"),
        (event, "liqa_data_version_event_insert"),
        (event, "liqa_data_version_event_delete"),
    }


def found_triggers(db: BaseDatabaseWrapper) -> set[tuple[str, str]]:
    """(table, trigger) of every data-version trigger of the database ``db``."""
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c"
                " ON c.oid = t.tgrelid WHERE t.tgname LIKE 'liqa_data_version_%%'"
                " AND NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
            )
        else:
            cursor.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'liqa_data_version_%%'"
            )
        return set(cursor.fetchall())


def missing_triggers(db: BaseDatabaseWrapper) -> list[tuple[str, str]]:
    """The data-version triggers the stamped tables of ``db`` lack, sorted."""
    tables = [model._meta.db_table for model in snapshots.TABLES]
    return sorted(expected_triggers(db.vendor, tables) - found_triggers(db))


def test_every_table_of_the_events_app_is_stamped_or_left_out_on_purpose() -> None:
    """A new table of an event's rows must join ``snapshots.TABLES`` (and get triggers in a
    migration) or be named here as one the stamp leaves out."""
    events_tables = {
        model
        for model in apps.get_app_config("events").get_models()
        if model is not Event and any(f.name == "event" for f in model._meta.fields)
    }
    assert events_tables == set(snapshots.TABLES) | set(NOT_STAMPED)


@pytest.mark.django_db
def test_the_test_database_has_every_data_version_trigger() -> None:
    assert missing_triggers(connection) == []


@pytest.mark.django_db
def test_a_dropped_trigger_is_reported() -> None:
    """What a table rebuilt by a later migration looks like (the test's transaction is
    rolled back, the trigger with it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER liqa_data_version_update ON events_person")
            dropped = ("events_person", "liqa_data_version_update")
        else:
            cursor.execute("DROP TRIGGER liqa_data_version_update_events_person")
            dropped = ("events_person", "liqa_data_version_update_events_person")
    assert missing_triggers(connection) == [dropped]


@pytest.fixture
def fresh_sqlite(
    tmp_path: Path, django_db_setup: None, django_db_blocker: Any
) -> Iterator[BaseDatabaseWrapper]:
    """A connection to an empty SQLite database file (whatever the test database is)."""
    connections.settings[ALIAS] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "fresh.sqlite3"),
        "OPTIONS": {},
        "TEST": {},
    }
    with django_db_blocker.unblock():
        try:
            yield connections[ALIAS]
        finally:
            connections[ALIAS].close()
            del connections[ALIAS]
            del connections.settings[ALIAS]


def test_sqlite_keeps_its_triggers_through_the_gender_migration_forward_and_back(
    fresh_sqlite: BaseDatabaseWrapper,
) -> None:
    """``events.0007`` rebuilds ``events_person`` on SQLite; the person stored before keeps
    their row (no gender) and every table its triggers, forward, back and forward again."""
    executor = MigrationExecutor(fresh_sqlite)
    executor.migrate(BEFORE_GENDER)
    old = executor.loader.project_state(BEFORE_GENDER).apps
    event = (
        old.get_model("events.Event")
        .objects.using(ALIAS)
        .create(slug="mig-2030", kind="trade_mission", title={"en": "M"})
    )
    old.get_model("events.Person").objects.using(ALIAS).create(
        event=event, key="p-1", name="Pia", organization="o-1", role="Director"
    )
    assert missing_triggers(fresh_sqlite) == []

    executor.loader.build_graph()
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(leaves)
    latest = executor.loader.project_state(leaves).apps
    people = latest.get_model("events.Person").objects.using(ALIAS)
    assert list(people.values_list("key", "role", "gender")) == [("p-1", "Director", "")]
    assert missing_triggers(fresh_sqlite) == []

    executor.loader.build_graph()
    executor.migrate(BEFORE_GENDER)
    assert missing_triggers(fresh_sqlite) == []
    executor.loader.build_graph()
    executor.migrate(leaves)
    assert missing_triggers(fresh_sqlite) == []


def test_a_person_write_after_the_migration_raises_the_stamp_on_sqlite(
    fresh_sqlite: BaseDatabaseWrapper,
) -> None:
    executor = MigrationExecutor(fresh_sqlite)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(leaves)
    latest = executor.loader.project_state(leaves).apps
    event = (
        latest.get_model("events.Event")
        .objects.using(ALIAS)
        .create(slug="mig-2030", kind="trade_mission", title={"en": "M"})
    )
    people = latest.get_model("events.Person").objects.using(ALIAS)
    people.create(event=event, key="p-1", name="Pia", organization="o-1")

    def counter() -> int:
        with fresh_sqlite.cursor() as cursor:
            cursor.execute("SELECT n FROM liqa_event_data_version WHERE event_id = %s", [event.pk])
            return int(cursor.fetchone()[0])

    before = counter()
    people.filter(key="p-1").update(gender="female")
    assert counter() > before


@pytest.mark.integration
def test_postgresql_keeps_its_triggers_through_the_gender_migration_forward_and_back(
    request: pytest.FixtureRequest,
) -> None:
    """The same on PostgreSQL (which adds the column in place), from an empty schema."""
    schema: BaseDatabaseWrapper = request.getfixturevalue("fresh")
    executor = MigrationExecutor(schema)
    executor.migrate(BEFORE_GENDER)
    assert missing_triggers(schema) == []
    executor.loader.build_graph()
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(leaves)
    assert missing_triggers(schema) == []
    executor.loader.build_graph()
    executor.migrate(BEFORE_GENDER)
    assert missing_triggers(schema) == []
