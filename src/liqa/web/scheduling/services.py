"""Scheduling operations: start, execute and cancel runs; pin; publish versions."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import transaction
from django.utils import timezone

from liqa.core.problems import InputError
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import planner
from liqa.web.scheduling.models import AssignmentRow, Run, RunState, ScheduleVersion
from liqa.web.scheduling.records import schedule_record, store_schedule

log = logging.getLogger(__name__)


class ImmutableVersion(Exception):
    """A published version cannot change; copy it into a new draft instead."""


def start_run(
    event: Event,
    user: AbstractBaseUser | AnonymousUser | None = None,
    *,
    base: ScheduleVersion | None = None,
    time_limit: float | None = None,
) -> Run:
    """Record a run and enqueue its task (runs at once with the immediate backend)."""
    from liqa.web.scheduling.tasks import plan_run

    run = Run.objects.create(
        event=event,
        base=base,
        created_by=user if isinstance(user, User) else None,
        time_limit=time_limit if time_limit is not None else settings.LIQA_SCHEDULER_SECONDS,
    )
    result = plan_run.enqueue(run.pk)
    Run.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    return run


def _claim(run_id: int) -> bool:
    """Move a queued run to running; False when another worker already took it."""
    return (
        Run.objects.filter(pk=run_id, state=RunState.QUEUED).update(
            state=RunState.RUNNING, started_at=timezone.now()
        )
        == 1
    )


def execute_run(run_id: int) -> None:
    """Run the core scheduler for a run record and store the result as a draft version."""
    if not _claim(run_id):
        return
    run = Run.objects.select_related("event", "base").get(pk=run_id)
    try:
        event = event_record(run.event)
        previous = schedule_record(run.base) if run.base is not None else None
        planned = planner.plan(event, time_limit=run.time_limit, previous=previous)
    except (planner.PlannerMissing, InputError) as error:
        _finish(run, RunState.FAILED, str(error))
        return
    except Exception as error:  # the page must say the run failed, not spin forever
        log.exception("run %s failed", run_id)
        _finish(run, RunState.FAILED, f"{type(error).__name__}: {error}")
        return
    run.refresh_from_db(fields=["cancel_requested"])
    if run.cancel_requested:
        _finish(run, RunState.CANCELLED, "cancelled by the organizer")
        return
    with transaction.atomic():
        version = store_schedule(run.event, planned.schedule)
        if run.base is not None:
            _keep_pins(run.base, version)
        run.result = version
        run.objective = dict(planned.objective)
        run.bound = planned.bound
        run.gap = planned.gap
        _finish(run, RunState.DONE, planned.status)


def _keep_pins(base: ScheduleVersion, version: ScheduleVersion) -> None:
    """Carry the pinned flags of the base version over to the new one."""
    pinned = list(base.assignments.filter(pinned=True).values_list("key", flat=True))
    version.assignments.filter(key__in=pinned).update(pinned=True)


def _finish(run: Run, state: RunState, message: str) -> None:
    run.state = state
    run.message = message
    run.finished_at = timezone.now()
    if run.started_at is not None:
        run.elapsed = (run.finished_at - run.started_at).total_seconds()
    run.save()


def cancel_run(run: Run) -> Run:
    """Ask a run to stop: a queued run is cancelled now, a running one when the solver returns."""
    Run.objects.filter(pk=run.pk, state=RunState.QUEUED).update(
        state=RunState.CANCELLED, finished_at=timezone.now(), message="cancelled by the organizer"
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
