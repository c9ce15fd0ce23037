"""The data-version trigger SQL of the events migrations is the SQL they always ran.

``liqa.web.events.migration_triggers`` builds the triggers' statements and the operations
that make them again around a table SQLite rebuilds; migrations 0004 to 0008 use it. A
database migrated before has the triggers the old migration text made, so the helper must
produce them byte for byte: ``migration_triggers_sql.json`` holds every statement each
migration's Python operations ran (forward and back, on SQLite and on PostgreSQL),
collected from the migration text as it was before the helper existed (commit
``62f3c0a``), and these tests collect them again from the migrations as they are now.

The statements are collected by Django's schema editor in ``collect_sql`` mode (what
``sqlmigrate`` uses): nothing is executed. SQLite's are collected on every run, on a
database in memory; PostgreSQL's when the test database is PostgreSQL (``DATABASE_URL``).
``test_migrations.py`` and ``test_data_version_triggers.py`` run the migrations for real.
"""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations import RunPython
from django.db.utils import load_backend

from liqa.web.events import migration_triggers

pytestmark = pytest.mark.django_db  # the SQLite database in memory is a connection too

FROZEN = Path(__file__).with_name("migration_triggers_sql.json")
MIGRATIONS = (
    "0004_data_version_triggers",
    "0005_sqlite_data_version_triggers",
    "0006_organization_name_fr",
    "0007_person_gender",
    "0008_venue_name_fr",
)
OPS = ("insert", "update", "delete")
VENDORS = {"sqlite": "django.db.backends.sqlite3", "postgresql": "django.db.backends.postgresql"}

Collected = dict[str, dict[str, list[list[str]]]]
"""Per vendor, per direction (``forward``, ``backward``): the statements of each Python
operation of a migration, in the order of its operations."""


def wrapper(vendor: str) -> BaseDatabaseWrapper:
    """A database of ``vendor`` to collect statements for: an SQLite database in memory, or
    the test database when it is PostgreSQL (whose schema editor needs a connection to
    compose its statements; other test runs skip PostgreSQL)."""
    if vendor == "postgresql":
        if connection.vendor != "postgresql":
            pytest.skip("PostgreSQL statements are collected when DATABASE_URL is PostgreSQL")
        return connection
    backend = load_backend(VENDORS[vendor])
    memory = {**connection.settings_dict, "ENGINE": VENDORS[vendor], "NAME": ":memory:"}
    memory["OPTIONS"] = {}
    return backend.DatabaseWrapper(memory, alias=f"collect_{vendor}")  # type: ignore[no-any-return]


def statements(run: Any, vendor: str) -> list[str]:
    """What the migration function ``run`` asks the schema editor to execute on ``vendor``."""
    db = wrapper(vendor)
    try:
        with db.schema_editor(collect_sql=True, atomic=False) as editor:
            run(apps, editor)
            return list(editor.collected_sql)
    finally:
        if db is not connection:
            db.close()


def collect(name: str, vendor: str) -> dict[str, list[list[str]]]:
    """The statements of every Python operation of migration ``events.<name>`` on
    ``vendor``, forward and back."""
    module = import_module(f"liqa.web.events.migrations.{name}")
    python = [op for op in module.Migration.operations if isinstance(op, RunPython)]
    return {
        "forward": [statements(op.code, vendor) for op in python],
        "backward": [statements(op.reverse_code, vendor) for op in python],
    }


def frozen() -> dict[str, Collected]:
    """The statements the old migration text ran (``migration_triggers_sql.json``)."""
    data: dict[str, Collected] = json.loads(FROZEN.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("name", MIGRATIONS)
def test_the_migration_runs_the_sql_its_old_text_ran(name: str, vendor: str) -> None:
    assert collect(name, vendor) == frozen()[name][vendor]


def test_the_frozen_sql_makes_and_drops_the_triggers_of_each_rebuilt_table() -> None:
    """The file is what it claims: 0006, 0007 and 0008 each drop and make again the three
    SQLite triggers of their table, after the column (forward) and before it (back), and
    run nothing on PostgreSQL, whose ``ALTER TABLE`` keeps a table's triggers."""
    tables = {
        "0006_organization_name_fr": "events_organization",
        "0007_person_gender": "events_person",
        "0008_venue_name_fr": "events_venue",
    }
    old = frozen()
    for name, table in tables.items():
        drops = [f"DROP TRIGGER IF EXISTS liqa_data_version_{op}_{table};" for op in OPS]
        creates = [
            f"CREATE TRIGGER liqa_data_version_{op}_{table} AFTER {op.upper()} ON {table}"
            " FOR EACH ROW BEGIN INSERT OR REPLACE INTO liqa_event_data_version "
            for op in OPS
        ]
        sqlite = old[name]["sqlite"]
        assert sqlite["forward"][0] == []
        assert sqlite["backward"][1] == []
        for remade in (sqlite["forward"][1], sqlite["backward"][0]):
            assert remade[:3] == drops
            assert [s[: len(c)] for s, c in zip(remade[3:], creates, strict=True)] == creates
        assert old[name]["postgresql"] == {"forward": [[], []], "backward": [[], []]}


def test_the_helper_wraps_a_rebuilding_operation_between_the_two_remakes() -> None:
    """``keep_triggers`` puts the operation between the remake going back (first) and the
    remake going forward (last), as 0006 to 0008 always had them."""
    from django.db import migrations, models

    field = migrations.AddField("person", "nickname", models.CharField(max_length=10))
    before, middle, after = migration_triggers.keep_triggers("events_person", field)
    assert middle is field
    assert isinstance(before, RunPython)
    assert isinstance(after, RunPython)
    assert statements(before.code, "sqlite") == statements(after.reverse_code, "sqlite") == []
    remade = statements(after.code, "sqlite")
    assert remade == statements(before.reverse_code, "sqlite")
    assert remade == [
        *(f"{s};" for s in migration_triggers.drop_sqlite_triggers("events_person")),
        *(f"{s};" for s in migration_triggers.sqlite_triggers("events_person")),
    ]
