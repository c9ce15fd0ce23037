"""Private calendar feeds: a secret URL per person, revocable, stored as a digest."""

from __future__ import annotations

import secrets

from django.utils import timezone

from liqa.web.accounts.models import CalendarFeed
from liqa.web.accounts.services import digest
from liqa.web.events.models import Event


def create_feed(event: Event, person: str) -> str:
    """A new feed secret for ``person`` (any previous feed of theirs is revoked)."""
    revoke_feeds(event, person)
    secret = secrets.token_urlsafe(24)
    CalendarFeed.objects.create(
        event=event, person=person, digest=digest(secret), created_at=timezone.now()
    )
    return secret


def revoke_feeds(event: Event, person: str) -> int:
    """Revoke every live feed of ``person``; returns how many were live."""
    return CalendarFeed.objects.filter(event=event, person=person, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def has_feed(event: Event, person: str) -> bool:
    """True when ``person`` has a live feed."""
    return CalendarFeed.objects.filter(event=event, person=person, revoked_at__isnull=True).exists()


def feed_owner(secret: str) -> CalendarFeed | None:
    """The live feed with this secret, or ``None``."""
    return (
        CalendarFeed.objects.select_related("event")
        .filter(digest=digest(secret), revoked_at__isnull=True)
        .first()
    )
