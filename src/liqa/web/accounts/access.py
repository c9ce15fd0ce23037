"""An event looked up by slug, with the user's roles in it and its data state, read together.

Every participant read (the agenda page, the ``.ics`` file, the schedule API) and every
booking needs the event row, the user's roles (:func:`~liqa.web.accounts.permissions.roles`)
and, for reads, the event's state (:func:`~liqa.web.events.snapshots.event_state`: the
stamp its kept records are keyed by, and the published versions). On PostgreSQL the three
are one statement, so one round trip instead of three; elsewhere they are read one by one.
The roles are decided by ``permissions.roles_of`` from the same membership rows either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.db import connection

from liqa.web.accounts.permissions import (
    Roles,
    User,
    role_parameters,
    roles,
    roles_json_sql,
    roles_of,
)
from liqa.web.events.models import Event
from liqa.web.events.snapshots import (
    State,
    event_state,
    postgresql_stamp,
    published_ids,
    stamp_columns,
)

FIELDS = tuple(Event._meta.concrete_fields)


@dataclass(frozen=True)
class Access:
    """An event row, what the user is in it, and its state as read with them."""

    event: Event
    roles: Roles
    state: State
    """Read at the start of the request: pass it on only to reads made before any write."""


@cache
def _sql(public_only: bool) -> str:
    versions = apps.get_model("scheduling", "ScheduleVersion")._meta.db_table
    columns = ", ".join(f"ev.{connection.ops.quote_name(str(f.column))}" for f in FIELDS)
    public = " AND ev.public" if public_only else ""
    return (
        f"SELECT {columns}, {stamp_columns('ev')},"
        f" (SELECT string_agg(v.id::text, ',' ORDER BY v.number) FROM {versions} v"
        f" WHERE v.event_id = ev.id AND v.published_at IS NOT NULL),"
        f" {roles_json_sql('ev')}"
        f" FROM {Event._meta.db_table} ev WHERE ev.slug = %s{public}"
    )


def _event(values: tuple[Any, ...]) -> Event:
    """The model instance of the event row's values (JSON fields decoded as the ORM does)."""
    converted = [
        f.from_db_value(v, None, connection) if hasattr(f, "from_db_value") else v  # type: ignore[attr-defined]  # JSONField
        for f, v in zip(FIELDS, values, strict=True)
    ]
    return Event.from_db(connection.alias, [f.attname for f in FIELDS], converted)


def access(user: User, slug: str, *, public_only: bool = False) -> Access | None:
    """The event ``slug`` (``public_only``: only if public) with the user's roles and its
    state; ``None`` when there is no such event."""
    if connection.vendor != "postgresql":
        events = Event.objects.filter(slug=slug, **({"public": True} if public_only else {}))
        row = events.first()
        if row is None:
            return None
        return Access(row, roles(user, row), event_state(row))
    with connection.cursor() as cursor:
        email, user_id = role_parameters(user)
        cursor.execute(_sql(public_only), [email, user_id, slug])
        found = cursor.fetchone()
    if found is None:
        return None
    n = len(FIELDS)
    row = _event(found[:n])
    xmin, version, published, memberships = found[n:]
    if isinstance(memberships, str):
        memberships = json.loads(memberships)
    state = State(postgresql_stamp(row.pk, xmin, version), published_ids(published))
    return Access(row, roles_of(user, memberships or []), state)
