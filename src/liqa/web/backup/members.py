"""The members of a backup archive, in order, and its manifest.

To back up a new kind of event data, write a :class:`~liqa.web.backup.section.Section`
for it and add it to :data:`SECTIONS` with ``required=False`` (archives written before it
existed then restore as if it were empty); the format version stays 1.
"""

from __future__ import annotations

from typing import Any

from liqa.web.backup.accounts import MEMBERSHIPS, USERS
from liqa.web.backup.audit import AUDIT
from liqa.web.backup.bookings import BOOKINGS
from liqa.web.backup.checks import COUNT, INSTANT, KEY, record
from liqa.web.backup.extras import CONFIRMATIONS, EVENT_SETTINGS, REMINDERS
from liqa.web.backup.schedules import RUNS, VERSIONS
from liqa.web.backup.section import Section

FORMAT = "liqa-event-backup"
VERSION = 1
MANIFEST = "manifest.json"
MISSION = "mission.yaml"

SECTIONS: tuple[Section, ...] = (
    USERS,
    EVENT_SETTINGS,
    MEMBERSHIPS,
    VERSIONS,
    RUNS,
    CONFIRMATIONS,
    REMINDERS,
    BOOKINGS,
    AUDIT,
)
"""Every JSON member, in the order restore writes them (later ones refer to earlier ones)."""

MISSION_COUNTS = ("organizations", "people", "requests", "visits", "programme", "outcomes")
"""Records of the mission file counted in the manifest."""

MANIFEST_SCHEMA: dict[str, Any] = record(
    {
        "format": {"const": FORMAT},
        "format_version": {"type": "integer", "minimum": 1},
        "liqa_version": {"type": "string"},
        "created_at": INSTANT,
        "event": KEY,
        "counts": {"type": "object", "additionalProperties": COUNT},
        "members": {
            "type": "object",
            "additionalProperties": record(
                {"sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "bytes": COUNT}
            ),
        },
    }
)
