"""Secrets kept only as SHA-256 digests: sign-in links and calendar feed URLs."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from liqa.web.events.models import Event


class SignInLink(models.Model):
    """A single-use, expiring magic link (only the digest of its secret is stored)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_links"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    next_url = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return f"sign-in link for {self.user} ({self.created_at:%Y-%m-%d %H:%M})"


class CalendarFeed(models.Model):
    """A person's private calendar feed; revoked feeds stay for the record."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="calendar_feeds")
    person = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.person} in {self.event}"


class SignInRequest(models.Model):
    """The sign-in requests let through for one address in its current clock hour and in
    the hour before, from which :mod:`liqa.web.accounts.limits` estimates those of the
    last sixty minutes (a sliding hour).

    Kept in the database (not a per-process cache) so that every web process and machine
    counts the same requests: one row per address (a digest of it, never the address),
    counted up in one statement; rows whose two hours are over are deleted now and then."""

    address = models.CharField(max_length=64, unique=True)
    """SHA-256 digest of the lower-cased address."""
    at = models.DateTimeField(db_index=True)
    """The start of the clock hour ``requests`` counts (UTC)."""
    requests = models.PositiveIntegerField(default=1)
    """Requests let through in the hour from ``at``."""
    previous = models.PositiveIntegerField(default=0, db_default=0)
    """Requests let through in the hour before ``at``."""
    refused = models.PositiveIntegerField(default=0, db_default=0)
    """Requests refused since the last one let through (0: the latest was let through)."""

    def __str__(self) -> str:
        return f"{self.requests} sign-in request(s) since {self.at:%Y-%m-%d %H:%M}"
