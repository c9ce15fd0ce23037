"""Large generated brokerage events: greedy vs CP-SAT, validity, breaks, gap, peak memory.

    uv run python benchmarks/b2b/generated.py small   # 1,000 participants, 5,000 meetings, 20 slots
    uv run python benchmarks/b2b/generated.py large   # 5,000 / 25,000 / 3 days x 16 slots

Appends one Markdown row per run to benchmarks/b2b/generated.md (included in
benchmarks/results/b2b.md by `liqa bench b2b`).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from liqa.core.scheduling.brokerage import Settings, check_schedule, greedy, solve
from liqa.core.scheduling.brokerage.generate import generate

SIZES = {
    "small": {
        "participants": 1000,
        "meetings": 5000,
        "days": 1,
        "slots_per_session": 10,
        "limit": 60.0,
    },
    "large": {
        "participants": 5000,
        "meetings": 25000,
        "days": 3,
        "slots_per_session": 8,
        "limit": 120.0,
    },
}
OUT = Path(__file__).with_name("generated.md")


def main(size: str) -> None:
    spec = SIZES[size]
    limit = float(spec.pop("limit"))
    problem = generate(**spec)  # type: ignore[arg-type]
    base = greedy(problem)
    began = time.perf_counter()
    cpu = time.process_time()
    result = solve(problem, Settings(time_limit=limit, workers=2))
    wall = time.perf_counter() - began
    cpu = time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    valid = not check_schedule(problem, result.timetable)
    complete = len(result.timetable.placements) == len(problem.meetings)
    row = (
        f"| {problem.name} | {len(problem.participants)} | {len(problem.meetings)} "
        f"| {len(problem.slots)} | {problem.tables} | {result.status} "
        f"| {'yes' if valid else 'no'} | {'yes' if complete else 'no'} "
        f"| {result.breaks} | {result.bound if result.bound is not None else '–'} "
        f"| {base.breaks} | {wall:.1f} | {cpu:.1f} | {peak_mb:.0f} |"
    )
    if not OUT.exists():
        OUT.write_text(
            "## Generated events\n\n"
            "| instance | participants | meetings | slots | tables | status | valid "
            "| all placed | breaks | bound | greedy breaks | seconds | CPU s | peak MB |\n"
            "|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|---:|\n",
            encoding="utf-8",
        )
    with OUT.open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    print(row)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "small")
