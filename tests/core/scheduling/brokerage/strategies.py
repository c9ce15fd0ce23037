"""Small all-required brokerage problems with breaks to remove, and exhaustive search on
them, for the SAT engine's cross-checks (:mod:`.test_sat_target`, :mod:`.test_sat_lns`).

:func:`~.test_exhaustive.tiny_problems` with every meeting required is mostly infeasible or
without a break in any timetable, so a wrong break encoding would pass those checks. Here
each problem is built around a *planted* timetable drawn first, with meetings in slots
drawn at random (so with gaps, most of the time); each participant is then kept away from
some of the slots where the planted timetable leaves them free, which closes ways to
rearrange the day around the gaps. The planted timetable stays valid, so every problem is
feasible; the breaks it forces come from availability and from partners' meetings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hypothesis import strategies as st

from liqa.core.scheduling.brokerage import (
    Meeting,
    Participant,
    Placement,
    Problem,
    SlotInfo,
    Timetable,
    check_schedule,
)
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.measures import (
    breaks_in,
    breaks_per_participant,
    total_breaks,
)


def timetable(slots: dict[str, int]) -> Timetable:
    """The timetable placing each meeting (by id) in its slot."""
    return Timetable(tuple(Placement(m, t) for m, t in slots.items()))


@st.composite
def gappy_problems(draw: st.DrawFn) -> Problem:
    """A feasible problem of up to 6 required meetings among 3-5 participants in 4-7
    slots (6 or 7 slots are two sessions half of the time, breaks counted in each), built
    around a planted timetable: see the module. Fairness, a session limit, precedences,
    fixed slots, sessions and an organization meeting two partners at once are drawn
    too, each only where the planted timetable keeps them."""
    n_slots = draw(st.integers(4, 7))
    split = n_slots >= 6 and draw(st.booleans())
    half = n_slots // 2
    names = ["am" if not split or t < half else "pm" for t in range(n_slots)]
    slot_infos = tuple(SlotInfo(name, name) for name in names)
    ids = ["a", "b", "c", "d", "e"][: draw(st.integers(3, 5))]
    capacity = dict.fromkeys(ids, 1)
    if draw(st.integers(0, 5)) == 0:
        capacity[draw(st.sampled_from(ids))] = 2
    tables = draw(st.integers(1, 2))
    # The planted timetable: each meeting in a slot where neither party is full and a
    # table is free (a meeting with no such slot left is not drawn), one that leaves its
    # parties the most breaks.
    pairs = list(itertools.combinations(ids, 2))
    busy: dict[str, list[int]] = {pid: [] for pid in ids}
    used = [0] * n_slots
    planted: list[tuple[tuple[str, str], int]] = []
    for _ in range(draw(st.integers(3, 6))):
        pair = draw(st.sampled_from(pairs))
        free = [
            t
            for t in range(n_slots)
            if used[t] < tables and all(busy[p].count(t) < capacity[p] for p in pair)
        ]
        if not free:
            continue
        t = draw(st.sampled_from(_most_breaks(slot_infos, [busy[p] for p in pair], free)))
        planted.append((pair, t))
        used[t] += 1
        for p in pair:
            busy[p].append(t)
    meetings = []
    for n, (pair, t) in enumerate(planted, start=1):
        earlier = [f"m{j}" for j, (_, u) in enumerate(planted[: n - 1], start=1) if u < t]
        meetings.append(
            Meeting(
                f"m{n}",
                pair,
                session=names[t] if draw(st.integers(0, 4)) == 0 else None,
                fixed_slot=t if draw(st.integers(0, 7)) == 0 else None,
                after=(draw(st.sampled_from(earlier)),)
                if earlier and draw(st.integers(0, 4)) == 0
                else (),
            )
        )
    # Away from a fifth, half or four fifths of the slots the planted timetable leaves free.
    closing = draw(st.sampled_from([0.2, 0.5, 0.8]))
    participants = tuple(
        Participant(
            pid,
            capacity=capacity[pid],
            unavailable=frozenset(
                t for t in range(n_slots) if t not in busy[pid] and draw(st.floats(0, 1)) < closing
            ),
        )
        for pid in ids
        if busy[pid]
    )
    slots = {m.id: t for m, (_, t) in zip(meetings, planted, strict=True)}
    probe = Problem(slot_infos, tables, participants, tuple(meetings))
    per = breaks_per_participant(probe, timetable(slots))
    spread = max(per.values()) - min(per.values())
    most = max(
        sum(1 for t in busy[p.id] if names[t] == name) for p in participants for name in names
    )
    problem = Problem(
        slots=slot_infos,
        tables=tables,
        participants=participants,
        meetings=tuple(meetings),
        max_meetings_per_session=None if draw(st.booleans()) else most,
        max_break_spread=None if draw(st.booleans()) else spread + draw(st.integers(0, 1)),
        require_all=True,
    )
    assert check_schedule(problem, timetable(slots)) == []  # the planted one is valid
    return problem


def _most_breaks(slots: tuple[SlotInfo, ...], busy: list[list[int]], free: list[int]) -> list[int]:
    """The slots of ``free`` where a meeting leaves the most breaks to those ``busy``."""
    probe = Problem(slots, 1, (), ())

    def breaks(t: int) -> int:
        return sum(breaks_in(probe, sorted({*mine, t})) for mine in busy)

    most = max(breaks(t) for t in free)
    return [t for t in free if breaks(t) == most]


def every_timetable(problem: Problem) -> Iterator[dict[str, int]]:
    """Every valid timetable placing all meetings (slot by meeting id): each meeting in
    each slot of its domain, skipping only a participant in more meetings at once than
    their capacity; every complete one goes through ``check_schedule``."""
    domains = [allowed_slots(problem, m) for m in problem.meetings]
    seats: dict[tuple[str, int], int] = {}
    chosen: dict[str, int] = {}

    def place(i: int) -> Iterator[dict[str, int]]:
        if i == len(problem.meetings):
            if not check_schedule(problem, timetable(chosen)):
                yield dict(chosen)
            return
        meeting = problem.meetings[i]
        for t in domains[i]:
            if any(seats.get((p, t), 0) >= problem.participant(p).capacity for p in meeting.people):
                continue
            for p in meeting.people:
                seats[p, t] = seats.get((p, t), 0) + 1
            chosen[meeting.id] = t
            yield from place(i + 1)
            del chosen[meeting.id]
            for p in meeting.people:
                seats[p, t] -= 1

    yield from place(0)


def breaks_range(problem: Problem) -> tuple[int, int, dict[str, int], dict[str, int]] | None:
    """Exhaustive search: the fewest and the most breaks over every valid timetable placing
    all meetings, with one timetable of each (None: there is none)."""
    best: tuple[int, dict[str, int]] | None = None
    worst: tuple[int, dict[str, int]] | None = None
    for slots in every_timetable(problem):
        breaks = total_breaks(problem, timetable(slots))
        if best is None or breaks < best[0]:
            best = (breaks, slots)
        if worst is None or breaks > worst[0]:
            worst = (breaks, slots)
    if best is None or worst is None:
        return None
    return best[0], worst[0], best[1], worst[1]
