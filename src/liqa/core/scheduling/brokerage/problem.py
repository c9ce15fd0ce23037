"""Plain records of the brokerage scheduling problem and its results.

The scheduler works on these, not on the domain :class:`~liqa.core.model.Event`:
``from_event`` translates one into the other, and the benchmark reader builds them from
the public ``.dzn`` instances. Slots are numbered 0..n-1 in time order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from liqa.core.scheduling.progress import OnProgress


@dataclass(frozen=True)
class SlotInfo:
    """One time slot: the session it belongs to and the block breaks are counted in.

    Breaks are counted over consecutive slots of one ``block`` (a session, or a whole day
    when idle time over lunch counts as in the JAIR 2022 benchmark).
    """

    session: str
    block: str


@dataclass(frozen=True)
class Participant:
    """A person, or an organization whose ``capacity`` people may meet in parallel."""

    id: str
    capacity: int = 1
    unavailable: frozenset[int] = frozenset()
    """Slot numbers the participant cannot attend."""
    table: int | None = None
    """A fixed table or booth (numbered from 1) where all their meetings take place."""
    session_limit: int | None = None
    """Their own most meetings per session, in place of the problem's
    ``max_meetings_per_session`` (an organization whose people's own meetings share its
    capacity: as many as its people together may have, :mod:`.from_event`)."""
    reduced: tuple[tuple[int, int], ...] = ()
    """``(slot, capacity)`` for each slot where fewer than ``capacity`` may meet (an
    organization some of whose people are away then); ``unavailable`` holds the slots
    where none may."""

    def capacity_at(self, slot: int) -> int:
        """How many meetings the participant may attend in ``slot`` (its availability
        aside)."""
        for t, most in self.reduced:
            if t == slot:
                return most
        return self.capacity


@dataclass(frozen=True)
class Meeting:
    """An accepted meeting between two parties, optionally with extra attendees."""

    id: str
    parties: tuple[str, str]
    attendees: tuple[str, ...] = ()
    priority: int = 1
    session: str | None = None
    """Restrict the meeting to the slots of one session."""
    fixed_slot: int | None = None
    after: tuple[str, ...] = ()
    """Meetings that must take place in an earlier slot than this one."""
    required: bool = False
    """Must be placed even when the problem does not require every meeting (with
    ``fixed_slot``: a published meeting kept in place, :func:`.replan.keep_in_place`)."""
    fixed_table: int | None = None
    """The table it must take when placed (a published meeting kept in place)."""

    @property
    def people(self) -> tuple[str, ...]:
        """Everyone who must be present: both parties and the extra attendees."""
        return self.parties + tuple(a for a in self.attendees if a not in self.parties)


@dataclass(frozen=True)
class Problem:
    """A brokerage scheduling problem.

    ``require_all`` makes placing every meeting a hard rule (as in the benchmark); else a
    meeting may stay unplaced and the scheduled priority is maximized first.
    ``max_break_spread`` is the fairness bound d on max - min breaks over participants.
    """

    slots: tuple[SlotInfo, ...]
    tables: int
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    max_meetings_per_session: int | None = None
    max_break_spread: int | None = None
    require_all: bool = False
    name: str = ""
    labels: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """What people call a participant or a meeting, by id (e.g. a person's name), for the
    words of explanations and conflicts; the id where none is given."""
    slot_labels: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """What people call each slot (e.g. its start time); the slot number where empty."""

    def label(self, key: str) -> str:
        """The name people know participant or meeting ``key`` by (its id when unnamed)."""
        return self.labels.get(key, key)

    def slot_label(self, t: int) -> str:
        """The name people know slot ``t`` by (its number when unnamed)."""
        return self.slot_labels[t] if 0 <= t < len(self.slot_labels) else str(t)

    def session_limit(self, pid: str) -> int | None:
        """The most meetings participant ``pid`` may have in one session (None: no limit)."""
        own = self.participant(pid).session_limit
        return own if own is not None else self.max_meetings_per_session

    def participant(self, pid: str) -> Participant:
        """The participant with this id (KeyError if unknown)."""
        return self._participants[pid]

    def meeting(self, mid: str) -> Meeting:
        """The meeting with this id (KeyError if unknown)."""
        return self._meetings[mid]

    @cached_property
    def _participants(self) -> dict[str, Participant]:
        return {p.id: p for p in self.participants}

    @cached_property
    def _meetings(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.meetings}

    def meetings_of(self) -> dict[str, list[Meeting]]:
        """Every participant's meetings (as party or attendee), in problem order."""
        out: dict[str, list[Meeting]] = {p.id: [] for p in self.participants}
        for m in self.meetings:
            for pid in m.people:
                out[pid].append(m)
        return out


@dataclass(frozen=True)
class Placement:
    """Where and when one meeting takes place."""

    meeting: str
    slot: int
    table: int | None = None


@dataclass(frozen=True)
class Timetable:
    """The placements of a brokerage schedule (at most one per meeting)."""

    placements: tuple[Placement, ...]

    def by_meeting(self) -> dict[str, Placement]:
        """Placements keyed by meeting id."""
        return {p.meeting: p for p in self.placements}


class Status(StrEnum):
    """What the solver could establish."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Settings:
    """Solver settings, passed explicitly (never read from globals)."""

    time_limit: float = 10.0
    workers: int = 2
    seed: int = 0
    log: bool = False
    method: str = "cpsat"
    """``cpsat`` (optimal, with proof; large events switch to ``lns``), ``lns`` (the
    large-instance search: greedy start, then CP-SAT on one neighbourhood at a time, with
    a cheap bound) or ``greedy`` (the baseline)."""
    large_above: int | None = 40_000
    """``cpsat`` hands over to ``lns`` above this many meeting-slot pairs (meetings × slots),
    without fairness bound (None: never); a re-plan too, from the previous timetable."""
    warm_start: bool = True
    dump_model: str | None = None
    """Write the CP-SAT model to this path (text proto) for debugging."""
    on_progress: OnProgress | None = field(default=None, compare=False, repr=False)
    """Called with live :class:`~liqa.core.scheduling.progress.Progress`; False stops."""


@dataclass(frozen=True)
class Violation:
    """A broken rule, labelled by its constraint family."""

    label: str
    message: str
    meetings: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnplacedMeeting:
    """A meeting that was not placed, with a reason code, words and the blockers."""

    meeting: str
    reason: str
    """``no_common_slot``, ``party_at_maximum``, ``no_table_left``, ``lost_to_higher_priority``
    or ``not_placed`` (placing it would cost more than it brings, e.g. fairness)."""
    detail: str
    blocking: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReleasedMeeting:
    """A published meeting that could not stay in place: its slot then, words, and the
    meetings that now hold that place."""

    meeting: str
    slot: int
    detail: str
    blocking: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    """A solver run: the timetable, its status, the objective terms and the proof."""

    timetable: Timetable
    status: Status
    objective: Mapping[str, int] = field(default_factory=dict)
    """Each term by name: ``scheduled_priority``, ``breaks``, ``table_changes``, ``changes``."""
    bound: float | None = None
    """Best proven bound on the breaks term (equal to it when optimal)."""
    gap: float | None = None
    seconds_to_first: float | None = None
    seconds: float = 0.0
    unplaced: tuple[UnplacedMeeting, ...] = ()
    method: str = "cpsat"
    stopped: bool = False
    """True when the search was stopped on request (the best timetable found so far)."""
    released: tuple[ReleasedMeeting, ...] = ()
    """Published meetings a re-plan that keeps them in place could not keep there, each
    with why (:func:`.replan.replan` with ``keep_published``)."""

    @property
    def bound_term(self) -> str | None:
        """The objective term ``bound`` is for: ``weighted`` when the result has a weighted
        cost (optional meetings, re-planning), else ``breaks`` (a bound proven for the
        timetables that place every meeting); None without a bound."""
        if self.bound is None:
            return None
        return "weighted" if "weighted" in self.objective else "breaks"

    @property
    def breaks(self) -> int:
        """Total breaks of the schedule."""
        return self.objective.get("breaks", 0)
