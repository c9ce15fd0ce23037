"""A stored mission itinerary checked against the event as it is now.

:func:`check_published` turns a :class:`~liqa.core.model.Schedule` of a trade mission back
into the routing problem's routes, as the re-plan carries a version over
(:func:`~liqa.core.scheduling.itinerary.replan.previous_groups`: each day's subgroups; a
visit goes to its subgroup's tour of the day and half day it falls in, in the published
order), with every visit pinned at its published start, and asks the independent checker
(:func:`~liqa.core.scheduling.itinerary.check.check_itinerary`) whether the routes still
hold. Besides the checker's rules (``window``: the way there takes longer than the version
allows, ``not_allowed``: the host no longer receives that subgroup that day,
``late_return``, ``max_visits``...), it lists a visit whose published start is outside its
host's window now (``window``), a visit no tour of its subgroup holds any more (``day``),
an attendee no longer available then (``availability``), visits the event no longer has
and required visits the version does not hold, but for those it left out when it was
published (recorded then: the caller's ``excused``; not recorded, those it listed as not
made when it was planned with required visits missing, as they may have been required
already). Every rule a visit breaks is listed, not only the first.
An event whose own records cannot be planned now (an :class:`~liqa.core.problems.InputError`)
is not checked, and the check says so with the problems in the way (``unchecked``); any
other error is a bug and is raised.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime

from liqa.core.local_time import LocalTime
from liqa.core.model import Assignment, Event, EventKind, MeetingFormat, Schedule, TimeWindow
from liqa.core.outputs.timeline import zone_at
from liqa.core.problems import InputError, Message, Name, joined
from liqa.core.scheduling.itinerary.check import Violation, check_itinerary
from liqa.core.scheduling.itinerary.explain import tour_words
from liqa.core.scheduling.itinerary.mission import MissionModel, build_model, delegation_members
from liqa.core.scheduling.itinerary.replan import previous_groups
from liqa.core.scheduling.itinerary.timeline import timeline

MISSING_REQUIRED = "missing required visits"
"""The status of a version planned with required visits left out
(:func:`.plan.plan_itinerary`'s provenance)."""

PINNED = 0.01
"""Minutes a pinned visit may start after its published start (stored instants round)."""

REASONS = {
    "outside_windows": Message("its host does not receive visitors that day now"),
    "capacity": Message(
        "the subgroup is larger than its host's limit now, or lacks a required attendee"
    ),
    "too_far": Message("it is out of reach of that day's hotel now"),
}
"""Why a tour may no longer make a visit (the model's reason codes), in words."""


@dataclass(frozen=True)
class Finding:
    """One published visit (or tour) that breaks a rule of the event now."""

    visit: str
    """The visit concerned ("" for a tour without visits)."""
    rule: str
    """The checker's label of the rule (``window``, ``not_allowed``...)."""
    message: Message


@dataclass(frozen=True)
class PublishedCheck:
    """How a stored itinerary departs from the event as it is now."""

    broken: tuple[Finding, ...] = ()
    gone: tuple[str, ...] = ()
    """Visits of the version the event no longer has."""
    missing: tuple[str, ...] = ()
    """Required visits the version does not hold (see the module docs)."""
    unchecked: tuple[str, ...] = ()
    """Why the version could not be checked: the problems of the event's own records that
    keep it from being planned, each naming the record (core messages; empty: checked)."""


def check_published(
    event: Event, schedule: Schedule, excused: Collection[str] | None = None
) -> PublishedCheck:
    """:class:`PublishedCheck` of the mission itinerary ``schedule`` against ``event``; an
    event whose own records cannot be planned now is not checked, and the result says why
    (``unchecked``: each problem, naming the record, as the editing pages report it).

    ``excused``: the required visits the version left out when it was published (recorded
    then); a required visit missing now is told unless it is one of them. ``None`` (not
    recorded) excuses, when the version was planned with required visits missing, every
    visit it lists as not made (it may have been required then)."""
    if event.kind is EventKind.BROKERAGE:
        return PublishedCheck()
    try:
        model = build_model(event, previous_groups(event, schedule))
    except InputError as error:
        return PublishedCheck(unchecked=tuple(p.message for p in error.problems))
    return _Check(model, schedule, excused).run()


class _Check:
    """The routes of one stored itinerary and what is found on the way."""

    def __init__(
        self, model: MissionModel, schedule: Schedule, excused: Collection[str] | None
    ) -> None:
        self.model = model
        self.schedule = schedule
        self.excused = excused
        self.problem = model.problem
        self.opens = model.problem.open.copy()
        self.closes = model.problem.close.copy()
        self.found: list[Finding] = []
        self.visit_at: dict[tuple[int, int], Assignment] = {}
        self.pinned = model.problem

    def run(self) -> PublishedCheck:
        model, problem = self.model, self.problem
        wanted: list[list[tuple[float, int]]] = [[] for _ in problem.tours]
        gone: list[str] = []
        placed: set[int] = set()
        for a in sorted(self.schedule.assignments, key=lambda a: (a.start, a.id)):
            if a.format is not MeetingFormat.SITE_VISIT:
                continue
            j = model.visit_node.get(a.id)
            if j is None:
                gone.append(a.id)
                continue
            placed.add(j)
            self._attendees(a)
            k = self._tour(a)
            if k is None:
                words = Message(
                    "{time}: no day of the mission takes it for its subgroup now",
                    time=self._local(a.start, a.venue),
                )
                self._add(a.id, "day", words)
                continue
            self.visit_at[(k, j)] = a
            minute = self._minutes(a.start)
            wanted[k].append((minute, j))
            if (k, j) in model.why_not:
                continue  # the checker says not_allowed
            low, high = float(self.opens[k, j]), float(self.closes[k, j])
            if low - PINNED <= minute <= high + PINNED:
                self.opens[k, j], self.closes[k, j] = minute, minute + PINNED
            else:
                words = Message(
                    "starts at {time}, outside its host's window now ({low} to {high})",
                    time=self._local(a.start, a.venue),
                    low=self._local(model.instant(low), a.venue),
                    high=self._local(model.instant(high), a.venue),
                )
                self._add(a.id, "window", words)
        self.pinned = replace(problem, open=self.opens, close=self.closes)
        routes = [self._route(k, wanted[k]) for k in range(len(problem.tours))]
        for v in check_itinerary(self.pinned, routes):
            self._violation(routes, v)
        excused = self._excused()
        missing = tuple(
            model.event.visits[j].id
            for j in sorted(problem.required - placed)
            if model.event.visits[j].id not in excused
        )
        return PublishedCheck(tuple(self.found), tuple(gone), missing)

    def _excused(self) -> Collection[str]:
        """The required visits not told as missing: those recorded at publication; not
        recorded, those listed as not made when the version was planned with required
        visits missing (one may have been required then), else none (optional then)."""
        if self.excused is not None:
            return self.excused
        knew = self.schedule.provenance is not None and (
            self.schedule.provenance.status == MISSING_REQUIRED
        )
        return {u.id for u in self.schedule.unplaced} if knew else set()

    def _minutes(self, instant: datetime) -> float:
        return (instant - self.model.origin).total_seconds() / 60.0

    def _local(self, instant: datetime, venue: str | None) -> LocalTime:
        event = self.model.event
        place = next((v for v in event.venues if v.id == venue), None)
        return LocalTime(instant.astimezone(zone_at(event, instant, place)), dated=True)

    def _add(self, visit: str, rule: str, message: Message) -> None:
        """Record a broken rule: every rule a visit breaks, each once (the checker may find
        again a window the published start already breaks)."""
        if any(f.visit == visit and f.rule == rule for f in self.found):
            return
        self.found.append(Finding(visit, rule, message))

    def _tour(self, a: Assignment) -> int | None:
        """The tour of the visit's subgroup whose day (or half day) holds its start."""
        minute = self._minutes(a.start)
        for k, info in enumerate(self.model.tours):
            tour = self.problem.tours[k]
            if info.group.id == a.group and tour.open <= minute <= tour.close:
                return k
        return None

    def _attendees(self, a: Assignment) -> None:
        people = {p.id: p for p in delegation_members(self.model.event)}
        span = TimeWindow(a.start, a.end)
        away = [
            Name(people[pid].name, ar=people[pid].name_ar) if pid in people else pid
            for pid in a.attendees
            if pid not in people or not people[pid].is_available(span)
        ]
        if away:
            words = Message(
                "{people}: not available at {time} now",
                people=joined(away),
                time=self._local(a.start, a.venue),
            )
            self._add(a.id, "availability", words)

    def _route(self, k: int, visits: list[tuple[float, int]]) -> list[int]:
        """Tour ``k``'s fixed items and lunch with its published visits, in time order."""
        info = self.model.tours[k]
        lunch_id = f"lunch-{info.segment.day.isoformat()}-{info.group.id}"
        lunch_at = {self._minutes(a.start) for a in self.schedule.assignments if a.id == lunch_id}
        stops: list[tuple[float, int]] = []
        for node in self.problem.tours[k].fixed:
            when = float(self.opens[k, node])
            if node == info.lunch:
                inside = [m for m in lunch_at if self.problem.tours[k].open <= m]
                when = min(inside, default=when)
            stops.append((when, node))
        return [node for _, node in sorted(stops + visits)]

    def _violation(self, routes: list[list[int]], v: Violation) -> None:
        """One of the checker's violations in words, on the visit it concerns (a tour's
        rule on the tour's last visit)."""
        model = self.model
        a = self.visit_at.get((v.tour, v.node)) if v.node is not None else None
        key = a.id if a is not None else self._last_visit(v.tour, routes)
        tour: str = tour_words(model, v.tour) if 0 <= v.tour < len(model.tours) else ""
        if a is not None and v.rule == "window":
            stops = timeline(self.pinned, v.tour, routes[v.tour])
            arrive = next(s.arrive for s in stops if s.node == v.node)
            words = Message(
                "the way there takes longer now: the delegation arrives at {arrive}, "
                "after its start at {time}",
                arrive=self._local(model.instant(arrive), a.venue),
                time=self._local(a.start, a.venue),
            )
        elif a is not None and v.rule == "not_allowed":
            reason = model.why_not.get((v.tour, model.visit_node[a.id]), "outside_windows")
            words = REASONS.get(reason, REASONS["outside_windows"])
        elif v.rule == "late_return":
            words = Message("{tour}: back at the hotel after the day ends", tour=tour)
        elif v.rule == "max_visits":
            limit = model.problem.tours[v.tour].max_visits
            words = Message(
                "{tour}: more visits than the {limit} a day allows", tour=tour, limit=limit
            )
        else:
            words = Message(
                "{tour}: the itinerary breaks the rule {rule} now", tour=tour, rule=v.rule
            )
        self._add(key, v.rule, words)

    def _last_visit(self, k: int, routes: list[list[int]]) -> str:
        if not 0 <= k < len(routes):
            return ""
        visits = [n for n in routes[k] if n in set(self.problem.sites)]
        return self.model.event.visits[visits[-1]].id if visits else ""
