"""Where an event stands at a given moment: not begun, under way, or over.

A text about the event (the communiqué) takes its tense from it: a draft written before
the first day announces the event, one written during it says it is taking place, one
written after it says it was held. The event's days are local days: it begins at midnight
starting its first day where its first leg is, and ends at midnight ending its last day
where its last leg is (Houston's Sunday starts an hour before Silicon Valley's).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from liqa.core.model import Event


class Phase(Enum):
    """An event's phase at one moment."""

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


def require_aware(now: datetime) -> datetime:
    """``now`` itself, refused with a clear message when it carries no time zone."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"the moment must carry its time zone, got {now.isoformat()}")
    return now


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    """The instant ``day`` begins in ``zone``."""
    return datetime.combine(day, time(0), tzinfo=zone)


def event_phase(event: Event, now: datetime) -> Phase:
    """The phase of ``event`` at ``now`` (timezone-aware): before midnight starting its
    first day (where its first leg is), after midnight ending its last day (where its last
    leg is), else during."""
    require_aware(now)
    first = min(event.legs, key=lambda leg: leg.start)
    last = max(event.legs, key=lambda leg: leg.end)
    if now < _midnight(first.start, first.tz):
        return Phase.BEFORE
    if now >= _midnight(last.end + timedelta(days=1), last.tz):
        return Phase.AFTER
    return Phase.DURING
