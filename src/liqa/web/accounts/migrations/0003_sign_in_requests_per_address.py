"""Sign-in requests: one counter row per address (was one row per request).

The rows of the old form are hourly rate-limit counts, not records: they are dropped, so
every address starts a fresh hour after the upgrade."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_sign_in_requests"),
    ]

    operations = [
        migrations.RunSQL(
            "DELETE FROM accounts_signinrequest", reverse_sql=migrations.RunSQL.noop
        ),
        migrations.AddField(
            model_name="signinrequest",
            name="requests",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AlterField(
            model_name="signinrequest",
            name="address",
            field=models.CharField(max_length=64, unique=True),
        ),
    ]
