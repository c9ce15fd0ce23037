"""Adapter between the domain :class:`~liqa.core.model.Event` and the brokerage scheduler.

Parties of accepted one-to-one requests become participants: a person attends one
meeting at a time at their own table if they have one; an organization named as a party
may meet in parallel with as many people as it has, and an organization of one person is
that person (they attend its meetings as themselves: never at the same time as their own).
The meetings of an organization of several people and its people's own meetings share its
people: in one slot, no more of them together than it has people available then, and in a
session no more than its people may have together under the event's limit per session;
after solving, each of its meetings is given those of its people who are free then (one of
them, under a limit per session). Breaks are counted within a session.
"""

from __future__ import annotations

from datetime import UTC, datetime

from liqa.core.local_time import LocalTime
from liqa.core.model import (
    Assignment,
    Event,
    MeetingFormat,
    Provenance,
    RequestStatus,
    Schedule,
    Slot,
    TimeWindow,
    Unplaced,
)
from liqa.core.outputs.timeline import zone_at
from liqa.core.problems import InputError, Message, Name, Names
from liqa.core.problems import Problem as InputProblem
from liqa.core.scheduling.brokerage.problem import (
    Meeting,
    Participant,
    Placement,
    Problem,
    Result,
    Settings,
    SlotInfo,
    Timetable,
)
from liqa.core.scheduling.brokerage.replan import pin_meeting
from liqa.core.scheduling.brokerage.solve import solve

SOURCE = "<event>"


def event_problem(event: Event, fairness: int | None = None) -> Problem:
    """The brokerage problem of ``event``: accepted 1:1 requests, slots, tables, limits."""
    setup = event.brokerage
    if setup is None:
        raise InputError(
            [
                InputProblem(
                    SOURCE,
                    Message("event {id} has no brokerage section", id=event.id),
                    hint=Message("add brokerage: venue, slot_minutes, tables, sessions"),
                    path="brokerage",
                    code="missing_brokerage",
                )
            ]
        )
    slots = setup.slots()
    windows = [TimeWindow(s.start, s.end) for s in slots]
    people = {p.id: p for p in event.people}
    orgs = {o.id: o for o in event.organizations}
    problems: list[InputProblem] = []
    requests = [
        r
        for r in event.requests
        if r.status == RequestStatus.ACCEPTED and r.format == MeetingFormat.ONE_TO_ONE
    ]
    kept = {r.id for r in requests}
    ids: list[str] = []
    for n, r in enumerate(event.requests):
        if r.id not in kept:  # by id: comparing whole requests is quadratic in their number
            continue
        for who in (r.requester, r.target, *r.attendees):
            if who not in people and who not in orgs:
                problems.append(
                    InputProblem(
                        SOURCE,
                        Message(
                            "request {id} names {who!r}, neither a person nor an organization",
                            id=r.id,
                            who=who,
                        ),
                        path=f"requests[{n}]",
                        code="unknown_reference",
                    )
                )
            elif who not in ids:
                ids.append(who)
    sole = _sole_members(event, ids)
    ids += [m for m in sole.values() if m not in ids]
    shared = _shared_capacity(event, ids)
    starts = {s.start: s.index for s in slots}
    meetings = []
    for n, r in enumerate(event.requests):
        if r.id not in kept:
            continue
        fixed = None
        if r.fixed_start is not None:
            fixed = starts.get(r.fixed_start)
            if fixed is None:
                problems.append(
                    InputProblem(
                        SOURCE,
                        Message(
                            "request {id}: fixed_start {value} is not the start of a "
                            "brokerage slot",
                            id=r.id,
                            value=r.fixed_start.isoformat(),
                        ),
                        hint=Message("use a slot start time"),
                        path=f"requests[{n}].fixed_start",
                        code="bad_fixed_start",
                    )
                )
        meetings.append(
            Meeting(
                r.id,
                (r.requester, r.target),
                attendees=_with_organizations(
                    r.requester,
                    r.target,
                    _with_sole_members(r.requester, r.target, r.attendees, sole),
                    shared,
                ),
                priority=r.priority,
                session=r.session,
                fixed_slot=fixed,
                after=tuple(a for a in r.after if a in kept),
            )
        )
    if problems:
        raise InputError(problems)
    participants = []
    for pid in ids:
        if pid in people:
            person = people[pid]
            away = frozenset(i for i, w in enumerate(windows) if not person.is_available(w))
            participants.append(Participant(pid, 1, away, person.table))
        else:
            members = event.members(pid)
            present = [sum(m.is_available(w) for m in members) for w in windows]
            away = frozenset(i for i, n in enumerate(present) if members and n == 0)
            limit = setup.max_meetings_per_session
            participants.append(
                Participant(
                    pid,
                    max(1, len(members)),
                    away,
                    reduced=tuple((i, n) for i, n in enumerate(present) if 0 < n < len(members)),
                    # its people together: each may have as many (one goes to each)
                    session_limit=limit * len(members)
                    if limit is not None and len(members) > 1
                    else None,
                )
            )
    names: dict[str, str] = {
        pid: Name(people[pid].name, ar=people[pid].name_ar)
        if pid in people
        else Name(orgs[pid].name, ar=orgs[pid].name_ar, fr=orgs[pid].name_fr)
        for pid in ids
    }
    labels = names | {m.id: Names([names[p] for p in m.parties], " – ") for m in meetings}
    return Problem(
        slots=tuple(SlotInfo(s.session, s.session) for s in slots),
        tables=setup.tables,
        participants=tuple(participants),
        meetings=tuple(meetings),
        max_meetings_per_session=setup.max_meetings_per_session,
        max_break_spread=fairness,
        name=event.id,
        labels=labels,
        slot_labels=slot_labels(event, slots),
    )


def _sole_members(event: Event, ids: list[str]) -> dict[str, str]:
    """``{organization: its one person}`` for each organization among the meetings' parties
    that has exactly one person: that person attends each of its meetings, so they take
    part in them as themselves too (one meeting at a time, their availability, table and
    breaks); an organization with several people may meet in parallel, as many at once as
    it has people."""
    people = {p.id for p in event.people}
    sole: dict[str, str] = {}
    for pid in ids:
        if pid in people:
            continue
        members = event.members(pid)
        if len(members) == 1:
            sole[pid] = members[0].id
    return sole


def _with_sole_members(
    requester: str, target: str, attendees: tuple[str, ...], sole: dict[str, str]
) -> tuple[str, ...]:
    """A request's extra attendees, with the one person of an organization party
    (:func:`_sole_members`) unless they are a party or an attendee already."""
    found = list(attendees)
    for party in (requester, target):
        person = sole.get(party)
        if person is not None and person not in (requester, target, *found):
            found.append(person)
    return tuple(found)


def _shared_capacity(event: Event, ids: list[str]) -> dict[str, str]:
    """``{person: their organization}`` for each person among the meetings' people whose
    organization, of several people, is a party too: the organization's meetings and its
    people's own meetings are held by the same people, so in one slot there can be at most
    as many of them together as it has people. The organization attends its people's
    meetings in the problem (taking one of its places in that slot); who of its people goes
    to each of its own meetings is decided after solving (:func:`_sent`)."""
    present = set(ids)
    out: dict[str, str] = {}
    for person in event.people:
        org = person.organization
        if person.id in present and org in present and len(event.members(org)) > 1:
            out[person.id] = org
    return out


def _with_organizations(
    requester: str, target: str, attendees: tuple[str, ...], shared: dict[str, str]
) -> tuple[str, ...]:
    """A meeting's extra attendees, with the organization (:func:`_shared_capacity`) of each
    of its people whose organization shares their capacity, unless already there."""
    found = list(attendees)
    for who in (requester, target, *attendees):
        org = shared.get(who)
        if org is not None and org not in (requester, target, *found):
            found.append(org)
    return tuple(found)


def _sent(
    event: Event, problem: Problem, placements: list[Placement]
) -> dict[tuple[str, str], list[str]]:
    """Who goes to each placed meeting for an organization among its people, by meeting and
    organization, slot by slot.

    The organization's people free then (no meeting of their own, available) are shared
    out in turn over its meetings in that slot. Where the event limits meetings per
    session, each meeting gets one of them instead, the one with the fewest meetings in the
    session so far who is under the limit, so that each person keeps to it. The solver kept
    the organization's meetings and its people's own meetings within its number of people
    in each slot (and within their limits together in a session), so no one is sent to two
    meetings at once; where some of its people are away and the others busy, a meeting
    gets its available people even if busy, else all of them (as before people could be
    told apart)."""
    people = {p.id for p in event.people}
    slots = event.brokerage.slots() if event.brokerage else []
    busy: dict[int, set[str]] = {}
    count: dict[tuple[str, str], int] = {}
    needs: dict[tuple[int, str], list[str]] = {}
    for placement in placements:
        meeting = problem.meeting(placement.meeting)
        session = problem.slots[placement.slot].session
        here = {who for who in meeting.people if who in people}
        busy.setdefault(placement.slot, set()).update(here)
        for who in here:
            count[who, session] = count.get((who, session), 0) + 1
        for who in meeting.people:
            if who not in people and not any(m.id in here for m in event.members(who)):
                needs.setdefault((placement.slot, who), []).append(meeting.id)
    limit = problem.max_meetings_per_session
    out: dict[tuple[str, str], list[str]] = {}
    for (t, org), mids in sorted(needs.items()):
        session = problem.slots[t].session
        members = event.members(org)
        window = TimeWindow(slots[t].start, slots[t].end) if t < len(slots) else None
        available = [m.id for m in members if window is None or m.is_available(window)]
        free = [m for m in available if m not in busy.get(t, set())]
        if limit is not None:  # one each, the least busy under the limit first
            free.sort(
                key=lambda m: (count.get((m, session), 0) >= limit, count.get((m, session), 0))
            )
            free = free[: len(mids)]
        for n, mid in enumerate(sorted(mids)):
            if free:
                out[mid, org] = free[n :: len(mids)] or [free[n % len(free)]]
            else:
                out[mid, org] = available or [m.id for m in members]
            for who in out[mid, org]:
                count[who, session] = count.get((who, session), 0) + 1
    return out


def slot_labels(event: Event, slots: list[Slot]) -> tuple[str, ...]:
    """What people call each slot: its start in the hall's local time, read in each
    reader's format (:class:`LocalTime`), with the day when the slots span days and the
    zone's name when the event spans time zones (as the grid's Move form)."""
    hall = next(
        (v for v in event.venues if event.brokerage and v.id == event.brokerage.venue), None
    )
    starts = [s.start.astimezone(zone_at(event, s.start, hall)) for s in slots]
    dated = len({s.date() for s in starts}) > 1
    return tuple(LocalTime(s, dated, event.spans_zones) for s in starts)


def plan_brokerage(
    event: Event, settings: Settings | None = None, fairness: int | None = None
) -> tuple[Schedule, Result]:
    """Schedule the event's accepted 1:1 meetings; the domain schedule and the solver report.

    Assignment ids are the request ids; every unplaced request carries a reason code, a
    human explanation and the ids of the meetings in its way.
    """
    problem = event_problem(event, fairness)
    result = solve(problem, settings)
    return to_schedule(event, problem, result), result


def previous_problem(event: Event, previous: Schedule) -> tuple[Problem, Timetable]:
    """The event's problem with ``previous``'s pinned meetings fixed in their slots, and
    ``previous`` as a timetable of that problem (meetings the event no longer has, or at a
    time that is no longer a slot, left out): what a re-plan starts from.

    An assignment is a meeting's only when it is a 1:1 meeting between that meeting's own
    two parties: ids are the organizer's free text, and a programme item, lunch or visit
    may carry a request's id, as may a stale meeting of that id between other people (its
    request now names other parties); those are left out as meetings the event no longer
    has."""
    assert event.brokerage is not None  # callers check it with their own message
    slot_of = {slot.start: slot.index for slot in event.brokerage.slots()}
    problem = event_problem(event)
    parties = {meeting.id: frozenset(meeting.parties) for meeting in problem.meetings}
    placements = []
    for assignment in previous.assignments:
        slot = slot_of.get(assignment.start)
        if slot is None or not _meeting_of(assignment, parties):
            continue
        placements.append(Placement(assignment.id, slot, assignment.table))
        if assignment.pinned:
            problem = pin_meeting(problem, assignment.id, slot)
    return problem, Timetable(tuple(placements))


def _meeting_of(assignment: Assignment, parties: dict[str, frozenset[str]]) -> bool:
    """Whether ``assignment`` places the meeting of its id (``parties``: each meeting's two
    parties by id): a 1:1 meeting between those same parties."""
    return assignment.format == MeetingFormat.ONE_TO_ONE and frozenset(
        assignment.parties
    ) == parties.get(assignment.id)


def to_schedule(event: Event, problem: Problem, result: Result, version: int = 1) -> Schedule:
    """The domain :class:`Schedule` of a solver result."""
    assert event.brokerage is not None
    slots = event.brokerage.slots()
    people = {p.id for p in event.people}
    placements = sorted(result.timetable.placements, key=lambda p: (p.slot, p.meeting))
    sent = _sent(event, problem, placements)
    assignments = []
    for placement in placements:
        meeting = problem.meeting(placement.meeting)
        slot = slots[placement.slot]
        attendees: list[str] = []
        for who in meeting.people:
            if who in people:
                found = [who]
            elif (meeting.id, who) in sent:
                found = sent[meeting.id, who]
            else:  # its people in the meeting go for it
                found = [m.id for m in event.members(who) if m.id in meeting.people]
            attendees += [a for a in found if a not in attendees]
        assignments.append(
            Assignment(
                id=meeting.id,
                start=slot.start,
                end=slot.end,
                venue=event.brokerage.venue,
                attendees=tuple(attendees),
                table=placement.table,
                parties=meeting.parties,
            )
        )
    unplaced = tuple(Unplaced(u.meeting, u.reason, u.detail, u.blocking) for u in result.unplaced)
    provenance = Provenance(
        method=f"brokerage/{result.method}",
        created_at=datetime.now(UTC),
        status=str(result.status),
        objective={k: float(v) for k, v in result.objective.items()},
        bound=result.bound,
        gap=result.gap,
    )
    return Schedule(event.id, version, tuple(assignments), provenance, unplaced)
