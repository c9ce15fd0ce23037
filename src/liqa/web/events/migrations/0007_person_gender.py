"""A person's gender (``female``/``male``), which the French and Arabic forms of their role
agree with; blank for the people stored before, who keep the usual (masculine) titles.

SQLite cannot add a ``NOT NULL`` column with ``ALTER TABLE``: Django's schema editor
rebuilds ``events_person`` instead (a new table, the rows copied, the old one dropped and
the new one renamed), and the rebuilt table has none of the old one's triggers. The
data-version triggers of migration 0005 are made again on it after the column is added
(and after it is removed, going back): without them a person edited later would leave the
event's stamp as it was and pages would serve the record kept before the edit.
``tests/web/test_data_version_triggers.py`` checks every table has its triggers.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.db import migrations, models

TABLE = "events_person"


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
    dependencies = [("events", "0006_organization_name_fr")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, triggers_again),
        migrations.AddField(
            model_name="person",
            name="gender",
            field=models.CharField(
                blank=True, choices=[("female", "female"), ("male", "male")], max_length=10
            ),
        ),
        migrations.RunPython(triggers_again, migrations.RunPython.noop),
    ]
