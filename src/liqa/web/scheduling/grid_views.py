"""The organizer's grid by table and by day.

Besides people × days and hosts × days (:func:`liqa.web.scheduling.domain.grid`), a
version's grid page shows, for one chosen day, the brokerage room's table plan (tables ×
time slots, every table, the breaks between sessions) and any event's run sheet (every
meeting, visit and programme item in time order, with who, where and the local time,
which names its zone on a day that crosses zones). :func:`grid_page` picks the view and
the day from the page's query, falling back with a notice on what it cannot use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from django.utils import timezone
from django.utils.translation import gettext

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.outputs import labels
from liqa.core.outputs.grid import Column, Pause, slot_columns
from liqa.core.outputs.timeline import Item, timeline, zone_at
from liqa.web.events.records import event_record
from liqa.web.scheduling import domain
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record

VIEWS = ("people", "hosts", "tables", "day")
"""The grid's views, chosen by ``?by=`` (people × days by default)."""

DAY_VIEWS = ("tables", "day")
"""The views that show one day, chosen by ``?day=YYYY-MM-DD``."""


@dataclass(frozen=True)
class Named:
    """A person as the reader reads their name, with the id their row is found by."""

    id: str
    name: str


@dataclass(frozen=True)
class Party:
    """One side of a meeting or visit: an organization (``id``, its name as read) and who
    of it attends."""

    id: str
    organization: str
    people: tuple[Named, ...]


@dataclass(frozen=True)
class Meeting:
    """A placed meeting, visit or programme item with its sides; ``assignment`` is
    ``None`` for a programme item the schedule does not place (nothing to pin)."""

    item: Item
    assignment: core.Assignment | None
    parties: tuple[Party, ...]


@dataclass(frozen=True)
class Cell:
    """One cell of a table's row, from ``column`` on: the meetings there (none: the
    table is free), over ``span`` slots (a break's cell is empty in every row: its header
    says what is on)."""

    column: Column
    meetings: tuple[Meeting, ...] = ()
    span: int = 1


@dataclass(frozen=True)
class TableRow:
    """A table of the room (``None``: meetings placed without one) and its cells."""

    table: int | None
    holders: tuple[str, ...]
    """Who holds the table all day (an exhibitor's booth)."""
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Line:
    """A line of the day's run sheet."""

    meeting: Meeting
    title: str
    topic: str
    where: str
    everyone: bool
    """The whole delegation attends (said so, rather than every name)."""
    departure: datetime | None
    """When to leave for it, when the planner counted travel time before it."""
    zones: tuple[str, str] = ("", "")
    """The zones of its start and end, on a day that crosses zones."""


class Clock:
    """The grid's times, zones and days in ``lang``, each formatted once per page.

    A page of the brokerage example shows 820 meetings in about 20 slots: the template's
    filters formatted two times and a zone per meeting with Babel (about a third of the
    page's server time), where each distinct one is now formatted once, by the same
    functions (:class:`~liqa.core.i18n.Translator`), so the page reads the same.
    """

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._translator = translator(lang)
        self._done: dict[tuple[Any, ...], str] = {}

    def time(self, value: datetime) -> str:
        """The local time of ``value`` as the ``time`` filter writes it (``9:00 AM``)."""
        key = ("time", value, value.tzinfo, value.fold)  # an instant on its own clock
        if key not in self._done:
            self._done[key] = self._translator.format_time(value)
        return self._done[key]

    def zone(self, value: datetime, width: Literal["long", "short"] = "short") -> str:
        """The zone of ``value`` as the web's ``zone`` filter names it: short, ``CST``
        (isolated in Arabic, :func:`~liqa.core.outputs.labels.zone_short`), else its
        long name (:func:`~liqa.core.outputs.labels.zone_name`)."""
        key = ("zone", width, value, value.tzinfo, value.fold)
        if key not in self._done:
            self._done[key] = (
                labels.zone_short(value, self._lang)
                if width == "short"
                else labels.zone_name(value, self._lang, width)
            )
        return self._done[key]

    def day(self, value: date, form: str = "medium") -> str:
        """``value`` as the ``date`` filter writes it (``Mar 14, 2030``)."""
        if isinstance(value, datetime):  # its own local day, as the filter reads it
            value = value.date()
        key = ("day", form, value)
        if key not in self._done:
            self._done[key] = self._translator.format_date(value, form)
        return self._done[key]


def grid_page(
    version: ScheduleVersion,
    lang: str,
    by: str = "people",
    day: str = "",
    moved: str = "",
    now: datetime | None = None,
) -> dict[str, Any]:
    """What the grid page shows in view ``by`` (a value of :data:`VIEWS`) and, for a
    view of one day, on ``day`` (``YYYY-MM-DD``; by default today when the event holds
    it, else its first day). A view or a day it cannot show falls back to the default one,
    with a notice saying so (``notices``)."""
    event = event_record(version.event)
    notices: list[str] = []
    by = by or "people"
    view = by if by in VIEWS else "people"
    if by not in VIEWS:
        notices.append(gettext("This grid has no such view: here it is by people × days."))
    elif view == "tables" and event.brokerage is None:
        notices.append(
            gettext("Tables are laid out at brokerage events only: here it is by people × days.")
        )
        view = "people"
    common = {"views": _views(event), "notices": notices, "view_day": None, "clock": Clock(lang)}
    if view not in DAY_VIEWS:
        grid = domain.grid(version, lang, by=view, moved=moved)
        return _with_slot_of({**grid, **move_slots(event, lang), **common})
    schedule = schedule_record(version)
    items = timeline(event, schedule)
    if view == "tables":
        days = sorted({column.start.date() for column in slot_columns(event)})
    else:
        days = event_days(event, items)
    instant = now or timezone.now()
    chosen, notice = choose_day(
        days, day, instant.astimezone(zone_at(event, instant, None)).date(), lang
    )
    if notice:
        notices.append(notice)
    context: dict[str, Any] = {
        "core": event,
        "schedule": schedule,
        "by": view,
        "days": days,
        "day": chosen,
        "moved": domain.moved_meeting(event, schedule, moved, lang),
        "unplaced": domain.unplaced_rows(event, schedule, lang),
        **move_slots(event, lang),
        **common,
        "view_day": chosen,
    }
    if chosen is not None and view == "tables":
        context.update(table_plan(event, schedule, items, chosen, lang))
    elif chosen is not None:
        context.update(run_sheet(event, schedule, items, chosen, lang))
    return _with_slot_of(context)


def _with_slot_of(context: dict[str, Any]) -> dict[str, Any]:
    """``context`` with ``slot_of``: each Move slot's index by its start, the slot a
    meeting is in selected when its Move form opens."""
    return {**context, "slot_of": {slot["start"]: slot["index"] for slot in context["slots"]}}


def _views(event: core.Event) -> tuple[str, ...]:
    """The views this event's grid offers (tables only at a brokerage event)."""
    return tuple(v for v in VIEWS if v != "tables" or event.brokerage is not None)


def parse_day(value: str) -> date | None:
    """``value`` as a day written ``YYYY-MM-DD``, else ``None``."""
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def choose_day(days: list[date], value: str, today: date, lang: str) -> tuple[date | None, str]:
    """The day asked for (``value``) when it is one of ``days``, else today when it is,
    else the first; with a notice when ``value`` was given and could not be used."""
    default = today if today in days else (days[0] if days else None)
    asked = parse_day(value)
    if not value or default is None or asked in days:
        return asked if asked in days else default, ""  # no day at all: the page says so
    shown = translator(lang).format_date(default, "long")
    if asked is None:
        notice = gettext("“%(value)s” is not a date (write it as %(example)s): here is %(shown)s.")
        return default, notice % {
            "value": labels.isolate(value[:40], lang),
            "example": labels.isolate(default.isoformat(), lang),
            "shown": shown,
        }
    notice = gettext("There is nothing to show on %(day)s: here is %(shown)s.")
    day = translator(lang).format_date(asked, "long")
    return default, notice % {"day": day, "shown": shown}


def event_days(event: core.Event, items: Iterable[Item]) -> list[date]:
    """Every day of the event: its legs' days and any day something happens on."""
    return sorted({d for leg in event.legs for d in leg.days()} | {i.day for i in items})


def move_slots(event: core.Event, lang: str) -> dict[str, Any]:
    """The Move form's slots in every view of the grid and on the Move page: the core's
    :func:`~liqa.core.outputs.grid.slot_columns` (local start times in the hall's zone), with
    ``slot_zone``, the zone's name, when the event spans zones."""
    columns = slot_columns(event)
    zoned = bool(columns) and event.spans_zones
    return {
        "slots": [{"index": c.index, "start": c.start, "local": c.start} for c in columns],
        "slot_zone": labels.zone_name(columns[0].start, lang) if zoned else "",
    }


def parties(
    event: core.Event, named: Iterable[str], attendees: Iterable[str], lang: str
) -> tuple[Party, ...]:
    """The sides of a meeting or visit: each organization named (a party) or attending,
    in that order, with who of it attends, by name as read in ``lang``."""
    people = {p.id: p for p in event.people}
    orgs = {o.id: o for o in event.organizations}
    present = [people[a] for a in attendees if a in people]
    order: list[str] = []
    for ref in (*named, *(p.id for p in present)):
        org = ref if ref in orgs else (people[ref].organization if ref in people else "")
        if org in orgs and org not in order:
            order.append(org)
    return tuple(
        Party(
            org,
            labels.org_label(orgs[org], lang),
            tuple(
                Named(p.id, labels.person_name(p, lang)) for p in present if p.organization == org
            ),
        )
        for org in order
    )


def _meetings(
    event: core.Event, schedule: core.Schedule, items: Iterable[Item], lang: str
) -> list[Meeting]:
    assignments = {a.id: a for a in schedule.assignments}
    return [
        Meeting(item, assignments.get(item.id), parties(event, item.parties, item.attendees, lang))
        for item in items
    ]


def table_plan(
    event: core.Event, schedule: core.Schedule, items: list[Item], day: date, lang: str
) -> dict[str, Any]:
    """The room on ``day``: a row per table (every table, free or not), a column per slot
    with a break's column between sessions, each meeting in its table's row over the
    slots it takes; ``zone`` names the hall's time zone when the event spans zones."""
    slots = [c for c in slot_columns(event) if c.start.date() == day]
    columns: list[Column] = []
    for slot in slots:
        if columns and columns[-1].end < slot.start:
            gap = (columns[-1].end, slot.start)
            during = tuple(
                Pause(_title(i, lang), i.start, i.end)
                for i in items
                if i.format is core.MeetingFormat.PROGRAMME_ITEM
                and i.start < gap[1]
                and gap[0] < i.end
            )
            columns.append(Column(gap[0], gap[1], during=during, is_break=True))
        columns.append(slot)
    first, last = (slots[0].start, slots[-1].end) if slots else (None, None)
    placed = [
        m
        for m in _meetings(event, schedule, items, lang)
        if m.assignment is not None
        and m.item.format is not core.MeetingFormat.PROGRAMME_ITEM
        and first is not None
        and last is not None
        and m.item.start < last
        and first < m.item.end
    ]
    assert event.brokerage is not None  # only asked of a brokerage event
    tables: list[int | None] = list(range(1, event.brokerage.tables + 1))
    tables += sorted({m.item.table for m in placed if m.item.table is not None} - set(tables))
    if any(m.item.table is None for m in placed):
        tables.append(None)
    holders: dict[int, list[str]] = {}
    for person in event.people:
        if person.table is not None:
            holders.setdefault(person.table, []).append(labels.person_name(person, lang))
    rows = []
    for table in tables:
        here = [m for m in placed if m.item.table == table]
        cells: list[Cell] = []
        for column in columns:
            if column.is_break:
                cells.append(Cell(column))
                continue
            meetings = tuple(
                m for m in here if m.item.start < column.end and column.start < m.item.end
            )
            previous = cells[-1] if cells else None
            if (  # the same meetings as the slot before: one cell over both
                meetings
                and previous is not None
                and not previous.column.is_break
                and [m.item.id for m in previous.meetings] == [m.item.id for m in meetings]
            ):
                cells[-1] = Cell(previous.column, meetings, previous.span + 1)
            else:
                cells.append(Cell(column, meetings))
        rows.append(
            TableRow(
                table, tuple(holders.get(table, ())) if table is not None else (), tuple(cells)
            )
        )
    zoned = bool(slots) and event.spans_zones
    return {
        "columns": columns,
        "slot_count": len(slots),
        "rows": rows,
        "zone": labels.zone_name(slots[0].start, lang) if zoned else "",
    }


def _where(item: Item, lang: str) -> str:
    """Where an item happens: the venue and its city (then where it ends, for a flight or
    a transfer), its table at a brokerage event."""

    def place(venue: core.Venue) -> str:
        city = labels.city_label(venue.city, lang)
        name = labels.venue_name(venue, lang)
        return labels.comma(lang).join((name, city)) if city and city not in name else name

    where = place(item.venue) if item.venue is not None else ""
    if item.end_venue is not None and item.venue is not None and item.end_venue != item.venue:
        where = f"{where} → {place(item.end_venue)}"
    if item.table is not None:
        table = gettext("Table %(number)s") % {"number": item.table}
        where = labels.comma(lang).join((where, table)) if where else table
    return where


def _title(item: Item, lang: str) -> str:
    if item.programme is not None:
        return core.pick(item.programme.title, lang) or labels.programme_label(
            item.programme.kind, lang
        )
    if item.is_lunch:
        return gettext("Lunch")
    return labels.format_label(item.format, lang)


def run_sheet(
    event: core.Event, schedule: core.Schedule, items: list[Item], day: date, lang: str
) -> dict[str, Any]:
    """The run sheet of ``day``: everything of that local day in time order, with its
    sides (a meeting's or visit's parties) or who attends (a programme item, a lunch),
    where, and when to leave; ``zones`` lists the day's zones when it crosses more than
    one (a travel day), and then every time names its zone."""
    today = [i for i in items if i.day == day]
    zones = list(
        dict.fromkeys(labels.zone_name(t, lang, "short") for i in today for t in (i.start, i.end))
    )
    zoned = len(zones) > 1
    delegates = {p.id for p in event.delegates()}
    travelling = event.brokerage is None and len(delegates) > 1  # a mission's delegation
    delegation = {p.organization for p in event.delegates()}
    lines = []
    for meeting in _meetings(event, schedule, today, lang):
        item = meeting.item
        everyone = travelling and delegates <= set(item.attendees)
        if everyone:  # the delegation in three words, the host's side as it is
            others = [a for a in item.attendees if a not in delegates]
            sides = parties(event, item.parties, others, lang)
            hosts = tuple(s for s in sides if s.id not in delegation)
            meeting = Meeting(item, meeting.assignment, hosts)
        topic = core.pick(item.visit.topic, lang) if item.visit is not None else ""
        before = timedelta(minutes=item.travel_minutes_before)
        lines.append(
            Line(
                meeting,
                _title(item, lang),
                topic,
                _where(item, lang),
                everyone,
                item.start - before if before else None,
                (
                    labels.zone_name(item.start, lang, "short"),
                    labels.zone_name(item.end, lang, "short"),
                )
                if zoned
                else ("", ""),
            )
        )
    leg = event.leg_on(day)
    return {
        "lines": lines,
        "zones": zones if zoned else [],
        "city": labels.city_label(leg.city, lang) if leg is not None else "",
    }
