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
    """The person key the user takes part as, or ``None``.

    Only while that person is still in the event under the user's e-mail address: a
    membership left behind by a re-import or an address change opens nothing.
    """
    for member in _memberships(user, event, Role.PARTICIPANT):
        email = getattr(user, "email", "")
        if email and event.people.filter(key=member.person, email__iexact=email).exists():
            return member.person
    return None


def host_key(user: User, event: Event) -> str | None:
    """The host organization the user administers (while it is in the event), or ``None``."""
    for member in _memberships(user, event, Role.HOST_ADMIN):
        if event.organizations.filter(key=member.organization).exists():
            return member.organization
    return None


def events_of(user: User) -> list[tuple[Event, str]]:
    """The events a user has a role in, with the role, newest first."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user_id=user.pk).select_related("event")
    return [(m.event, m.role) for m in memberships.order_by("-event__created_at", "role")]
