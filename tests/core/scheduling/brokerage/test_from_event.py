"""The adapter between a domain brokerage Event and the scheduler."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from liqa.core.model import (
    BrokerageSetup,
    Event,
    EventKind,
    Leg,
    MeetingRequest,
    Organization,
    Person,
    RequestStatus,
    Session,
    Side,
    TimeWindow,
    Unplaced,
)
from liqa.core.problems import InputError
from liqa.core.scheduling.brokerage import Placement, Settings, Timetable, check_schedule
from liqa.core.scheduling.brokerage.from_event import event_problem, plan_brokerage

TZ = ZoneInfo("Africa/Casablanca")


def at(hh: int, mm: int = 0) -> datetime:
    return datetime(2025, 3, 14, hh, mm, tzinfo=TZ)


def event(*requests: MeetingRequest) -> Event:
    people = (
        Person("p-amal", "Amal", "o-host", table=7),
        Person("p-bruno", "Bruno", "o-visit"),
        Person("p-chen", "Chen", "o-visit", availability=(TimeWindow(at(9), at(9, 40)),)),
    )
    return Event(
        id="ev",
        kind=EventKind.BROKERAGE,
        title={"en": "B2B"},
        legs=(Leg("l1", "Casablanca", "Africa/Casablanca", date(2025, 3, 14), date(2025, 3, 14)),),
        organizations=(
            Organization("o-host", "Host", Side.HOST),
            Organization("o-visit", "Visitor", Side.DELEGATION),
        ),
        people=people,
        requests=requests,
        brokerage=BrokerageSetup(
            venue="v-hall",
            slot_minutes=20,
            tables=8,
            sessions=(Session("morning", at(9), at(10)),),
        ),
    )


def accepted(rid: str, a: str, b: str, **kw: object) -> MeetingRequest:
    return MeetingRequest(rid, a, b, status=RequestStatus.ACCEPTED, **kw)  # type: ignore[arg-type]


def test_plan_brokerage_places_accepted_requests_with_their_ids() -> None:
    ev = event(
        accepted("r1", "p-amal", "p-bruno"),
        accepted("r2", "p-amal", "p-chen"),
        MeetingRequest("r3", "p-bruno", "p-chen"),  # only proposed: not scheduled
    )
    schedule, result = plan_brokerage(ev, Settings(time_limit=20, workers=1))
    assert check_schedule(event_problem(ev), result.timetable) == []
    assert result.status == "optimal"
    assert sorted(a.id for a in schedule.assignments) == ["r1", "r2"]
    assert {a.table for a in schedule.assignments} == {7}
    assert all(a.start.tzinfo is not None for a in schedule.assignments)
    chen = schedule.for_person("p-chen")[0]
    assert chen.end <= at(9, 40)
    assert schedule.provenance.objective["breaks"] == 0.0


def test_plan_brokerage_unplaced_request_carries_reason_and_blockers() -> None:
    ev = event(
        accepted("r1", "p-amal", "p-chen", priority=3),
        accepted("r2", "p-bruno", "p-chen", priority=1),
        accepted("r3", "p-bruno", "p-chen", priority=1, fixed_start=at(9, 40)),
    )
    schedule, _ = plan_brokerage(ev, Settings(time_limit=20, workers=1))
    assert sorted(a.id for a in schedule.assignments) == ["r1", "r2"]
    assert schedule.unplaced == (
        Unplaced(
            "r3", "no_common_slot", "Bruno and Chen have no slot in common where all can attend"
        ),
    )


def test_explanations_name_people_meetings_and_slots_as_people_know_them() -> None:
    ev = event(
        accepted("r1", "p-bruno", "p-chen", fixed_start=at(9, 20)),
        accepted("r2", "p-amal", "p-bruno", session="morning"),
    )
    problem = event_problem(ev)
    assert problem.label("p-bruno") == "Bruno"
    assert problem.label("r1") == "Bruno – Chen"
    # English times as Babel writes them (a narrow no-break space before AM)
    assert problem.slot_labels == ("9:00\u202fAM", "9:20\u202fAM", "9:40\u202fAM")
    clash = Timetable((Placement("r1", 1, 1), Placement("r2", 1, 7)))
    (overlap,) = check_schedule(problem, clash)
    assert overlap.message == "Bruno is in 2 meetings in slot 9:20\u202fAM (can attend 1)"
    moved = Timetable((Placement("r1", 0, 1), Placement("r2", 1, 7)))
    (fixed,) = check_schedule(problem, moved)
    assert fixed.message == (
        "meeting Bruno – Chen is fixed at slot 9:20\u202fAM, placed at 9:00\u202fAM"
    )


def test_event_problem_rejects_a_fixed_start_between_slots() -> None:
    ev = event(accepted("r1", "p-amal", "p-bruno", fixed_start=at(9, 10)))
    with pytest.raises(InputError) as err:
        event_problem(ev)
    assert err.value.problems[0].path == "requests[0].fixed_start"
