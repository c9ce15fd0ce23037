"""The routing problem the itinerary planner solves: a team orienteering problem with time windows.

Nodes are places in time: candidate sites (host visits), the start and end of each tour (the
hotel, an airport) and fixed items pinned into one tour (a briefing, lunch). Every time is
a number of *units* (minutes for missions; 1/10 or 1/100 of the benchmark's time unit), kept
as integer-valued floats so that sums are exact. Windows, profits and permission are per tour,
because a tour is one day of one subgroup: the same host opens at other hours on other days,
and is worth more to a subgroup whose members share its themes.

A mission offers several ways to split the delegation on each day: the tours of every
candidate split are in the problem, grouped into *choices* (one per day segment) whose
*options* (one per split, or per pair of morning and afternoon splits) exclude each other:
a solution uses exactly one option of each choice, and the tours of the other options stay
empty. An option whose afternoon split differs from its morning one holds half-day tours
and a :class:`Meet`: everyone regroups at one place for lunch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from liqa.core.scheduling.progress import OnProgress

FloatArray = npt.NDArray[np.float64]

CLOSED = -1.0
"""The ``close`` value of a node that a tour may not visit."""
FAIRNESS_WEIGHT = 0.25
"""Default :attr:`Settings.fairness_weight` (see ``docs/background/itinerary-model.md``)."""


@dataclass(frozen=True)
class Tour:
    """One route: from ``start`` node at ``open`` to ``end`` node by ``close``."""

    start: int
    end: int
    open: float
    close: float
    max_visits: int | None = None
    fixed: tuple[int, ...] = ()
    """Pinned nodes (lunch, a briefing) the route always holds, in this order."""
    label: str = ""


@dataclass(frozen=True)
class Meet:
    """Every ``morning`` tour ends at node ``place`` by ``start``; every ``afternoon`` tour
    leaves it from ``end`` on: the crews regroup there in between (lunch)."""

    morning: tuple[int, ...]
    afternoon: tuple[int, ...]
    place: int
    start: float
    end: float


@dataclass(frozen=True, eq=False)
class Problem:
    """A team orienteering problem with per-tour windows, profits and pinned nodes.

    ``travel[i, j]`` is the travel time from node ``i`` to ``j``; ``service[j]`` the time
    spent at ``j``; service at ``j`` in tour ``k`` must START inside
    ``[open[k, j], close[k, j]]`` (waiting is allowed). A node in ``breaks`` (lunch) takes the
    place of the node before it: no travel to it, and travel from it starts where the
    previous node was.
    """

    name: str
    travel: FloatArray
    service: FloatArray
    profit: FloatArray
    open: FloatArray
    close: FloatArray
    sites: tuple[int, ...]
    tours: tuple[Tour, ...]
    labels: tuple[str, ...] = ()
    breaks: frozenset[int] = frozenset()
    required: frozenset[int] = frozenset()
    """Sites that must be visited (hard); the solver reports those it could not place."""
    choices: tuple[tuple[tuple[int, ...], ...], ...] = ()
    """Mutually exclusive tour sets: per choice, its options, each a tuple of tour indices.
    A solution uses one option of each choice (the others hold only their pinned nodes);
    tours in no choice are always used. Empty for the plain TOPTW."""
    crews: tuple[tuple[int, ...], ...] = ()
    """Per tour, the members (rows of ``member_value``) who travel in it; empty: no members."""
    member_value: FloatArray | None = None
    """``member_value[m, j]``: what visiting site ``j`` is worth to member ``m`` (fairness)."""
    meets: tuple[Meet, ...] = ()
    """Regroups between half-day tours (the tours of one option of a choice)."""

    @property
    def size(self) -> int:
        """Number of nodes (sites, depots and pinned items)."""
        return int(self.travel.shape[0])

    def label(self, node: int) -> str:
        """A readable name of a node."""
        return self.labels[node] if self.labels else str(node)

    def default_options(self) -> tuple[int, ...]:
        """The first option of every choice."""
        return (0,) * len(self.choices)

    def active_tours(self, options: Sequence[int] | None = None) -> list[bool]:
        """Per tour, whether it is used when each choice takes ``options`` (default: first)."""
        options = self.default_options() if options is None else options
        active = [True] * len(self.tours)
        for choice, pick in zip(self.choices, options, strict=True):
            for index, tours in enumerate(choice):
                if index != pick:
                    for k in tours:
                        active[k] = False
        return active


@dataclass(frozen=True)
class Settings:
    """How to solve: one explicit object, never read from globals."""

    time_limit: float = 10.0
    """Seconds of search (after construction)."""
    seed: int = 0
    clock: Literal["wall", "cpu"] = "wall"
    """``cpu`` counts this process's CPU time (steadier on a shared machine)."""
    max_no_improve: int | None = None
    """Stop after this many iterations without a better solution (None: use the time)."""
    iterations: int | None = None
    """Most iterations of the search: its budget of work, over which the acceptance
    threshold falls to zero (None: until the time limit, the threshold falling in
    doubling cycles of iterations). The search reads no clock but to stop, so the same
    problem, settings and seed give the same routes for the same work done."""
    log: bool = False
    """Log each improvement (logger ``liqa.core.scheduling.itinerary.search``, INFO)."""
    bound: bool = True
    """Compute an upper bound (LP relaxation) to report a gap."""
    on_progress: OnProgress | None = field(default=None, compare=False, repr=False)
    """Called with live :class:`~liqa.core.scheduling.progress.Progress`; False stops."""
    fairness_weight: float = FAIRNESS_WEIGHT
    """``w`` in the objective ``value + w x members x least member value`` (problems with
    members only): what one unit of value for the least-served member is worth, in units
    of the average member's value. 0 ignores fairness."""


@dataclass(frozen=True)
class Result:
    """Routes found, their score, and how they were found."""

    routes: tuple[tuple[int, ...], ...]
    """Per tour, the visited nodes in order, start/end nodes excluded (pinned nodes kept)."""
    score: float
    method: str
    seconds: float
    iterations: int = 0
    bound: float | None = None
    missing_required: tuple[int, ...] = ()
    history: tuple[tuple[float, float], ...] = field(default=())
    """(seconds, score) each time the best score improved."""
    terms: Mapping[str, float] = field(default_factory=dict)
    """Objective terms by name (missions: value, travel, idle, fairness)."""
    stopped: bool = False
    """True when the search was stopped on request (the best routes found so far)."""
    options: tuple[int, ...] = ()
    """The option taken in each of the problem's choices (empty when it has none)."""

    @property
    def gap(self) -> float | None:
        """Relative gap to the bound, when there is one."""
        if self.bound is None or self.bound <= 0:
            return None
        return max(0.0, (self.bound - self.score) / self.bound)


def route_score(problem: Problem, tour: int, route: tuple[int, ...] | list[int]) -> float:
    """Total profit of the sites on a route."""
    return float(sum(problem.profit[tour, node] for node in route))
