"""Random brokerage events of any size, for benchmarks (seeded, reproducible).

Participants get a skewed popularity (a few sought-after exhibitors, many occasional
visitors), meetings join distinct pairs without exceeding anyone's slots, a few percent
of participants are away for some slots, and tables are 10 % above the average load.
"""

from __future__ import annotations

import math
import random

from liqa.core.scheduling.brokerage.problem import Meeting, Participant, Problem, SlotInfo


def generate(
    participants: int,
    meetings: int,
    days: int = 1,
    slots_per_session: int = 10,
    sessions_per_day: int = 2,
    seed: int = 0,
) -> Problem:
    """A random event; breaks are counted per session; every meeting optional."""
    rng = random.Random(seed)
    slots = tuple(
        SlotInfo(f"d{d + 1}-s{s + 1}", f"d{d + 1}-s{s + 1}")
        for d in range(days)
        for s in range(sessions_per_day)
        for _ in range(slots_per_session)
    )
    n = len(slots)
    cap = max(1, n * 3 // 4)
    weights = [1.0 / math.sqrt(i + 1) for i in range(participants)]
    ids = [f"p{i + 1:05d}" for i in range(participants)]
    degree = [0] * participants
    seen: set[tuple[int, int]] = set()
    out: list[Meeting] = []
    attempts = 0
    while len(out) < meetings and attempts < meetings * 50:
        attempts += 1
        a, b = rng.choices(range(participants), weights=weights, k=2)
        pair = (min(a, b), max(a, b))
        if a == b or pair in seen or degree[a] >= cap or degree[b] >= cap:
            continue
        seen.add(pair)
        degree[a] += 1
        degree[b] += 1
        out.append(Meeting(f"m{len(out) + 1}", (ids[a], ids[b]), priority=rng.choice((1, 2, 3))))
    people = []
    for pid in ids:
        away: frozenset[int] = frozenset()
        if rng.random() < 0.05:
            start = rng.randrange(n)
            away = frozenset(range(start, min(n, start + rng.randint(1, 4))))
        people.append(Participant(pid, unavailable=away))
    tables = math.ceil(1.1 * len(out) / n) + 1
    return Problem(
        slots=slots,
        tables=tables,
        participants=tuple(people),
        meetings=tuple(out),
        name=f"generated-{participants}p-{len(out)}m-{n}s-seed{seed}",
    )
