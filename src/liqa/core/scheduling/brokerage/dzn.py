"""Read the public B2B benchmark instances (MiniZinc ``.dzn`` data, JAIR 2022 study).

Participants and meetings get the 1-based numbers of the file as ids; slot ``t`` of the
file is slot ``t - 1`` here. Slots 1..nMorningSlots form session ``morning``, the rest
``afternoon``; breaks are counted straight through the day (one block), as in the study.
"""

from __future__ import annotations

import re
from pathlib import Path

from liqa.core.problems import InputError
from liqa.core.problems import Problem as InputProblem
from liqa.core.scheduling.brokerage.problem import Meeting, Participant, Problem, SlotInfo

SESSIONS = {1: "morning", 2: "afternoon", 3: None}


def read_dzn(path: str | Path, fairness: int | None = None) -> Problem:
    """Read one instance file; ``fairness`` is the bound d (the study uses 2)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            [InputProblem(str(path), f"cannot read the file: {exc.strerror}")]
        ) from exc
    return parse_dzn(text, str(path), fairness)


def parse_dzn(text: str, name: str = "<dzn>", fairness: int | None = None) -> Problem:
    """Parse instance text; every problem is reported with the field it is in."""
    try:
        return _parse(text, name, fairness)
    except (ValueError, IndexError, KeyError) as exc:
        raise InputError(
            [
                InputProblem(
                    name, str(exc), hint="expected the B2B .dzn format of the JAIR 2022 study"
                )
            ]
        ) from exc


def _value(text: str, key: str) -> str | None:
    found = re.search(rf"\b{key}\s*=\s*(.*?);", text, re.S)
    return found.group(1) if found else None


def _int(text: str, key: str) -> int:
    raw = _value(text, key)
    if raw is None:
        raise ValueError(f"field {key} is missing")
    try:
        return int(raw.strip())
    except ValueError:
        raise ValueError(f"field {key} must be a whole number, got {raw.strip()!r}") from None


def _sets(raw: str) -> list[set[int]]:
    return [
        {int(x) for x in part.split(",") if x.strip()} for part in re.findall(r"\{([^}]*)\}", raw)
    ]


def _parse(text: str, name: str, fairness: int | None) -> Problem:
    n_business = _int(text, "nBusiness")
    n_tables = _int(text, "nTables")
    n_slots = _int(text, "nTotalSlots")
    n_morning = _int(text, "nMorningSlots")
    raw = _value(text, "requested")
    if raw is None:
        raise ValueError("field requested is missing")
    rows = [r for r in raw.strip("[]| \n").split("|") if r.strip()]
    triples = []
    for number, row in enumerate(rows, start=1):
        cells = row.replace(",", " ").split()
        if len(cells) < 3:
            raise ValueError(
                f"requested row {number}: expected 'p1, p2, session', got {row.strip()!r}"
            )
        p1, p2, session = (int(c) for c in cells[:3])
        for p in (p1, p2):
            if not 1 <= p <= n_business:
                raise ValueError(
                    f"requested row {number}: participant {p} is not in 1..{n_business}"
                )
        if session not in SESSIONS:
            raise ValueError(f"requested row {number}: session must be 1, 2 or 3, got {session}")
        triples.append((p1, p2, session))
    raw_forb = _value(text, "forbidden")
    forbidden = [{x for x in s if x > 0} for s in _sets(raw_forb)] if raw_forb else []
    forbidden += [set() for _ in range(n_business - len(forbidden))]
    raw_fixed = _value(text, "fixed")
    fixed = [int(x) for x in raw_fixed.strip("[] \n").split(",") if x.strip()] if raw_fixed else []
    fixed += [0] * (len(triples) - len(fixed))
    raw_prec = _value(text, "precedences")
    prec = _sets(raw_prec) if raw_prec else []
    prec += [set() for _ in range(len(triples) - len(prec))]
    slots = tuple(
        SlotInfo("morning" if t < n_morning else "afternoon", "day") for t in range(n_slots)
    )
    participants = tuple(
        Participant(str(p), unavailable=frozenset(s - 1 for s in forbidden[p - 1]))
        for p in range(1, n_business + 1)
    )
    meetings = tuple(
        Meeting(
            str(i),
            (str(p1), str(p2)),
            session=SESSIONS[session],
            fixed_slot=fixed[i - 1] - 1 if fixed[i - 1] else None,
            after=tuple(str(j) for j in sorted(prec[i - 1])),
        )
        for i, (p1, p2, session) in enumerate(triples, start=1)
    )
    return Problem(
        slots=slots,
        tables=n_tables,
        participants=participants,
        meetings=meetings,
        max_break_spread=fairness,
        require_all=True,
        name=Path(name).stem,
    )
