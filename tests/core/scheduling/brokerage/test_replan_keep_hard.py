"""Published meetings kept in place are a hard rule of the model (``required`` at a
``fixed_slot`` and ``fixed_table``), not a priority bonus: the figures are the problem's
own, a kept meeting keeps its table, and when keeping them all leaves no valid timetable
(every meeting required) the fewest are released, each saying why, never a bare
"infeasible"."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    Settings,
    Status,
    Timetable,
    check_schedule,
    solve,
)
from liqa.core.scheduling.brokerage.constraints.placement import FIXED_TABLE, REQUIRED
from liqa.core.scheduling.brokerage.measures import scheduled_priority
from liqa.core.scheduling.brokerage.replan import (
    add_meeting,
    cancel_meeting,
    keep_in_place,
    replan,
    set_unavailable,
)
from liqa.core.scheduling.progress import Progress
from tests.core.scheduling.brokerage.factories import slots
from tests.core.scheduling.brokerage.strategies import gappy_problems

REPLAN = Settings(time_limit=10.0, workers=1)
GREEDY = Settings(method="greedy")


def crowded(require_all: bool) -> tuple[Problem, Timetable, Problem]:
    """Two slots, two tables: a-b and c-d published in slot 0, e-f in slot 1; then a-x
    comes, x free in slot 0 only: it fits only if a-b moves to slot 1."""
    before = Problem(
        slots=slots(2),
        tables=2,
        participants=(
            *(Participant(pid) for pid in "abcdef"),
            Participant("x", unavailable=frozenset({1})),
        ),
        meetings=(Meeting("m1", ("a", "b")), Meeting("m2", ("c", "d")), Meeting("m3", ("e", "f"))),
        require_all=require_all,
    )
    timetable = Timetable((Placement("m1", 0, 1), Placement("m2", 0, 2), Placement("m3", 1, 1)))
    assert check_schedule(before, timetable) == []
    return before, timetable, add_meeting(before, Meeting("new", ("a", "x")))


def test_every_meeting_required_releases_the_one_kept_meeting_in_the_way() -> None:
    """The benchmark's setting (require_all): keeping a-b at slot 0 leaves a-x nowhere, so
    a-b alone moves and says why; before, the re-plan answered "infeasible"."""
    before, timetable, after = crowded(require_all=True)
    for how in (REPLAN, GREEDY):
        result, changes = replan(after, timetable, how, before, keep_published=True)
        assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
        assert check_schedule(after, result.timetable) == []
        now = result.timetable.by_meeting()
        assert set(now) == {"m1", "m2", "m3", "new"}
        assert (now["m2"].slot, now["m2"].table) == (0, 2)  # kept: slot and table
        assert (now["m3"].slot, now["m3"].table) == (1, 1)
        assert (now["m1"].slot, now["new"].slot) == (1, 0)
        (released,) = result.released
        assert (released.meeting, released.slot, released.blocking) == ("m1", 0, ("new",))
        assert "published meeting m1 could not stay at 0" in str(released.detail)
        assert changes.moved == ["m1"]


def test_the_listener_hears_the_solves_as_one_run() -> None:
    """Keeping everything fails, then fewer are kept: the listener hears elapsed times that
    never go back and one last report, the final result's."""
    before, timetable, after = crowded(require_all=True)
    heard: list[Progress] = []

    def listen(progress: Progress) -> bool:
        heard.append(progress)
        return True

    how = dataclasses.replace(REPLAN, on_progress=listen)
    result, _ = replan(after, timetable, how, before, keep_published=True)
    assert [r.meeting for r in result.released] == ["m1"]
    elapsed = [p.elapsed for p in heard]
    assert elapsed == sorted(elapsed)
    assert [p.phase for p in heard].count("finishing") == 1
    assert heard[-1].phase == "finishing"
    assert heard[-1].status == str(result.status)


def test_kept_meetings_are_required_so_the_fixed_problem_checks_them() -> None:
    """check_schedule names a kept meeting left out (``required``) or at another table
    (``fixed_table``) on the problem keep_in_place returns."""
    _, timetable, after = crowded(require_all=False)
    fixed, kept = keep_in_place(after, timetable)
    assert kept == {"m1", "m2", "m3"}
    assert check_schedule(fixed, timetable) == []
    dropped = Timetable(tuple(p for p in timetable.placements if p.meeting != "m3"))
    assert [(v.label, v.meetings) for v in check_schedule(fixed, dropped)] == [(REQUIRED, ("m3",))]
    swapped = Timetable((Placement("m1", 0, 2), Placement("m2", 0, 1), Placement("m3", 1, 1)))
    labels = sorted((v.label, v.meetings) for v in check_schedule(fixed, swapped))
    assert labels == [(FIXED_TABLE, ("m1",)), (FIXED_TABLE, ("m2",))]
    assert check_schedule(after, swapped) == []  # the changed problem itself allows it


def test_a_kept_meeting_keeps_its_table_when_a_moved_one_sat_there_before() -> None:
    """a-b leaves slot 0 (b is away) for slot 1, where c-d is kept at table 1: a-b sat at
    table 1 too, and comes first by id; the kept c-d keeps its table all the same."""
    before = Problem(
        slots=slots(2),
        tables=3,
        participants=tuple(Participant(pid) for pid in "abcdef"),
        meetings=(Meeting("m1", ("a", "b")), Meeting("m2", ("c", "d")), Meeting("m3", ("e", "f"))),
    )
    timetable = Timetable((Placement("m1", 0, 1), Placement("m2", 1, 1), Placement("m3", 1, 2)))
    assert check_schedule(before, timetable) == []
    after = set_unavailable(before, "b", {0})
    for how in (REPLAN, GREEDY):
        result, changes = replan(after, timetable, how, before, keep_published=True)
        assert check_schedule(after, result.timetable) == []
        now = result.timetable.by_meeting()
        assert (now["m2"].slot, now["m2"].table) == (1, 1)
        assert (now["m3"].slot, now["m3"].table) == (1, 2)
        assert (now["m1"].slot, now["m1"].table) == (1, 3)
        assert changes.moved == ["m1"]
        assert result.released == ()


@st.composite
def changes(draw: st.DrawFn) -> tuple[Problem, Problem]:
    """A problem before and after a new meeting came: after is a feasible all-required
    problem (:func:`.strategies.gappy_problems`, its planted timetable), before the same
    without one of its meetings; half of the time every meeting is optional instead, and a
    participant can no longer attend some slots."""
    after = draw(gappy_problems())
    new = draw(st.sampled_from([m.id for m in after.meetings]))
    if draw(st.booleans()):
        after = dataclasses.replace(after, require_all=False)
        away = draw(st.sampled_from([p.id for p in after.participants]))
        after = set_unavailable(after, away, draw(st.frozensets(st.integers(0, 3), max_size=2)))
    return cancel_meeting(after, new), after


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes())
def test_keeping_in_place_is_kept_or_released_and_always_valid(
    case: tuple[Problem, Problem],
) -> None:
    """Whatever the change: whenever the plain re-plan finds a valid timetable, so does
    the re-plan keeping published meetings in place; every kept meeting is at its slot
    (and its table, where it keeps one) or released with words; released ones are kept
    ones; the scheduled priority is the problem's own."""
    before, after = case
    published = solve(before, Settings(time_limit=5.0, workers=1))
    # without the meeting, fairness (spread of breaks) may leave no timetable at all
    assume(check_schedule(before, published.timetable) == [])
    fixed, kept = keep_in_place(after, published.timetable)
    plain, _ = replan(after, published.timetable, REPLAN)
    result, _ = replan(after, published.timetable, REPLAN, keep_published=True)
    if not check_schedule(after, plain.timetable) and plain.status != Status.INFEASIBLE:
        assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
        assert check_schedule(after, result.timetable) == []
    released = {r.meeting for r in result.released}
    assert released <= kept
    assert all(str(r.detail) for r in result.released)
    now = result.timetable.by_meeting()
    for meeting in fixed.meetings:
        if meeting.id in kept and meeting.id not in released and result.timetable.placements:
            assert now[meeting.id].slot == meeting.fixed_slot
            if meeting.fixed_table is not None:
                assert now[meeting.id].table == meeting.fixed_table
    if "scheduled_priority" in result.objective:
        assert result.objective["scheduled_priority"] == scheduled_priority(after, result.timetable)
