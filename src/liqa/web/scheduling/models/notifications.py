"""What publishing a version e-mailed: one record per participant whose agenda changed."""

from __future__ import annotations

from datetime import timedelta

from django.db import models

from liqa.web.scheduling.models.versions import ScheduleVersion

CLAIM_EXPIRES = timedelta(minutes=15)
"""How long a request's claim on a message holds: far longer than the mail backend's
timeouts (``LIQA_EMAIL_TIMEOUT``) for the few messages one request sends."""


class Notification(models.Model):
    """The e-mail telling one person that publishing ``version`` changed their agenda.

    Written in the transaction that publishes (``email`` empty when the person has no
    participant account with an address), then updated as each message is handed to the
    mail backend: ``sent_at`` once it accepted it, ``error`` when it refused (the message
    can be sent again). A record with an address, no ``sent_at`` and no ``error`` was not
    sent yet (the process stopped before reaching it), unless ``sending_since`` says a
    request is sending it now.
    """

    version = models.ForeignKey(
        ScheduleVersion, on_delete=models.CASCADE, related_name="notifications"
    )
    person = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    """The address it went to; empty: the person has none, nothing was sent."""
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    """Why the last attempt failed, as the mail backend said it."""
    sending_since = models.DateTimeField(null=True, blank=True)
    """Set while a request is handing the message to the mail backend (its claim, so that
    a second *Send again* does not send it twice); cleared with the outcome. A claim older
    than :data:`CLAIM_EXPIRES` was left by a request that died: the message may be sent."""

    class Meta:
        ordering = ("version", "person")
        constraints = (
            models.UniqueConstraint(fields=("version", "person"), name="notification_unique"),
        )

    @property
    def sent(self) -> bool:
        """True once the mail backend accepted the message."""
        return self.sent_at is not None

    @property
    def unsent(self) -> bool:
        """True for a message with an address that the mail backend has not accepted
        (it failed, or it was never tried): what *Send again* sends."""
        return bool(self.email) and self.sent_at is None

    def __str__(self) -> str:
        return f"{self.version} → {self.person}"
