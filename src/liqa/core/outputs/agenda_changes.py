"""What changed on each person's agenda between two schedules of an event.

The scheduler's :func:`schedule_diff` compares what each *attendee* takes part in; an agenda
shows more: a host's staff see every visit to their organization (they receive the
delegation without being listed as its attendees), and anyone named as a party of a meeting
sees it. :func:`agenda_diff` compares what :func:`~liqa.core.outputs.timeline.subject`
puts on each person's agenda, so that whoever reads a changed agenda is told.
"""

from __future__ import annotations

from collections.abc import Iterable

from liqa.core.model import Assignment, Event, Schedule
from liqa.core.outputs.timeline import subject
from liqa.core.scheduling.itinerary.replan import MemberChange, schedule_diff


def _shown(assignment: Assignment) -> tuple[object, ...]:
    """What a person's agenda shows of a placed item: when, where, whom it is with (the
    host, the parties), with which subgroup, at which table."""
    return (
        assignment.start,
        assignment.end,
        assignment.venue,
        assignment.parties,
        assignment.group,
        assignment.table,
    )


class _Index:
    """A schedule's assignments by attendee and by party."""

    def __init__(self, schedule: Schedule) -> None:
        self.by_id = {a.id: a for a in schedule.assignments}
        self.attending: dict[str, set[str]] = {}
        self.party: dict[str, set[str]] = {}
        for a in schedule.assignments:
            for pid in a.attendees:
                self.attending.setdefault(pid, set()).add(a.id)
            for party in a.parties:
                self.party.setdefault(party, set()).add(a.id)

    def on_agenda(self, attends: Iterable[str], parties: Iterable[str]) -> set[str]:
        """Ids of the items an agenda with these attendance and party ids holds."""
        ids: set[str] = set()
        for pid in attends:
            ids |= self.attending.get(pid, set())
        for party in parties:
            ids |= self.party.get(party, set())
        return ids


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(a) | set(b)))


def agenda_diff(event: Event, old: Schedule, new: Schedule) -> dict[str, MemberChange]:
    """Per person whose agenda changed from ``old`` to ``new``, by person id: the items
    added, removed, and moved (same id, another time, place, host or parties, subgroup or
    table).

    Attendees are compared as :func:`schedule_diff` does (also those no longer in the
    event); each person of ``event`` is also compared on everything their agenda shows:
    for a host's staff, the visits to their organization, which are *added* when a visit
    to it is placed, *removed* when it is cancelled (or goes to another host) and *moved*
    when it changes time or place.
    """
    changes = dict(schedule_diff(old, new))
    before, after = _Index(old), _Index(new)
    for person in event.people:
        who = subject(event, person.id)
        was = before.on_agenda(who.attends, who.parties)
        now = after.on_agenda(who.attends, who.parties)
        added = tuple(sorted(now - was))
        removed = tuple(sorted(was - now))
        moved = tuple(
            sorted(i for i in was & now if _shown(before.by_id[i]) != _shown(after.by_id[i]))
        )
        if not (added or removed or moved):
            continue
        known = changes.get(person.id, MemberChange(person.id))
        changes[person.id] = MemberChange(
            person.id,
            _union(known.added, added),
            _union(known.removed, removed),
            _union(known.moved, moved),
        )
    return dict(sorted(changes.items()))
