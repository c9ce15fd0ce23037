"""The demo: load the bundled mission into a fresh local database, plan it, serve it.

``liqa demo`` (owned by the CLI) calls :func:`load_demo` then :func:`serve`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from liqa.web import runtime

if TYPE_CHECKING:
    from liqa.core.model import Event as CoreEvent
    from liqa.core.model import Person, Schedule
    from liqa.web.events.models import Event as EventRow
    from liqa.web.scheduling.models import Run

ORGANIZER_EMAIL = "organizer@demo.liqa.local"


def load_demo(
    path: str | Path,
    *,
    time_limit: float = 10.0,
    data_dir: Path | None = None,
    base_url: str | None = None,
    schedule: Schedule | None = None,
    seconds: float = 0.0,
    bound_term: str | None = None,
) -> dict[str, str]:
    """Import ``path`` (replacing an earlier copy), plan and publish it; return sign-in links.

    ``schedule`` is the mission's schedule when the caller already planned it (``liqa demo``
    plans once for its files and the web app): it is stored as a finished run's result
    instead of planning again, ``seconds`` (the caller's solve time) its time and
    ``bound_term`` the objective term its bound is for (the plan outcome's). The database
    lives in ``data_dir`` (default ``$LIQA_DATA_DIR`` or ``./var``). The links
    (``organizer``, ``delegate``, ``host``: the administrator of the first host visited,
    and the ``public`` page) point at ``base_url`` (default ``$LIQA_BASE_URL``,
    ``http://127.0.0.1:8000``); the sign-in links work once.
    Raises ``liqa.core.problems.InputError`` when the mission file has problems.
    """
    runtime.configure(data_dir)
    runtime.migrate()
    from django.db import transaction

    with transaction.atomic():  # one commit (one disk sync) for hundreds of small writes
        return _load(Path(path), time_limit, base_url, schedule, seconds, bound_term)


def _load(
    mission: Path,
    time_limit: float,
    base_url: str | None,
    schedule: Schedule | None,
    seconds: float = 0.0,
    bound_term: str | None = None,
) -> dict[str, str]:
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
    from liqa.web.scheduling.records import schedule_record
    from liqa.web.scheduling.services import execute_run

    event = import_mission_file(mission.read_bytes(), mission.name, replace=True)
    organizer = accounts.user_for_email(ORGANIZER_EMAIL, "Demo Organizer")
    User.objects.filter(pk=organizer.pk).update(is_staff=True)
    accounts.grant(organizer, event, Role.ORGANIZER)
    accounts.enrol_everyone(event)
    if schedule is None:
        run = Run.objects.create(event=event, time_limit=time_limit)
        execute_run(run.pk)
        run.refresh_from_db()
    else:
        run = _finished_run(event, schedule, time_limit, seconds, bound_term)
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
    published = schedule_record(run.result) if run.result is not None else None
    host = _first_host_contact(event_record(event), published)
    if host is not None:
        user = accounts.user_for_email(host.email, host.name)
        SignInLink.objects.filter(user=user).delete()
        accounts.grant(user, event, Role.HOST_ADMIN, person=host.id, organization=host.organization)
        links["host"] = settings.BASE_URL + accounts.issue_link(user, f"/host/{event.slug}/")
    links["public"] = f"{settings.BASE_URL}/events/{event.slug}/"
    return links


def _first_host_contact(event: CoreEvent, schedule: Schedule | None) -> Person | None:
    """A person with an e-mail address of the first host the published schedule visits
    (the demo names them their host's administrator, as an organizer would)."""
    from liqa.core.model import MeetingFormat

    visits = sorted(
        (
            a
            for a in (schedule.assignments if schedule else ())
            if a.format is MeetingFormat.SITE_VISIT
        ),
        key=lambda a: a.start,
    )
    for visit in visits:
        staff = [p for p in event.people if p.organization in visit.parties and p.email]
        if staff:
            return staff[0]
    return None


def _finished_run(
    event: EventRow,
    schedule: Schedule,
    time_limit: float,
    seconds: float = 0.0,
    bound_term: str | None = None,
) -> Run:
    """Record ``schedule`` as the result of a finished run, as if the web app had planned it
    (in ``seconds``, which the run page shows as its time; its bound for ``bound_term``, so
    the proof of quality names what it bounds, as a run of the web app's own does)."""
    from datetime import timedelta

    from django.utils import timezone

    from liqa.web.scheduling.models import Run, RunState
    from liqa.web.scheduling.records import store_schedule

    if schedule.event != event.slug:
        raise ValueError(f"the schedule is of event {schedule.event!r}, not {event.slug!r}")
    provenance = schedule.provenance
    now = timezone.now()
    return Run.objects.create(
        event=event,
        time_limit=time_limit,
        state=RunState.DONE,
        result=store_schedule(event, schedule),
        objective=dict(provenance.objective),
        bound=provenance.bound,
        gap=provenance.gap,
        bound_term=(bound_term or "") if provenance.bound is not None else "",
        message=provenance.status,
        elapsed=seconds,
        started_at=now - timedelta(seconds=seconds),
        finished_at=now,
    )


def serve(host: str = "127.0.0.1", port: int = 8000, data_dir: Path | None = None) -> None:
    """Serve the demo (blocking), with tasks run in-process."""
    runtime.configure(data_dir)
    runtime.run_server(host, port)
