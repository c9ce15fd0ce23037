"""An organization of one person is that person: its meetings are theirs too.

The problem built from the event made such an organization a participant of its own, so its
meetings could take place at the same time as its one person's own (the brokerage-day
example's plan put Claire Bonnet, Hexagone Trust's only person, in r-058 and r-133 at 09:40,
four such double bookings in all). Now the person takes part in the organization's meetings
as themselves: one meeting at a time, their availability, their table."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from liqa.core.missionfile import load_event
from liqa.core.model import MeetingRequest, RequestStatus, Schedule
from liqa.core.scheduling.brokerage import Settings, check_schedule
from liqa.core.scheduling.brokerage.from_event import event_problem, plan_brokerage
from tests.core.scheduling.brokerage.test_from_event import at, event

EXAMPLE = Path(__file__).resolve().parents[4] / "examples" / "brokerage-day" / "mission.yaml"


def _accepted(rid: str, a: str, b: str, **kw: object) -> MeetingRequest:
    return MeetingRequest(rid, a, b, status=RequestStatus.ACCEPTED, **kw)  # type: ignore[arg-type]


def _double_bookings(schedule: Schedule) -> list[tuple[str, str, str]]:
    by_person: dict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)
    for a in schedule.assignments:
        for person in a.attendees:
            by_person[person].append((a.start, a.end, a.id))
    found = []
    for person, items in by_person.items():
        items.sort()
        for (_, end, first), (start, _, second) in pairwise(items):
            if start < end:
                found.append((person, first, second))
    return found


def test_the_one_person_of_an_organization_takes_part_in_its_meetings() -> None:
    ev = event(_accepted("r1", "p-bruno", "o-host"), _accepted("r2", "p-chen", "p-amal"))
    problem = event_problem(ev)
    assert "p-amal" in problem.meeting("r1").people  # o-host's one person
    assert "p-amal" not in problem.meeting("r1").parties  # the parties are as requested


def test_her_organizations_meeting_and_her_own_never_share_a_slot() -> None:
    both_at_nine = {"fixed_start": at(9)}
    ev = event(
        _accepted("r1", "p-bruno", "o-host", **both_at_nine),
        _accepted("r2", "p-chen", "p-amal", **both_at_nine),
    )
    schedule, result = plan_brokerage(ev, Settings(time_limit=10, workers=1))
    assert check_schedule(event_problem(ev), result.timetable) == []
    assert _double_bookings(schedule) == []
    assert len(schedule.assignments) == 1  # the other cannot take place at nine
    assert [u.id for u in schedule.unplaced] in (["r1"], ["r2"])


def test_the_organizations_meeting_sits_at_its_persons_table() -> None:
    ev = event(_accepted("r1", "p-bruno", "o-host"))
    schedule, _result = plan_brokerage(ev, Settings(time_limit=10, workers=1))
    assert [(a.id, a.table) for a in schedule.assignments] == [("r1", 7)]  # Amal's table


def test_the_brokerage_day_example_books_no_one_twice() -> None:
    ev = load_event(EXAMPLE)
    schedule, result = plan_brokerage(ev, Settings(time_limit=5, workers=2))
    assert check_schedule(event_problem(ev), result.timetable) == []
    assert _double_bookings(schedule) == []
