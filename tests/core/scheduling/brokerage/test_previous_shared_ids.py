"""A re-plan takes a previous assignment for a meeting only when it is that meeting: a 1:1
meeting between the request's own parties. Ids are the organizer's free text, so a
programme item, or a stale meeting between other people, may carry a request's id."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from liqa.core.model import Assignment, MeetingFormat, Provenance, Schedule
from liqa.core.scheduling.brokerage import Placement
from liqa.core.scheduling.brokerage.from_event import previous_problem
from tests.core.scheduling.brokerage.test_from_event import accepted, at, event


def _previous(*assignments: Assignment) -> Schedule:
    return Schedule("ev", 1, assignments, Provenance("brokerage/cpsat", datetime.now(UTC)))


def _at(rid: str, start: datetime, parties: tuple[str, ...], **kw: object) -> Assignment:
    end = start + timedelta(minutes=20)
    return Assignment(rid, start, end, "v-hall", parties, parties=parties, **kw)  # type: ignore[arg-type]


EV = event(accepted("r1", "p-amal", "p-bruno"), accepted("r2", "p-amal", "p-chen"))


def test_the_requests_own_meeting_is_kept_and_its_pin_holds() -> None:
    previous = _previous(
        _at("r1", at(9, 20), ("p-bruno", "p-amal"), table=3, pinned=True),  # parties reversed
        _at("r2", at(9), ("p-amal", "p-chen"), table=7),
    )
    problem, kept = previous_problem(EV, previous)
    assert set(kept.placements) == {Placement("r1", 1, 3), Placement("r2", 0, 7)}
    assert problem.meeting("r1").fixed_slot == 1


def test_a_programme_item_with_a_requests_id_is_not_that_meeting() -> None:
    briefing = _at("r1", at(9, 40), ("p-amal", "p-bruno"), format=MeetingFormat.PROGRAMME_ITEM)
    problem, kept = previous_problem(EV, _previous(replace(briefing, pinned=True)))
    assert kept.placements == ()
    assert problem.meeting("r1").fixed_slot is None  # its pin does not fix the meeting


def test_a_stale_meeting_between_other_parties_is_not_that_meeting() -> None:
    stale = _at("r2", at(9, 20), ("p-bruno", "p-chen"), table=2, pinned=True)
    problem, kept = previous_problem(EV, _previous(stale))
    assert kept.placements == ()
    assert problem.meeting("r2").fixed_slot is None
