"""An organization of several people and its people's own meetings share its people.

An organization named as a party may meet in parallel with as many people as it has. Before,
the problem bounded its own meetings by that number but not together with its people's own
meetings, and the schedule listed every one of its people at each of its meetings: with
Visitor's two people, Bruno and Chen, two meetings of Visitor and one of Bruno's own all
took place at nine, and Bruno was booked in three meetings at once. Now the organization
takes one of its places in each of its people's meetings, and each of its meetings is
attended by those of its people who are free then."""

from __future__ import annotations

from dataclasses import replace

from liqa.core.model import Event, MeetingRequest, Person, RequestStatus
from liqa.core.scheduling.brokerage import Placement, Settings, Timetable, check_schedule
from liqa.core.scheduling.brokerage.from_event import event_problem, plan_brokerage
from tests.core.scheduling.brokerage.test_from_event import at, event
from tests.core.scheduling.brokerage.test_sole_member import _double_bookings

VISITORS = {"p-bruno", "p-chen"}  # o-visit's two people


def _accepted(rid: str, a: str, b: str, **kw: object) -> MeetingRequest:
    return MeetingRequest(rid, a, b, status=RequestStatus.ACCEPTED, **kw)  # type: ignore[arg-type]


def _with_hosts(ev: Event, limit: int | None = None) -> Event:
    """``ev`` with three more hosts of their own (each a person of o-host's side)."""
    hosts = tuple(Person(pid, pid[2:].title(), "o-host") for pid in ("p-dana", "p-eli", "p-fay"))
    assert ev.brokerage is not None
    return replace(
        ev,
        people=ev.people + hosts,
        brokerage=replace(ev.brokerage, max_meetings_per_session=limit),
    )


def _schedule_of(ev: Event) -> tuple[list[str], list[list[str]]]:
    schedule, result = plan_brokerage(ev, Settings(time_limit=10, workers=1))
    assert check_schedule(event_problem(ev), result.timetable) == []
    assert _double_bookings(schedule) == []
    placed = sorted(a.id for a in schedule.assignments)
    return placed, [sorted(a.attendees) for a in sorted(schedule.assignments, key=lambda a: a.id)]


def test_the_organization_takes_a_place_in_its_peoples_own_meetings() -> None:
    ev = _with_hosts(
        event(_accepted("r1", "o-visit", "p-dana"), _accepted("r3", "p-bruno", "p-fay")), 3
    )
    problem = event_problem(ev)
    assert "o-visit" in problem.meeting("r3").people
    assert problem.meeting("r3").parties == ("p-bruno", "p-fay")  # as requested
    assert problem.participant("o-visit").capacity == 2
    assert problem.session_limit("o-visit") == 6  # its two people, three each
    assert problem.session_limit("p-bruno") == 3


def test_an_organization_that_is_no_party_is_left_out() -> None:
    ev = _with_hosts(event(_accepted("r3", "p-bruno", "p-fay")))
    problem = event_problem(ev)
    assert problem.meeting("r3").people == ("p-bruno", "p-fay")
    assert "o-visit" not in {p.id for p in problem.participants}


def test_two_of_its_meetings_and_one_of_its_persons_never_share_a_slot() -> None:
    at_nine = {"fixed_start": at(9)}
    ev = _with_hosts(
        event(
            _accepted("r1", "o-visit", "p-dana", **at_nine),
            _accepted("r2", "o-visit", "p-eli", **at_nine),
            _accepted("r3", "p-bruno", "p-fay", **at_nine),
        )
    )
    placed, _attendees = _schedule_of(ev)
    assert len(placed) == 2  # two people: two meetings at nine, not three


def test_each_of_its_meetings_gets_one_of_its_free_people() -> None:
    ev = _with_hosts(
        event(
            _accepted("r1", "o-visit", "p-dana"),
            _accepted("r2", "o-visit", "p-eli"),
            _accepted("r3", "p-bruno", "p-fay"),
        )
    )
    placed, attendees = _schedule_of(ev)
    assert placed == ["r1", "r2", "r3"]
    assert all(VISITORS & set(who) for who in attendees)


def test_its_meeting_beside_its_persons_own_goes_to_the_other_person() -> None:
    at_nine = {"fixed_start": at(9)}
    ev = _with_hosts(
        event(
            _accepted("r1", "o-visit", "p-dana", **at_nine),
            _accepted("r3", "p-bruno", "p-fay", **at_nine),
        )
    )
    placed, attendees = _schedule_of(ev)
    assert placed == ["r1", "r3"]
    assert attendees == [["p-chen", "p-dana"], ["p-bruno", "p-fay"]]


def test_its_people_together_keep_to_the_session_limit() -> None:
    ev = _with_hosts(
        event(
            _accepted("r1", "o-visit", "p-dana"),
            _accepted("r2", "o-visit", "p-eli"),
            _accepted("r3", "p-bruno", "p-fay"),
        ),
        limit=1,
    )
    placed, attendees = _schedule_of(ev)
    assert len(placed) == 2  # one meeting each for Bruno and Chen
    assert sorted(who for meeting in attendees for who in meeting if who in VISITORS) == sorted(
        VISITORS
    )


def test_with_a_limit_one_person_goes_to_each_of_its_meetings() -> None:
    ev = _with_hosts(
        event(_accepted("r1", "o-visit", "p-dana"), _accepted("r2", "o-visit", "p-eli")), 1
    )
    placed, attendees = _schedule_of(ev)
    assert placed == ["r1", "r2"]
    assert [sorted(VISITORS & set(who)) for who in attendees] in (
        [["p-bruno"], ["p-chen"]],
        [["p-chen"], ["p-bruno"]],
    )


def _with_visitor_meetings_at(hh: int, mm: int) -> Event:
    """Visitor meeting Dana and Eli, both fixed at ``hh:mm``."""
    when = {"fixed_start": at(hh, mm)}
    return _with_hosts(
        event(
            _accepted("r1", "o-visit", "p-dana", **when),
            _accepted("r2", "o-visit", "p-eli", **when),
        )
    )


def test_its_places_in_a_slot_are_its_people_available_then() -> None:
    # Chen is there 9:00-9:40 only: at 9:40 (slot 2) Visitor has one person, Bruno
    problem = event_problem(_with_visitor_meetings_at(9, 40))
    visitor = problem.participant("o-visit")
    assert visitor.capacity == 2
    assert visitor.reduced == ((2, 1),)
    assert [visitor.capacity_at(t) for t in range(3)] == [2, 2, 1]
    assert visitor.unavailable == frozenset()


def test_with_one_of_its_two_people_away_it_holds_one_meeting_then() -> None:
    engines = {  # the model, the greedy baseline, the large-event search (and its anneal)
        "cpsat": Settings(time_limit=10, workers=1),
        "greedy": Settings(time_limit=10, workers=1, method="greedy"),
        "large": Settings(time_limit=5, workers=1, large_above=1),
    }
    for engine, settings in engines.items():
        ev = _with_visitor_meetings_at(9, 40)
        schedule, result = plan_brokerage(ev, settings)
        assert check_schedule(event_problem(ev), result.timetable) == []
        assert _double_bookings(schedule) == [], engine
        assert len(schedule.assignments) == 1, engine  # Bruno's, not Bruno twice
        assert VISITORS & set(schedule.assignments[0].attendees) == {"p-bruno"}
        assert [u.meeting for u in result.unplaced] in (["r1"], ["r2"])


def test_two_of_its_meetings_while_one_of_its_people_is_away_are_a_violation() -> None:
    ev = _with_visitor_meetings_at(9, 0)  # fixed at nine: both fit then
    problem = event_problem(ev)
    both_at_940 = Timetable((Placement("r1", 2, 1), Placement("r2", 2, 2)))
    found = [v for v in check_schedule(problem, both_at_940) if v.label == "overlap"]
    assert len(found) == 1
    assert "(can attend 1)" in str(found[0].message)
    both_at_nine = Timetable((Placement("r1", 0, 1), Placement("r2", 0, 2)))
    assert [v for v in check_schedule(problem, both_at_nine) if v.label == "overlap"] == []
