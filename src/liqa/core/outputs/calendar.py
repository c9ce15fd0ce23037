"""iCalendar agendas that stay correct when the schedule changes.

* One UID per meeting, derived from the event id and the assignment id, identical in every
  participant's file and in every version, so calendar apps update instead of duplicating.
  A lunch is named by what it is in the plan, its day and its subgroup (:func:`lunch_uids`),
  not by its time or place, which a re-plan moves, nor by the people at it, who may cancel.
* Re-exporting over a previous file: a meeting whose time, place, table or attendees
  changed keeps its UID and gets ``SEQUENCE`` + 1; a meeting that left the agenda is kept
  as ``STATUS:CANCELLED`` with ``SEQUENCE`` + 1, so subscribers drop it.
* Times carry their ``TZID`` with a ``VTIMEZONE`` for every zone used (transitions only
  around the event's dates); ``LOCATION`` and ``GEO`` come from the venue.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar

from liqa.core.i18n import translator
from liqa.core.model import Event, Schedule, pick
from liqa.core.outputs import labels
from liqa.core.outputs.agenda import Agenda, Entry, build_agenda
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.timeline import Item, subject, timeline
from liqa.core.problems import InputError, Problem

PRODID = "-//liqa//Trade mission agendas//EN"
FINGERPRINT = "X-LIQA-FINGERPRINT"


@dataclass(frozen=True)
class Published:
    """What a previously published file said about one meeting."""

    sequence: int
    fingerprint: str
    cancelled: bool
    component: icalendar.cal.Component


def meeting_uid(event_id: str, assignment_id: str) -> str:
    """The meeting's UID, the same in every file and every version."""
    return f"{assignment_id}@{event_id}.liqa"


def lunch_uids(event_id: str, items: Iterable[Item]) -> dict[str, str]:
    """The UID of each lunch among ``items`` (the whole timeline), by its assignment id.

    A lunch is named by what it is in the plan: its assignment id, the planner's
    ``lunch-<day>-<subgroup>`` (``lunch-<day>`` for everyone's lunch when the subgroups
    regroup), or the programme entry's id. Re-plans keep the subgroups' ids, so neither
    a person cancelling or joining nor the lunch moving to another time or place changes
    it (``SEQUENCE`` + 1 instead). Subgroups at the same start and place eat one meal:
    one UID for all of them, the first of their ids."""
    meals: dict[tuple[datetime, str], list[Item]] = {}
    for item in items:
        if item.is_lunch:
            place = item.venue.id if item.venue is not None else ""
            meals.setdefault((item.start.astimezone(UTC), place), []).append(item)
    out: dict[str, str] = {}
    for together in meals.values():
        name = min(item.id for item in together)
        for item in together:
            out[item.id] = meeting_uid(event_id, name)
    return out


def fingerprint(item: Item) -> str:
    """A digest of what matters to an attendee: time, place, table, who, how."""
    parts = (
        item.start.astimezone(UTC).isoformat(),
        item.end.astimezone(UTC).isoformat(),
        item.venue.id if item.venue else "",
        str(item.table or ""),
        ",".join(sorted(item.attendees)),
        item.format.value,
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def read_published(data: bytes) -> dict[str, Published]:
    """UID → what was published, from a previous ``.ics`` file's bytes."""
    calendar = icalendar.Calendar.from_ical(data)
    out: dict[str, Published] = {}
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID"))
        out[uid] = Published(
            sequence=int(component.get("SEQUENCE", 0)),
            fingerprint=str(component.get(FINGERPRINT, "")),
            cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
            component=component,
        )
    return out


def _description(entry: Entry, lang: str) -> str:
    comma, colon = labels.comma(lang), labels.colon(lang)
    lines = []
    for side in entry.sides:
        if side.compact:
            lines.append(f"{side.label}{colon} {comma.join(p.name for p in side.people)}")
            continue
        lines.append(f"{side.label}{colon} {comma.join(side.organizations)}")
        lines += [
            f"- {p.name}" + (f"{comma}{p.role}" if p.role else "") + f" ({p.organization})"
            for p in side.people
        ]
    if entry.topic:
        lines.append(entry.topic)
    if entry.themes:
        lines.append(" · ".join(entry.themes))
    if entry.map_url:
        lines.append(entry.map_url)
    return "\n".join(lines)


def _vevent(
    item: Item, entry: Entry, uid: str, stamp: datetime, sequence: int, lang: str
) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", sequence)
    vevent.add("status", "CONFIRMED")
    vevent.add("summary", entry.print_title or entry.title)
    vevent.add("dtstart", item.start)
    vevent.add("dtend", item.end)
    parts: tuple[str, ...] = (entry.place, entry.address)
    if entry.table:  # as printed on the agenda ("Table 14"), not "#14"
        parts += (translator(lang).gettext("Table %(number)s") % {"number": entry.table},)
    # commas of the address itself (Latin), which map apps on phones read
    location = ", ".join(part for part in parts if part)
    if location:
        vevent.add("location", location)
    venue = item.venue
    if venue is not None and venue.latitude is not None and venue.longitude is not None:
        vevent.add("geo", (venue.latitude, venue.longitude))
    description = _description(entry, lang)
    if description:
        vevent.add("description", description)
    vevent.add(FINGERPRINT, fingerprint(item))
    return vevent


def _cancelled(previous: Published, stamp: datetime) -> icalendar.cal.Component:
    if previous.cancelled:
        return previous.component
    vevent = icalendar.Event()
    for key in ("UID", "SUMMARY", "DTSTART", "DTEND", "LOCATION", "GEO", FINGERPRINT):
        if key in previous.component:
            vevent[key] = previous.component[key]
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", previous.sequence + 1)
    vevent.add("status", "CANCELLED")
    return vevent


def build_calendar(
    event: Event,
    schedule: Schedule,
    subject_id: str,
    lang: str,
    settings: OutputSettings,
    previous: bytes | None = None,
    agenda: Agenda | None = None,
) -> icalendar.Calendar:
    """The calendar of a person or organization; ``previous`` is the last file published.

    ``agenda`` is the subject's agenda in ``lang`` when the caller already built it.
    """
    published = read_published(previous) if previous else {}
    return _calendar(event, schedule, subject_id, lang, settings, published, agenda)


def _calendar(
    event: Event,
    schedule: Schedule,
    subject_id: str,
    lang: str,
    settings: OutputSettings,
    published: dict[str, Published],
    agenda: Agenda | None,
) -> icalendar.Calendar:
    who = subject(event, subject_id)
    everything = timeline(event, schedule)
    lunches = lunch_uids(event.id, everything)
    # Subgroups at the same lunch eat one meal: everyone at it, in every calendar, so the
    # meal's fingerprint (and SEQUENCE) is the same whichever subgroup's member reads it.
    at_meal: dict[str, tuple[str, ...]] = {}
    for item in everything:
        if item.id in lunches:
            uid = lunches[item.id]
            at_meal[uid] = tuple(dict.fromkeys(at_meal.get(uid, ()) + item.attendees))
    items: dict[str, Item] = {}
    for item in everything:
        if not who.involved_in(item):
            continue
        uid = lunches.get(item.id) or meeting_uid(event.id, item.id)
        if uid in items:
            continue
        if uid in at_meal:
            item = replace(item, attendees=at_meal[uid])
        items[uid] = item
    if agenda is None:
        agenda = build_agenda(event, schedule, subject_id, lang, settings)
    entries = {e.id: e for day in agenda.days for e in day.entries}
    stamp = schedule.provenance.created_at
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{pick(event.title, lang)} — {agenda.name}")
    current: set[str] = set()
    for uid, item in items.items():
        current.add(uid)
        before = published.get(uid)
        sequence = 0
        if before is not None:
            changed = before.cancelled or before.fingerprint != fingerprint(item)
            sequence = before.sequence + 1 if changed else before.sequence
        calendar.add_component(_vevent(item, entries[item.id], uid, stamp, sequence, lang))
    for uid, before in sorted(published.items()):
        if uid not in current:
            calendar.add_component(_cancelled(before, stamp))
    first = event.start - timedelta(days=1)
    last = event.end + timedelta(days=2)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def write_calendar(
    event: Event,
    schedule: Schedule,
    subject_id: str,
    lang: str,
    path: Path,
    settings: OutputSettings,
    agenda: Agenda | None = None,
) -> bytes:
    """Write the calendar to ``path``, updating over the file already there (if any)."""
    published: dict[str, Published] = {}
    if path.exists():
        try:
            published = read_published(path.read_bytes())
        except ValueError as error:
            problem = Problem(
                str(path),
                f"the calendar already there cannot be read ({error})",
                hint="delete it, or write to an empty directory",
                code="unreadable_calendar",
            )
            raise InputError([problem]) from error
    calendar = _calendar(event, schedule, subject_id, lang, settings, published, agenda)
    data: bytes = calendar.to_ical()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data
