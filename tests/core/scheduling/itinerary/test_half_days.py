"""Half-day splits: the afternoon may split differently from the morning, everyone regroups
for lunch; the checkers refuse every broken rule of it."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from liqa.core.missionfile import dumps_event, load_event, parse_event, validate_file
from liqa.core.model import Event, MeetingFormat
from liqa.core.scheduling.itinerary import Settings, check_itinerary, plan_itinerary, replan
from liqa.core.scheduling.itinerary.check import PartitionViolation, check_partitions
from liqa.core.scheduling.itinerary.groups import DaySplit, Subgroup
from liqa.core.scheduling.itinerary.mission import build_model
from liqa.core.scheduling.itinerary.plan import whole_days
from liqa.core.scheduling.itinerary.render import render_itinerary
from liqa.core.scheduling.itinerary.search import solve
from liqa.core.scheduling.itinerary.solution import Solution, initial_middles
from tests.core.scheduling.itinerary.factories import (
    CHICAGO,
    HOTEL_HOU,
    hou,
    mission,
    two_days,
    visit,
    window,
)
from tests.core.scheduling.itinerary.tiny import exhaustive_plans

FAST = Settings(time_limit=5.0, max_no_improve=150, fairness_weight=0.0)
AI, ENERGY = ("a1", "a2"), ("e1", "e2")
EXAMPLE = Path(__file__).parents[4] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


def split_morning_together_afternoon() -> Event:
    """One day (12 Feb): an AI host and an energy host open at the same morning hour (one
    visit each fits), then one host for both themes in the afternoon."""
    morning = window(hou(12, 9), hou(12, 11))
    visits = [
        visit("vis-ai", "h-uni", ("ai",), *morning),
        visit("vis-energy", "h-energy", ("energy",), *morning),
        visit("vis-both", "h-city", ("ai", "energy"), *window(hou(12, 14), hou(12, 16))),
    ]
    event = two_days(visits, {"ai": AI, "energy": ENERGY})
    return replace(event, legs=(replace(event.legs[0], end=date(2024, 2, 12)),))


def test_the_optimum_splits_in_the_morning_and_regroups_for_the_afternoon() -> None:
    model = build_model(split_morning_together_afternoon())
    problem = model.problem
    # split or together all day, split then together, together then split
    assert [len(choice) for choice in problem.choices] == [4]
    assert len(problem.meets) == 2
    plans = exhaustive_plans(problem)
    best_value, best_options = max(plans)
    # all day split: 2 + 2 + 2; all day together: 2.5 + 4; split, then together: 2 + 2 + 4;
    # together, then split: 2.5 + 2
    assert best_value == 2.0 + 2.0 + 4.0
    assert sorted(value for value, _ in plans) == [4.5, 6.0, 6.5, 8.0]
    result = solve(problem, FAST)
    assert (result.score, result.options) == (best_value, best_options)
    assert check_itinerary(problem, result.routes, result.score, result.options) == []
    [chosen] = model.chosen(result.options)
    assert [g.members for g in chosen.morning] == [AI, ENERGY]
    assert [g.members for g in chosen.afternoon] == [AI + ENERGY]


def test_plan_itinerary_regroups_everyone_at_the_hotel_for_lunch() -> None:
    event = split_morning_together_afternoon()
    schedule, result = plan_itinerary(event, FAST)
    assert result.terms["value"] == 8.0
    assert result.terms["regroup_days"] == 1.0
    visits = {
        a.id: (a.group, a.attendees)
        for a in schedule.assignments
        if a.format is MeetingFormat.SITE_VISIT
    }
    assert visits == {
        "vis-ai": ("group-a", AI),
        "vis-energy": ("group-b", ENERGY),
        "vis-both": ("all", AI + ENERGY),
    }
    [lunch] = [a for a in schedule.assignments if a.id.startswith("lunch-")]
    assert (lunch.id, lunch.venue, lunch.group, lunch.attendees) == (
        "lunch-2024-02-12",
        HOTEL_HOU.id,
        None,
        AI + ENERGY,
    )
    assert (lunch.start.astimezone(CHICAGO), lunch.end.astimezone(CHICAGO)) == (
        hou(12, 12),
        hou(12, 13),
    )
    morning = [a for a in schedule.assignments if a.group in ("group-a", "group-b")]
    assert all(a.end <= lunch.start for a in morning)
    text = render_itinerary(event, schedule)
    assert (
        "  morning:\n"
        "    subgroup A: Delegate a1, Delegate a2\n"
        "    subgroup B: Delegate e1, Delegate e2\n"
        "  afternoon:\n"
        "    the whole delegation: Delegate a1, Delegate a2, Delegate e1, Delegate e2\n"
    ) in text
    assert "12:00\u202fPM–1:00\u202fPM CST  Lunch, everyone together at Hotel Houston" in text


def test_replan_keeps_the_morning_and_the_afternoon_splits() -> None:
    event = split_morning_together_afternoon()
    before, _ = plan_itinerary(event, FAST)
    changed = replace(event, visits=tuple(v for v in event.visits if v.id != "vis-energy"))
    after, result, diff = replan(changed, before)
    groups = {a.id: a.group for a in after.assignments if a.format is MeetingFormat.SITE_VISIT}
    assert groups == {"vis-ai": "group-a", "vis-both": "all"}
    assert "lunch-2024-02-12" in {a.id for a in after.assignments}
    assert {pid: change.removed for pid, change in diff.items()} == dict.fromkeys(
        ENERGY, ("vis-energy",)
    )
    assert result.score == 2.0 + 4.0


def test_a_day_with_a_fixed_item_keeps_one_split_all_day() -> None:
    """12 Feb holds the welcome briefing, 13 Feb nothing fixed (documented rule)."""
    model = build_model(mission(subgroups=2))
    assert model.segments[0].day == date(2024, 2, 12)
    assert model.regroups[0] is None
    assert model.segments[1].day == date(2024, 2, 13)
    assert model.regroups[1] is not None
    assert all(split.same for split in model.splits[0])
    assert not all(split.same for split in model.splits[1])


def test_the_checker_refuses_a_late_arrival_at_the_regroup() -> None:
    model = build_model(split_morning_together_afternoon())
    result = solve(model.problem, FAST)
    meets = tuple(replace(m, start=m.start - 120) for m in model.problem.meets)
    problem = replace(model.problem, meets=meets)
    rules = {v.rule for v in check_itinerary(problem, result.routes, None, result.options)}
    assert rules == {"regroup"}


def test_the_checker_refuses_an_afternoon_that_leaves_before_lunch_ends() -> None:
    model = build_model(split_morning_together_afternoon())
    result = solve(model.problem, FAST)
    meets = tuple(replace(m, end=m.end + 30) for m in model.problem.meets)
    problem = replace(model.problem, meets=meets)
    violations = check_itinerary(problem, result.routes, None, result.options)
    assert violations
    assert all(v.rule == "regroup" and "leaves" in v.detail for v in violations)


def test_the_checker_refuses_a_member_missing_from_the_regroup() -> None:
    model = build_model(split_morning_together_afternoon())
    meet = model.problem.meets[0]
    crews = list(model.problem.crews)
    crews[meet.afternoon[0]] = crews[meet.afternoon[0]][1:]
    problem = replace(model.problem, crews=tuple(crews))
    options = [model.problem.choices[0].index(meet.morning + meet.afternoon)]
    violations = check_itinerary(problem, initial_middles(problem), None, options)
    assert [v.rule for v in violations] == ["regroup"]
    assert "before" in violations[0].detail


def test_the_checker_refuses_a_morning_tour_ending_away_from_the_regroup() -> None:
    model = build_model(split_morning_together_afternoon())
    meet = model.problem.meets[0]
    tours = list(model.problem.tours)
    tours[meet.morning[0]] = replace(tours[meet.morning[0]], end=tours[meet.morning[0]].start + 1)
    problem = replace(model.problem, tours=tuple(tours))
    options = [model.problem.choices[0].index(meet.morning + meet.afternoon)]
    violations = check_itinerary(problem, initial_middles(problem), None, options)
    assert "regroup" in {v.rule for v in violations}


def half_day(morning: list[tuple[str, ...]], afternoon: list[tuple[str, ...]]) -> DaySplit:
    return DaySplit(
        tuple(Subgroup(f"m{i}", g) for i, g in enumerate(morning)),
        tuple(Subgroup(f"p{i}", g) for i, g in enumerate(afternoon)),
    )


def partition_rules(event: Event, split: DaySplit) -> list[PartitionViolation]:
    days = [(f"12 Feb {half}".strip(), groups) for half, groups in split.halves()]
    return check_partitions(event, days)


def test_check_partitions_counts_subgroups_per_half_day() -> None:
    event = split_morning_together_afternoon()
    ok = half_day([AI, ENERGY], [AI + ENERGY])
    assert partition_rules(event, ok) == []
    three = half_day([AI + ENERGY], [("a1",), ("a2",), ENERGY])
    rules = [
        (v.rule, v.segment) for v in partition_rules(replace(event, subgroup_min_size=1), three)
    ]
    assert rules == [("group_count", "12 Feb afternoon")]


def test_check_partitions_refuses_subgroups_above_the_maximum_size() -> None:
    event = replace(split_morning_together_afternoon(), subgroup_max_size=2)
    assert partition_rules(event, half_day([AI, ENERGY], [AI, ENERGY])) == []
    violations = partition_rules(event, half_day([AI, ENERGY], [AI + ENERGY]))
    assert violations == [PartitionViolation("group_size", "12 Feb afternoon", "p0: 4 > 2")]


def test_check_partitions_applies_together_and_apart_to_each_half() -> None:
    event = replace(
        split_morning_together_afternoon(), together=(("a1", "e1"),), apart=(("a1", "a2"),)
    )
    split = half_day([("a1", "e1"), ("a2", "e2")], [("a1", "a2"), ("e1", "e2")])
    rules = [(v.rule, v.segment) for v in partition_rules(event, split)]
    assert rules == [("together", "12 Feb afternoon"), ("apart", "12 Feb afternoon")]


def test_the_search_keeps_the_maximum_size() -> None:
    event = replace(split_morning_together_afternoon(), subgroup_max_size=2)
    model = build_model(event)
    for candidates in model.splits:  # everyone together (4 > 2) is never offered
        for split in candidates:
            assert all(len(g.members) <= 2 for g in split.morning + split.afternoon)
    schedule, result = plan_itinerary(event, FAST)
    assert result.terms["value"] == 2.0 + 2.0 + 2.0
    assert all(len(a.attendees) <= 2 for a in schedule.assignments if a.group)


def test_the_mission_file_reads_and_checks_the_new_fields(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "min_size: 4" in text
    sized = text.replace("min_size: 4", "min_size: 4\n    max_size: 3", 1)
    path = tmp_path / "mission.yaml"
    path.write_text(sized, encoding="utf-8")
    _, problems = validate_file(path)
    assert [(p.code, p.path) for p in problems] == [("out_of_range", "event.subgroups.max_size")]
    path.write_text(text.replace("min_size: 4", "min_size: 4\n    max_size: 9", 1), "utf-8")
    assert load_event(path).subgroup_max_size == 9


@pytest.mark.parametrize("venue", ["v-nowhere"])
def test_the_mission_file_refuses_an_unknown_lunch_venue(tmp_path: Path, venue: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "lunch: {" in text
    path = tmp_path / "mission.yaml"
    path.write_text(text.replace("lunch: {", f"lunch: {{venue: {venue}, ", 1), "utf-8")
    assert [p.code for p in validate_file(path)[1]] == ["unknown_reference"]


def test_a_half_day_without_visits_does_not_force_a_regroup() -> None:
    """Without the afternoon host, splitting then regrouping is worth no more than staying
    split all day: the plan keeps the morning's split all day and lunch where each is."""
    event = split_morning_together_afternoon()
    event = replace(event, visits=tuple(v for v in event.visits if v.id != "vis-both"))
    model = build_model(event)
    pair = next(
        o for o, split in enumerate(model.splits[0]) if not split.same and len(split.morning) == 2
    )
    forced = solve(model.problem, replace(FAST, max_no_improve=0, time_limit=0.0))
    sol = Solution(model.problem, initial_middles(model.problem), options=[pair])
    sol.insert_all(random.Random(0))
    assert sol.score() == 4.0  # the pair option can make both morning visits
    result = replace(forced, routes=tuple(tuple(m) for m in sol.middles()), options=(pair,))
    kept = whole_days(model, result, FAST)
    [split] = model.chosen(kept.options)
    assert split.same
    assert [g.members for g in split.morning] == [AI, ENERGY]
    assert kept.score == 4.0
    assert check_itinerary(model.problem, kept.routes, kept.score, kept.options) == []
    schedule, planned = plan_itinerary(event, FAST)
    assert planned.terms["regroup_days"] == 0.0
    lunches = [a for a in schedule.assignments if a.id.startswith("lunch-")]
    assert {a.group for a in lunches} == {"group-a", "group-b"}


def test_check_partitions_applies_the_minimum_size_to_each_half() -> None:
    event = split_morning_together_afternoon()  # min_size 2
    split = half_day([AI, ENERGY], [("a1",), ("a2", "e1", "e2")])
    rules = [(v.rule, v.segment, v.detail) for v in partition_rules(event, split)]
    assert rules == [("group_size", "12 Feb afternoon", "p0: 1 < 2")]


def test_the_checker_refuses_a_member_in_the_morning_and_the_afternoon_at_once() -> None:
    model = build_model(split_morning_together_afternoon())
    result = solve(model.problem, FAST)  # split in the morning, together after lunch
    taken = model.problem.choices[0][result.options[0]]
    meet = next(m for m in model.problem.meets if m.morning + m.afternoon == taken)
    tours = list(model.problem.tours)
    for k in meet.afternoon:  # the afternoon leaves at dawn, while the morning is out
        tours[k] = replace(tours[k], open=tours[meet.morning[0]].open)
    problem = replace(model.problem, tours=tuple(tours))
    violations = check_itinerary(problem, result.routes, None, result.options)
    assert {v.rule for v in violations} == {"double_presence", "regroup"}


def test_the_checker_refuses_an_afternoon_visit_in_a_morning_tour() -> None:
    model = build_model(split_morning_together_afternoon())
    problem = model.problem
    meet = problem.meets[0]
    option = problem.choices[0].index(meet.morning + meet.afternoon)
    afternoon_host = model.visit_node["vis-both"]
    routes = initial_middles(problem)
    routes[meet.morning[0]] = [afternoon_host]  # open 14:00-16:00 only: not in a morning
    rules = {v.rule for v in check_itinerary(problem, routes, None, [option])}
    assert rules == {"not_allowed", "window"}


def test_the_new_fields_survive_writing_and_reading_the_mission_file() -> None:
    event = load_event(EXAMPLE)
    legs = (replace(event.legs[0], lunch_venue=event.legs[0].hotel), *event.legs[1:])
    changed = replace(event, legs=legs, subgroup_max_size=9)
    again = parse_event(dumps_event(changed), "mission.yaml")
    assert again.subgroup_max_size == 9
    assert [leg.lunch_venue for leg in again.legs] == [event.legs[0].hotel, None]
    assert again.legs == changed.legs
