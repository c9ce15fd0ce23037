"""The demo: load the bundled mission into a fresh local database, plan it, serve it.

``liqa demo`` (owned by the CLI) calls :func:`load_demo` then :func:`serve`.
"""

from __future__ import annotations

from pathlib import Path

from liqa.web import runtime

ORGANIZER_EMAIL = "organizer@demo.liqa.local"


def load_demo(
    path: str | Path,
    *,
    time_limit: float = 10.0,
    data_dir: Path | None = None,
    base_url: str | None = None,
) -> dict[str, str]:
    """Import ``path`` (replacing an earlier copy), plan and publish it; return sign-in links.

    The database lives in ``data_dir`` (default ``$LIQA_DATA_DIR`` or ``./var``). The links
    (``organizer``, ``delegate`` and the ``public`` page) point at ``base_url`` (default
    ``$LIQA_BASE_URL``, ``http://127.0.0.1:8000``); the sign-in links work once.
    Raises ``liqa.core.problems.InputError`` when the mission file has problems.
    """
    runtime.configure(data_dir)
    runtime.migrate()
    from django.conf import settings

    if base_url is not None:
        settings.BASE_URL = base_url.rstrip("/")
    from django.contrib.auth.models import User

    from liqa.web.accounts import services as accounts
    from liqa.web.accounts.models import Role, SignInLink
    from liqa.web.events.records import event_record
    from liqa.web.events.services import import_mission_file
    from liqa.web.scheduling import publishing
    from liqa.web.scheduling.models import Run
    from liqa.web.scheduling.services import execute_run

    mission = Path(path)
    event = import_mission_file(mission.read_bytes(), mission.name, replace=True)
    organizer = accounts.user_for_email(ORGANIZER_EMAIL, "Demo Organizer")
    User.objects.filter(pk=organizer.pk).update(is_staff=True)
    accounts.grant(organizer, event, Role.ORGANIZER)
    accounts.enrol_everyone(event)
    run = Run.objects.create(event=event, time_limit=time_limit)
    execute_run(run.pk)
    run.refresh_from_db()
    if run.result is not None:
        publishing.publish(run.result, notify=False)
    delegates = [p for p in event_record(event).delegates() if p.email]
    SignInLink.objects.filter(user__email__iexact=ORGANIZER_EMAIL).delete()
    links = {
        "organizer": settings.BASE_URL + accounts.issue_link(organizer, f"/organize/{event.slug}/"),
    }
    if delegates:
        user = accounts.user_for_email(delegates[0].email)
        SignInLink.objects.filter(user=user).delete()
        links["delegate"] = settings.BASE_URL + accounts.issue_link(user, f"/me/{event.slug}/")
    links["public"] = f"{settings.BASE_URL}/events/{event.slug}/"
    return links


def serve(host: str = "127.0.0.1", port: int = 8000, data_dir: Path | None = None) -> None:
    """Serve the demo (blocking), with tasks run in-process."""
    runtime.configure(data_dir)
    runtime.run_server(host, port)
