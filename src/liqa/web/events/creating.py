"""A brokerage event started on the web from a few answers (:class:`~.forms.NewEventForm`),
checked by the core as a mission file is and stored as an import of it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.core.spreadsheets.ids import slug
from liqa.web.events import services
from liqa.web.events.models import Event

FILENAME = "new-event.yaml"
"""The name the new event's mission file is checked and stored under (its history names it)."""


def free_id(title: str) -> str:
    """An id made from the title that no stored event has (``-2``, ``-3`` ... after it)."""
    base = slug(title) or "event"
    found, n = base, 2
    while Event.objects.filter(slug=found).exists():
        found, n = f"{base}-{n}", n + 1
    return found


def _clock(moment: time) -> str:
    return moment.strftime("%H:%M")


def new_event(data: dict[str, Any], language: str) -> core.Event:
    """The core event the form's cleaned ``data`` describe: one leg in the city, the hall,
    one session a day from the meetings' start to their end, the title in ``language``."""
    first: date = data["first_day"]
    last: date = data["last_day"]
    start: time = data["session_start"]
    end: time = data["session_end"]
    zone = ZoneInfo(data["timezone"])
    leg = core.Leg(
        id=slug(data["city"]) or "leg",
        city=data["city"],
        timezone=data["timezone"],
        start=first,
        end=last,
        day_start=min("08:30", _clock(start)),
        day_end=max("18:00", _clock(end)),
    )
    hall = core.Venue(id="v-hall", name=data["venue"], city=data["city"], timezone=data["timezone"])
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    sessions = tuple(
        core.Session(
            id=f"s-{day.isoformat()}",
            start=datetime.combine(day, start, zone),
            end=datetime.combine(day, end, zone),
        )
        for day in days
    )
    return core.Event(
        id=free_id(data["title"]),
        kind=core.EventKind.BROKERAGE,
        title={language: data["title"]},
        legs=(leg,),
        venues=(hall,),
        brokerage=core.BrokerageSetup(hall.id, data["slot_minutes"], data["tables"], sessions),
    )


def store_new_event(data: dict[str, Any], language: str, importer: int | None) -> Event:
    """Check the new event with the core, as its mission file, and store it (all or
    nothing); :class:`~liqa.core.problems.InputError` with the core's problems otherwise."""
    text = dumps_event(new_event(data, language))
    checked = services.read_mission_file(text.encode("utf-8"), FILENAME)
    return services.import_event(checked, filename=FILENAME, importer=importer)
