"""The least time each solve of a keep re-plan gets once the time limit is spent scales
with the event: a small event's fallbacks (CP-SAT answers them in milliseconds) no longer
get half a second each, a large event's still do. Read from the floor itself and from the
re-plan's recorded method and release, never from a clock."""

from __future__ import annotations

import dataclasses

from liqa.core.scheduling.brokerage import Settings, Status, check_schedule
from liqa.core.scheduling.brokerage.generate import generate
from liqa.core.scheduling.brokerage.lns import large_enough
from liqa.core.scheduling.brokerage.replan import (
    FLOOR,
    LEAST_FLOOR,
    fallback_floor,
    replan,
)
from tests.core.scheduling.brokerage.test_replan_keep_hard import crowded


def test_a_small_event_gets_a_floor_in_proportion_to_its_size() -> None:
    """7 participants, 4 meetings, 2 slots: 8 pairs, the least floor, 0.1 s (before:
    0.5 s)."""
    _, _, problem = crowded(require_all=True)
    assert fallback_floor(problem) == LEAST_FLOOR
    assert fallback_floor(problem) < FLOOR


def test_a_large_event_keeps_the_whole_floor() -> None:
    """A generated event the large search takes (above ``large_above``): 0.5 s, as before;
    one of half the meetings, in between."""
    event = generate(300, 2200, seed=1)
    assert large_enough(event, Settings())
    assert fallback_floor(event) == FLOOR
    half = dataclasses.replace(event, meetings=event.meetings[:1100])
    assert LEAST_FLOOR < fallback_floor(half) < FLOOR


def test_a_small_keep_replan_with_its_time_spent_still_answers_through_its_fallbacks() -> None:
    """Two slots, two tables, every meeting required: a-b and c-d published in slot 0, e-f
    in slot 1; a-x comes, x free in slot 0 only (``test_replan_keep_hard.crowded``). No
    time left at all: the keep re-plan finds no timetable keeping a-b, the fallback (the
    most kept meetings that fit together, then the re-plan keeping them; on a loaded
    machine, the plain re-plan) still answers on the smaller floor: a valid timetable, a-b
    released with why, by CP-SAT."""
    _, previous, problem = crowded(require_all=True)
    result, _ = replan(problem, previous, Settings(time_limit=0.0, workers=1), keep_published=True)
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert result.method == "cpsat"
    assert check_schedule(problem, result.timetable) == []
    assert [r.meeting for r in result.released] == ["m1"]
    now = result.timetable.by_meeting()
    assert now["new"].slot == 0
    assert now["m1"].slot == 1
