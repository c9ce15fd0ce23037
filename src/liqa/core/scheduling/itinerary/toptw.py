"""Read the standard TOPTW instance format (Solomon- and Cordeau-based files).

Line 1 and 2 are headers; from line 3 one line per node, depot first:
``i x y d S f a <list> O C`` where the last two fields are the window in which service
must start. Travel time is the Euclidean distance TRUNCATED to one decimal (two for the
``pr`` files). Times are scaled to integer units (1/10 or 1/100) so that sums are exact.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from liqa.core.problems import InputError
from liqa.core.problems import Problem as InputProblem
from liqa.core.scheduling.itinerary.problem import Problem, Tour


def decimals_for(path: Path) -> int:
    """Digits kept when truncating distances: 2 for ``pr*`` files, else 1."""
    return 2 if path.name.lower().startswith("pr") else 1


def read_toptw(path: Path, tours: int) -> tuple[Problem, int]:
    """The instance as a :class:`Problem` with ``tours`` identical tours, and its scale."""
    text = path.read_text(encoding="utf-8")
    lines = [line.split() for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        raise InputError(
            [
                InputProblem(
                    str(path),
                    "too few lines for a TOPTW instance",
                    hint="expected 2 header lines then one line per node",
                )
            ]
        )
    scale = 10 ** decimals_for(path)
    rows: list[list[float]] = []
    for number, parts in enumerate(lines[2:], start=3):
        try:
            values = [float(v) for v in parts]
        except ValueError:
            raise InputError(
                [
                    InputProblem(
                        str(path),
                        f"non-numeric field in {parts!r}",
                        line=number,
                        hint="every field of a node line is a number",
                    )
                ]
            ) from None
        if len(values) < 7:
            raise InputError(
                [
                    InputProblem(
                        str(path),
                        "node line has fewer than 7 fields",
                        line=number,
                        hint="i x y d S f a ... O C",
                    )
                ]
            )
        rows.append(values)
    n = len(rows)
    service = np.round(np.array([r[3] for r in rows]) * scale)
    profit = np.array([r[4] for r in rows])
    opens = np.round(np.array([r[-2] for r in rows]) * scale)
    closes = np.round(np.array([r[-1] for r in rows]) * scale)
    # Truncate exactly as the benchmark's checker does: floor(hypot * 10^decimals).
    travel = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            travel[i, j] = math.floor(
                math.hypot(rows[i][1] - rows[j][1], rows[i][2] - rows[j][2]) * scale
            )
    horizon = float(closes[0])
    tour_list = tuple(
        Tour(0, 0, float(opens[0]), horizon, label=f"tour {k + 1}") for k in range(tours)
    )
    problem = Problem(
        name=path.stem,
        travel=travel,
        service=service,
        profit=np.tile(profit, (tours, 1)),
        open=np.tile(opens, (tours, 1)),
        close=np.tile(closes, (tours, 1)),
        sites=tuple(range(1, n)),
        tours=tour_list,
        labels=tuple(str(i) for i in range(n)),
    )
    return problem, scale
