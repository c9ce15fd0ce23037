"""The published meetings a re-plan keeping them in place could not keep because the change
itself ruled their place out, for :func:`.replanning.replan_event`'s report and outcome.

The brokerage re-plan keeps in place every published meeting the changed event still
allows there (:func:`.brokerage.replan.keep_in_place`) and lists as released only those it
had to move to keep the others. A meeting whose party is no longer available at its time,
whose table is gone or whose place a new fixed meeting takes is not kept at all: the
re-plan places it again as it places a new one. Those are listed here, by the same
record (:class:`.planning.Released`), so that every reader of the outcome (the CLI's
report, the web's run) gets one list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import datetime

from liqa.core.local_time import LocalTime
from liqa.core.model import Assignment, Event, MeetingFormat, Schedule
from liqa.core.outputs.timeline import zone_at
from liqa.core.problems import Message, Names
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.problem import Problem
from liqa.core.scheduling.planning import Released


def not_kept(
    event: Event,
    problem: Problem,
    previous: Schedule,
    schedule: Schedule,
    listed: Collection[str],
) -> tuple[Released, ...]:
    """The meetings of ``previous`` not at their time and table in ``schedule`` (moved or
    unplaced) beyond ``listed`` (the ones the re-plan released itself), in time order.

    Each with where it was and, when that time is still open to it in ``problem`` (the
    changed event's), the meetings now there with one of its parties or at its table.
    Meetings the event no longer has (dropped, or another meeting under a request's id)
    are not listed."""
    assert event.brokerage is not None  # the re-plan has checked it
    meetings = {m.id: m for m in problem.meetings}
    slots = {slot.start: slot for slot in event.brokerage.slots()}  # on the event's clock
    now = {a.id: a for a in schedule.assignments if a.id in meetings}
    at: dict[datetime, list[Assignment]] = defaultdict(list)
    for a in now.values():
        at[a.start].append(a)
    out = []
    for was in sorted(previous.assignments, key=lambda a: (a.start, a.id)):
        meeting = meetings.get(was.id)
        if meeting is None or was.id in listed or was.format != MeetingFormat.ONE_TO_ONE:
            continue
        if set(meeting.parties) != set(was.parties):
            continue  # another meeting under a request's id: dropped
        new = now.get(was.id)
        if new is not None and (new.start, new.table) == (was.start, was.table):
            continue
        there: list[str] = []
        slot = slots.get(was.start)
        if slot is not None and slot.index in allowed_slots(problem, meeting):
            there = [
                a.id
                for a in at[was.start]
                if a.id != was.id
                and (set(a.parties) & set(was.parties) or (was.table and a.table == was.table))
            ]
        start = was.start if slot is None else slot.start
        out.append(Released(was.id, start, was.table, tuple(sorted(there))))
    return tuple(out)


def not_kept_detail(event: Event, problem: Problem, released: Released) -> Message:
    """Why ``released`` (from :func:`not_kept`) left its place, in words for the report:
    the meeting by its parties, where it was on the hall's clock, what holds it now."""
    assert event.brokerage is not None
    hall = next((v for v in event.venues if v.id == event.brokerage.venue), None)
    local = released.start.astimezone(zone_at(event, released.start, hall))
    time = LocalTime(local, dated=True, zoned=event.spans_zones)
    place: str = time
    if released.table is not None:
        place = Message("{time}, table {table}", time=time, table=released.table)
    meeting = problem.label(released.meeting)
    if released.blockers:
        return Message(
            "published meeting {meeting} could not stay at {place}: the changes since "
            "publication left it no room there; its place now goes to {blockers}",
            meeting=meeting,
            place=place,
            blockers=Names([problem.label(b) for b in released.blockers], "; "),
        )
    return Message(
        "published meeting {meeting} could not stay at {place}: the changes since "
        "publication left it no room there",
        meeting=meeting,
        place=place,
    )
