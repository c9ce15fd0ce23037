# Written by hand (as makemigrations writes it) on 2026-11-30

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0007_run_bound_term"),
    ]

    # Runs recorded before re-planned with the default (priority first): False.
    operations = [
        migrations.AddField(
            model_name="run",
            name="keep_published",
            field=models.BooleanField(default=False),
        ),
    ]
