"""Each day takes its own split of the delegation; fairness can weigh in the objective."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from liqa.core.model import Event, MeetingFormat, Schedule
from liqa.core.scheduling.itinerary import Settings, check_itinerary, plan_itinerary, replan
from liqa.core.scheduling.itinerary.check import check_partitions
from liqa.core.scheduling.itinerary.mission import MissionModel, build_model
from liqa.core.scheduling.itinerary.render import render_itinerary
from liqa.core.scheduling.itinerary.replan import previous_groups
from liqa.core.scheduling.itinerary.search import solve
from tests.core.scheduling.itinerary.factories import CHICAGO, hou, two_days, visit, window
from tests.core.scheduling.itinerary.tiny import exhaustive_plans

FAST = Settings(time_limit=5.0, max_no_improve=150, fairness_weight=0.0)
AI, ENERGY = ("a1", "a2"), ("e1", "e2")


def split_then_together() -> Event:
    """12 Feb: an AI host and an energy host open at the same hour (one visit each fits);
    13 Feb: one host for both themes in the morning, one for AI in the afternoon."""
    morning_12, morning_13 = window(hou(12, 10), hou(12, 12)), window(hou(13, 10), hou(13, 12))
    visits = [
        visit("vis-ai", "h-uni", ("ai",), *morning_12),
        visit("vis-energy", "h-energy", ("energy",), *morning_12),
        visit("vis-both", "h-city", ("ai", "energy"), *morning_13),
        visit("vis-ai-pm", "h-health", ("ai",), *window(hou(13, 14), hou(13, 16))),
    ]
    return two_days(visits, {"ai": AI, "energy": ENERGY})


def groups_by_day(schedule: Schedule) -> dict[date, set[tuple[str, tuple[str, ...]]]]:
    """Per local day, the (subgroup, attendees) pairs of its visits."""
    out: dict[date, set[tuple[str, tuple[str, ...]]]] = {}
    for a in schedule.assignments:
        if a.format is MeetingFormat.SITE_VISIT and a.group is not None:
            out.setdefault(a.start.astimezone(CHICAGO).date(), set()).add((a.group, a.attendees))
    return out


def partition_violations(model: MissionModel, options: tuple[int, ...]) -> list[object]:
    """The checker's verdict on the split each day takes."""
    days = [
        (f"{s.label} {half}", split)
        for s, day_split in zip(model.segments, model.chosen(options), strict=True)
        for half, split in day_split.halves()
    ]
    return [*check_partitions(model.event, days)]


def test_search_matches_exhaustive_optimum_splitting_one_day_and_not_the_other() -> None:
    model = build_model(split_then_together())
    problem = model.problem
    # each day: split or together all day, or one in the morning and the other after lunch
    assert [len(choice) for choice in problem.choices] == [4, 4]
    plans = exhaustive_plans(problem)
    best_value = max(value for value, _ in plans)
    result = solve(problem, FAST)
    assert result.score == best_value == 2 * 2.0 + (4.0 + 2.5)
    assert max(value for value, options in plans if options == result.options) == best_value
    assert check_itinerary(problem, result.routes, result.score, result.options) == []
    splits = [[g.members for g in split.morning] for split in model.chosen(result.options)]
    assert splits == [[AI, ENERGY], [AI + ENERGY]]
    assert partition_violations(model, result.options) == []


def test_plan_itinerary_splits_on_the_twelfth_and_stays_together_on_the_thirteenth() -> None:
    event = split_then_together()
    schedule, result = plan_itinerary(event, FAST)
    assert groups_by_day(schedule) == {
        date(2024, 2, 12): {("group-a", AI), ("group-b", ENERGY)},
        date(2024, 2, 13): {("all", AI + ENERGY)},
    }
    assert result.terms["value"] == 10.5
    assert result.terms["split_days"] == 1.0
    text = render_itinerary(event, schedule)
    twelfth = text.index("Monday, February 12, 2024")
    thirteenth = text.index("Tuesday, February 13, 2024")
    assert (
        "  subgroup A: Delegate a1, Delegate a2\n  subgroup B: Delegate e1, Delegate e2\n"
        in (text[twelfth:thirteenth])
    )
    assert "subgroup A:" not in text[thirteenth:]
    assert "[the whole delegation] Visit h-city" in text[thirteenth:]
    assert "group-" not in text  # labels, never the ids
    assert "[all]" not in text


def test_plan_itinerary_with_one_split_for_the_mission_does_worse_here() -> None:
    event = split_then_together()
    fixed, fixed_result = plan_itinerary(event, FAST, groups=build_model(event).chosen()[0].morning)
    assert fixed_result.score == 2 * 2.0 + 2 * 2.0  # split both days: 8 < 10.5
    assert {g for day in groups_by_day(fixed).values() for g, _ in day} == {"group-a", "group-b"}


def test_together_and_apart_rules_hold_every_day() -> None:
    morning = [window(hou(d, 10), hou(d, 12))[0] for d in (12, 13)]
    visits = [
        visit("vis-ai", "h-uni", ("ai",), *morning),
        visit("vis-energy", "h-energy", ("energy",), *morning),
        visit("vis-both", "h-city", ("ai", "energy"), *morning),
        visit("vis-health", "h-health", ("ai",), *morning),
    ]
    event = two_days(
        visits,
        {"ai": ("a1", "a2", "a3"), "energy": ("e1", "e2", "e3")},
        together=(("a1", "e1"),),
        apart=(("a2", "a3"),),
    )
    model = build_model(event)
    for candidates in model.splits:  # everyone together would put a2 with a3: never offered
        assert candidates
        for day_split in candidates:
            for split in (day_split.morning, day_split.afternoon):
                assert any({"a1", "e1"} <= set(g.members) for g in split)
                assert not any({"a2", "a3"} <= set(g.members) for g in split)
    schedule, result = plan_itinerary(event, replace(FAST, fairness_weight=0.5))
    for day, groups in groups_by_day(schedule).items():
        members = [set(attendees) for _, attendees in groups]
        assert any({"a1", "e1"} <= m for m in members), day
        assert not any({"a2", "a3"} <= m for m in members), day
    assert partition_violations(model, result.options) == []
    assert check_itinerary(model.problem, result.routes, result.score, result.options) == []


def fairness_case() -> Event:
    """Three delegates share theme x, one has theme y; one visit fits per day, two days;
    two x hosts and one y host are open both days."""
    slots = [window(hou(d, 10), hou(d, 12))[0] for d in (12, 13)]
    visits = [
        visit("vis-x1", "h-uni", ("x",), *slots),
        visit("vis-x2", "h-energy", ("x",), *slots),
        visit("vis-y", "h-city", ("y",), *slots),
    ]
    return two_days(visits, {"x": ("x1", "x2", "x3"), "y": ("y1",)}, subgroups=1)


def test_fairness_weight_raises_the_least_served_members_value() -> None:
    event = fairness_case()
    model = build_model(event)
    _, plain = plan_itinerary(event, FAST)
    _, fair = plan_itinerary(event, replace(FAST, fairness_weight=1.0))
    # w = 0: both x hosts, 2 x (3 + 0.25); y1 gets 0.25 twice.
    assert (plain.terms["value"], plain.terms["fairness_min_member_value"]) == (6.5, 0.5)
    assert plain.terms["objective"] == 6.5
    # w = 1: an x host and the y host, 3.25 + 1.75; everyone gets 1.25.
    assert (fair.terms["value"], fair.terms["fairness_min_member_value"]) == (5.0, 1.25)
    assert fair.terms["objective"] == 5.0 + 1.0 * 4 * 1.25
    assert fair.terms["fairness_spread"] == 0.0
    for result in (plain, fair):
        least = result.terms["fairness_min_member_value"]
        problem, routes, options = model.problem, result.routes, result.options
        assert check_itinerary(problem, routes, result.score, options, least) == []


def test_replan_keeps_each_days_split() -> None:
    event = split_then_together()
    before, _ = plan_itinerary(event, FAST)
    changed = replace(event, visits=tuple(v for v in event.visits if v.id != "vis-ai-pm"))
    after, result, diff = replan(changed, before)
    assert groups_by_day(after) == {
        date(2024, 2, 12): {("group-a", AI), ("group-b", ENERGY)},
        date(2024, 2, 13): {("all", AI + ENERGY)},
    }
    assert {pid: change.removed for pid, change in diff.items()} == dict.fromkeys(
        AI + ENERGY, ("vis-ai-pm",)
    )
    assert all(change.moved == change.added == () for change in diff.values())
    assert result.score == 2 * 2.0 + 4.0
    model = build_model(changed, previous_groups(changed, before))
    assert check_itinerary(model.problem, result.routes, result.score) == []


def test_a_visit_only_a_subgroup_could_make_is_explained_by_the_days_split() -> None:
    event = split_then_together()
    small = replace(
        visit("vis-small", "h-port", ("ai",), *window(hou(13, 10), hou(13, 12))), max_visitors=2
    )
    event = replace(event, visits=(*event.visits, small))
    schedule, result = plan_itinerary(event, FAST)
    # Splitting the 13th for it (ai pair: vis-small + vis-ai-pm, energy pair: vis-both) is
    # worth 2 + 2 + 2 = 6, staying together 4 + 2.5 = 6.5.
    assert result.terms["value"] == 10.5
    assert [(u.id, u.reason, u.detail) for u in schedule.unplaced] == [
        (
            "vis-small",
            "lower_value",
            "only another split of the delegation could make it (on Tue, Feb 13); the plan "
            "keeps the splits whose visits are worth more in total",
        )
    ]
