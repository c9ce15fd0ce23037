"""Subgroup ids are consecutive letters, ``group-a`` first, in the order the plan uses its
subgroups (the search's own names skipped letters: ``group-b`` then ``group-d``, or showed
``group-d`` and ``group-e`` when the mission-wide split went unused); people read a
subgroup by its label ("subgroup A"), never by its id; and schedules saved with the old
ids still read, print and re-plan with their ids kept."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.model import Assignment, Event, MeetingFormat, Schedule
from liqa.core.outputs.labels import subgroup_label, subgroup_words
from liqa.core.outputs.planfile import read_plan, write_plan
from liqa.core.problems import message_from_json, message_json, translated
from liqa.core.scheduling.itinerary import plan_itinerary, render_itinerary, replan
from liqa.core.scheduling.itinerary.groups import EVERYONE, subgroup_id, subgroup_letters
from liqa.core.scheduling.itinerary.mission import build_model, renamed
from liqa.core.scheduling.itinerary.plan import ids_by_use
from liqa.core.scheduling.itinerary.problem import Result
from liqa.core.scheduling.itinerary.replan import previous_groups
from liqa.core.scheduling.planning import PlanSettings
from liqa.core.scheduling.replanning import replan_event
from tests.core.scheduling.itinerary.factories import hou, two_days, visit, window
from tests.core.scheduling.itinerary.test_partitions import (
    AI,
    ENERGY,
    FAST,
    groups_by_day,
    split_then_together,
)


def three_themes() -> Event:
    """Three pairs of delegates (AI, energy, health), up to three subgroups; on the 12th an
    AI-and-health host and an energy host open at the same hour: the plan takes a split in
    two (AI with one health delegate, energy with the other), not the mission-wide split in
    three (one pair per theme), which the search names first."""
    morning = window(hou(12, 10), hou(12, 12))
    visits = [
        visit("vis-aih", "h-health", ("ai", "health"), *morning),
        visit("vis-en", "h-energy", ("energy",), *morning),
    ]
    people: dict[str, tuple[str, ...]] = {
        "ai": ("a1", "a2"),
        "energy": ("e1", "e2"),
        "health": ("h1", "h2"),
    }
    return two_days(visits, people, subgroups=3)


def test_the_searchs_candidate_subgroups_take_the_next_letters_without_skipping() -> None:
    model = build_model(three_themes())
    ids = [g.id for g in model.groups]
    assert EVERYONE in ids
    # the mission-wide split's a, b, c, then everyone, then d, e, … (it went on at e)
    assert [g for g in ids if g != EVERYONE] == [subgroup_id(n) for n in range(len(ids) - 1)]
    assert len(ids) == 11


def test_the_plan_names_the_subgroups_it_uses_a_and_b_whatever_the_search_called_them() -> None:
    event = three_themes()
    search_names = {g.members: g.id for g in build_model(event).groups}
    assert search_names[("a1", "a2", "h1")] == "group-d"  # the two-way split comes after
    for _ in range(2):  # the same mission, the same names
        schedule, _ = plan_itinerary(event, FAST)
        visits = {
            a.id: (a.group, a.attendees)
            for a in schedule.assignments
            if a.format is MeetingFormat.SITE_VISIT
        }
        assert visits == {
            "vis-aih": ("group-a", ("a1", "a2", "h1")),
            "vis-en": ("group-b", ("e1", "e2", "h2")),
        }
        lunches = sorted(a.id for a in schedule.assignments if a.id.startswith("lunch-"))
        assert lunches == ["lunch-2024-02-12-group-a", "lunch-2024-02-12-group-b"]
    text = render_itinerary(event, schedule)
    assert "  subgroup A: Delegate a1, Delegate a2, Delegate h1\n" in text
    assert "  subgroup B: Delegate e1, Delegate e2, Delegate h2\n" in text
    assert "group-" not in text


def test_ids_follow_the_days_the_plan_uses_them_then_the_unused_ones() -> None:
    model = build_model(three_themes())
    problem = model.problem
    # the 12th in two subgroups (the search's d and e), the 13th in three (a, b, c)
    two_way = next(
        o for o, split in enumerate(model.splits[0]) if len(split.morning) == 2 and split.same
    )
    options = tuple(two_way if c == model.choice_of[0] else 0 for c in range(len(problem.choices)))
    active = problem.active_tours(options)
    routes = tuple((problem.sites[0],) if on else () for on in active)
    result = Result(routes=routes, score=0.0, method="test", seconds=0.0, options=options)
    ids = ids_by_use(model, result)
    assert [ids[g] for g in ("group-d", "group-e", "group-a", "group-b", "group-c")] == [
        "group-a",
        "group-b",
        "group-c",
        "group-d",
        "group-e",
    ]
    assert EVERYONE not in ids
    assert sorted(ids.values()) == sorted(ids)  # one to one: no two subgroups share an id
    named = renamed(model, ids)
    chosen = [[g.id for g in split.morning] for split in named.chosen(options)]
    assert chosen == [["group-a", "group-b"], ["group-c", "group-d", "group-e"]]
    for tour, info in zip(named.problem.tours, named.tours, strict=True):
        assert tour.label.endswith(f" {info.group.id}")
    assert [g.members for g in named.groups] == [g.members for g in model.groups]


@pytest.mark.parametrize(
    ("group", "words"),
    [
        ("group-a", "subgroup A"),
        ("group-d", "subgroup D"),
        ("group-aa", "subgroup AA"),
        ("all", "the whole delegation"),
        ("group-a-group-b-others", "the other members"),  # as earlier re-plans named them
        ("vip-team", "vip-team"),  # a split a caller fixed, named by them
    ],
)
def test_a_subgroup_reads_as_its_label(group: str, words: str) -> None:
    assert subgroup_label(group, "en") == words


def test_subgroup_labels_are_translated_and_keep_through_storage() -> None:
    assert subgroup_label("all", "fr") == "toute la délégation"
    assert subgroup_label("all", "ar") == "الوفد بأكمله"
    assert subgroup_letters("group-b") == "b"
    assert subgroup_letters("all") is subgroup_letters("group-1") is None
    words = subgroup_words("group-c")
    kept = message_from_json(words, json.loads(json.dumps(message_json(words))))
    assert translated(kept, translator("en").gettext, "en") == "subgroup C"


def _with_ids(schedule: Schedule, ids: dict[str, str]) -> Schedule:
    """``schedule`` with its subgroups (and their lunches) named by ``ids``."""

    def one(a: Assignment) -> Assignment:
        if a.group is None or a.group not in ids:
            return a
        new = ids[a.group]
        key = a.id.removesuffix(a.group) + new if a.id.startswith("lunch-") else a.id
        return replace(a, id=key, group=new)

    return replace(schedule, assignments=tuple(one(a) for a in schedule.assignments))


OLD_IDS = {"group-a": "group-b", "group-b": "group-d"}
"""How the search named a split of the delegation before (letters skipped)."""


def test_a_schedule_saved_with_the_old_ids_prints_labels_and_replans_with_its_ids(
    tmp_path: Path,
) -> None:
    event = split_then_together()
    planned, _ = plan_itinerary(event, FAST)
    mission = tmp_path / "mission.yaml"
    mission.write_text("id: two-days\n", encoding="utf-8")
    path = write_plan(tmp_path / "plan.json", event, _with_ids(planned, OLD_IDS), mission)
    old = read_plan(path, event).schedule
    assert groups_by_day(old)[date(2024, 2, 12)] == {("group-b", AI), ("group-d", ENERGY)}
    text = render_itinerary(event, old)
    assert "  subgroup B: Delegate a1, Delegate a2\n  subgroup D: Delegate e1, Delegate e2\n" in (
        text
    )
    assert "group-" not in text
    changed = replace(event, visits=tuple(v for v in event.visits if v.id != "vis-ai-pm"))
    after, _, diff = replan(changed, old)
    assert groups_by_day(after) == {
        date(2024, 2, 12): {("group-b", AI), ("group-d", ENERGY)},
        date(2024, 2, 13): {("all", AI + ENERGY)},
    }
    assert all(change.moved == change.added == () for change in diff.values())
    report = replan_event(changed, old, PlanSettings(lang="en")).report
    assert "subgroup D: Delegate e1, Delegate e2" in report
    assert "group-d" not in report


def test_members_a_day_left_free_form_the_next_free_letter_on_a_replan() -> None:
    event = split_then_together()
    planned, _ = plan_itinerary(event, FAST)
    # the energy pair's visit and lunch on the 12th are gone; the AI pair is the old group-b
    kept = replace(
        planned, assignments=tuple(a for a in planned.assignments if a.group != "group-b")
    )
    old = _with_ids(kept, {"group-a": "group-b"})
    splits = previous_groups(event, old)
    [twelfth] = [split for key, split in splits.by_segment.items() if key[0] == date(2024, 2, 12)]
    # the energy pair travels as one more subgroup, named by the first letter left (it was
    # "group-b-others" before)
    assert [(g.id, g.members) for g in twelfth] == [("group-a", ENERGY), ("group-b", AI)]
