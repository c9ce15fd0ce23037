"""An organization's official French name (``name_fr``), read on French pages; blank for the
organizations stored before, which keep their English name.

SQLite rebuilds a table to add or remove a column, and a rebuilt table loses its triggers:
the data-version triggers of migration 0005 are made again on ``events_organization``
after the column is added (and after it is removed, going back)."""

from __future__ import annotations

from django.db import migrations, models

from liqa.web.events.migration_triggers import keep_triggers


class Migration(migrations.Migration):
    dependencies = [("events", "0005_sqlite_data_version_triggers")]

    operations = keep_triggers(
        "events_organization",
        migrations.AddField(
            model_name="organization",
            name="name_fr",
            field=models.CharField(blank=True, max_length=300),
        ),
    )
