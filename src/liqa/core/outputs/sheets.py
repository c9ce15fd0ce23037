"""Printed sheets for the organizer: table plan per slot, host visit sheets, daily run sheets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from liqa.core.i18n import translator
from liqa.core.model import (
    Event,
    EventKind,
    MeetingFormat,
    Organization,
    Schedule,
    Side,
    pick,
)
from liqa.core.outputs import labels
from liqa.core.outputs.roles import person_role
from liqa.core.outputs.timeline import Item, timeline


@dataclass(frozen=True)
class PlanLine:
    """One table (or place) in a slot: who sits there."""

    table: str
    sides: tuple[str, ...]
    at_table: bool = False
    """``table`` is a table number (a brokerage meeting), not a place's name."""


@dataclass(frozen=True)
class PlanSlot:
    """Everything happening at one start time, table by table."""

    start: datetime
    end: datetime
    lines: tuple[PlanLine, ...]

    @property
    def at_tables(self) -> bool:
        """Every line is a table number: the column is headed "Table", else "Where"."""
        return all(line.at_table for line in self.lines)


def _party_text(event: Event, item: Item, org_id: str, lang: str) -> str:
    org = event.organization(org_id)
    people = [
        labels.person_name(event.person(a), lang)
        for a in item.attendees
        if a in {p.id for p in event.members(org_id)}
    ]
    name = labels.org_label(org, lang)
    return f"{name}{labels.colon(lang)} {labels.comma(lang).join(people)}" if people else name


def _orgs(event: Event, item: Item) -> list[str]:
    org_ids = {o.id for o in event.organizations}
    found: list[str] = []
    for ref in (*item.parties, *item.attendees):
        org_id = ref if ref in org_ids else None
        if org_id is None:
            try:
                org_id = event.person(ref).organization
            except KeyError:
                continue
        if org_id not in found:
            found.append(org_id)
    return found


def table_plan(event: Event, schedule: Schedule, lang: str) -> list[PlanSlot]:
    """Meetings and visits per start time: table number (else place) and both sides."""
    slots: dict[tuple[datetime, datetime], list[PlanLine]] = {}
    meetings = [
        i for i in timeline(event, schedule) if i.format is not MeetingFormat.PROGRAMME_ITEM
    ]
    for item in meetings:
        if item.table is not None:
            where = str(item.table)
        elif item.venue is not None:
            where = labels.venue_name(item.venue, lang)
        else:
            where = labels.format_label(item.format, lang)
        sides = tuple(_party_text(event, item, o, lang) for o in _orgs(event, item))
        line = PlanLine(where, sides, item.table is not None)
        slots.setdefault((item.start, item.end), []).append(line)
    return [
        PlanSlot(start, end, tuple(sorted(lines, key=lambda x: (len(x.table), x.table))))
        for (start, end), lines in sorted(slots.items())
    ]


@dataclass(frozen=True)
class Visitor:
    """A delegate coming to a host, with what their organization seeks."""

    name: str
    role: str
    organization: str
    seeks: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class VisitorGroup:
    """The visitors of one organization, with what it seeks (printed once, not per person)."""

    organization: str
    seeks: str
    themes: tuple[str, ...]
    visitors: tuple[Visitor, ...]


@dataclass(frozen=True)
class HostVisit:
    """One visit or meeting a host receives."""

    start: datetime
    end: datetime
    place: str
    topic: str
    visitors: tuple[Visitor, ...]

    @property
    def by_organization(self) -> tuple[VisitorGroup, ...]:
        """The visitors grouped by organization, in order of first appearance."""
        groups: dict[str, list[Visitor]] = {}
        for visitor in self.visitors:
            groups.setdefault(visitor.organization, []).append(visitor)
        return tuple(
            VisitorGroup(name, people[0].seeks, people[0].themes, tuple(people))
            for name, people in groups.items()
        )


@dataclass(frozen=True)
class HostSheet:
    """What a host needs to know: who comes, when, and what they are looking for."""

    host: str
    host_id: str
    visits: tuple[HostVisit, ...]
    profiles: tuple[tuple[str, str], ...]
    """(organization, description) of every visiting organization."""


def host_sheets(event: Event, schedule: Schedule, lang: str) -> list[HostSheet]:
    """One sheet per host organization that receives at least one meeting or visit."""
    items = timeline(event, schedule)
    sheets = []
    for host in (o for o in event.organizations if o.side is not Side.DELEGATION):
        staff = {p.id for p in event.members(host.id)}
        mine = [i for i in items if host.id in i.parties or staff & set(i.parties)]
        if not mine:
            continue
        visits = []
        visiting: dict[str, Organization] = {}
        for item in mine:
            visitors = []
            for person_id in item.attendees:
                person = event.person(person_id)
                org = event.organization(person.organization)
                if org.id == host.id:
                    continue
                visiting[org.id] = org
                visitors.append(
                    Visitor(
                        labels.person_name(person, lang),
                        person_role(person, lang),
                        labels.org_name(org, lang),
                        pick(org.seeks, lang),
                        tuple(labels.theme_label(t, lang) for t in org.themes),
                    )
                )
            topic = pick(item.visit.topic, lang) if item.visit else ""
            if not topic and item.request is not None:
                topic = item.request.message
            place = labels.venue_name(item.venue, lang) if item.venue else ""
            visits.append(HostVisit(item.start, item.end, place, topic, tuple(visitors)))
        profiles = tuple(
            (labels.org_name(o, lang), pick(o.description, lang)) for o in visiting.values()
        )
        sheets.append(HostSheet(labels.org_name(host, lang), host.id, tuple(visits), profiles))
    return sheets


@dataclass(frozen=True)
class RunLine:
    """One line of a day's run sheet."""

    time: datetime
    what: str
    where: str
    who: str
    kind: str
    """``depart``, ``meeting``, ``programme`` or ``lunch`` (a CSS class)."""


@dataclass(frozen=True)
class RunDay:
    """The delegation's day, minute by minute."""

    day: date
    city: str
    lines: tuple[RunLine, ...]


def run_sheets(event: Event, schedule: Schedule, lang: str) -> list[RunDay]:
    """Per day: departures with travel time, visits (with who goes), programme and lunch."""
    t = translator(lang)
    delegates = {p.id for p in event.delegates()}
    brokerage = event.brokerage is not None or event.kind is EventKind.BROKERAGE
    items = [i for i in timeline(event, schedule) if delegates & set(i.attendees)]
    days: dict[date, list[RunLine]] = {}
    for item in items:
        lines = days.setdefault(item.day, [])
        where = labels.venue_name(item.venue, lang) if item.venue else ""
        if item.table is not None:  # a brokerage meeting: the table, as on the agendas
            table = t.gettext("Table %(number)s") % {"number": item.table}
            where = f"{where} · {table}" if where else table
        group = [
            labels.person_name(event.person(a), lang) for a in item.attendees if a in delegates
        ]
        who = (
            (t.gettext("Everyone") if brokerage else t.gettext("whole delegation"))
            if set(group) == {labels.person_name(event.person(d), lang) for d in delegates}
            else labels.comma(lang).join(group)
        )
        if item.travel_minutes_before:
            depart = item.start - timedelta(minutes=item.travel_minutes_before)
            travel = t.format_duration(timedelta(minutes=item.travel_minutes_before))
            lines.append(
                RunLine(
                    depart,
                    t.gettext("Departure (%(travel)s)") % {"travel": travel},
                    where,
                    who,
                    "depart",
                )
            )
        if item.programme is not None:
            what = pick(item.programme.title, lang)
            kind = "programme"
        elif item.is_lunch:
            what, kind = t.gettext("Lunch"), "lunch"
        else:
            orgs = [
                o for o in _orgs(event, item) if event.organization(o).side is not Side.DELEGATION
            ]
            what = labels.format_label(item.format, lang)
            if orgs:
                what += (
                    labels.colon(lang)
                    + " "
                    + t.format_list(labels.org_name(event.organization(o), lang) for o in orgs)
                )
            kind = "meeting"
        lines.append(RunLine(item.start, what, where, who, kind))
    out = []
    for day, lines in sorted(days.items()):
        leg = event.leg_on(day)
        # the reminder only on a day the delegation is about at lunchtime (the arrival day
        # printed "Lunch, between 12:00–14:00" above the 16:00 landing)
        spans = [(i.start, i.end) for i in items if i.day == day]
        if (
            leg is not None
            and not any(line.kind == "lunch" for line in lines)
            and min(start for start, _ in spans) < leg.local_datetime(day, leg.lunch_end)
            and max(end for _, end in spans) >= leg.local_datetime(day, leg.lunch_start)
        ):
            lunch = leg.local_datetime(day, leg.lunch_start)
            window = f"{leg.lunch_start}–{leg.lunch_end}"
            lines.append(
                RunLine(
                    lunch,
                    t.gettext("Lunch (%(minutes)d min, between %(window)s)")
                    % {"minutes": leg.lunch_minutes, "window": window},
                    "",
                    "",
                    "lunch",
                )
            )
        city = labels.city_label(leg.city, lang) if leg else ""
        out.append(RunDay(day, city, tuple(sorted(lines, key=lambda x: x.time))))
    return out
