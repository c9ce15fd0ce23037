"""Planning a trade mission: time zones, validity, subgroups, reasons for visits not made."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from liqa.core.model import CandidateVisit, MeetingFormat, Schedule, Venue
from liqa.core.problems import InputError
from liqa.core.scheduling.itinerary import Settings, plan_itinerary, render_itinerary
from liqa.core.scheduling.itinerary.mission import build_model
from liqa.core.scheduling.reasons import reason_words
from tests.core.scheduling.itinerary.factories import CHICAGO, hou, mission, sj, window

FAST = Settings(time_limit=5.0, max_no_improve=150)


def assert_no_double_presence(schedule: Schedule) -> None:
    people = {pid for a in schedule.assignments for pid in a.attendees}
    for pid in people:
        mine = [
            a
            for a in schedule.for_person(pid)
            if a.format is not MeetingFormat.PROGRAMME_ITEM or a.id.startswith("lunch-")
        ]
        for before, after in itertools.pairwise(mine):
            assert before.end + timedelta(minutes=after.travel_minutes_before) <= after.start


def test_visits_at_ten_local_in_houston_and_san_jose_are_two_hours_apart_in_utc() -> None:
    visits = [
        CandidateVisit(
            "vis-hou",
            "h-space",
            "v-h-space",
            duration_minutes=75,
            windows=window(hou(15, 10), hou(15, 11, 15)),
        ),
        CandidateVisit(
            "vis-sj",
            "h-chips",
            "v-h-chips",
            duration_minutes=75,
            windows=window(sj(15, 10), sj(15, 11, 15)),
        ),
    ]
    event = mission(visits=visits)
    model = build_model(event)
    assert model.minutes(sj(15, 10)) - model.minutes(hou(15, 10)) == 120
    # Houston on the 14th instead (the flight leaves on the 15th): one day and two hours.
    event = mission(
        visits=[replace(visits[0], windows=window(hou(14, 10), hou(14, 11, 15))), visits[1]]
    )
    schedule, result = plan_itinerary(event, FAST)
    starts = {a.id: a.start for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT}
    assert starts == {"vis-hou": hou(14, 10), "vis-sj": sj(15, 10)}
    assert starts["vis-sj"].astimezone(UTC) - starts["vis-hou"].astimezone(UTC) == timedelta(
        days=1, hours=2
    )
    text = render_itinerary(event, schedule)
    assert "10:00\u202fAM–11:15\u202fAM CST  Visit h-space at Office of h-space (vis-hou)" in text
    assert "10:00\u202fAM–11:15\u202fAM PST  Visit h-chips at Office of h-chips (vis-sj)" in text
    # Priority 1 x (2 delegates sharing "ai" + 4 others at a quarter each), twice.
    assert result.score == 2 * (2 * 1.0 + 4 * 0.25)


def test_plan_itinerary_places_every_visit_with_lunch_and_travel_respected() -> None:
    event = mission()
    schedule, result = plan_itinerary(event, FAST)
    visits = [a for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT]
    assert sorted(a.id for a in visits) == sorted(v.id for v in event.visits)
    assert schedule.unplaced == ()
    assert {a.attendees for a in visits} == {tuple(p.id for p in event.people)}
    visit_days = {a.start.astimezone(hou(12, 0).tzinfo).date() for a in visits}
    lunch_days = {
        a.start.astimezone(hou(12, 0).tzinfo).date()
        for a in schedule.assignments
        if a.id.startswith("lunch-")
    }
    assert visit_days == lunch_days
    assert_no_double_presence(schedule)
    assert result.terms["visits"] == 11.0
    assert result.bound is not None
    assert result.bound >= result.score


def test_plan_itinerary_explains_each_visit_it_cannot_make() -> None:
    far = Venue(
        "v-ny", "New York office", "New York", "America/New_York", latitude=40.71, longitude=-74.0
    )
    visits = [
        CandidateVisit("vis-ok", "h-port", "v-h-port", duration_minutes=60),
        CandidateVisit(
            "vis-sunday",
            "h-city",
            "v-h-city",
            duration_minutes=60,
            windows=window(hou(18, 9), hou(18, 17)),
        ),
        CandidateVisit("vis-small", "h-energy", "v-h-energy", duration_minutes=60, max_visitors=4),
        CandidateVisit("vis-ny", "h-uni", "v-ny", duration_minutes=60),
        CandidateVisit(
            "vis-short",
            "h-health",
            "v-h-health",
            duration_minutes=90,
            windows=window(hou(13, 10), hou(13, 11)),
        ),
    ]
    event = mission(visits=visits)
    event = replace(event, venues=(*event.venues, far))
    schedule, _ = plan_itinerary(event, FAST)
    assert [(u.id, u.reason) for u in schedule.unplaced] == [
        ("vis-sunday", "outside_windows"),
        ("vis-small", "capacity"),
        ("vis-ny", "too_far"),
        ("vis-short", "outside_windows"),
    ]
    assert [a.id for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT] == [
        "vis-ok"
    ]
    lines = render_itinerary(event, schedule).splitlines()
    host = event.organization("h-uni").name
    assert any(line.startswith(f"  - {host} (vis-ny): out of reach in time — ") for line in lines)


def test_plan_itinerary_keeps_required_attendees_and_together_rules_in_subgroups() -> None:
    event = mission(subgroups=2)
    needs_p4 = replace(event.visits[0], required_attendees=("p4",), max_visitors=3)
    event = replace(
        event, visits=(needs_p4, *event.visits[1:]), together=(("p0", "p3"),), apart=(("p1", "p4"),)
    )
    schedule, _ = plan_itinerary(event, FAST)
    groups = {a.group: set(a.attendees) for a in schedule.assignments if a.group}
    assert any({"p0", "p3"} <= members for members in groups.values())
    assert not any({"p1", "p4"} <= members for members in groups.values())
    visit = next((a for a in schedule.assignments if a.id == needs_p4.id), None)
    if visit is not None:
        assert "p4" in visit.attendees
        assert len(visit.attendees) <= 3
    else:
        assert [u.id for u in schedule.unplaced] == [needs_p4.id]
    assert_no_double_presence(schedule)


def test_plan_itinerary_makes_no_visit_during_the_flight() -> None:
    schedule, _ = plan_itinerary(mission(), FAST)
    takeoff, landing = hou(15, 7), sj(15, 9)
    visits = [a for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT]
    assert all(a.end <= takeoff or a.start >= landing for a in visits)


def test_build_model_names_a_leg_without_hotel() -> None:
    event = mission()
    event = replace(event, legs=(replace(event.legs[0], hotel=None), event.legs[1]))
    with pytest.raises(InputError) as caught:
        build_model(event)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("legs[0].hotel", "leg 'houston' has no hotel")
    ]


DEMO = Path(__file__).resolve().parents[4] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


@pytest.mark.skipif(not DEMO.exists(), reason="demo mission not present")
def test_demo_mission_itinerary_is_valid_and_printed_in_local_time() -> None:
    from liqa.core.missionfile import load_event

    event = load_event(DEMO)
    schedule, result = plan_itinerary(event, Settings(time_limit=3.0, max_no_improve=100))
    assert result.missing_required == ()
    assert_no_double_presence(schedule)
    made = {a.id for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT}
    assert made | {u.id for u in schedule.unplaced} == {v.id for v in event.visits}
    assert made.isdisjoint(u.id for u in schedule.unplaced)
    assert {u.reason for u in schedule.unplaced} <= {
        "outside_windows",
        "too_far",
        "capacity",
        "lower_value",
    }
    text = render_itinerary(event, schedule)
    houston = text.index("Monday, February 12, 2024: Houston (America/Chicago)")
    valley = text.index("Monday, February 19, 2024: Silicon Valley (America/Los_Angeles)")
    assert houston < text.index("arrives 11:20\u202fAM PST") < valley
    assert " CST  " in text[houston:valley]
    assert " CST  " not in text[valley:]
    assert all(f" ({u.id}): {reason_words(u.reason)} — " in text for u in schedule.unplaced)


def test_a_member_away_for_a_day_attends_no_visit_that_day() -> None:
    event = mission()
    away = replace(
        event.people[1],
        availability=window(hou(12, 0), hou(13, 0)) + window(hou(14, 0), sj(17, 0)),
    )
    only_13th = replace(event.visits[1], windows=window(hou(13, 9), hou(13, 17)))
    event = replace(
        event,
        people=(event.people[0], away, *event.people[2:]),
        visits=(event.visits[0], only_13th, *event.visits[2:]),
    )
    schedule, _ = plan_itinerary(event, FAST)
    visit = next(a for a in schedule.assignments if a.id == only_13th.id)
    assert visit.attendees == ("p0", "p2", "p3", "p4", "p5")
    on_13th = [a for a in schedule.assignments if a.start.astimezone(CHICAGO).day == 13]
    assert [a.id for a in on_13th if "p1" in a.attendees] == []


def test_required_visit_that_cannot_fit_is_reported_missing_with_its_reason() -> None:
    event = mission()
    impossible = CandidateVisit(
        "vis-weekend",
        "h-port",
        "v-h-port",
        duration_minutes=60,
        required=True,
        windows=window(hou(18, 9), hou(18, 12)),
    )
    event = replace(event, visits=(*event.visits, impossible))
    schedule, result = plan_itinerary(event, FAST)
    model = build_model(event)
    assert result.missing_required == (model.visit_node["vis-weekend"],)
    assert schedule.provenance.status == "missing required visits"
    assert [(u.id, u.reason) for u in schedule.unplaced] == [("vis-weekend", "outside_windows")]


def test_required_visit_wins_its_slot_over_a_more_valuable_one() -> None:
    slot = window(hou(13, 10), hou(13, 12))  # 90 minutes: one start between 10:00 and 10:30
    visits = [
        CandidateVisit(
            "vis-big", "h-space", "v-h-space", duration_minutes=90, priority=3, windows=slot
        ),
        CandidateVisit(
            "vis-must",
            "h-port",
            "v-h-port",
            duration_minutes=90,
            priority=1,
            required=True,
            windows=slot,
        ),
    ]
    schedule, result = plan_itinerary(mission(visits=visits), FAST)
    assert [a.id for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT] == [
        "vis-must"
    ]
    assert result.missing_required == ()
    assert [(u.id, u.reason) for u in schedule.unplaced] == [("vis-big", "lower_value")]


def test_a_day_where_only_part_of_the_delegation_has_plans_names_that_subgroup() -> None:
    event = mission()
    schedule, _ = plan_itinerary(event, FAST)
    visit = next(a for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT)
    few = visit.attendees[:2]
    day = visit.start.date()
    narrowed = replace(
        schedule,
        assignments=tuple(
            replace(a, group="group-x", attendees=few)
            if a.group is not None and a.start.date() == day
            else a
            for a in schedule.assignments
        ),
    )
    names = {p.id: p.name for p in event.people}
    text = render_itinerary(event, narrowed)
    assert f"  subgroup X: {', '.join(names[pid] for pid in few)}" in text
    whole = render_itinerary(event, schedule)
    assert "  the whole delegation: " not in whole  # everyone together: no list
