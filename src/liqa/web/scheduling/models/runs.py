"""Run records: the state and progress of one scheduler run, polled by its page."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from liqa.web.events.models import Event
from liqa.web.scheduling.models.versions import ScheduleVersion


def _no_terms() -> dict[str, float]:
    return {}


def _none_released() -> list[dict[str, object]]:
    return []


class RunState(models.TextChoices):
    """Life cycle of a run."""

    QUEUED = "queued", pgettext_lazy("run state", "queued")
    RUNNING = "running", pgettext_lazy("run state", "running")
    DONE = "done", pgettext_lazy("run state", "done")
    FAILED = "failed", pgettext_lazy("run state", "failed")
    CANCELLED = "cancelled", pgettext_lazy("run state", "cancelled")


class Run(models.Model):
    """One scheduler run, started from the organizer's page and executed by a task."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="runs")
    state = models.CharField(max_length=20, choices=RunState.choices, default=RunState.QUEUED)
    base = models.ForeignKey(
        ScheduleVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    """Version whose pinned assignments the run keeps ("re-optimize around pins")."""
    keep_published = models.BooleanField(default=False)
    """Re-plan keeping every meeting of ``base`` the changed event still allows in its slot
    and table (brokerage events; the core's ``replan_event(keep_published=True)``)."""
    result = models.ForeignKey(
        ScheduleVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    time_limit = models.FloatField(default=20.0)
    elapsed = models.FloatField(default=0.0)
    objective = models.JSONField(default=_no_terms, blank=True)
    """Each objective term by name, as the core reports it (live while running)."""
    bound = models.FloatField(null=True, blank=True)
    gap = models.FloatField(null=True, blank=True)
    """Relative gap between the best objective and the bound (0.05 = 5 %)."""
    bound_term = models.CharField(max_length=40, blank=True)
    """The objective term the bound and gap are for (``breaks``, ``weighted``, ``value``,
    ``objective``: the core's ``bound_term``); empty without a bound."""
    released = models.JSONField(default=_none_released, blank=True)
    """The published meetings a ``keep_published`` re-plan had to move, each as
    ``{"meeting": id, "start": ISO instant, "table": n or null, "blockers": [ids]}``: where it
    was and the meetings now there (the core's ``PlanOutcome.released``); the pages say it
    in the reader's language (:mod:`liqa.web.scheduling.released`)."""
    cancel_requested = models.BooleanField(default=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    """Last sign of life of the worker running it (each progress report refreshes it)."""
    message = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ("-created_at",)

    @property
    def finished(self) -> bool:
        """True once the run reached a final state."""
        return self.state in {RunState.DONE, RunState.FAILED, RunState.CANCELLED}

    def __str__(self) -> str:
        return f"run {self.pk} of {self.event} ({self.state})"
