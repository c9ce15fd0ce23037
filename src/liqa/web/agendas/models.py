"""Hosts' confirmations of which of their staff attend a meeting or visit."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from liqa.web.events.models import Event


def _no_people() -> list[str]:
    return []


class HostConfirmation(models.Model):
    """A host administrator's list of staff attending one published meeting or visit."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="confirmations")
    assignment = models.CharField(max_length=100)
    organization = models.CharField(max_length=100)
    attendees = models.JSONField(default=_no_people)
    """Person keys of the host's staff who will attend."""
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("event", "assignment", "organization"), name="confirmation_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.organization} at {self.assignment}"


class ReminderSent(models.Model):
    """A follow-up reminder e-mailed to a participant, ``months`` after the event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    person = models.CharField(max_length=100)
    months = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("event", "person", "months"), name="reminder_unique"),
        )

    def __str__(self) -> str:
        return f"{self.person} +{self.months} months"
