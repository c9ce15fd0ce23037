"""Fair annealing (the primal heuristic of the exact search) and its helper thread."""

from __future__ import annotations

import dataclasses
import random
import threading
import time

from liqa.core.scheduling.brokerage import (
    Participant,
    Placement,
    Problem,
    Timetable,
    check_schedule,
)
from liqa.core.scheduling.brokerage.fair_anneal import FairAnnealer
from liqa.core.scheduling.brokerage.greedy import greedy_slots
from liqa.core.scheduling.brokerage.layout import Incumbent, Layout
from liqa.core.scheduling.brokerage.measures import breaks_per_participant, total_breaks
from liqa.core.scheduling.brokerage.primal import Primal, anneal_fair
from tests.core.scheduling.brokerage.factories import problem


def _timetable(slots: dict[str, int]) -> Timetable:
    return Timetable(tuple(Placement(m, t) for m, t in slots.items()))


def _forced_break() -> Problem:
    # a meets b only in slot 0 and c only in slot 2: a has one break, b and c none.
    return dataclasses.replace(
        problem(["a-b", "a-c"], n_slots=3),
        participants=(
            Participant("a"),
            Participant("b", unavailable=frozenset({1, 2})),
            Participant("c", unavailable=frozenset({0, 1})),
        ),
    )


def test_excess_counts_breaks_above_d_per_participant_when_someone_has_one_meeting() -> None:
    # a: slots 0, 2, 4 → 2 breaks; with d = 1 and e (one meeting) at 0 breaks, excess 1.
    p = dataclasses.replace(problem(["a-b", "a-c", "a-d", "e-b"], n_slots=5), max_break_spread=1)
    inc = Incumbent.of_slots(Layout.of_problem(p), {"m1": 0, "m2": 2, "m3": 4, "m4": 1})
    annealer = FairAnnealer(inc, random.Random(0), 1)
    assert annealer.per[0] == 2  # participant "a" (ids sorted)
    assert annealer.excess == 1
    assert annealer.best_fair is None  # the start is unfair: never handed back


def test_anneal_fair_returns_a_valid_fair_timetable_no_worse_than_its_start() -> None:
    pairs = ["a-b", "a-c", "a-d", "b-c", "b-e", "c-f", "d-e", "e-f", "a-f", "d-f"]
    p = dataclasses.replace(problem(pairs, n_slots=6, tables=3), max_break_spread=1)
    start = greedy_slots(p)
    slots, breaks = anneal_fair(p, start, seed=1, until=time.perf_counter() + 1.0)
    assert slots is not None
    assert breaks is not None
    assert check_schedule(p, _timetable(slots)) == []
    assert breaks == total_breaks(p, _timetable(slots))
    per = breaks_per_participant(p, _timetable(slots))
    assert max(per.values()) - min(per.values()) <= 1


def test_anneal_fair_hands_back_nothing_when_fairness_cannot_hold() -> None:
    p = dataclasses.replace(_forced_break(), max_break_spread=0)
    slots, breaks = anneal_fair(p, greedy_slots(p), seed=0, until=time.perf_counter() + 0.3)
    assert (slots, breaks) == (None, None)


def test_primal_stops_the_exact_question_once_it_meets_the_target() -> None:
    p = dataclasses.replace(_forced_break(), max_break_spread=1)
    primal = Primal(p, greedy_slots(p), seed=0, until=time.perf_counter() + 5.0)
    primal.target = 1  # the proven bound: a's break
    stopped = threading.Event()
    primal.start()
    primal.watch_exact(stopped.set)
    assert stopped.wait(timeout=5.0)
    primal.stop()
    assert primal.reached()
    assert primal.best is not None
    assert check_schedule(p, _timetable(primal.best)) == []
