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

from django.db import migrations, models

from liqa.web.events.migration_triggers import keep_triggers


class Migration(migrations.Migration):
    dependencies = [("events", "0006_organization_name_fr")]

    operations = keep_triggers(
        "events_person",
        migrations.AddField(
            model_name="person",
            name="gender",
            field=models.CharField(
                blank=True, choices=[("female", "female"), ("male", "male")], max_length=10
            ),
        ),
    )
