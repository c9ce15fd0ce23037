"""Participants with more meetings than slots to hold them: no timetable, proven at once."""

from __future__ import annotations

import dataclasses

from liqa.core.scheduling.brokerage import Participant, Settings, Status, solve
from liqa.core.scheduling.brokerage.bounds import overloaded
from tests.core.scheduling.brokerage.factories import problem


def _hub(
    n_slots: int, unavailable: frozenset[int], reach: int = 1
) -> tuple[list[str], list[Participant]]:
    """``hub`` meets ``n_slots`` others once, and each of them the next ``reach`` others
    around a ring."""
    others = [f"p{i:02d}" for i in range(n_slots)]
    pairs = [f"hub-{o}" for o in others]
    for step in range(1, reach + 1):
        pairs += [f"{a}-{b}" for a, b in zip(others, others[step:] + others[:step], strict=True)]
    people = [Participant("hub", unavailable=unavailable), *(Participant(o) for o in others)]
    return pairs, people


def test_more_meetings_than_available_slots_is_overloaded() -> None:
    pairs, people = _hub(4, frozenset({0}))
    p = dataclasses.replace(problem(pairs, n_slots=4), participants=tuple(people))
    assert overloaded(p) == ["hub"]
    fits = dataclasses.replace(p, participants=(Participant("hub"), *people[1:]))
    assert overloaded(fits) == []


def test_partners_unavailable_slots_count_not_just_the_number_of_slots() -> None:
    # a has 2 meetings and 3 slots, but b and c can only come in slot 2 (a Hall violation).
    p = dataclasses.replace(
        problem(["a-b", "a-c"], n_slots=3),
        participants=(
            Participant("a"),
            Participant("b", unavailable=frozenset({0, 1})),
            Participant("c", unavailable=frozenset({0, 1})),
        ),
    )
    assert overloaded(p) == ["a"]


def test_an_organization_takes_capacity_meetings_per_slot() -> None:
    p = problem(["org-a", "org-b", "org-c", "org-d"], n_slots=2)
    pair = Participant("org", capacity=2)
    two = dataclasses.replace(p, participants=(pair, *p.participants[:-1]))
    assert overloaded(two) == []
    one = dataclasses.replace(p, participants=(Participant("org"), *p.participants[:-1]))
    assert overloaded(one) == ["org"]


def test_solve_proves_a_pigeonhole_infeasible() -> None:
    # 22 meetings of the hub in the 21 slots it can attend: clause learning needs a
    # pigeonhole proof (exponential for resolution), and the slot-capacity bound does not
    # enumerate the others' busy patterns (11 meetings in 22 slots); the matching test sees
    # it before any solver.
    pairs, people = _hub(22, frozenset({0}), reach=5)
    p = dataclasses.replace(problem(pairs, n_slots=22, tables=22), participants=tuple(people))
    result = solve(p, Settings(time_limit=5.0, workers=1))
    assert (result.status, result.timetable.placements) == (Status.INFEASIBLE, ())
