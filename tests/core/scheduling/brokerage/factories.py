"""Small hand-built brokerage problems for the tests."""

from __future__ import annotations

from liqa.core.scheduling.brokerage import Meeting, Participant, Problem, SlotInfo


def slots(n: int, session: str = "s1", block: str | None = None) -> tuple[SlotInfo, ...]:
    """``n`` slots of one session, breaks counted within it."""
    return tuple(SlotInfo(session, block or session) for _ in range(n))


def people(*ids: str, **unavailable: set[int]) -> tuple[Participant, ...]:
    """Participants by id; ``unavailable`` maps an id to the slots they cannot attend."""
    return tuple(
        Participant(pid, unavailable=frozenset(unavailable.get(pid, set()))) for pid in ids
    )


def meetings(*pairs: str) -> tuple[Meeting, ...]:
    """Meetings ``m1, m2, ...`` from ``"a-b"`` strings."""
    out = []
    for n, pair in enumerate(pairs, start=1):
        a, b = pair.split("-")
        out.append(Meeting(f"m{n}", (a, b)))
    return tuple(out)


def problem(
    pairs: list[str], n_slots: int = 4, tables: int = 5, require_all: bool = True, **kw: object
) -> Problem:
    """A one-session problem with every participant named in ``pairs``."""
    ms = meetings(*pairs)
    ids = sorted({p for m in ms for p in m.parties})
    return Problem(
        slots=slots(n_slots),
        tables=tables,
        participants=people(*ids),
        meetings=ms,
        require_all=require_all,
        **kw,  # type: ignore[arg-type]
    )
