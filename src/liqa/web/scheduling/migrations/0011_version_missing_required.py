# Written by hand (as makemigrations writes the field) on 2026-12-01

from typing import Any

from django.db import migrations, models

MISSING_REQUIRED = "missing required visits"
"""The status of a mission's version planned with required visits left out (the core's
``itinerary.from_schedule.MISSING_REQUIRED`` when this migration was written)."""


def record_what_was_excused(apps: Any, schema_editor: Any) -> None:
    """Each published mission version's visits excused (:func:`fill_excused`)."""
    fill_excused(apps, schema_editor.connection.alias)


def fill_excused(apps: Any, alias: str) -> None:
    """Give each mission version published before ``missing_required`` was recorded, on
    database ``alias``, what the staleness check excused for it then: when it was planned
    with required visits missing, every visit it lists as not made (which of them were
    required at publication was not stored: any may have been), else none. Drafts and a
    brokerage event's versions keep ``None``; nothing else is written."""
    versions = apps.get_model("scheduling", "ScheduleVersion")
    published = (
        versions.objects.using(alias)
        .filter(published_at__isnull=False, missing_required__isnull=True)
        .exclude(event__kind="brokerage")
    )
    for pk, provenance, unplaced in published.values_list("pk", "provenance", "unplaced"):
        knew = isinstance(provenance, dict) and provenance.get("status") == MISSING_REQUIRED
        listed = sorted({u["id"] for u in unplaced or () if isinstance(u, dict) and "id" in u})
        excused = listed if knew else []
        versions.objects.using(alias).filter(pk=pk).update(missing_required=excused)


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0010_run_released"),
    ]

    operations = [
        migrations.AddField(
            model_name="scheduleversion",
            name="missing_required",
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.RunPython(record_what_was_excused, migrations.RunPython.noop),
    ]
