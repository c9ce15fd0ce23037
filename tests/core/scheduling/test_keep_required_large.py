"""Keep mode on events large enough for the large-instance search (more meeting-slot pairs
than ``Settings.large_above``): the search and the fresh greedy place ``required`` meetings
first, never move them, and release (with words and blockers, as the CP-SAT path says it)
the fewest when a meeting the problem needs finds no room. Every result goes through
``check_schedule``."""

from __future__ import annotations

import dataclasses

from liqa.core.scheduling.brokerage import Settings, check_schedule, greedy, solve
from liqa.core.scheduling.brokerage.generate import generate
from liqa.core.scheduling.brokerage.lns import large_enough
from liqa.core.scheduling.brokerage.problem import Problem, Result, Status, Timetable
from liqa.core.scheduling.brokerage.release import relaxed
from liqa.core.scheduling.brokerage.replan import keep_in_place, replan
from tests.core.scheduling.large_events import NEW, published, with_new_meeting

QUICK = Settings(time_limit=2.0, workers=1)


def assert_kept_or_released(problem: Problem, previous: Timetable, result: Result) -> None:
    """Valid; every published meeting is in its slot and table or released with words,
    its place now going to the new meeting."""
    assert result.status == Status.FEASIBLE
    assert check_schedule(problem, result.timetable) == []
    released = {r.meeting for r in result.released}
    assert released
    assert all(r.blocking == (NEW,) and NEW in str(r.detail) for r in result.released)
    _, kept = keep_in_place(problem, previous)
    stay, _ = keep_in_place(problem, previous, kept - released)
    assert check_schedule(stay, result.timetable) == []
    before = previous.by_meeting()
    assert all(r.slot == before[r.meeting].slot for r in result.released)
    assert NEW in result.timetable.by_meeting()


def test_keep_replan_of_a_large_event_releases_a_meeting_for_the_new_one() -> None:
    """Before: the re-plan built the whole model, found nothing in time and came back
    ``unknown`` with no meeting at all and nothing released."""
    problem, previous = with_new_meeting()
    result, changes = replan(problem, previous, QUICK, keep_published=True)
    assert result.method == "lns"
    assert_kept_or_released(problem, previous, result)
    assert result.objective["changes"] == len(result.released)
    assert NEW in changes.added


def test_large_search_releases_a_kept_meeting_for_a_meeting_the_problem_requires() -> None:
    """The large-instance search itself on the kept-in-place problem: the new meeting is
    placed by releasing kept meetings, listed with why (before: ``unknown``, the new
    meeting out, nothing released). The kept meetings are named (``keep``): pins no
    search releases."""
    problem, previous = with_new_meeting()
    fixed, kept = keep_in_place(problem, previous)
    result = solve(fixed, QUICK, keep=kept)
    assert result.method == "lns"
    assert_kept_or_released(problem, previous, result)
    released = {r.meeting for r in result.released}
    assert check_schedule(relaxed(fixed, released), result.timetable) == []


def pinned_against_required() -> tuple[Problem, str, str]:
    """The published event, every meeting optional, with a meeting pinned (not required)
    to the slot of a required one that shares a party, and coming first in problem order."""
    event, timetable = published()
    slots = {p.meeting: p.slot for p in timetable.placements}
    kept = event.meetings[-1]
    t = slots[kept.id]
    party = kept.parties[0]
    rival = next(
        m for m in event.meetings if party in m.people and m.id != kept.id and slots[m.id] != t
    )
    meetings = [m for m in event.meetings if m.id not in (kept.id, rival.id)]
    meetings = [
        dataclasses.replace(rival, fixed_slot=t),
        *meetings,
        dataclasses.replace(kept, fixed_slot=t, required=True),
    ]
    return (
        dataclasses.replace(event, require_all=False, meetings=tuple(meetings)),
        kept.id,
        rival.id,
    )


def test_required_meeting_is_placed_before_a_pinned_one_in_its_slot() -> None:
    """Greedy and the large-instance search: the required meeting keeps its slot and the
    pinned optional one stays out (before: the pinned one took the slot first and the
    result was ``unknown``, the required meeting left out)."""
    problem, kept, rival = pinned_against_required()
    assert large_enough(problem, Settings())
    for result in (greedy(problem), solve(problem, QUICK)):
        assert result.status == Status.FEASIBLE
        assert check_schedule(problem, result.timetable) == []
        now = result.timetable.by_meeting()
        assert now[kept].slot == problem.meeting(kept).fixed_slot
        assert rival not in now
        assert rival in {u.meeting for u in result.unplaced}
        assert result.released == ()


def test_fresh_greedy_places_required_meetings_before_the_others() -> None:
    """Meetings greedy leaves out of a generated event are marked required: they are
    placed first (before: greedy's order was unchanged, they stayed out, ``unknown``)."""
    event = generate(300, 2300, seed=1)
    assert large_enough(event, Settings())
    placed = greedy(event).timetable.by_meeting()
    out = {m.id for m in event.meetings if m.id not in placed}
    assert out
    meetings = tuple(dataclasses.replace(m, required=m.id in out) for m in event.meetings)
    problem = dataclasses.replace(event, meetings=meetings)
    result = greedy(problem)
    assert result.status == Status.FEASIBLE
    assert check_schedule(problem, result.timetable) == []
    assert out <= set(result.timetable.by_meeting())


def test_fresh_greedy_releases_a_kept_meeting_another_kept_one_holds_the_slot_of() -> None:
    """Two meetings kept in place at one slot share a party: greedy keeps the first and
    lists the second as released, with words, the timetable valid without it (before:
    ``unknown``, nothing released). Both are named kept (``keep``): pins greedy never
    releases (test_pins_collide)."""
    problem, kept, rival = pinned_against_required()
    t = problem.meeting(kept).fixed_slot
    meetings = tuple(
        dataclasses.replace(m, required=True) if m.id == rival else m for m in problem.meetings
    )
    both = dataclasses.replace(problem, meetings=meetings)
    result = greedy(both, keep={kept, rival})
    assert [(r.meeting, r.slot) for r in result.released] == [(kept, t)]
    assert str(result.released[0].detail)
    assert result.status == Status.FEASIBLE
    assert check_schedule(relaxed(both, {kept}), result.timetable) == []
    assert result.timetable.by_meeting()[rival].slot == t
