"""What publishing a version e-mailed: one record per participant whose agenda changed."""

from __future__ import annotations

from django.db import models

from liqa.web.scheduling.models.versions import ScheduleVersion


class Notification(models.Model):
    """The e-mail telling one person that publishing ``version`` changed their agenda.

    Written in the transaction that publishes (``email`` empty when the person has no
    participant account with an address), then updated as each message is handed to the
    mail backend: ``sent_at`` once it accepted it, ``error`` when it refused (the message
    can be sent again). A record with an address, no ``sent_at`` and no ``error`` was not
    sent yet (the process stopped before reaching it).
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
