"""A venue's official French name (``name_fr``), read on French pages and agendas; blank for
the venues stored before, which keep their English name.

SQLite rebuilds a table to add or remove a column, and a rebuilt table loses its triggers:
the data-version triggers of migration 0005 are made again on ``events_venue`` after the
column is added (and after it is removed, going back). Without them a venue edited later
would leave the event's stamp as it was and pages would serve the record kept before the
edit. ``tests/web/test_data_version_triggers.py`` checks every table has its triggers.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.db import migrations, models

TABLE = "events_venue"


def triggers_again(apps: Any, schema_editor: Any) -> None:
    """SQLite: drop (if any) and make again the data-version triggers of ``TABLE``."""
    if schema_editor.connection.vendor != "sqlite":
        return
    made = import_module("liqa.web.events.migrations.0005_sqlite_data_version_triggers")
    for op in ("insert", "update", "delete"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS liqa_data_version_{op}_{TABLE}")
    for statement in made.statements(TABLE):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("events", "0007_person_gender")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, triggers_again),
        migrations.AddField(
            model_name="venue",
            name="name_fr",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.RunPython(triggers_again, migrations.RunPython.noop),
    ]
