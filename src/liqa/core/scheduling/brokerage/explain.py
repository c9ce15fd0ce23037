"""Why a meeting was not placed, in a reason code, in words, and with the meetings in its way."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from liqa.core.problems import Message, Names, PluralMessage, joined
from liqa.core.scheduling.brokerage.constraints import overlap, session_limit, tables
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.constraints.tables import own_table
from liqa.core.scheduling.brokerage.problem import (
    Meeting,
    Problem,
    ReleasedMeeting,
    UnplacedMeeting,
)
from liqa.core.scheduling.brokerage.state import PartialTimetable

NO_COMMON_SLOT = "no_common_slot"
PARTY_AT_MAXIMUM = "party_at_maximum"
NO_TABLE_LEFT = "no_table_left"
LOST_TO_HIGHER_PRIORITY = "lost_to_higher_priority"
NOT_PLACED = "not_placed"

FEW = 5
"""How many meetings in the way an explanation names; the others are counted (all are in
``blocking``)."""


def explain_unplaced(problem: Problem, slots: Mapping[str, int]) -> list[UnplacedMeeting]:
    """One explanation for every meeting missing from ``slots``."""
    state = PartialTimetable(problem)
    for meeting in problem.meetings:
        if meeting.id in slots:
            state.place(meeting, slots[meeting.id])
    return [
        _explain(problem, state, meeting) for meeting in problem.meetings if meeting.id not in slots
    ]


def _explain(problem: Problem, state: PartialTimetable, meeting: Meeting) -> UnplacedMeeting:
    domain = allowed_slots(problem, meeting)
    who = joined([problem.label(pid) for pid in meeting.people])
    if not domain:
        detail = (
            Message(
                "{who} have no slot in common where all can attend in session {session}",
                who=who,
                session=meeting.session,
            )
            if meeting.session
            else Message("{who} have no slot in common where all can attend", who=who)
        )
        return UnplacedMeeting(meeting.id, NO_COMMON_SLOT, detail)
    busy: set[str] = set()
    labels: list[set[str]] = []
    for t in domain:
        found = state.obstacles(meeting, t)
        labels.append({o.label for o in found})
        for o in found:
            if o.label == overlap.LABEL:
                busy.update(o.meetings)
    if not all(labels):
        return UnplacedMeeting(
            meeting.id,
            NOT_PLACED,
            Message(
                "a slot was free, but placing it would break fairness or cost more breaks "
                "than its priority brings"
            ),
        )
    if all(session_limit.LABEL in s for s in labels):
        return UnplacedMeeting(
            meeting.id,
            PARTY_AT_MAXIMUM,
            Message(
                "{who}: a party already has the most meetings allowed per session "
                "({limit}) in every possible session",
                who=who,
                limit=min(
                    limit
                    for pid in meeting.people
                    if (limit := problem.session_limit(pid)) is not None
                ),
            ),
        )
    if all(s == {tables.LABEL} for s in labels):
        return UnplacedMeeting(
            meeting.id,
            NO_TABLE_LEFT,
            Message(
                "every slot where {who} are free has all {tables} tables taken",
                who=who,
                tables=problem.tables,
            ),
        )
    blockers = tuple(sorted(busy))
    higher = [b for b in blockers if problem.meeting(b).priority >= meeting.priority]
    detail = (
        Message(
            "in every possible slot {who} are busy or the slot is full; it lost to "
            "{blockers} ({higher} of equal or higher priority)",
            who=who,
            blockers=blocker_words(problem, ranked_blockers(problem, state, meeting, blockers)),
            higher=len(higher),
        )
        if blockers
        else Message("in every possible slot {who} are busy or the slot is full", who=who)
    )
    return UnplacedMeeting(meeting.id, LOST_TO_HIGHER_PRIORITY, detail, blockers)


def ranked_blockers(
    problem: Problem, state: PartialTimetable, meeting: Meeting, blockers: Collection[str]
) -> tuple[str, ...]:
    """``blockers`` (placed meetings in the way of ``meeting`` in the timetable ``state``)
    most telling first: those holding a slot where ``meeting``'s people are all free (the
    table it needs there, an order), then the others; each group by priority, highest
    first, then by slot and id."""
    holding = _holding_free_slots(problem, state, meeting, blockers)
    last = len(problem.slots)
    return tuple(
        sorted(
            blockers,
            key=lambda b: (
                b not in holding,
                -problem.meeting(b).priority,
                state.slots.get(b, last),
                b,
            ),
        )
    )


def _holding_free_slots(
    problem: Problem, state: PartialTimetable, meeting: Meeting, blockers: Collection[str]
) -> set[str]:
    """The meetings among ``blockers`` that take what ``meeting`` needs in a slot where its
    people are all free (none busy, none at the session's maximum)."""
    held: set[str] = set()
    full: set[int] = set()  # free slots whose shared tables are all taken
    for t in allowed_slots(problem, meeting):
        found = state.obstacles(meeting, t)
        if any(o.label in (overlap.LABEL, session_limit.LABEL) for o in found):
            continue
        for o in found:
            held.update(o.meetings)
            if o.label == tables.LABEL and not o.meetings:
                full.add(t)
    shared = [
        b
        for b in blockers
        if state.slots.get(b) in full and own_table(problem, problem.meeting(b)) is None
    ]
    return (held & set(blockers)) | set(shared)


def blocker_words(problem: Problem, blockers: Sequence[str]) -> str:
    """The meetings ``blockers`` (most telling first) in words: each named when there are
    at most ``FEW`` + 1, else the first ``FEW`` and how many others."""
    labels = [problem.label(b) for b in blockers]
    if len(labels) <= FEW + 1:
        return Names(labels, "; ")
    return PluralMessage(
        "{names} and {n} other meeting",
        "{names} and {n} other meetings",
        n=len(labels) - FEW,
        names=Names(labels[:FEW], "; "),
    )


def explain_released(
    problem: Problem, slots: Mapping[str, int], meeting_id: str, slot: int, stayed: Collection[str]
) -> ReleasedMeeting:
    """Why published meeting ``meeting_id`` left ``slot``, where it was kept in place: with
    every published meeting there no timetable keeps the hard rules (every meeting placed
    when all are required, fairness, the orders, the tables), so it was released; the
    meetings not kept in place (``stayed``) that now stand in its way at ``slot`` in the
    timetable ``slots`` are named (none: what rules it out is a rule over many meetings,
    such as fairness)."""
    state = PartialTimetable(problem)
    for meeting in problem.meetings:
        if meeting.id in slots and meeting.id != meeting_id:
            state.place(meeting, slots[meeting.id])
    meeting = problem.meeting(meeting_id)
    found: set[str] = set()
    for obstacle in state.obstacles(meeting, slot):
        found.update(obstacle.meetings)
        if obstacle.label == tables.LABEL and not obstacle.meetings:
            found.update(mid for mid, t in state.slots.items() if t == slot)
        if obstacle.label == session_limit.LABEL:
            session = problem.slots[slot].session
            found.update(
                mid
                for mid, t in state.slots.items()
                if problem.slots[t].session == session
                and set(problem.meeting(mid).people) & set(obstacle.people)
            )
    blockers = tuple(sorted(found - set(stayed)))
    name, at = problem.label(meeting_id), problem.slot_label(slot)
    detail = (
        Message(
            "published meeting {meeting} could not stay at {slot}: with every published "
            "meeting kept in place no timetable keeps all the rules; its place now goes to "
            "{blockers}",
            meeting=name,
            slot=at,
            blockers=blocker_words(problem, ranked_blockers(problem, state, meeting, blockers)),
        )
        if blockers
        else Message(
            "published meeting {meeting} could not stay at {slot}: with every published "
            "meeting kept in place no timetable keeps all the rules",
            meeting=name,
            slot=at,
        )
    )
    return ReleasedMeeting(meeting_id, slot, detail, blockers)
