"""A re-plan by the large-instance search (``method="lns"``) never releases a meeting the
changed problem pins and requires, and whatever ``solve`` returns is checked on the real
problem: a timetable that breaks it is never ``feasible`` or ``optimal``. Before, a plain
re-plan released such a meeting when it blocked another required one and reported the
timetable ``feasible``, though ``check_schedule`` rejected it on the changed problem."""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

import pytest

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Problem,
    Settings,
    SlotInfo,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.explain import LOST_TO_HIGHER_PRIORITY
from liqa.core.scheduling.brokerage.problem import Placement, Result, Status, Timetable
from liqa.core.scheduling.brokerage.release import releasable
from liqa.core.scheduling.brokerage.replan import add_meeting, replan, set_unavailable

replan_module = importlib.import_module("liqa.core.scheduling.brokerage.replan")
solve_module = importlib.import_module("liqa.core.scheduling.brokerage.solve")
LNS = Settings(time_limit=2.0, workers=1, method="lns")
SOLVED = (Status.OPTIMAL, Status.FEASIBLE)


def published() -> tuple[Problem, Timetable]:
    """Three slots; ``pin`` (a-b) required and pinned at slot 0, ``req`` (a-c) required,
    ``opt`` (a-d) optional; published as pin 0, req 1, opt 2."""
    problem = Problem(
        slots=tuple(SlotInfo("s", "s") for _ in range(3)),
        tables=5,
        participants=tuple(Participant(pid) for pid in "abcd"),
        meetings=(
            Meeting("pin", ("a", "b"), fixed_slot=0, required=True),
            Meeting("req", ("a", "c"), required=True),
            Meeting("opt", ("a", "d")),
        ),
    )
    previous = Timetable((Placement("pin", 0, 1), Placement("req", 1, 1), Placement("opt", 2, 1)))
    assert check_schedule(problem, previous) == []
    return problem, previous


def assert_pin_kept(result: Result) -> None:
    """The pinned meeting is at its slot and was not released."""
    assert result.timetable.by_meeting()["pin"].slot == 0
    assert "pin" not in {r.meeting for r in result.released}


@pytest.mark.parametrize("keep", [False, True])
def test_a_pinned_required_meeting_blocking_a_required_one_is_never_released(keep: bool) -> None:
    """c can now meet only at slot 0, where the pinned meeting holds a: no timetable keeps
    both rules, so the re-plan says ``infeasible`` and why ``req`` is out (before: ``pin``
    released to slot 1, ``req`` at 0, status ``feasible``)."""
    problem, previous = published()
    changed = set_unavailable(problem, "c", {1, 2})
    result, _ = replan(changed, previous, LNS, keep_published=keep)
    assert result.method == "lns"
    assert result.status == Status.INFEASIBLE
    assert_pin_kept(result)
    assert "req" not in result.timetable.by_meeting()
    (out,) = result.unplaced
    assert out.meeting == "req"
    assert out.blocking == ("pin",)
    assert str(out.detail)
    # the pin is the organizer's rule, not a kept meeting to let go (before, in keep
    # mode: reason "kept_in_place", advising a re-plan without keeping meetings in place)
    assert out.reason == LOST_TO_HIGHER_PRIORITY


@pytest.mark.parametrize("keep", [False, True])
def test_the_required_meeting_takes_a_free_slot_around_the_pin(keep: bool) -> None:
    """c can meet at slots 0 and 2: ``req`` goes to 2 and ``opt`` moves (released in keep
    mode), the pin stays; a valid timetable, ``feasible``."""
    problem, previous = published()
    changed = set_unavailable(problem, "c", {1})
    result, _ = replan(changed, previous, LNS, keep_published=keep)
    assert result.status in SOLVED
    assert check_schedule(changed, result.timetable) == []
    assert_pin_kept(result)
    assert result.timetable.by_meeting()["req"].slot == 2


def test_keep_mode_releases_a_kept_meeting_not_the_pinned_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new required meeting (a-c, c free at slots 0 and 2 only) finds the pin at 0 and
    the kept ``opt`` at 2: the keep mode's large search releases ``opt``, never the pin,
    and its answer stands (before: the pin came first, was released and moved, and only
    the plain re-plan that followed as a fallback got a valid timetable)."""
    problem, previous = published()
    base = dataclasses.replace(problem, meetings=problem.meetings[::2])  # pin, opt
    before = Timetable(tuple(p for p in previous.placements if p.meeting != "req"))
    new = Meeting("new", ("a", "c"), required=True)
    changed = set_unavailable(add_meeting(base, new), "c", {1})
    answers: list[Result] = []

    def heard(*args: Any, **kwargs: Any) -> Result:
        answers.append(solve(*args, **kwargs))
        return answers[-1]

    monkeypatch.setattr(replan_module, "solve", heard)
    result, _ = replan(changed, before, LNS, keep_published=True)
    assert len(answers) == 1  # no fallback
    assert [r.meeting for r in answers[0].released] == ["opt"]
    assert result.status in SOLVED
    assert check_schedule(changed, result.timetable) == []
    assert_pin_kept(result)
    assert [r.meeting for r in result.released] == ["opt"]
    now = result.timetable.by_meeting()
    assert (now["new"].slot, now["opt"].slot) == (2, 1)


def test_solve_never_calls_a_timetable_that_breaks_the_problem_feasible(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every path's result is checked on the problem: a search answer that breaks it
    (here the pin moved) comes back ``unknown`` (before: passed on as ``feasible``)."""
    problem, previous = published()
    wrong = Timetable((Placement("pin", 1, 1), Placement("req", 0, 1)))
    assert check_schedule(problem, wrong)

    def broken(*args: object, **kwargs: object) -> Result:
        return Result(wrong, Status.FEASIBLE, method="lns")

    monkeypatch.setattr(solve_module, "solve_large", broken)
    result = solve(problem, LNS, previous=previous)
    assert result.status == Status.UNKNOWN
    assert result.timetable == wrong


def test_only_the_kept_meetings_may_be_released() -> None:
    """Neither a fresh plan nor a re-plan may release a meeting kept in place (required at
    a fixed slot) unless the caller names the ones it kept (a fresh plan's are pins too,
    test_pins_collide)."""
    problem, _ = published()
    assert releasable(problem) == frozenset()
    assert releasable(problem, keep=frozenset({"pin", "opt"})) == {"pin"}
    assert releasable(problem, keep=frozenset({"opt"})) == frozenset()
