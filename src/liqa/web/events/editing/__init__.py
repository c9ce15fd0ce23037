"""The organizer edits an event's records in the browser; the core judges every change.

:mod:`.kinds` says what can be edited and where it lives in the mission data,
:mod:`.validation` runs the core's validator on the whole edited event, and
:mod:`.operations` adds, changes and deletes records (all or nothing).
"""

from liqa.web.events.editing.kinds import KINDS, Kind
from liqa.web.events.editing.operations import (
    EditRefused,
    NoSuchRecord,
    delete,
    initial,
    records,
    save,
)

__all__ = ["KINDS", "EditRefused", "Kind", "NoSuchRecord", "delete", "initial", "records", "save"]
