"""The itinerary as plain text, day by day, each time shown in the local time of its place.

No Rich, no colours: plain strings, for ``liqa plan`` to print and for tests to compare.
Days are written by Babel in the reader's language, as the agendas head their days
("Monday, February 12, 2024", "lundi 12 février 2024", "الاثنين، 12 فبراير 2024").
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

from liqa.core.i18n import translator
from liqa.core.model import (
    Assignment,
    Event,
    MeetingFormat,
    ProgrammeKind,
    Schedule,
    Side,
    pick,
)
from liqa.core.outputs.labels import item_titles
from liqa.core.scheduling.reasons import reason_words


def _zone(event: Event, assignment: Assignment) -> ZoneInfo:
    venues = {v.id: v for v in event.venues}
    if assignment.venue in venues:
        return venues[assignment.venue].tz
    for venue_id in assignment.parties:
        if venue_id in venues:
            return venues[venue_id].tz
    leg = event.leg_on(assignment.start.date()) or event.legs[0]
    return leg.tz


def day_words(day: date, lang: str) -> str:
    """``day`` in ``lang``'s full form with its weekday, as an agenda heads a day (Babel's
    ``full`` date format: "Monday, February 12, 2024")."""
    return translator(lang).format_date(day, "full")


def render_itinerary(event: Event, schedule: Schedule, lang: str = "en") -> str:
    """Every day of the mission with its visits, lunches, fixed items and travel, then the
    visits not made with their reasons. Times are local to each place (zone shown); a day
    the delegation splits lists its subgroups and their members first (for the morning and
    the afternoon apart when they change at lunch, where everyone regroups)."""
    venues = {v.id: v for v in event.venues}
    orgs = {o.id: o for o in event.organizations}
    items = {p.id: p for p in event.programme}
    by_day: dict[date, list[tuple[datetime, Assignment, ZoneInfo]]] = defaultdict(list)
    for a in schedule.assignments:
        zone = _zone(event, a)
        local = a.start.astimezone(zone)
        by_day[local.date()].append((local, a, zone))
    lines = [f"Itinerary: {pick(event.title, lang) or event.id} (version {schedule.version})"]
    groups = sorted({a.group for a in schedule.assignments if a.group})
    for day in sorted(by_day):
        entries = sorted(by_day[day], key=lambda e: (e[1].start, e[1].group or "", e[1].id))
        zones = dict.fromkeys(e[2].key for e in entries)
        cities = dict.fromkeys(leg.city for z in zones for leg in event.legs if leg.timezone == z)
        place = " -> ".join(cities) or (event.leg_on(day) or event.legs[0]).city
        lines += ["", f"{day_words(day, lang)}: {place} ({', '.join(zones)})"]
        lines += _day_groups(event, [a for _, a, _ in entries])
        for local, a, zone in entries:
            end = a.end.astimezone(zone)
            span = f"{local:%H:%M}-{end:%H:%M} {local:%Z}"
            who = f"[{a.group}] " if a.group and len(groups) > 1 else ""
            if a.format is MeetingFormat.SITE_VISIT:
                venue = venues.get(a.venue or "")
                host = orgs.get(a.parties[0]) if a.parties else None
                if a.travel_minutes_before:
                    lines.append(
                        f"  {who}travel {a.travel_minutes_before} min to "
                        f"{venue.name if venue else a.venue}"
                    )
                lines.append(
                    f"  {span}  {who}Visit {host.label if host else a.id} at "
                    f"{venue.name if venue else a.venue} ({a.id})"
                )
            elif a.id.startswith("lunch-") and a.group is None and a.venue:
                venue = venues.get(a.venue)
                lines.append(
                    f"  {span}  Lunch, everyone together at {venue.name if venue else a.venue}"
                )
            elif a.id.startswith("lunch-"):
                lines.append(f"  {span}  {who}Lunch")
            elif a.id in items:
                item = items[a.id]
                title = pick(item.title, lang) or item.id
                where = venues.get(item.venue or "")
                if item.kind is ProgrammeKind.FLIGHT and item.end_venue in venues:
                    arrival = venues[item.end_venue]
                    arrive = item.end.astimezone(arrival.tz)
                    lines.append(
                        f"  {local:%H:%M} {local:%Z}  {title}: "
                        f"{where.name if where else item.venue} -> {arrival.name}, "
                        f"arrives {arrive:%H:%M} {arrive:%Z}"
                    )
                elif item.end_venue in venues and item.end_venue != item.venue:
                    arrival = venues[item.end_venue]
                    lines.append(
                        f"  {span}  {title}: {where.name if where else item.venue} -> "
                        f"{arrival.name}"
                    )
                else:
                    place = f" at {where.name}" if where else ""
                    lines.append(f"  {span}  {title}{place}")
    if schedule.unplaced:
        lines += ["", "Visits not scheduled:"]
        titles = item_titles(event, (u.id for u in schedule.unplaced))
        for u in schedule.unplaced:
            lines.append(f"  - {titles[u.id]} ({u.id}): {reason_words(u.reason)} — {u.detail}")
    return "\n".join(lines) + "\n"


def _day_groups(event: Event, assignments: list[Assignment]) -> list[str]:
    """One line per subgroup of a day the delegation splits: its id and members; per half
    day when the subgroups regroup for lunch (a lunch without a subgroup)."""
    regroup = next(
        (a for a in assignments if a.id.startswith("lunch-") and a.group is None and a.venue),
        None,
    )
    if regroup is not None:
        halves = (
            ("morning", [a for a in assignments if a.start < regroup.start]),
            ("afternoon", [a for a in assignments if a.start >= regroup.end]),
        )
        out: list[str] = []
        for name, part in halves:
            lines = _groups(event, part, 1)
            if lines:
                out += [f"  {name}:", *(f"  {line}" for line in lines)]
        return out
    return _groups(event, assignments, 2)


def _groups(event: Event, assignments: list[Assignment], least: int) -> list[str]:
    """``  <group>: <members>`` for the subgroups of ``assignments`` (at least ``least``,
    or one that is not the whole delegation: the others of that day have nothing planned)."""
    members: dict[str, list[str]] = {}
    for a in assignments:
        if a.group:
            group = members.setdefault(a.group, [])
            group.extend(pid for pid in a.attendees if pid not in group)
    if len(members) < least and not (members and _part_of_delegation(event, members)):
        return []
    return [
        f"  {g}: {', '.join(_person(event, pid) for pid in people)}"
        for g, people in sorted(members.items())
    ]


def _part_of_delegation(event: Event, members: dict[str, list[str]]) -> bool:
    """True when the subgroups in ``members`` leave out some delegate."""
    sides = {o.id: o.side for o in event.organizations}
    delegates = {p.id for p in event.people if sides.get(p.organization) is Side.DELEGATION}
    return bool(delegates - {pid for people in members.values() for pid in people})


def _person(event: Event, pid: str) -> str:
    for p in event.people:
        if p.id == pid:
            return p.name
    return pid
