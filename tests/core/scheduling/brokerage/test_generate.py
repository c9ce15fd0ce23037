"""The random event generator: reproducible, sized as asked, and schedulable."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from liqa.core.scheduling.brokerage import Settings, Status, check_schedule, greedy, solve
from liqa.core.scheduling.brokerage.dzn import read_dzn
from liqa.core.scheduling.brokerage.generate import generate


def test_generate_is_reproducible_and_sized() -> None:
    a = generate(60, 200, days=1, slots_per_session=6, seed=3)
    assert a == generate(60, 200, days=1, slots_per_session=6, seed=3)
    assert (len(a.participants), len(a.meetings), len(a.slots)) == (60, 200, 12)
    assert len({frozenset(m.parties) for m in a.meetings}) == 200
    load = Counter(p for m in a.meetings for p in m.parties)
    assert max(load.values()) <= 9


def test_generated_event_greedy_and_solver_are_valid() -> None:
    p = generate(40, 100, days=1, slots_per_session=5, seed=1)
    base = greedy(p)
    assert check_schedule(p, base.timetable) == []
    result = solve(p, Settings(time_limit=3.0, workers=1))
    assert check_schedule(p, result.timetable) == []
    assert result.objective["scheduled_priority"] >= base.objective["scheduled_priority"]


FORUM14 = Path(__file__).parents[4] / "../shared/bench/b2b/instances/forum-14.original.dzn"


@pytest.mark.slow
def test_forum14_is_solved_to_the_published_optimum() -> None:
    if not FORUM14.is_file():
        pytest.skip("the shared B2B benchmark data is not on this machine")
    p = read_dzn(FORUM14, fairness=2)
    result = solve(p, Settings(time_limit=120.0))
    assert check_schedule(p, result.timetable) == []
    assert (result.status, result.breaks, result.bound) == (Status.OPTIMAL, 2, 2)
