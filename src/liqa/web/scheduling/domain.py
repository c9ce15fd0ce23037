"""Read-side views for the organizer's pages: overview counts and the result grid."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from babel import dates as babel_dates

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.outputs.agenda import entry_title
from liqa.core.outputs.labels import (
    comma,
    display_names,
    format_label,
    isolate,
    item_titles,
    programme_label,
    subgroup_label,
    zone_name,
)
from liqa.core.outputs.report import is_brokerage
from liqa.core.outputs.timeline import Item, Subject, is_meeting, subject, timeline, zone_at
from liqa.core.scheduling.itinerary.groups import EVERYONE
from liqa.core.scheduling.itinerary.replan import MemberChange
from liqa.core.scheduling.reasons import detail_names, reason_words, with_names
from liqa.web import delivery
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Notification, Run, ScheduleVersion
from liqa.web.scheduling.records import schedule_record


@dataclasses.dataclass(frozen=True)
class AfterMission:
    """Where an event stands once its last published meeting has ended."""

    ended: datetime
    """The end of the last published meeting or visit, in the local time of where it ends."""
    outcomes: dict[str, int]
    """Its meetings and visits by outcome: ``held``, ``no_show``, ``cancelled`` (only when
    some are) and ``unrecorded`` (none recorded yet), in that order."""
    brokerage: bool = False
    """A brokerage event (the page says "the event", not "the mission")."""


def last_meeting_end(event: core.Event, schedule: core.Schedule) -> datetime | None:
    """When the last meeting or visit of ``schedule`` ends (programme items aside), in the
    local time of where it ends; ``None`` for a schedule without one."""
    ends = [item.end for item in timeline(event, schedule) if item.is_meeting]
    return max(ends) if ends else None  # aware: compared as instants, whatever their zones


def version_over(version: ScheduleVersion, now: datetime) -> bool:
    """Whether the last meeting or visit of ``version`` has ended at ``now`` (aware): its
    stored times are instants, so the schedule alone says it (no event record read)."""
    ends = [a.end for a in schedule_record(version).assignments if is_meeting(a.format)]
    return bool(ends) and max(ends) <= now


def after_mission(event: core.Event, schedule: core.Schedule, now: datetime) -> AfterMission | None:
    """The mission's state after it, by the published ``schedule``: when its last meeting
    ended and how many meetings have an outcome of each kind; ``None`` until that last
    meeting has ended at ``now`` (aware)."""
    ended = last_meeting_end(event, schedule)
    if ended is None or ended > now:
        return None
    kinds = {o.assignment: o.kind.value for o in event.outcomes}
    counts: dict[str, int] = {}
    for item in timeline(event, schedule):
        if item.is_meeting:
            key = kinds.get(item.id, "unrecorded")
            counts[key] = counts.get(key, 0) + 1
    order = ("held", "no_show", "cancelled", "unrecorded")
    shown = {k: counts.get(k, 0) for k in order if k != "cancelled" or counts.get(k)}
    return AfterMission(ended, shown, is_brokerage(event))


def overview(row: Event, lang: str = "en", now: datetime | None = None) -> dict[str, Any]:
    """Counts of the event's records, requests by status (with their parties' names as read
    in ``lang``), its runs and versions, and where it stands after the mission (``after``:
    :func:`after_mission` by the latest published version at ``now``, else ``None``)."""
    event = event_record(row)
    versions = list(ScheduleVersion.objects.filter(event=row).order_by("-number"))
    published = next((v for v in versions if v.published), None)
    after = None
    if published is not None:
        after = after_mission(event, schedule_record(published), now or datetime.now(UTC))
    by_status: dict[str, int] = defaultdict(int)
    for request in event.requests:
        by_status[request.status.value] += 1
    return {
        "core": event,
        "counts": {
            "legs": len(event.legs),
            "venues": len(event.venues),
            "organizations": len(event.organizations),
            "people": len(event.people),
            "requests": len(event.requests),
            "visits": len(event.visits),
            "programme": len(event.programme),
        },
        "requests_by_status": dict(sorted(by_status.items())),
        "requests": list(event.requests),
        "names": display_names(event, lang),
        "runs": list(Run.objects.filter(event=row)[:10]),
        "versions": versions,
        "after": after,
    }


def grid(
    version: ScheduleVersion, lang: str = "en", by: str = "people", moved: str = ""
) -> dict[str, Any]:
    """People × days (or hosts × days): each row's assignments per local day, in time order,
    each titled as the row's agenda titles it (``titles``: by row, then by meeting's key);
    ``moved`` (a meeting's key, after a move) is described in ``moved``. The Move form's
    slots are the grid page's (``grid_views.move_slots``: the core's ``slot_columns``)."""
    event = event_record(version.event)
    schedule = schedule_record(version)
    org_of = {p.id: p.organization for p in event.people}
    days: set[date] = set()
    cells: dict[str, dict[date, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    items = timeline(event, schedule)
    on_clock = {item.id: item for item in items}  # each end on its clock
    for assignment in sorted(schedule.assignments, key=lambda a: (a.start, a.id)):
        item = on_clock[assignment.id]
        start = item.start
        days.add(start.date())
        cell = {"a": assignment, "start": start, "end": item.end}
        if by == "hosts":
            keys = set(assignment.parties) | {org_of.get(a, "") for a in assignment.attendees}
        else:
            keys = set(assignment.attendees)
        for key in sorted(keys):
            cells[key][start.date()].append(cell)
    people: list[Any]
    if by == "hosts":
        hosts = (core.Side.HOST, core.Side.BOTH)
        people = [o for o in event.organizations if o.side in hosts and o.id in cells]
    else:
        people = [p for p in event.people if p.id in cells]
    titles = row_titles(event, items, [row.id for row in people], lang)
    if by == "hosts":
        _name_subgroups(titles, cells, lang)
    return {
        "core": event,
        "schedule": schedule,
        "days": sorted(days),
        "people": people,
        "cells": cells,
        "moved": moved_meeting(event, schedule, moved, lang),
        "titles": titles,
        "by": by,
        "unplaced": unplaced_rows(event, schedule, lang),
    }


def row_titles(
    event: core.Event, items: Iterable[Item], rows: Iterable[str], lang: str
) -> dict[str, dict[str, str]]:
    """Each row's (a person's or an organization's id) title of every item on its agenda,
    by the item's key, in the agenda's words (``build_agenda``'s ``Entry.title``: "Meeting
    with Beta Bank", "Receiving the delegation"), from one pass over ``items`` (the
    timeline): an item is on a row's agenda when one of its attendees or parties makes it
    theirs (``Subject.involved_in``), found through those ids rather than by asking every
    row about every item."""
    titles: dict[str, dict[str, str]] = {}
    by_attendee: dict[str, list[Subject]] = defaultdict(list)
    by_party: dict[str, list[Subject]] = defaultdict(list)
    for row in rows:
        who = subject(event, row)
        titles[who.id] = {}
        for person in who.attends:
            by_attendee[person].append(who)
        for party in who.parties:
            by_party[party].append(who)
    for item in items:
        involved = {
            who.id: who
            for ids, index in ((item.attendees, by_attendee), (item.parties, by_party))
            for key in ids
            for who in index.get(key, ())
        }
        for who in involved.values():
            titles[who.id][item.id] = entry_title(event, item, who, lang)[1]
    return titles


def _name_subgroups(
    titles: dict[str, dict[str, str]],
    cells: Mapping[str, Mapping[date, list[dict[str, Any]]]],
    lang: str,
) -> None:
    """On a day the delegation splits, a host's cell says which subgroup comes ("Receiving
    the delegation — subgroup B"), where every host's cell read "Receiving the delegation";
    a day it travels whole keeps the plain words."""
    groups: dict[date, set[str]] = defaultdict(set)
    for by_day in cells.values():
        for day, day_cells in by_day.items():
            groups[day] |= {c["a"].group for c in day_cells if c["a"].group not in (None, EVERYONE)}
    for host, by_day in cells.items():
        for day, day_cells in by_day.items():
            if host not in titles or len(groups[day]) < 2:  # the delegation's rows: not listed
                continue
            for cell in day_cells:
                a = cell["a"]
                if a.format is not core.MeetingFormat.SITE_VISIT or a.group in (None, EVERYONE):
                    continue
                title = titles[host].get(a.id, a.id)  # "Receiving the delegation", translated
                titles[host][a.id] = f"{title} — {subgroup_label(a.group, lang)}"


def moved_meeting(
    event: core.Event, schedule: core.Schedule, key: str, lang: str
) -> dict[str, Any] | None:
    """The meeting just moved by hand, to say where it went: its parties' names, its local
    start and end and its table; ``None`` when ``key`` is no meeting of the schedule."""
    found = [a for a in schedule.assignments if a.id == key]
    if not key or not found:
        return None
    assignment = found[0]
    venues = {v.id: v for v in event.venues}
    zone = zone_at(event, assignment.start, venues.get(assignment.venue or ""))
    return {
        "title": item_titles(event, [key], lang)[key],
        "start": assignment.start.astimezone(zone),
        "end": assignment.end.astimezone(zone),
        "table": assignment.table,
    }


def unplaced_rows(event: core.Event, schedule: core.Schedule, lang: str) -> list[dict[str, Any]]:
    """What was not placed, by the names people know: the meeting's parties or the visit's
    host, the reason in words and its detail (the key stays for links and search)."""
    keys = [u.id for u in schedule.unplaced]
    titles = item_titles(event, keys, lang)
    names = detail_names(event)  # a detail stored with ids says people's names
    return [
        {
            "id": u.id,
            "title": titles[u.id],
            "reason": reason_words(u.reason),
            "u": dataclasses.replace(u, detail=with_names(u.detail, names)),
        }
        for u in schedule.unplaced
    ]


def change_names(
    version: ScheduleVersion,
    affected: Mapping[str, MemberChange],
    lang: str,
    schedules: tuple[core.Schedule, ...] = (),
) -> dict[str, dict[str, str]]:
    """Names for the publishing summary: each affected person, and each changed meeting or
    visit (its parties or its host), as read in ``lang``; a lunch or another programme item
    as its agenda names it, with its day and time, found in ``schedules`` (the version and
    the one it replaced: a removed lunch is only in the old one)."""
    event = event_record(version.event)
    keys = {k for c in affected.values() for k in (*c.added, *c.moved, *c.removed)}
    titles = item_titles(event, keys, lang)
    known = {r.id for r in event.requests} | {v.id for v in event.visits}
    others = keys - known
    timed = keys & known  # a meeting or visit: its parties or host, then when (a move's point)
    zoned = event.spans_zones
    for schedule in schedules:
        if not others and not timed:
            break
        for item in timeline(event, schedule):
            if item.id in others:
                titles[item.id] = item_words(item, lang, zoned=zoned)
                others.discard(item.id)
            elif item.id in timed:
                when = _when(item, lang, zoned=zoned)
                titles[item.id] = comma(lang).join((titles[item.id], when))
                timed.discard(item.id)
    return {"names": display_names(event, lang), "titles": titles}


def item_words(item: Item, lang: str, *, zoned: bool = False) -> str:
    """A programme item or lunch in words, as the agenda names it, with its local day and
    time: "Lunch, Thu, Mar 14, 12:30 PM" ("الغداء، الخميس، 14 مارس، 12:30" in Arabic); the
    date tells apart the lunches of a mission longer than a week; ``zoned`` (an event in
    more than one zone) adds the time's zone ("12:30 PM CST")."""
    t = translator(lang)
    if item.programme is not None:
        title = core.pick(item.programme.title, lang) or programme_label(item.programme.kind, lang)
    elif item.is_lunch:
        title = t.gettext("Lunch")
    else:
        title = format_label(item.format, lang)
    return comma(lang).join((title, _when(item, lang, zoned=zoned)))


def _when(item: Item, lang: str, *, zoned: bool = False) -> str:
    """An item's local day and start time: "Thu, Mar 14, 12:30 PM", with its zone when
    ``zoned`` ("Tue, Feb 13, 1:21 PM CST": a mission across cities)."""
    t = translator(lang)
    day = babel_dates.format_skeleton("MMMEd", item.start.date(), locale=t.locale)
    glue = str(babel_dates.get_datetime_format("medium", locale=t.locale))
    clock = t.format_time(item.start) + (
        f" {zone_name(item.start, lang, 'short')}" if zoned else ""
    )
    return glue.replace("{1}", day).replace("{0}", clock)


def _by_time(ids: tuple[str, ...], schedule: core.Schedule) -> tuple[str, ...]:
    """``ids`` in the order they happen in ``schedule`` (then by key)."""
    starts = {a.id: a.start for a in schedule.assignments}
    last = datetime.max.replace(tzinfo=UTC)
    return tuple(sorted(ids, key=lambda k: (starts.get(k, last), k)))


def published_summary(version: ScheduleVersion, lang: str) -> dict[str, Any]:
    """What publishing ``version`` changed, from stored data: the participants whose agenda
    changed (those told by e-mail) and what changed for each, by name, in time order.

    The publication as it was: the changes it recorded (``ScheduleVersion.affected``,
    with or without e-mails), not whoever the event's people now make of the two stored
    versions (a host's staff member added since would show up, although the publication
    did not concern them). A version published before that was recorded lists the people
    its :class:`Notification` records name, if any, else the two versions compared with
    today's people (``estimated``: the page says so).

    Each person is shown with the organization they belonged to when told (recorded at
    publication), and where they are now when that differs (``organizations``)."""
    old, new = publishing.compared(version)
    diff = publishing.recorded_changes(version)
    estimated = False
    if diff is None:
        diff = publishing.version_diff(event_record(version.event), old, new)
        recorded = sorted(version.notifications.values_list("person", flat=True))
        if version.notified and recorded:
            diff = {person: diff.get(person, MemberChange(person)) for person in recorded}
        else:
            estimated = True
    affected = {
        person: dataclasses.replace(
            change,
            added=_by_time(change.added, new),
            moved=_by_time(change.moved, new),
            removed=_by_time(change.removed, old),
        )
        for person, change in diff.items()
    }
    names = change_names(version, affected, lang, (new, old))
    return {
        "affected": affected,
        "estimated": estimated,
        **names,
        "organizations": organizations(version, list(affected), names["names"], lang),
        "told": told(version, names["names"], lang),
    }


def organizations(
    version: ScheduleVersion, people: list[str], names: Mapping[str, str], lang: str
) -> dict[str, dict[str, str | bool]]:
    """Per person affected by publishing ``version``: the name of the organization they
    belonged to then (``then``: recorded at publication; for a version published before
    it was, their organization now), and, when that changed since, the name of the one
    they belong to now (``now``, else "") or ``left`` when they are no longer among the
    event's people. Names as read in ``lang``, isolated when they run against it (a Latin
    name in Arabic keeps its place beside the words around it)."""
    recorded = publishing.recorded_organizations(version)
    current = {p.id: p.organization for p in event_record(version.event).people}
    out: dict[str, dict[str, str | bool]] = {}
    for person in people:
        then = recorded.get(person) or current.get(person, "")
        now = current.get(person)
        moved = now is not None and now != then
        out[person] = {
            "then": isolate(names.get(then, then), lang),
            "now": isolate(names.get(now, now), lang) if moved and now else "",
            "left": now is None,
        }
    return out


def _not_set_up(row: Notification) -> bool:
    """True for a message not delivered because e-mail is not set up on the server."""
    return delivery.outcome(row.email, row.sent, row.error) == "not_set_up"


def told(version: ScheduleVersion, names: Mapping[str, str], lang: str) -> dict[str, Any] | None:
    """Who publishing ``version`` e-mailed, from its :class:`Notification` records: the
    people e-mailed, those without an address, those whose message failed (with the mail
    backend's error), those not delivered because e-mail is not set up on the server
    (``not_set_up``) and those not tried yet, each list by name, the comma that joins
    names in ``lang``, those not e-mailed who have no address now (``unreachable``;
    ``address_removed`` when one of them had one at publication), and whether *Send again*
    has anyone to e-mail; ``None`` when
    nothing was recorded (published silently, or before records were kept)."""
    rows = list(version.notifications.all())
    if not version.notified or not rows:
        return None

    def named(chosen: list[Notification]) -> list[dict[str, str]]:
        people = [
            {
                "person": r.person,
                "name": isolate(names.get(r.person, r.person), lang),  # a Latin name in Arabic
                "error": r.error,
            }
            for r in chosen
        ]
        return sorted(people, key=lambda p: (p["name"], p["person"]))

    unsent = [r for r in rows if not r.sent]
    address = publishing.addresses(version, [r.person for r in unsent])  # as they are now
    unreachable = [r for r in unsent if not address.get(r.person)]
    return {
        "sent": named([r for r in rows if r.sent]),
        "no_address": named([r for r in rows if not r.email]),
        "failed": named([r for r in rows if r.unsent and r.error and not _not_set_up(r)]),
        # handed to a backend that delivers nothing: e-mail is not set up on the server
        "not_set_up": named([r for r in rows if r.unsent and _not_set_up(r)]),
        "pending": named([r for r in rows if r.unsent and not r.error]),
        # not e-mailed, and no address to send to now (never had one, or it was removed
        # after their message failed): Send again cannot reach them
        "unreachable": named(unreachable),
        "address_removed": any(r.email for r in unreachable),
        "comma": comma(lang),
        # Send again: messages not sent (failed, not tried, or people given an address
        # since) to people who have an address now
        "resend": bool(address),
    }
