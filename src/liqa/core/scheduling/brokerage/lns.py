"""The large-instance method: greedy start, insertion, then break repair by annealing.

Events of thousands of participants make the monolithic model too big to build, let alone
solve, in a minute (5,000 participants: 15 minutes and 7 GB for no gain over greedy).
Here the greedy timetable is improved in place:

1. **insertion** — each meeting greedy left out goes where a single Kempe chain makes room
   for it (:meth:`.anneal.Annealer.insert`); the rest get a small CP-SAT model
   (:mod:`.neighbourhood`): the meeting and every meeting of its parties, free over all
   their slots, everything else fixed; in a re-plan both weigh the changes (the fewest
   previous meetings taken from their previous slot);
2. **release** — a meeting the problem requires that is still out takes a slot held by
   the fewest published meetings kept in place (``required`` at a ``fixed_slot``), which
   are released and inserted again weighing a re-plan's changes as insertion does
   (:mod:`.release`; listed in ``Result.released``); greedy places kept meetings first and
   no move takes them out or away. Only the meetings the caller kept in place are released
   (:func:`.release.releasable`): the pinned required meetings of a plain re-plan or a
   fresh plan never are;
3. **break repair** — simulated annealing with Kempe-chain moves inside one block
   (:mod:`.anneal`), thousands of steps a second, until the time is up.

A re-plan (``previous``, the published timetable) starts from the repaired previous
timetable (:func:`.repair.repaired_slots`: every previous placement the change allows, the
rest inserted greedily) instead of greedy's. Placing a meeting still comes first (scheduled
priority ranks first, as in the full model), so insertion may move previous meetings, the
fewest it can (the changes term ranks next: :attr:`Search.home` to both steps); then
each moved meeting that can go back to its previous slot does, and every meeting at its
previous slot stays there while the breaks are annealed: the changes term ranks above the
breaks, so no annealing move may add a change. A keep re-plan's search gets the previous
timetable too (its kept meetings fixed): the meetings the change touched and those
released are weighed and settled the same way.

The result is checked on the problem with the released meetings loosened, nothing else:
a timetable that breaks it is never ``feasible`` (``infeasible`` when a required meeting
has no slot, or every slot of it is held by meetings pinned there that may not be
released, those pins named, :func:`.release.answered`; else ``unknown``, the meetings
left out explained).

The clock is read between every two steps and no model is built once the time left (less
what finishing the result takes) is gone. The bound is :func:`.bounds.quick_lower_bounds`,
valid when every meeting is placed (it is reported only then).
"""

from __future__ import annotations

import dataclasses
import random
import time
from functools import partial

from liqa.core.scheduling.brokerage.anneal import Annealer, can_take
from liqa.core.scheduling.brokerage.bounds import quick_lower_bounds
from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.greedy import greedy_slots
from liqa.core.scheduling.brokerage.layout import UNPLACED, Incumbent, Layout
from liqa.core.scheduling.brokerage.live import quietly
from liqa.core.scheduling.brokerage.neighbourhood import (
    Outcome,
    feasible_slots,
    solve_neighbourhood,
)
from liqa.core.scheduling.brokerage.problem import (
    Problem,
    Result,
    Settings,
    Status,
    Timetable,
)
from liqa.core.scheduling.brokerage.release import (
    Releaser,
    answered,
    owed,
    relaxed,
    releasable,
    released_meetings,
)
from liqa.core.scheduling.brokerage.repair import proven_best, repaired_slots
from liqa.core.scheduling.brokerage.results import make_result
from liqa.core.scheduling.progress import Best, Reporter

METHOD = "lns"
STEP_SECONDS = 2.0
"""Longest CP-SAT run of one neighbourhood."""


def large_enough(problem: Problem, settings: Settings) -> bool:
    """True when ``solve`` should use this method (see ``Settings.large_above``)."""
    if settings.method == METHOD:
        return True
    if settings.method != "cpsat" or settings.large_above is None:
        return False
    if problem.max_break_spread is not None:
        return False  # fairness links every participant: only the full model keeps it
    pairs = sum(len(m.people) for m in problem.meetings) * len(problem.slots) // 2
    return pairs > settings.large_above


class Search:
    """The state of one large-neighbourhood search run."""

    def __init__(
        self,
        problem: Problem,
        settings: Settings,
        began: float,
        reporter: Reporter,
        previous: Timetable | None = None,
        keep: frozenset[str] | None = None,
        needed: frozenset[str] = frozenset(),
    ) -> None:
        self.problem = problem
        self.settings = settings
        self.reporter = reporter
        self.began = began
        self.deadline = began + settings.time_limit
        self.rng = random.Random(settings.seed)
        self.previous = previous
        index = {m.id: i for i, m in enumerate(problem.meetings)}
        self.home: dict[int, int] | None = None
        """A re-plan's previous slot by meeting number (None: not a re-plan)."""
        if previous is not None:
            kept = (p for p in previous.placements if p.meeting in index)
            self.home = {index[p.meeting]: p.slot for p in kept}
        start = greedy_slots if previous is None else partial(repaired_slots, previous=previous)
        slots = quietly(partial(start, problem), reporter)
        self.first = time.perf_counter() - began
        # Finishing (tables, explanations, the check) takes a fraction of greedy's time:
        # measured 0.15-0.3 of it on the 5,000-participant event under load.
        self.reserve = min(0.25 * settings.time_limit, 0.5 + 0.5 * self.first)
        self.layout = Layout.of_problem(problem)
        self.inc = Incumbent.of_slots(self.layout, slots)
        ids = [m.id for m in problem.meetings]
        lower = quick_lower_bounds(problem, dict(zip(ids, self.layout.domain, strict=True)))
        self.bound = sum(lower.values())
        self.total = 0
        self.priority = 0
        self.changes = 0
        """Meetings of ``previous`` not in their slot (a re-plan's changes term)."""
        self.releasable = releasable(problem, keep)
        """The meetings the search may release (:func:`.release.releasable`)."""
        self.needed = needed
        """Those of them the caller's problem requires: placed again once released."""
        self.released: frozenset[str] = frozenset()
        self.solved = problem
        """The problem the timetable keeps: ``problem`` with the released meetings loosened."""
        self._recount_all()
        self.best = Best(
            objective=self.total, bound=self._bound(), terms=self._terms(), bound_term="breaks"
        )

    def left(self) -> float:
        """Seconds left for search (the finishing reserve excluded)."""
        return self.deadline - self.reserve - time.perf_counter()

    def run(self) -> Result:
        """Insert what greedy left out, anneal the breaks until the time is up, report."""
        annealer = Annealer(self.inc, self.rng)
        for i, t in enumerate(self.inc.slot):
            if self.left() <= 0 or self.reporter.stopped:
                break
            if t == UNPLACED and self.layout.domain[i]:
                annealer.insert(i, self.home)
        if UNPLACED in self.inc.slot:
            self._insert_unplaced()
            annealer = Annealer(self.inc, self.rng)
        if owed(self.inc) and not self.reporter.stopped:
            self._release(annealer)
            annealer = Annealer(self.inc, self.rng)
        if owed(self.inc):
            # a meeting the problem requires is still out: no annealing makes the timetable
            # valid, so the time left goes back to the caller (a re-plan's fallback)
            self._recount_all()
            return self._finish()
        if self.previous is not None:
            self._settle()
            annealer = Annealer(self.inc, self.rng)
        self._recount_all()
        self.best.improve(self.total, self._terms())
        self.best.bound_to(self._bound())  # type: ignore[arg-type]

        def report(total: int, improved: bool) -> bool:
            if improved:
                self.total = total
                self.best.improve(total, self._terms())
            return self.best.report(self.reporter, "searching")

        annealer.run(self.deadline - self.reserve, report)
        self.total = annealer.total
        return self._finish()

    def _insert_unplaced(self) -> None:
        """CP-SAT for the meetings a single Kempe chain could not make room for: the
        meeting and every meeting of its parties, free over all their slots."""
        layout, inc = self.layout, self.inc
        for i in range(len(self.problem.meetings)):
            if inc.slot[i] != UNPLACED or not layout.domain[i]:
                continue
            if self.left() <= 0.05 or self.reporter.stopped:
                return
            free = {i} | {j for k in layout.people[i] for j in layout.of[k]}
            domains = {j: feasible_slots(inc, free, j, None) for j in sorted(free)}
            if domains[i]:
                self._step(domains, min(2 * STEP_SECONDS, self.left()))

    def _settle(self) -> None:
        """A re-plan's changes, fewest first: each meeting away from its previous slot goes
        back there when it fits, then every meeting at its previous slot is held there (its
        domain that slot alone) for the annealing."""
        assert self.home is not None
        layout, inc, home = self.layout, self.inc, self.home
        for i, t in sorted(home.items()):
            now = inc.slot[i]
            if now in (t, UNPLACED) or t not in layout.slot_sets[i]:
                continue
            inc.move(i, UNPLACED)
            inc.move(i, t if can_take(inc, i, t) else now)
        for i, t in home.items():
            if inc.slot[i] == t:
                layout.domain[i], layout.slot_sets[i] = [t], frozenset((t,))

    def _release(self, annealer: Annealer) -> None:
        """Place each meeting the problem requires that is still out by releasing the
        fewest kept meetings in its way (:mod:`.release`); the search then goes on over
        the problem with those released (:func:`.release.relaxed`). Not cut short by the
        clock (a few insertions): without it the timetable is not valid at all."""
        releaser = Releaser(annealer, self.home, self.releasable, self.needed)
        for i in owed(self.inc):
            if self.reporter.stopped:
                break
            releaser.place(i)
        if not releaser.released:
            return
        self.released = releaser.ids()
        self.solved = relaxed(self.problem, self.released)
        ids = [m.id for m in self.problem.meetings]
        lower = quick_lower_bounds(self.solved, dict(zip(ids, self.layout.domain, strict=True)))
        self.bound = sum(lower.values())

    def _step(self, domains: dict[int, list[int]], seconds: float) -> Outcome | None:
        """Solve one neighbourhood (a re-plan's changes weighed, see
        :func:`.neighbourhood.solve_neighbourhood`) and keep its answer unless it is worse."""
        outcome = solve_neighbourhood(
            self.inc,
            domains,
            home=self.home,
            seconds=seconds,
            workers=self.settings.workers,
            seed=self.rng.randrange(1 << 20),
            reporter=self.reporter,
            best=self.best,
        )
        if outcome is None or outcome.gain < 0:
            return outcome
        for i, t in outcome.slots.items():
            if self.inc.slot[i] != t:
                self.inc.move(i, t)
        self.best.report(self.reporter, "searching")
        return outcome

    def _recount_all(self) -> None:
        inc, meetings = self.inc, self.problem.meetings
        self.priority = sum(meetings[i].priority for i, t in enumerate(inc.slot) if t != UNPLACED)
        if self.previous is not None:
            now = inc.slots_by_id()
            self.changes = sum(
                1 for p in self.previous.placements if now.get(p.meeting, UNPLACED) != p.slot
            )
        self.total = sum(
            inc.breaks_in_block(k, b)
            for k in range(len(self.problem.participants))
            for b in range(len(self.layout.blocks))
        )

    def _all_placed(self) -> bool:
        return all(t != UNPLACED for t in self.inc.slot)

    def _bound(self) -> int | None:
        """The bound holds for timetables that place every meeting (see the docs)."""
        return self.bound if self._all_placed() else None

    def _terms(self) -> dict[str, float]:
        terms: dict[str, float] = {"breaks": self.total, "scheduled_priority": self.priority}
        if self.previous is not None:
            terms["changes"] = self.changes
        return terms

    def _finish(self) -> Result:
        bound = self._bound()
        self.best.improve(self.total, self._terms())
        self.best.bound_to(bound)  # type: ignore[arg-type]
        status = Status.OPTIMAL if bound is not None and bound >= self.total else Status.FEASIBLE
        slots = self.inc.slots_by_id()
        result = make_result(
            self.solved,
            slots,
            status,
            method=METHOD,
            seconds=time.perf_counter() - self.began,
            seconds_to_first=self.first,
            bound=bound,
            previous=self.previous,
        )
        previous = self.previous
        if previous is not None and status == Status.OPTIMAL:
            # the fewest breaks is not enough: the fewest changes rank first
            best = proven_best(self.solved, previous, result)
            result = dataclasses.replace(result, status=status if best else Status.FEASIBLE)
        released = released_meetings(self.problem, slots, self.released)
        if check_schedule(self.solved, result.timetable):
            # A required meeting could not be placed: not a valid timetable (none exists
            # when such a meeting has no slot its parties may take, or pins hold each one)
            result = Result(
                result.timetable,
                Status.UNKNOWN,
                result.objective,
                seconds_to_first=self.first,
                seconds=result.seconds,
                unplaced=result.unplaced,
                method=METHOD,
            )
            result = answered(self.solved, self.releasable, result)
        return dataclasses.replace(result, released=released)


def solve_large(
    problem: Problem,
    settings: Settings,
    began: float,
    reporter: Reporter,
    previous: Timetable | None = None,
    keep: frozenset[str] | None = None,
    needed: frozenset[str] = frozenset(),
) -> Result:
    """Schedule a large event by large-neighbourhood search (see the module docs); with
    ``previous``, re-plan it changing as few of its meetings as the search can; ``keep``:
    the meetings the caller kept in place, the only ones it may release
    (:func:`.release.releasable`), ``needed`` those of them the caller's problem requires
    (placed again once released, :class:`.release.Releaser`)."""
    return Search(problem, settings, began, reporter, previous, keep, needed).run()
