"""The history's entries for what organizers take away rather than change.

A backup downloaded from the web (``/organize/<event>/backup.zip``) holds every person's
e-mail address: the history records who took one and when, under the archive's name.
"""

from __future__ import annotations

from liqa.web.audit.receivers import record
from liqa.web.events.models import Event

BACKUP = "backup"
"""The entry's ``model``: the event's backup archive (its key is the file's name)."""
DOWNLOADED = "downloaded"
"""The entry's ``action``."""


def backup_downloaded(event: Event, file_name: str) -> None:
    """Record that the acting user downloaded the event's backup as ``file_name``."""
    record(event.slug, BACKUP, file_name, DOWNLOADED, {})
