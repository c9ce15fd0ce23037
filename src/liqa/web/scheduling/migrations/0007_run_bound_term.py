# Written by hand (as makemigrations writes it) on 2026-11-30

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0006_version_affected"),
    ]

    # Runs recorded before keep "" (their bound's term unknown): their pages say no proof.
    operations = [
        migrations.AddField(
            model_name="run",
            name="bound_term",
            field=models.CharField(blank=True, max_length=40),
        ),
    ]
