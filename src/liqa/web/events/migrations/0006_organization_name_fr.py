"""An organization's official French name (``name_fr``), read on French pages; blank for the
organizations stored before, which keep their English name.

SQLite rebuilds a table to add or remove a column, and a rebuilt table loses its triggers:
the data-version triggers of migration 0005 are made again on ``events_organization``
after the column is added (and after it is removed, going back)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.db import migrations, models

TABLE = "events_organization"


def triggers_again(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    made = import_module("liqa.web.events.migrations.0005_sqlite_data_version_triggers")
    for op in ("insert", "update", "delete"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS liqa_data_version_{op}_{TABLE}")
    for statement in made.statements(TABLE):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("events", "0005_sqlite_data_version_triggers")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, triggers_again),
        migrations.AddField(
            model_name="organization",
            name="name_fr",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.RunPython(triggers_again, migrations.RunPython.noop),
    ]
