"""Audit entries: one per change, kept even when the event itself is deleted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


def _no_changes() -> dict[str, list[object]]:
    return {}


class Action(models.TextChoices):
    """What happened to the record."""

    CREATED = "created", "created"
    CHANGED = "changed", "changed"
    DELETED = "deleted", "deleted"
    PUBLISHED = "published", "published"
    IMPORTED = "imported", "imported"


class AuditEntry(models.Model):
    """Who changed what, when: ``changes`` maps each field to ``[old, new]`` (JSON values).

    ``event`` is the event's slug, not a foreign key, so that the history outlives the
    event; ``actor`` is the user's name or ``system`` (tasks, the command line).
    """

    at = models.DateTimeField(default=timezone.now)
    event = models.CharField(max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.CharField(max_length=254)
    model = models.CharField(max_length=40)
    """``person``, ``organization``, ``request``, ``booking``, ``schedule``, ``assignment``,
    ``outcome`` or ``event``."""
    key = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=Action.choices)
    changes = models.JSONField(default=_no_changes)

    class Meta:
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=("event", "-at"), name="audit_event_at"),)
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor} {self.action} {self.model} {self.key}"


class AuditSubject(models.Model):
    """A person or organization an entry concerns (for the history's filter by person)."""

    entry = models.ForeignKey(AuditEntry, on_delete=models.CASCADE, related_name="subjects")
    key = models.CharField(max_length=100)

    class Meta:
        indexes = (models.Index(fields=("key",), name="audit_subject_key"),)
        constraints = (
            models.UniqueConstraint(fields=("entry", "key"), name="audit_subject_unique"),
        )

    def __str__(self) -> str:
        return self.key
