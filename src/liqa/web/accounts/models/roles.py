"""Who may do what in which event."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from liqa.web.events.models import Event


class Role(models.TextChoices):
    """The roles of the issue: organizers per event, host administrators, participants."""

    ORGANIZER = "organizer", "organizer"
    HOST_ADMIN = "host_admin", "host administrator"
    PARTICIPANT = "participant", "participant"


class Membership(models.Model):
    """A user's role in one event.

    A participant is linked to one person (``person`` = the person's key); a host
    administrator to one host organization (``organization`` = the org's key).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    person = models.CharField(max_length=100, blank=True)
    organization = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=5, default="en")
    """Language of the e-mails this member receives."""

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "event", "role"), name="membership_unique"),
        )

    def __str__(self) -> str:
        return f"{self.user} {self.role} of {self.event}"
