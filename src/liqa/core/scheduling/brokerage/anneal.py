"""Break repair by simulated annealing: cheap moves, thousands a second, on an incumbent.

Each step picks a participant with a break in some block, one of their meetings there and
another slot of that block, and moves the meeting there along a Kempe chain: a meeting of
one of its attendees already in that slot goes the other way, and so on until no one is
double-booked (the chain is dropped when a table, a session limit or a precedence says no).
The change in breaks of everyone involved is counted on the affected blocks only; a step
that adds breaks is kept with probability ``exp(-Δ / temperature)``, the temperature
falling linearly to nearly zero. The best timetable seen is kept.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping

from liqa.core.scheduling.brokerage.layout import UNPLACED, Incumbent

HOT = 0.3
"""Starting temperature (in breaks). In 30 s on the 1,000-participant generated event,
0.15-0.3 beat 1.0 and plain descent (0.01); see docs/background/brokerage-model.md."""
COLD = 0.01
FOCUS = 0.8
"""Share of steps that aim at an idle slot in or next to the participant's span."""
CHAIN = 24
"""Most meetings one Kempe chain may move."""
CHECK_EVERY = 256
"""Steps between two looks at the clock."""


class HotSet:
    """(participant, block) pairs with breaks, sampled uniformly in O(1)."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int]] = []
        self.where: dict[tuple[int, int], int] = {}

    def set(self, key: tuple[int, int], hot: bool) -> None:
        """Add ``key`` when ``hot``, else remove it."""
        if hot and key not in self.where:
            self.where[key] = len(self.items)
            self.items.append(key)
        elif not hot and key in self.where:
            index = self.where.pop(key)
            last = self.items.pop()
            if index < len(self.items):
                self.items[index] = last
                self.where[last] = index

    def pick(self, rng: random.Random) -> tuple[int, int]:
        """A random pair (the set must not be empty)."""
        return self.items[rng.randrange(len(self.items))]


def can_take(inc: Incumbent, i: int, t: int) -> bool:
    """True when unplaced meeting ``i`` fits slot ``t`` with the others where they are."""
    layout = inc.layout
    if t not in layout.slot_sets[i]:
        return False
    for k in layout.people[i]:
        if inc.load[k][t] >= layout.room[k][t]:
            return False
    table = layout.own[i]
    if table is None:
        if inc.general[t] >= layout.shared:
            return False
    elif inc.owned[t, table] > 0:
        return False
    session = layout.session_of[t]
    for k in layout.people[i]:
        limit = layout.limit[k]
        if limit is not None and inc.per_session[k, session] >= limit:
            return False
    for j in layout.after[i]:
        if inc.slot[j] != UNPLACED and inc.slot[j] >= t:
            return False
    return all(inc.slot[j] == UNPLACED or inc.slot[j] > t for j in layout.successors[i])


class Annealer:
    """Simulated annealing of the breaks of ``inc`` (which it changes in place)."""

    def __init__(self, inc: Incumbent, rng: random.Random) -> None:
        self.inc = inc
        self.rng = rng
        self.layout = inc.layout
        self.hot = HotSet()
        self.breaks: dict[tuple[int, int], int] = {}
        for k in range(len(self.layout.capacity)):
            for b in range(len(self.layout.blocks)):
                self._recount(k, b)
        self.total = sum(self.breaks.values())
        self.best_total = self.total
        self.best_slots = list(inc.slot)
        self.steps = 0

    def _recount(self, k: int, b: int) -> int:
        """Recount the breaks of ``k`` in ``b``; returns the change."""
        value = self.inc.breaks_in_block(k, b)
        old = self.breaks.get((k, b), 0)
        if value:
            self.breaks[k, b] = value
        else:
            self.breaks.pop((k, b), None)
        self.hot.set((k, b), value > 0)
        return value - old

    def run(self, until: float, report: Callable[[int, bool], bool]) -> None:
        """Anneal until ``until`` (perf_counter), then restore the best timetable seen.

        ``report(total, improved)`` is called at each new best (``improved``) and at each
        look at the clock (a heartbeat); it returns False to stop.
        """
        began = time.perf_counter()
        span = max(1e-3, until - began)
        temperature = HOT
        while self.hot.items:
            self.steps += 1
            if self.steps % CHECK_EVERY == 0:
                now = time.perf_counter()
                if now >= until or not report(self.best_total, False):
                    break
                temperature = HOT + (COLD - HOT) * (now - began) / span
            self._step(temperature)
            if self.total < self.best_total:
                self.best_total = self.total
                self.best_slots = list(self.inc.slot)
                if not report(self.total, True):
                    break
        self.restore_best()

    def restore_best(self) -> None:
        """Put the incumbent back to the best timetable seen."""
        if self.total == self.best_total:
            return
        for i, t in enumerate(self.best_slots):
            if self.inc.slot[i] != t:
                self.inc.move(i, UNPLACED)
        for i, t in enumerate(self.best_slots):
            if t != UNPLACED and self.inc.slot[i] != t:
                self.inc.move(i, t)
        self.total = 0
        for k in range(len(self.layout.capacity)):
            for b in range(len(self.layout.blocks)):
                self._recount(k, b)
        self.total = sum(self.breaks.values())

    def _step(self, temperature: float) -> None:
        layout, inc, rng = self.layout, self.inc, self.rng
        k, b = self.hot.pick(rng)
        block = layout.blocks[b]
        here = layout.block_of
        mine = [i for i in layout.of[k] if inc.slot[i] != UNPLACED and here[inc.slot[i]] == b]
        if not mine:
            return
        i = mine[rng.randrange(len(mine))]
        target = self._target(k, block)
        source = inc.slot[i]
        if target == source:
            return
        chain = self._chain(i, source, target)
        if chain:
            self._try(chain, temperature)

    def _target(self, k: int, block: list[int]) -> int:
        """Mostly an idle slot inside or just outside the participant's span, else any."""
        rng, load = self.rng, self.inc.load[k]
        if rng.random() < FOCUS:
            busy = [t for t in block if load[t]]
            lo, hi = max(block[0], busy[0] - 1), min(block[-1], busy[-1] + 1)
            idle = [t for t in range(lo, hi + 1) if not load[t]]
            if idle:
                return idle[rng.randrange(len(idle))]
        return block[rng.randrange(len(block))]

    def _chain(self, i: int, source: int, target: int) -> list[tuple[int, int]]:
        """The Kempe chain that moves meeting ``i`` from ``source`` to ``target``.

        Whoever of its attendees meets in ``target`` sends that meeting to ``source``, and so
        on, alternately, until nobody is double-booked (empty: too long, or someone may be
        in two meetings at once, whose chains are not swaps).
        """
        layout, inc = self.layout, self.inc
        moves: dict[int, int] = {i: target}
        todo = [i]
        while todo:
            j = todo.pop()
            new = moves[j]
            for k in layout.people[j]:
                if layout.capacity[k] != 1:
                    return []
                if inc.load[k][new] == 0:
                    continue
                for other in layout.of[k]:
                    if inc.slot[other] == new and other not in moves:
                        moves[other] = source if new == target else target
                        todo.append(other)
            if len(moves) > CHAIN:
                return []
        return list(moves.items())

    def insert(self, i: int, home: Mapping[int, int] | None = None) -> bool:
        """Place unplaced meeting ``i``, moving away (by Kempe chains) one meeting in its way.

        Whatever it costs in breaks: a placed meeting is worth more than any break. With
        ``home`` (a re-plan's previous slot by meeting number) the changes term, which ranks
        above the breaks, is weighed: ``i``'s own previous slot first, then a free slot,
        then the chains that take the fewest meetings away from their previous slot (ties
        in random order); without it, the first chain that fits.
        """
        layout, inc = self.layout, self.inc
        options = list(layout.domain[i])
        self.rng.shuffle(options)
        if home is not None:
            options.sort(key=lambda t: t != home.get(i))
        for t in options:
            if can_take(inc, i, t):
                self._force([(i, t)])
                return True
        chains: Iterable[tuple[int, int, int, list[tuple[int, int]]]] = self._chains(i, options)
        if home is not None:
            chains = sorted(chains, key=lambda found: _changes(inc, home, i, found[0], found[3]))
        for t, j, elsewhere, chain in chains:
            if self._force(chain):
                if self._force([(i, t)]):
                    return True
                self._force(self._chain(j, elsewhere, t))
        return False

    def _chains(
        self, i: int, options: list[int]
    ) -> Iterator[tuple[int, int, int, list[tuple[int, int]]]]:
        """For each slot of ``options`` where a single meeting ``j`` is in ``i``'s way, each
        Kempe chain sending ``j`` elsewhere: (slot, ``j``, elsewhere, the chain's moves),
        each found on the timetable as it is when asked for."""
        layout, inc = self.layout, self.inc
        for t in options:
            blockers = {j for k in layout.people[i] for j in layout.of[k] if inc.slot[j] == t}
            if len(blockers) != 1:
                continue
            j = blockers.pop()
            for elsewhere in layout.domain[j]:
                if elsewhere == t:
                    continue
                chain = self._chain(j, t, elsewhere)
                if chain:
                    yield t, j, elsewhere, chain

    def _force(self, moves: list[tuple[int, int]]) -> bool:
        """Apply ``moves`` whatever the breaks, if they keep the rules."""
        return self._try(moves, None)

    def _apply(
        self, moves: list[tuple[int, int]]
    ) -> tuple[list[tuple[int, int]], set[tuple[int, int]]] | None:
        """Make ``moves`` if they keep the rules: the slots they left and the (person,
        block) pairs whose breaks may have changed; None (nothing moved) otherwise."""
        inc, layout = self.inc, self.layout
        back = [(i, inc.slot[i]) for i, _ in moves]
        for i, _ in moves:
            inc.move(i, UNPLACED)
        if not all(self._place(i, t) for i, t in moves):
            self._undo(moves, back)
            return None
        touched = {
            (k, layout.block_of[t])
            for i, t in moves + back
            if t != UNPLACED
            for k in layout.people[i]
        }
        return back, touched

    def _try(self, moves: list[tuple[int, int]], temperature: float | None) -> bool:
        """Apply ``moves`` if they keep the rules, and keep them if annealing accepts
        (always with no ``temperature``); True when kept."""
        applied = self._apply(moves)
        if applied is None:
            return False
        back, touched = applied
        delta = sum(self._recount(k, b) for k, b in touched)
        if temperature is None or delta <= 0 or self.rng.random() < math.exp(-delta / temperature):
            self.total += delta
            return True
        self._undo(moves, back)
        for k, b in touched:
            self._recount(k, b)
        return False

    def _place(self, i: int, t: int) -> bool:
        if can_take(self.inc, i, t):
            self.inc.move(i, t)
            return True
        return False

    def _undo(self, moves: list[tuple[int, int]], back: list[tuple[int, int]]) -> None:
        for i, _ in moves:
            self.inc.move(i, UNPLACED)
        for i, t in back:
            self.inc.move(i, t)


def _changes(
    inc: Incumbent, home: Mapping[int, int], i: int, t: int, chain: list[tuple[int, int]]
) -> int:
    """How many more meetings are away from their previous slot (``home``) once ``chain``
    is made and ``i`` placed in ``t`` (negative: fewer)."""
    out = -1 if home.get(i) == t else 0
    for m, new in chain:
        was = home.get(m)
        if was is not None:
            out += (inc.slot[m] == was) - (new == was)
    return out
