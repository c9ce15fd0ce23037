"""The itinerary as plain text, day by day, each time shown in the local time of its place.

No Rich, no colours: plain strings, for ``liqa plan`` to print and for tests to compare.
Every word is in the reader's language (the core's translator); days and times are
written by Babel as the agendas write them ("Monday, February 12, 2024", "lundi 12 février
2024", "الاثنين، 12 فبراير 2024"; "9:00 AM", "09:00"), subgroups by their labels
("subgroup A"), names as read in that language. Text that runs against the language's
direction (a Latin name, a time or an id in Arabic) is isolated (U+2066 … U+2069), so a
terminal or editor that orders right-to-left text keeps it in one piece.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
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
from liqa.core.outputs.labels import (
    at_zone,
    city_label,
    colon,
    comma,
    isolate,
    item_titles,
    org_label,
    person_name,
    subgroup_label,
    venue_name,
)
from liqa.core.problems import translated
from liqa.core.scheduling.reasons import detail_names, reason_words, with_names


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


def _at(moment: datetime, lang: str) -> str:
    """A local time and its zone, isolated: "9:00 AM CST", "09:00 Casablanca"."""
    return at_zone(translator(lang).format_time(moment), moment, lang)


def _span(start: datetime, end: datetime, lang: str) -> str:
    """From ``start`` to ``end`` (local, same zone) and the zone, isolated: "10:00 AM–11:15
    AM CST"."""
    t = translator(lang)
    return at_zone(f"{t.format_time(start)}–{t.format_time(end)}", start, lang)


def render_itinerary(event: Event, schedule: Schedule, lang: str = "en") -> str:
    """Every day of the mission with its visits, lunches, fixed items and travel, then the
    visits not made with their reasons, in ``lang``. Times are local to each place (zone
    shown); a day the delegation splits lists its subgroups and their members first (for
    the morning and the afternoon apart when they change at lunch, where everyone
    regroups)."""
    t = translator(lang)
    venues = {v.id: v for v in event.venues}
    orgs = {o.id: o for o in event.organizations}
    items = {p.id: p for p in event.programme}

    def iso(text: str) -> str:
        return isolate(text, lang)

    def place_of(venue_id: str | None) -> str:
        venue = venues.get(venue_id or "")
        return iso(venue_name(venue, lang) if venue else venue_id or "")

    by_day: dict[date, list[tuple[datetime, Assignment, ZoneInfo]]] = defaultdict(list)
    for a in schedule.assignments:
        zone = _zone(event, a)
        local = a.start.astimezone(zone)
        by_day[local.date()].append((local, a, zone))
    title = pick(event.title, lang) or event.id
    lines = [
        t.gettext("Itinerary: %(title)s (version %(version)s)")
        % {"title": iso(title), "version": schedule.version}
    ]
    groups = sorted({a.group for a in schedule.assignments if a.group})
    for day in sorted(by_day):
        entries = sorted(by_day[day], key=lambda e: (e[1].start, e[1].group or "", e[1].id))
        zones = dict.fromkeys(e[2].key for e in entries)
        cities = dict.fromkeys(leg.city for z in zones for leg in event.legs if leg.timezone == z)
        cities = cities or {(event.leg_on(day) or event.legs[0]).city: None}
        place = " -> ".join(iso(city_label(city, lang)) for city in cities)
        heading = f"{day_words(day, lang)}{colon(lang)} {place} ({iso(', '.join(zones))})"
        lines += ["", heading]
        lines += _day_groups(event, [a for _, a, _ in entries], lang)
        for local, a, zone in entries:
            span = _span(local, a.end.astimezone(zone), lang)
            who = f"[{subgroup_label(a.group, lang)}] " if a.group and len(groups) > 1 else ""
            if a.format is MeetingFormat.SITE_VISIT:
                host = orgs.get(a.parties[0]) if a.parties else None
                if a.travel_minutes_before:
                    travel = t.format_duration(timedelta(minutes=a.travel_minutes_before))
                    words = t.gettext("travel %(duration)s to %(place)s")
                    lines.append(
                        f"  {who}" + words % {"duration": travel, "place": place_of(a.venue)}
                    )
                visit = t.gettext("Visit %(host)s at %(place)s") % {
                    "host": iso(org_label(host, lang) if host else a.id),
                    "place": place_of(a.venue),
                }
                lines.append(f"  {span}  {who}{visit} ({iso(a.id)})")
            elif a.id.startswith("lunch-") and a.group is None and a.venue:
                words = t.gettext("Lunch, everyone together at %(place)s")
                lines.append(f"  {span}  " + words % {"place": place_of(a.venue)})
            elif a.id.startswith("lunch-"):
                lines.append(f"  {span}  {who}{t.gettext('Lunch')}")
            elif a.id in items:
                item = items[a.id]
                name = iso(pick(item.title, lang) or item.id)
                if item.kind is ProgrammeKind.FLIGHT and item.end_venue in venues:
                    words = t.gettext("%(title)s: %(origin)s -> %(destination)s, arrives %(time)s")
                    arrive = item.end.astimezone(venues[item.end_venue].tz)
                    route = {
                        "title": name,
                        "origin": place_of(item.venue),
                        "destination": place_of(item.end_venue),
                        "time": _at(arrive, lang),
                    }
                    lines.append(f"  {_at(local, lang)}  " + words % route)
                elif item.end_venue in venues and item.end_venue != item.venue:
                    words = t.gettext("%(title)s: %(origin)s -> %(destination)s")
                    route = {
                        "title": name,
                        "origin": place_of(item.venue),
                        "destination": place_of(item.end_venue),
                    }
                    lines.append(f"  {span}  " + words % route)
                elif item.venue in venues:
                    words = t.gettext("%(title)s at %(place)s")
                    lines.append(
                        f"  {span}  " + words % {"title": name, "place": place_of(item.venue)}
                    )
                else:
                    lines.append(f"  {span}  {name}")
    if schedule.unplaced:
        lines += ["", t.gettext("Visits not scheduled:")]
        titles = item_titles(event, (u.id for u in schedule.unplaced), lang)
        names = detail_names(event)  # a detail kept with ids says people's names
        for u in schedule.unplaced:
            reason = translated(reason_words(u.reason), t.gettext, lang)
            detail = translated(with_names(u.detail, names), t.gettext, lang)
            lines.append(f"  - {iso(titles[u.id])} ({iso(u.id)}){colon(lang)} {reason} — {detail}")
    return "\n".join(lines) + "\n"


def _day_groups(event: Event, assignments: list[Assignment], lang: str) -> list[str]:
    """One line per subgroup of a day the delegation splits: its label and members; per
    half day when the subgroups regroup for lunch (a lunch without a subgroup)."""
    regroup = next(
        (a for a in assignments if a.id.startswith("lunch-") and a.group is None and a.venue),
        None,
    )
    if regroup is not None:
        t = translator(lang)
        halves = (
            (
                t.pgettext("half day", "morning"),
                [a for a in assignments if a.start < regroup.start],
            ),
            (
                t.pgettext("half day", "afternoon"),
                [a for a in assignments if a.start >= regroup.end],
            ),
        )
        out: list[str] = []
        for name, part in halves:
            lines = _groups(event, part, 1, lang)
            if lines:
                out += [f"  {name}{colon(lang)}", *(f"  {line}" for line in lines)]
        return out
    return _groups(event, assignments, 2, lang)


def _groups(event: Event, assignments: list[Assignment], least: int, lang: str) -> list[str]:
    """``  <subgroup>: <members>`` for the subgroups of ``assignments`` (at least ``least``,
    or one that is not the whole delegation: the others of that day have nothing planned)."""
    members: dict[str, list[str]] = {}
    for a in assignments:
        if a.group:
            group = members.setdefault(a.group, [])
            group.extend(pid for pid in a.attendees if pid not in group)
    if len(members) < least and not (members and _part_of_delegation(event, members)):
        return []
    people = {p.id: p for p in event.people}
    return [
        f"  {subgroup_label(g, lang)}{colon(lang)} "
        + comma(lang).join(
            isolate(person_name(people[pid], lang), lang) if pid in people else pid for pid in ids
        )
        for g, ids in sorted(members.items())
    ]


def _part_of_delegation(event: Event, members: dict[str, list[str]]) -> bool:
    """True when the subgroups in ``members`` leave out some delegate."""
    sides = {o.id: o.side for o in event.organizations}
    delegates = {p.id for p in event.people if sides.get(p.organization) is Side.DELEGATION}
    return bool(delegates - {pid for people in members.values() for pid in people})
