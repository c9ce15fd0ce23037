"""What a candidate visit must also satisfy when the organizer edits it.

The mission file's validator checks a visit's references and that its windows fall on the
legs' days; a visit the scheduler could never place is caught here, on the core's
records: a window shorter than the visit, a required attendee who is not a delegate.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.missionfile.values import LegSpan, format_instant


def problems(event: core.Event, key: str) -> dict[str, list[str]]:
    """Messages by form field about the visit ``key`` of ``event`` (empty: it may be saved)."""
    visit = next(v for v in event.visits if v.id == key)
    found: dict[str, list[str]] = {}
    spans = [LegSpan(leg.id, leg.timezone, leg.start, leg.end) for leg in event.legs]
    zone = next((v.timezone for v in event.venues if v.id == visit.venue), None)  # as typed
    for window in visit.windows:
        minutes = int(window.duration.total_seconds() // 60)
        if minutes < visit.duration_minutes:
            found.setdefault("windows", []).append(
                _(
                    "the window %(start)s – %(end)s lasts %(minutes)d minutes, "
                    "less than the visit (%(duration)d minutes)"
                )
                % {
                    "start": format_instant(window.start, spans, zone),
                    "end": format_instant(window.end, spans, zone),
                    "minutes": minutes,
                    "duration": visit.duration_minutes,
                }
            )
    delegates = {person.id for person in event.delegates()}
    for attendee in visit.required_attendees:
        if attendee not in delegates:
            found.setdefault("required_attendees", []).append(
                _("%(person)s is not in the delegation: only delegates visit hosts")
                % {"person": attendee}
            )
    return found
