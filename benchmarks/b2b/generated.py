"""Large generated brokerage events: greedy vs the solver, validity, breaks, bound, memory.

    uv run python benchmarks/b2b/generated.py small [SEED]  # 1,000 p, 5,000 meetings, 20 slots
    uv run python benchmarks/b2b/generated.py large [SEED]  # 5,000 / 25,000 / 3 days x 16 slots

Appends one Markdown row per run to benchmarks/b2b/generated.md (included in
benchmarks/results/b2b.md by `liqa bench b2b`). Peak MB is the process's maximum resident
set (generation, greedy and the solver together); load is the 1-minute load average of the
machine (2 cores, shared) before and after the run.
"""

from __future__ import annotations

import os
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
HEADER = (
    "| instance | time limit | method | status | valid | all placed | breaks | greedy breaks "
    "| ratio | bound | gap | seconds | CPU s | peak MB | load before/after |\n"
    "|---|---:|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
)


def main(size: str, seed: int) -> None:
    spec = dict(SIZES[size])
    limit = float(spec.pop("limit"))
    problem = generate(**spec, seed=seed)  # type: ignore[arg-type]
    base = greedy(problem)
    load_before = os.getloadavg()[0]
    began = time.perf_counter()
    cpu = time.process_time()
    result = solve(problem, Settings(time_limit=limit, workers=2, seed=seed))
    wall = time.perf_counter() - began
    cpu = time.process_time() - cpu
    load_after = os.getloadavg()[0]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    valid = not check_schedule(problem, result.timetable)
    complete = len(result.timetable.placements) == len(problem.meetings)
    ratio = result.breaks / base.breaks if base.breaks else 0.0
    bound = "–" if result.bound is None else f"{result.bound:g}"
    gap = "–" if result.gap is None else f"{result.gap:g}"
    row = (
        f"| {problem.name} | {limit:g} | {result.method} | {result.status} "
        f"| {'yes' if valid else 'no'} | {'yes' if complete else 'no'} "
        f"| {result.breaks} | {base.breaks} | {ratio:.3f} | {bound} | {gap} "
        f"| {wall:.1f} | {cpu:.1f} | {peak_mb:.0f} | {load_before:.1f}/{load_after:.1f} |"
    )
    if not OUT.exists():
        OUT.write_text("## Generated events\n\n" + HEADER, encoding="utf-8")
    with OUT.open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    print(row)


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "small", int(sys.argv[2]) if len(sys.argv) > 2 else 0
    )
