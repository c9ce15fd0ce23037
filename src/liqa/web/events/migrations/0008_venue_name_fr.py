"""A venue's official French name (``name_fr``), read on French pages and agendas; blank for
the venues stored before, which keep their English name.

SQLite rebuilds a table to add or remove a column, and a rebuilt table loses its triggers:
the data-version triggers of migration 0005 are made again on ``events_venue`` after the
column is added (and after it is removed, going back). Without them a venue edited later
would leave the event's stamp as it was and pages would serve the record kept before the
edit. ``tests/web/test_data_version_triggers.py`` checks every table has its triggers.
"""

from __future__ import annotations

from django.db import migrations, models

from liqa.web.events.migration_triggers import keep_triggers


class Migration(migrations.Migration):
    dependencies = [("events", "0007_person_gender")]

    operations = keep_triggers(
        "events_venue",
        migrations.AddField(
            model_name="venue",
            name="name_fr",
            field=models.CharField(blank=True, max_length=300),
        ),
    )
