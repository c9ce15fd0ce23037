# Written by hand (as makemigrations writes the field) on 2026-11-30

from typing import Any

from django.db import migrations, models


def count_from_the_trail(apps: Any, schema_editor: Any) -> None:
    """Each existing version's moves made by hand (:func:`fill_counts`)."""
    fill_counts(apps, schema_editor.connection.alias)


def fill_counts(apps: Any, alias: str) -> None:
    """Each version's moves made by hand on database ``alias``, as the proof of quality
    counted them before the version kept its own count: the audit trail's ``changed``
    entries of the version's assignments that moved a start or a table since the version
    was made (an earlier version of the same number, which an import replaced, is older and
    not counted; a pin changes neither and is not counted)."""
    versions = apps.get_model("scheduling", "ScheduleVersion")
    entries = apps.get_model("audit", "AuditEntry")
    for version in versions.objects.using(alias).select_related("event").iterator():
        moves = (
            entries.objects.using(alias)
            .filter(
                event=version.event.slug,
                model="assignment",
                key__startswith=f"v{version.number}/",
                action="changed",
                at__gte=version.created_at,
                changes__has_any_keys=["start", "table"],
            )
            .count()
        )
        if moves:
            versions.objects.using(alias).filter(pk=version.pk).update(hand_moves=moves)


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0008_run_keep_published"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="scheduleversion",
            name="hand_moves",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(count_from_the_trail, migrations.RunPython.noop),
    ]
