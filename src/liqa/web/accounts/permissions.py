"""Who may see what: one function per question, used by pages and the API alike."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event

User = AbstractBaseUser | AnonymousUser


def _memberships(user: User, event: Event, role: Role) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user_id=user.pk, event=event, role=role))


def is_organizer(user: User, event: Event) -> bool:
    """Organizers of the event, and superusers."""
    if getattr(user, "is_superuser", False):
        return True
    return bool(_memberships(user, event, Role.ORGANIZER))


def participant_key(user: User, event: Event) -> str | None:
    """The person key the user takes part as, or ``None``."""
    found = _memberships(user, event, Role.PARTICIPANT)
    return found[0].person if found else None


def host_key(user: User, event: Event) -> str | None:
    """The host organization the user administers, or ``None``."""
    found = _memberships(user, event, Role.HOST_ADMIN)
    return found[0].organization if found else None


def events_of(user: User) -> list[tuple[Event, str]]:
    """The events a user has a role in, with the role, newest first."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user_id=user.pk).select_related("event")
    return [(m.event, m.role) for m in memberships.order_by("-event__created_at", "role")]
