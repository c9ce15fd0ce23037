"""The calendar of someone a re-plan left with nothing: every event cancelled.

The agendas are written for the people who have something in the plan, so the ``.ics``
of a delegate who withdrew (or whose meetings were all cancelled) would keep its old
events. Re-written with each event ``STATUS:CANCELLED`` and ``SEQUENCE`` + 1 (same UID,
time zones kept), the calendar apps that imported or subscribed to it drop them.
"""

from __future__ import annotations

from datetime import datetime

import icalendar


def cancel_every_event(data: bytes, stamp: datetime) -> bytes:
    """``data`` (an ``.ics`` file) with every event not yet cancelled cancelled as of ``stamp``."""
    calendar = icalendar.Calendar.from_ical(data)
    for vevent in calendar.walk("VEVENT"):
        if str(vevent.get("STATUS", "")).upper() == "CANCELLED":
            continue
        sequence = int(vevent.get("SEQUENCE", 0)) + 1
        for key in ("SEQUENCE", "STATUS", "DTSTAMP"):
            vevent.pop(key, None)
        vevent.add("sequence", sequence)
        vevent.add("status", "CANCELLED")
        vevent.add("dtstamp", stamp)
    out: bytes = calendar.to_ical()
    return out
