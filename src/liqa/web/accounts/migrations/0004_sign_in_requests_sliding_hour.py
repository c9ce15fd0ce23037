"""Sign-in requests over a sliding hour: each address's row also keeps the requests let
through in the hour before (``previous``) and the refusals since the last one let through
(``refused``), see ``liqa.web.accounts.limits``.

The rows of the fixed hours stay: their count is read as that of the clock hour their
start falls in (refused requests included, which errs on the side of refusing), so an
address that had reached the limit does not start again from nothing at the upgrade. The
new columns have a database default, so that a process still running the code before
(during a rolling upgrade) can insert its rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_sign_in_requests_per_address"),
    ]

    operations = [
        migrations.AddField(
            model_name="signinrequest",
            name="previous",
            field=models.PositiveIntegerField(default=0, db_default=0),
        ),
        migrations.AddField(
            model_name="signinrequest",
            name="refused",
            field=models.PositiveIntegerField(default=0, db_default=0),
        ),
    ]
