"""Who may see what: one function per question, used by pages and the API alike.

Every question is answered from :func:`roles`: the user's memberships of the event, each
with whether its person or organization is still in the event, read in one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection

from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event, Organization, Person

User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Roles:
    """What a user is in one event."""

    organizer: bool
    """An organizer of the event, or a superuser."""
    person: str | None
    """The person key the user takes part as (see :func:`participant_key`), or ``None``."""
    organization: str | None
    """The host organization the user administers (see :func:`host_key`), or ``None``."""


def _membership_columns() -> str:
    """A membership ``m``'s role, person and organization, and whether its person (under
    the e-mail address given as the first parameter, compared as ``email__iexact`` does) or
    its organization is in the event."""
    people, organizations = Person._meta.db_table, Organization._meta.db_table
    return (
        f"m.role, m.person, m.organization,"
        f" EXISTS(SELECT 1 FROM {people} p WHERE p.event_id = m.event_id"
        f" AND p.key = m.person AND UPPER(p.email) = UPPER(%s)),"
        f" EXISTS(SELECT 1 FROM {organizations} o WHERE o.event_id = m.event_id"
        f" AND o.key = m.organization)"
    )


def _roles_sql() -> str:
    """The user's memberships of the event with their checks (parameters: e-mail address,
    user id, event id).

    Plain SQL, one statement: the ORM's query building cost more CPU than the query."""
    member = Membership._meta.db_table
    return (
        f"SELECT {_membership_columns()} FROM {member} m"
        f" WHERE m.user_id = %s AND m.event_id = %s ORDER BY m.id"
    )


def roles_json_sql(event: str) -> str:
    """PostgreSQL: the rows of :func:`roles` as one JSON array of arrays (``null`` when
    none), a subquery on the event row aliased ``event`` (parameters: e-mail address, user
    id), for statements that read the event and the roles together."""
    member = Membership._meta.db_table
    return (
        f"(SELECT json_agg(json_build_array({_membership_columns()}) ORDER BY m.id)"
        f" FROM {member} m WHERE m.user_id = %s AND m.event_id = {event}.id)"
    )


def role_parameters(user: User) -> tuple[str, int | None]:
    """The parameters of :func:`roles_json_sql` for ``user`` (an anonymous user matches no
    membership)."""
    if not user.is_authenticated:
        return "", None
    return getattr(user, "email", "") or "", user.pk


def roles(user: User, event: Event) -> Roles:
    """The user's roles in the event, in one query (none for anonymous users).

    A participant membership counts only while its person is still in the event under the
    user's e-mail address, a host administrator's while its organization is in the event:
    a membership left behind by a re-import or an address change opens nothing.
    """
    if not user.is_authenticated:
        return roles_of(user, [])
    email = getattr(user, "email", "") or ""
    with connection.cursor() as cursor:
        cursor.execute(_roles_sql(), [email, user.pk, event.pk])
        rows = cursor.fetchall()
    return roles_of(user, rows)


def roles_of(user: User, rows: Iterable[Sequence[Any]]) -> Roles:
    """The roles that the user's membership rows (:func:`_roles_sql`'s columns) give."""
    superuser = bool(getattr(user, "is_superuser", False))
    if not user.is_authenticated:
        return Roles(superuser, None, None)
    email = getattr(user, "email", "") or ""
    organizer, person, organization = superuser, None, None
    for role, key, org, person_ok, organization_ok in rows:
        if role == Role.ORGANIZER:
            organizer = True
        elif role == Role.PARTICIPANT and email and person_ok and person is None:
            person = key
        elif role == Role.HOST_ADMIN and organization_ok and organization is None:
            organization = org
    return Roles(organizer, person, organization)


def is_organizer(user: User, event: Event) -> bool:
    """Organizers of the event, and superusers."""
    if getattr(user, "is_superuser", False):
        return True
    return roles(user, event).organizer


def participant_key(user: User, event: Event) -> str | None:
    """The person key the user takes part as, or ``None``.

    Only while that person is still in the event under the user's e-mail address: a
    membership left behind by a re-import or an address change opens nothing.
    """
    return roles(user, event).person


def host_key(user: User, event: Event) -> str | None:
    """The host organization the user administers (while it is in the event), or ``None``."""
    return roles(user, event).organization


def events_of(user: User) -> list[tuple[Event, str]]:
    """The events a user has a role in, with the role, newest first."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user_id=user.pk).select_related("event")
    return [(m.event, m.role) for m in memberships.order_by("-event__created_at", "role")]
