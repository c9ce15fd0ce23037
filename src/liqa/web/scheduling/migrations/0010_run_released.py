# Written by hand (as makemigrations writes the field) on 2026-11-30

from django.db import migrations, models

import liqa.web.scheduling.models.runs


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0009_version_hand_moves"),
    ]

    operations = [
        migrations.AddField(
            model_name="run",
            name="released",
            field=models.JSONField(
                blank=True, default=liqa.web.scheduling.models.runs._none_released
            ),
        ),
    ]
