"""A meeting of an organization sits at the booth of one of its people when that booth is
free in its slot.

Found walking the app: Fatima owns booth 1; her 09:20 meeting with Marc, booked with her
organization (Atlas Agro, a party of the request), was seated at table 2. The booth was the
person's, the meeting the organization's, so the meeting never learnt of the booth. Now an
organization's participant carries its people's booths (``Participant.booths``): the
seating gives its meetings one of them when free, ``check_schedule`` and the booking check
accept it there, and such a meeting still counts against the shared tables, so the booth
owner's own meetings keep their booth.
"""

from __future__ import annotations

import random
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
    Schedule,
    Session,
    Side,
)
from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    Settings,
    SlotInfo,
    Timetable,
    check_schedule,
)
from liqa.core.scheduling.brokerage import booking as check
from liqa.core.scheduling.brokerage.constraints import tables
from liqa.core.scheduling.brokerage.from_event import event_problem, plan_brokerage
from liqa.core.scheduling.brokerage.seating import assign_tables

TZ = ZoneInfo("Africa/Casablanca")
SETTINGS = Settings(time_limit=10, workers=1)


def at(hh: int, mm: int = 0) -> datetime:
    return datetime(2025, 3, 14, hh, mm, tzinfo=TZ)


def accepted(rid: str, a: str, b: str, start: datetime | None = None) -> MeetingRequest:
    """An accepted request, booked at ``start`` (as the web passes a booking: its start)."""
    return MeetingRequest(rid, a, b, status=RequestStatus.ACCEPTED, fixed_start=start)


def event(*requests: MeetingRequest, tables: int = 3) -> Event:
    """Three 20-minute slots (09:00, 09:20, 09:40). Fatima (Atlas Agro) owns booth 1 and
    Zoe (Nord Trade) booth 3; Youssef is Atlas Agro's other person, without a booth."""
    return Event(
        id="ev",
        kind=EventKind.BROKERAGE,
        title={"en": "B2B"},
        legs=(Leg("l1", "Casablanca", "Africa/Casablanca", date(2025, 3, 14), date(2025, 3, 14)),),
        organizations=(
            Organization("o-atlas", "Atlas Agro", Side.HOST),
            Organization("o-nord", "Nord Trade", Side.HOST),
            Organization("o-visit", "Visitors", Side.DELEGATION),
        ),
        people=(
            Person("p-fatima", "Fatima", "o-atlas", table=1),
            Person("p-youssef", "Youssef", "o-atlas"),
            Person("p-zoe", "Zoe", "o-nord", table=3),
            Person("p-marc", "Marc", "o-visit"),
            Person("p-lena", "Lena", "o-visit"),
            Person("p-omar", "Omar", "o-visit"),
        ),
        requests=requests,
        brokerage=BrokerageSetup(
            venue="v-hall",
            slot_minutes=20,
            tables=tables,
            sessions=(Session("morning", at(9), at(10)),),
        ),
    )


def seated(schedule: Schedule) -> dict[str, tuple[datetime, int | None]]:
    return {a.id: (a.start, a.table) for a in schedule.assignments}


def test_an_organizations_meeting_sits_at_its_persons_booth() -> None:
    """Fatima meets Lena at her booth at 09:00; Atlas Agro's meeting with Marc at 09:20
    sits at her booth too (before: at table 2, the first shared table)."""
    ev = event(
        accepted("r-own", "p-fatima", "p-lena", at(9)),
        accepted("r-atlas", "o-atlas", "p-marc", at(9, 20)),
    )
    schedule, result = plan_brokerage(ev, SETTINGS)
    assert seated(schedule) == {"r-own": (at(9), 1), "r-atlas": (at(9, 20), 1)}
    problem = event_problem(ev)
    assert check_schedule(problem, result.timetable) == []
    assert problem.participant("o-atlas").booths == (1,)
    atlas = next(a for a in schedule.assignments if a.id == "r-atlas")
    assert "p-fatima" in atlas.attendees


def test_the_booth_owners_own_meeting_keeps_the_booth() -> None:
    """Fatima meets Lena at 09:20, when Atlas Agro (Youssef) meets Marc: her meeting takes
    her booth, the organization's a shared table."""
    ev = event(
        accepted("r-atlas", "o-atlas", "p-marc", at(9, 20)),
        accepted("r-own", "p-fatima", "p-lena", at(9, 20)),
    )
    schedule, result = plan_brokerage(ev, SETTINGS)
    assert check_schedule(event_problem(ev), result.timetable) == []
    assert seated(schedule) == {"r-own": (at(9, 20), 1), "r-atlas": (at(9, 20), 2)}


def test_two_meetings_of_the_organization_in_one_slot_one_at_the_booth() -> None:
    ev = event(
        accepted("r-a", "o-atlas", "p-marc", at(9, 20)),
        accepted("r-b", "o-atlas", "p-lena", at(9, 20)),
        accepted("r-own", "p-fatima", "p-omar", at(9)),
        tables=4,
    )
    schedule, result = plan_brokerage(ev, SETTINGS)
    assert check_schedule(event_problem(ev), result.timetable) == []
    assert seated(schedule) == {
        "r-own": (at(9), 1),
        "r-a": (at(9, 20), 1),
        "r-b": (at(9, 20), 2),
    }


def test_the_checker_accepts_the_booth_and_counts_it_against_the_shared_tables() -> None:
    """Tables 1 and 3 are booths, 2 alone is shared. Atlas Agro's meeting may sit at
    Fatima's booth, not at Zoe's; with it at the booth, a second meeting without a booth of
    its own in the slot is one too many for the one shared table (the planner keeps that
    table for the organization's meeting, so that Fatima may take her booth back)."""
    ev = event(
        accepted("r-own", "p-fatima", "p-lena"),
        accepted("r-zoe", "p-zoe", "p-omar"),
        accepted("r-atlas", "o-atlas", "p-marc"),
        accepted("r-visit", "p-lena", "p-omar"),
    )
    problem = event_problem(ev)
    assert tables.shared_tables(problem) == [2]
    assert check_schedule(problem, Timetable((Placement("r-atlas", 1, 1),))) == []
    (wrong,) = check_schedule(problem, Timetable((Placement("r-atlas", 1, 3),)))
    assert (wrong.label, wrong.meetings) == ("tables", ("r-atlas",))
    full = Timetable((Placement("r-atlas", 1, 1), Placement("r-visit", 1, 2)))
    (count,) = check_schedule(problem, full)
    assert (count.label, count.meetings) == ("tables", ("r-atlas", "r-visit"))
    assert "shared" in str(count.message)


def test_a_booking_takes_the_booth_when_free_and_keeps_the_count() -> None:
    """The web books through ``booking.table_for`` and ``booking.broken``: Atlas Agro's
    meeting gets Fatima's booth in a slot where it is free, a shared table where her own
    meeting holds it; a second meeting without a booth is refused once the one shared
    table's place is spoken for."""
    ev = event(
        accepted("r-own", "p-fatima", "p-lena"),
        accepted("r-zoe", "p-zoe", "p-omar"),
        accepted("r-atlas", "o-atlas", "p-marc"),
        accepted("r-visit", "p-lena", "p-omar"),
    )
    problem = event_problem(ev)
    atlas, visit = problem.meeting("r-atlas"), problem.meeting("r-visit")
    board = check.fixed(check.rules(problem), [Placement("r-own", 0, 1)])
    assert check.table_for(board, atlas, 1) == 1
    assert check.broken(board, atlas, 1, 1) == set()
    assert check.table_for(board, atlas, 0) == 2
    booked = check.fixed(
        check.rules(problem), [Placement("r-own", 0, 1), Placement("r-atlas", 1, 1)]
    )
    assert check.table_for(booked, visit, 1) == 2
    assert check.broken(booked, visit, 1, 2) == {"tables"}
    assert check.broken(booked, visit, 2, check.table_for(booked, visit, 2)) == set()


def test_a_replan_keeps_the_booth_of_the_meeting_published_there() -> None:
    """Atlas Agro's r-b sat at Fatima's booth at 09:20; r-a, published at 09:00 at the same
    booth, moves to 09:20: r-b keeps the booth, r-a takes a shared table (before: neither
    could keep a booth, and in id order r-a would take it from r-b)."""
    ev = event(
        accepted("r-a", "o-atlas", "p-marc"),
        accepted("r-b", "o-atlas", "p-lena"),
        accepted("r-own", "p-fatima", "p-omar"),
        tables=4,
    )
    problem = event_problem(ev)
    previous = Timetable((Placement("r-a", 0, 1), Placement("r-b", 1, 1)))
    assert check_schedule(problem, previous) == []
    now = assign_tables(problem, {"r-a": 1, "r-b": 1}, previous).by_meeting()
    assert now["r-b"] == Placement("r-b", 1, 1)
    assert now["r-a"] == Placement("r-a", 1, 2)


def _random_problem(rng: random.Random) -> Problem:
    """Few tables; people with own tables (some sharing one), organizations with booths
    (some another's own table), meetings with attendees."""
    n_slots, n_tables = rng.randint(1, 4), rng.randint(1, 4)
    people = []
    for n in range(rng.randint(2, 7)):
        if rng.random() < 0.4:
            booths = tuple(rng.sample(range(1, n_tables + 2), rng.randint(1, 2)))
            people.append(Participant(f"o{n}", rng.randint(1, 3), booths=booths))
        else:
            table = rng.randint(1, n_tables) if rng.random() < 0.3 else None
            people.append(Participant(f"p{n}", table=table))
    ids = [p.id for p in people]
    meetings = tuple(
        Meeting(
            f"m{n}",
            (a, b),
            attendees=tuple(rng.sample(ids, rng.randint(0, 1))) if rng.random() < 0.2 else (),
        )
        for n in range(rng.randint(1, 8))
        for a, b in [rng.sample(ids, 2)]
    )
    return Problem(
        slots=tuple(SlotInfo("s", "s") for _ in range(n_slots)),
        tables=n_tables,
        participants=tuple(people),
        meetings=meetings,
    )


@pytest.mark.parametrize("seed", range(3))
def test_with_booths_the_booking_check_gives_the_full_checkers_verdict(seed: int) -> None:
    """``booking.broken`` against ``check_schedule`` (tables rules) with organizations'
    booths: at the table ``table_for`` picks, or at any table; and ``table_for`` picks an own
    table, else a free booth of the meeting's organizations, else a free shared table."""
    rng = random.Random(seed)
    verdicts: set[bool] = set()
    for _case in range(1500):
        problem = _random_problem(rng)
        placed = [
            Placement(m.id, rng.randrange(len(problem.slots)), rng.randint(1, problem.tables))
            for m in problem.meetings
            if rng.random() < 0.6
        ]
        board = check.fixed(check.rules(problem), placed)
        meeting = rng.choice(problem.meetings)
        t = rng.randrange(len(problem.slots))
        table = check.table_for(board, meeting, t)
        used = {p.table for p in placed if p.slot == t and p.meeting != meeting.id}
        own = tables.own_table(problem, meeting)
        free = [k for k in tables.booths(problem, meeting) if k not in used]
        if own is not None:
            assert table == own
        elif free:
            assert table == free[0]
        else:
            assert table == next((k for k in tables.shared_tables(problem) if k not in used), None)
        if rng.random() < 0.4:
            table = rng.choice((None, *range(1, problem.tables + 2)))
        others = tuple(p for p in placed if p.meeting != meeting.id)
        trial = Timetable((*others, Placement(meeting.id, t, table)))
        expected = {
            v.label
            for v in check_schedule(problem, trial)
            if meeting.id in v.meetings and v.label == tables.LABEL
        }
        got = check.broken(board, meeting, t, table) & {tables.LABEL}
        assert got == expected, (problem, placed, meeting, t, table)
        verdicts.add(bool(got))
    assert verdicts == {True, False}
