"""The demo brokerage event (examples/brokerage-day) solved as the web app does: status,
breaks, bound, wall and CPU seconds of the solve, and the check.

    uv run python benchmarks/b2b/demo_event.py [--time-limit 5] [--runs 3] [--seed 0]

CPU seconds (all threads of the process during the solve) are the figure to compare on a
shared machine; the wall clock depends on what else runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from liqa.core.missionfile import validate_file
from liqa.core.scheduling.brokerage import Settings, check_schedule, solve
from liqa.core.scheduling.brokerage.from_event import event_problem

DEMO = Path(__file__).resolve().parents[2] / "examples" / "brokerage-day" / "mission.yaml"


def main(argv: list[str] | None = None) -> int:
    """Solve the demo event ``--runs`` times and print one line per run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    event, problems = validate_file(DEMO)
    if event is None or problems:
        print(f"{DEMO}: does not validate", file=sys.stderr)
        return 1
    problem = event_problem(event)
    for run in range(1, args.runs + 1):
        cpu, wall = time.process_time(), time.perf_counter()
        result = solve(problem, Settings(time_limit=args.time_limit, workers=2, seed=args.seed))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        violations = check_schedule(problem, result.timetable)
        print(
            f"run {run}: {result.status.value}, breaks {result.objective.get('breaks')}, "
            f"bound {result.bound}, placed {len(result.timetable.placements)}/"
            f"{len(problem.meetings)}, wall {wall:.2f} s, CPU {cpu:.2f} s, "
            f"violations {len(violations)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
