"""What one JSON member of a backup knows how to do: dump its rows, check, restore them.

A :class:`Section` is the extension point of the backup format: a new kind of event data
(bookings, audit entries...) is one more section listed in :mod:`.members`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion

Found = Iterator[tuple[str, str]]
"""``(field path, message)`` of each broken reference or duplicate."""


def instant(value: datetime | None) -> str | None:
    """A stored instant as ISO 8601 text (UTC, as the database returns it)."""
    return None if value is None else value.isoformat()


def parse_instant(text: str) -> datetime:
    """The inverse of :func:`instant` (the schema has already checked the text)."""
    return datetime.fromisoformat(text)


def parse_optional(text: str | None) -> datetime | None:
    """:func:`parse_instant`, or ``None`` for no instant."""
    return None if text is None else datetime.fromisoformat(text)


class Users:
    """The users a backup refers to, collected while dumping; referred to by username."""

    def __init__(self) -> None:
        self._seen: dict[str, User] = {}

    def ref(self, user: User | None) -> str | None:
        """The username standing for ``user`` in the archive (``None`` for no user)."""
        if user is None:
            return None
        self._seen[user.username] = user
        return user.username

    def found(self) -> dict[str, User]:
        """The referred users by username (to restore what was dumped without an archive)."""
        return dict(self._seen)

    def records(self) -> list[dict[str, Any]]:
        """Every referred user: username, e-mail and name (no password, no secrets)."""
        return [
            {
                "username": user.username,
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
            }
            for _name, user in sorted(self._seen.items())
        ]


@dataclass(frozen=True)
class Known:
    """What references in the archive may point at."""

    people: set[str]
    organizations: set[str]
    requests: set[str] = field(default_factory=set)
    users: set[str] = field(default_factory=set)
    versions: set[int] = field(default_factory=set)
    assignments: set[str] = field(default_factory=set)


@dataclass
class Restoring:
    """The rows written so far while restoring, for later sections to refer to."""

    event: Event
    users: dict[str, User] = field(default_factory=dict)
    versions: dict[int, ScheduleVersion] = field(default_factory=dict)
    uncounted: list[ScheduleVersion] = field(default_factory=list)
    """Versions restored from an archive written before versions kept their count of moves
    made by hand: counted from the restored audit trail once it is written."""


def _nothing(_data: Any, _known: Known) -> Found:
    return iter(())


@dataclass(frozen=True)
class Section:
    """One JSON member of the archive."""

    member: str
    """File name in the archive, e.g. ``runs.json``."""
    schema: dict[str, Any]
    """JSON Schema of the member's content."""
    dump: Callable[[Event, Users], Any]
    """The event's rows as JSON data, in a stable order."""
    restore: Callable[[Restoring, Any], None]
    """Write the checked data under the restored event."""
    counts: Callable[[Any], dict[str, int]]
    """How many records the data holds, by name (recorded in the manifest)."""
    references: Callable[[Any, Known], Found] = _nothing
    """Broken references and duplicates in the data."""
    required: bool = True
    """False for sections added after format 1 was first written: older archives lack
    them, and restore as if they were empty."""
    empty: Any = field(default_factory=list)
    """The data of a missing optional section."""
