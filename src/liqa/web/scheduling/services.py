"""Scheduling operations: start, execute, cancel and reap runs; pin; publish versions.

A run's task writes the solver's live progress to its row as it comes (one ``UPDATE`` per
report, no long transaction), which also refreshes ``heartbeat_at``; the result version,
its assignments and the run's final state are written in one transaction at the end, so a
worker killed mid-run leaves no half-written version. Cancel stops the solver within a
second or two and keeps nothing. A running run whose heartbeat is older than
``LIQA_RUN_STALE_SECONDS`` is marked failed by :func:`reap_stale_runs` (called when a
worker starts, when a run page is polled and before a new run starts).
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from liqa.core import model as core
from liqa.core.problems import InputError
from liqa.core.scheduling.progress import Progress
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import planner
from liqa.web.scheduling.models import AssignmentRow, Run, RunState, ScheduleVersion
from liqa.web.scheduling.records import schedule_record, store_schedule

log = logging.getLogger(__name__)

CANCELLED = gettext_noop("cancelled by the organizer")
WORKER_STOPPED = gettext_noop("the worker stopped during the run")
"""Run messages, stored in English and translated when shown."""


class ImmutableVersion(Exception):
    """A published version cannot change; copy it into a new draft instead."""


def start_run(
    event: Event,
    user: AbstractBaseUser | AnonymousUser | None = None,
    *,
    base: ScheduleVersion | None = None,
    time_limit: float | None = None,
    keep_published: bool = False,
) -> Run:
    """Record a run and enqueue its task (runs at once with the immediate backend).

    ``keep_published`` (with ``base``): the re-plan keeps ``base``'s meetings in place
    wherever the changed event allows."""
    from liqa.web.scheduling.tasks import plan_run

    reap_stale_runs()
    run = Run.objects.create(
        event=event,
        base=base,
        keep_published=keep_published and base is not None,
        created_by=user if isinstance(user, User) else None,
        time_limit=time_limit if time_limit is not None else settings.LIQA_SCHEDULER_SECONDS,
    )
    result = plan_run.enqueue(run.pk)
    Run.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    return run


def _claim(run_id: int) -> bool:
    """Move a queued run to running; False when another worker already took it."""
    now = timezone.now()
    return (
        Run.objects.filter(pk=run_id, state=RunState.QUEUED).update(
            state=RunState.RUNNING, started_at=now, heartbeat_at=now
        )
        == 1
    )


class ProgressWriter:
    """The solver's listener for one run: writes each report to the run's row.

    Returns False (stop) once the organizer cancelled the run or it is no longer running
    (a reaper marked it failed): the update then matches no row.
    """

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id

    def __call__(self, progress: Progress) -> bool:
        fields: dict[str, Any] = {"heartbeat_at": timezone.now(), "elapsed": progress.elapsed}
        terms = dict(progress.terms)
        if not terms and progress.objective is not None:
            terms = {"objective": progress.objective}
        if progress.bound_term and progress.objective is not None:
            # the value the bound is for, among the terms (the weighted cost, the value
            # with fairness), so that the page says what the bound bounds
            terms.setdefault(progress.bound_term, progress.objective)
        if terms:
            fields["objective"] = terms
        if progress.bound is not None:
            fields["bound"] = progress.bound
            fields["bound_term"] = progress.bound_term or ""
        if progress.gap is not None:
            fields["gap"] = progress.gap
        live = Run.objects.filter(pk=self.run_id, state=RunState.RUNNING, cancel_requested=False)
        return live.update(**fields) == 1


def execute_run(run_id: int) -> None:
    """Run the core scheduler for a run record and store the result as a draft version."""
    if not _claim(run_id):
        return
    run = Run.objects.select_related("event", "base").get(pk=run_id)
    try:
        event = event_record(run.event)
        previous = schedule_record(run.base) if run.base is not None else None
        planned = planner.plan(
            event,
            time_limit=run.time_limit,
            previous=previous,
            on_progress=ProgressWriter(run_id),
            keep_published=run.keep_published,
        )
    except (planner.PlannerMissing, InputError) as error:
        _finish(run_id, RunState.FAILED, str(error))
        return
    except Exception as error:  # the page must say the run failed, not spin forever
        log.exception("run %s failed", run_id)
        _finish(run_id, RunState.FAILED, f"{type(error).__name__}: {error}")
        return
    except BaseException:  # the worker is shutting down (SIGTERM, Ctrl+C): say so, go on
        _finish(run_id, RunState.FAILED, WORKER_STOPPED)
        raise
    _store(run_id, planned)


def _store(run_id: int, planned: planner.Plan) -> None:
    """Version, assignments and the run's final state in one transaction (or nothing)."""
    with transaction.atomic():
        locked = Run.objects.select_for_update(of=("self",))
        run = locked.select_related("event", "base").get(pk=run_id)
        if run.state != RunState.RUNNING:  # reaped meanwhile: its page already says failed
            return
        if run.cancel_requested:
            _finish(run_id, RunState.CANCELLED, CANCELLED)
            return
        version = store_schedule(run.event, planned.schedule)
        if run.base is not None:
            _keep_pins(run.base, version)
        _finish(
            run_id,
            RunState.DONE,
            planned.status,
            result=version,
            objective=dict(planned.objective),
            bound=planned.bound,
            gap=planned.gap,
            bound_term=planned.bound_term or "",
            released=planned.released_records(),
        )


def _keep_pins(base: ScheduleVersion, version: ScheduleVersion) -> None:
    """Carry the pinned flags of the base version over to the new one."""
    pinned = list(base.assignments.filter(pinned=True).values_list("key", flat=True))
    version.assignments.filter(key__in=pinned).update(pinned=True)


def _finish(run_id: int, state: RunState, message: str, **fields: Any) -> None:
    """Move a running run to its final state (no effect when it is not running any more)."""
    now = timezone.now()
    running = Run.objects.filter(pk=run_id, state=RunState.RUNNING)
    started = running.values_list("started_at", flat=True).first()
    if started is not None:
        fields["elapsed"] = (now - started).total_seconds()
    running.update(state=state, message=message, finished_at=now, **fields)


def reap_stale_runs(stale_after: float | None = None) -> int:
    """Mark failed every running run without a heartbeat for ``stale_after`` seconds.

    The default is ``LIQA_RUN_STALE_SECONDS``. Returns how many runs were marked; their
    versions are untouched (a result is only ever written whole, at the end of a run).
    """
    seconds = settings.LIQA_RUN_STALE_SECONDS if stale_after is None else stale_after
    now = timezone.now()
    cutoff = now - timedelta(seconds=seconds)
    silent = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    count = Run.objects.filter(silent, state=RunState.RUNNING).update(
        state=RunState.FAILED, message=WORKER_STOPPED, finished_at=now
    )
    if count:  # one statement each, no transaction held open while the run rows are read
        reaped = Run.objects.filter(state=RunState.FAILED, message=WORKER_STOPPED, finished_at=now)
        _fail_abandoned_tasks([t for t in reaped.values_list("task_id", flat=True) if t], now)
    return count


def _fail_abandoned_tasks(task_ids: list[str], now: Any) -> None:
    """Mark the queue's records of reaped runs failed too: the killed worker left them
    "running", which the queue's admin page and pruning would otherwise show forever."""
    ids = [t for t in task_ids if _is_uuid(t)]  # the database queue's ids are UUIDs
    if not ids:
        return
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id__in=ids, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="liqa.WorkerStopped",
        traceback=WORKER_STOPPED,
    )


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def cancel_run(run: Run) -> Run:
    """Ask a run to stop: a queued run is cancelled now, a running one within a second or
    two (the solver's listener sees the request); a cancelled run keeps nothing."""
    Run.objects.filter(pk=run.pk, state=RunState.QUEUED).update(
        state=RunState.CANCELLED, finished_at=timezone.now(), message=CANCELLED
    )
    Run.objects.filter(pk=run.pk).update(cancel_requested=True)
    run.refresh_from_db()
    return run


def set_pinned(version: ScheduleVersion, key: str, pinned: bool) -> AssignmentRow:
    """Pin or unpin one assignment of a draft version."""
    if version.published:
        raise ImmutableVersion(f"version {version.number} is published")
    row = version.assignments.get(key=key)
    row.pinned = pinned
    row.save(update_fields=["pinned"])
    return row


def latest_published(event: Event) -> ScheduleVersion | None:
    """The version participants see: the most recently published one."""
    return (
        ScheduleVersion.objects.filter(event=event, published_at__isnull=False)
        .order_by("-number")
        .first()
    )


def required_left_out(event: core.Event, schedule: core.Schedule) -> list[str] | None:
    """A mission's required visits (as ``event`` has them) that ``schedule`` does not make,
    by id, sorted: what publishing it records (``ScheduleVersion.missing_required``), so
    that its staleness check excuses those and no other. ``None`` for a brokerage event."""
    if event.kind is core.EventKind.BROKERAGE:
        return None
    made = {a.id for a in schedule.assignments if a.format is core.MeetingFormat.SITE_VISIT}
    return sorted(v.id for v in event.visits if v.required and v.id not in made)
