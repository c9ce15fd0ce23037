"""Re-planning with the published meetings kept in place: every previous placement the
changed problem still allows keeps its slot and table; new meetings go where they fit, and
those that cannot say that the kept meetings are in their way. Without the choice, a
higher-priority meeting may still move the published meetings of others."""

from __future__ import annotations

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
from liqa.core.scheduling.brokerage.build import build_model
from liqa.core.scheduling.brokerage.replan import (
    KEPT_IN_PLACE,
    add_meeting,
    keep_in_place,
    replan,
    set_unavailable,
)
from liqa.core.scheduling.reasons import reason_words
from tests.core.scheduling.brokerage.factories import problem, slots

PUBLISH = Settings(time_limit=20.0, workers=1)
REPLAN = Settings(time_limit=10.0, workers=1)
GREEDY = Settings(method="greedy")

PAIRS = [
    "a-b", "a-c", "a-d", "a-e", "b-c", "b-d", "b-f", "c-e", "c-f", "d-e",
    "d-f", "e-f", "a-g", "b-g", "c-h", "d-h", "g-h", "e-h", "f-g", "a-h",
]  # fmt: skip


def published() -> tuple[Problem, Timetable]:
    """An event of 8 people, 20 meetings, 8 slots, 4 tables, solved and checked."""
    p = problem(PAIRS, n_slots=8, tables=4, require_all=False)
    result = solve(p, PUBLISH)
    assert check_schedule(p, result.timetable) == []
    assert len(result.timetable.placements) == len(PAIRS)
    return p, result.timetable


def crowded() -> tuple[Problem, Timetable, Problem]:
    """Two slots, two tables: a-b and c-d published in slot 0, e-f in slot 1; then a
    meeting a-x of priority 5 comes, x only free in slot 0. It fits only if a-b moves."""
    before = Problem(
        slots=slots(2),
        tables=2,
        participants=(
            *(Participant(pid) for pid in "abcdef"),
            Participant("x", unavailable=frozenset({1})),
        ),
        meetings=(Meeting("m1", ("a", "b")), Meeting("m2", ("c", "d")), Meeting("m3", ("e", "f"))),
    )
    timetable = Timetable((Placement("m1", 0, 1), Placement("m2", 0, 2), Placement("m3", 1, 1)))
    assert check_schedule(before, timetable) == []
    after = add_meeting(before, Meeting("new", ("a", "x"), priority=5))
    return before, timetable, after


def test_by_default_a_higher_priority_meeting_moves_a_published_one() -> None:
    before, timetable, after = crowded()
    result, changes = replan(after, timetable, REPLAN, old_problem=before)
    assert check_schedule(after, result.timetable) == []
    now = result.timetable.by_meeting()
    assert now["new"].slot == 0
    assert now["m1"].slot == 1  # a-b moved for a-x: scheduled priority ranks first
    assert "m1" in changes.moved  # (e-f may change table: a-b sat at table 1 too)
    assert result.unplaced == ()


def test_kept_in_place_the_new_meeting_is_left_out_saying_why() -> None:
    before, timetable, after = crowded()
    result, changes = replan(after, timetable, REPLAN, old_problem=before, keep_published=True)
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert check_schedule(after, result.timetable) == []
    assert result.timetable.by_meeting() == timetable.by_meeting()
    assert changes.changes == ()
    (unplaced,) = result.unplaced
    assert unplaced.meeting == "new"
    assert unplaced.reason == KEPT_IN_PLACE
    assert unplaced.blocking == ("m1", "m2")  # a is busy with a-b; both tables taken
    assert "published meetings kept in place" in str(unplaced.detail)
    assert str(reason_words(unplaced.reason)) == "published meetings kept in place"
    # reported on the problem itself: a-b, c-d, e-f placed, priority 1 each
    assert result.objective["scheduled_priority"] == 3
    assert result.objective["changes"] == 0


def test_kept_in_place_a_meeting_with_no_common_slot_keeps_its_own_reason() -> None:
    before, timetable, after = crowded()
    after = add_meeting(after, Meeting("never", ("b", "x"), priority=2))
    after = set_unavailable(after, "b", {0})
    result, _ = replan(after, timetable, REPLAN, old_problem=before, keep_published=True)
    reasons = {u.meeting: u.reason for u in result.unplaced}
    assert reasons["never"] == "no_common_slot"


def test_kept_in_place_every_allowed_meeting_keeps_slot_and_table() -> None:
    before, timetable = published()
    old = timetable.by_meeting()
    lost = sorted({old[m.id].slot for m in before.meetings if "a" in m.parties})[:2]
    after = set_unavailable(before, "a", lost)
    for n, pair in enumerate(["a-f", "b-e", "c-d", "g-e", "h-f", "b-h"], start=1):
        x, y = pair.split("-")
        after = add_meeting(after, Meeting(f"new{n}", (x, y), priority=3))
    touched = {m.id for m in before.meetings if "a" in m.parties and old[m.id].slot in lost}
    assert len(touched) == 2
    for settings in (REPLAN, GREEDY):
        result, changes = replan(after, timetable, settings, before, keep_published=True)
        assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
        assert check_schedule(after, result.timetable) == []
        now = result.timetable.by_meeting()
        for mid, placement in old.items():
            if mid not in touched:
                assert (now[mid].slot, now[mid].table) == (placement.slot, placement.table)
        assert set(changes.moved) | set(changes.dropped) <= touched
        assert result.objective["changes"] <= len(touched)
        placed_new = {mid for mid in now if mid.startswith("new")}
        left_out = {u.meeting for u in result.unplaced}
        assert placed_new | left_out >= {f"new{n}" for n in range(1, 7)}


def test_the_default_re_plan_is_unchanged_by_the_option_existing() -> None:
    """Without the choice the re-plan is the plain minimal-change solve, to the placement."""
    before, timetable = published()
    after = set_unavailable(before, "a", {0, 1})
    after = add_meeting(after, Meeting("new", ("b", "e"), priority=9))
    known = {m.id for m in after.meetings}
    plain = solve(
        after,
        REPLAN,
        previous=Timetable(tuple(p for p in timetable.placements if p.meeting in known)),
    )
    result, _ = replan(after, timetable, REPLAN, before)
    assert result.timetable == plain.timetable
    assert result.unplaced == plain.unplaced


def test_keep_in_place_fixes_only_what_the_changed_problem_allows() -> None:
    before, timetable = published()
    old = timetable.by_meeting()
    after = set_unavailable(before, "b", {old["m1"].slot})  # m1 is a-b
    fixed, kept = keep_in_place(after, timetable)
    assert "m1" not in kept
    assert kept == {mid for mid in old if mid != "m1"}
    by_id = {m.id: m for m in fixed.meetings}
    assert by_id["m1"].fixed_slot is None
    assert not by_id["m1"].required
    for mid in kept:
        assert by_id[mid].fixed_slot == old[mid].slot
        assert by_id[mid].required  # a hard rule of the model, not a priority bonus
        assert by_id[mid].fixed_table == old[mid].table
        assert by_id[mid].priority == after.meeting(mid).priority


def test_kept_in_place_the_weighted_cost_and_bound_are_on_the_problems_own_scale() -> None:
    """Kept meetings are a hard rule, not a priority bonus, so what the organizer reads is
    the model's own figures: the weighted cost is the model's formula
    (:func:`.build.weighted_objective`, its unit from the model itself) on the problem's
    own priorities, and the bound is the solver's, on that same cost."""
    before, timetable = published()
    old = timetable.by_meeting()
    after = set_unavailable(before, "a", {old["m1"].slot})
    for n, pair in enumerate(["a-f", "b-e", "c-d"], start=1):
        x, y = pair.split("-")
        after = add_meeting(after, Meeting(f"new{n}", (x, y), priority=3))
    result, _ = replan(after, timetable, REPLAN, before, keep_published=True)
    assert check_schedule(after, result.timetable) == []
    fixed, kept = keep_in_place(after, timetable)
    unit = sum(build_model(fixed, timetable).breaks_ub.values()) + 1
    now = result.timetable.by_meeting()
    known = {m.id for m in after.meetings}
    with_previous = sum(1 for mid in old if mid in known)
    same = sum(1 for mid, p in old.items() if mid in now and now[mid].slot == p.slot)
    own_priority = sum(m.priority for m in after.meetings if m.id in now)
    assert result.objective["scheduled_priority"] == own_priority
    expected = result.objective["breaks"] - unit * same - unit * (with_previous + 1) * own_priority
    assert result.objective["weighted"] == expected
    assert result.bound is not None
    assert result.bound <= result.objective["weighted"]
    # every kept meeting placed, so the bound holds for every timetable that keeps them:
    assert kept <= set(now)
    if result.status == Status.OPTIMAL:
        assert result.bound == result.objective["weighted"]
