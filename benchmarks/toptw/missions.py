"""Time the planner on the demo mission and on the synthetic 60-host missions.

    nice uv run python benchmarks/toptw/missions.py [--seeds 0 1 2]

Writes ``raw/missions.md`` (included by ``report.py``). Every itinerary is verified by the
independent checker inside :func:`plan_itinerary` (it raises on any violation).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from mission60 import build  # the sibling script (run from this folder's parent path)

from liqa.core.missionfile import load_event
from liqa.core.model import Event, MeetingFormat
from liqa.core.scheduling.itinerary import Settings, plan_itinerary

HERE = Path(__file__).resolve().parent
DEMO = HERE.parents[1] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


def row(event: Event, settings: Settings) -> str:
    began, cpu = time.perf_counter(), time.process_time()
    schedule, result = plan_itinerary(event, settings)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    groups = {a.group for a in schedule.assignments if a.group}
    visits = sum(1 for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT)
    gap = f"{100 * result.gap:.1f}" if result.gap is not None else "-"
    bound = f"{result.bound:g}" if result.bound is not None else "-"
    reasons = ", ".join(sorted(f"{u.id}: {u.reason}" for u in schedule.unplaced)) or "-"
    return (
        f"| {event.id} | {len(event.visits)} | {len(event.legs)} | {len(groups)} "
        f"| {settings.time_limit:g} | {seconds:.1f} | {cpu:.1f} | {visits} | {result.score:g} "
        f"| {bound} | {gap} | yes | {reasons} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="*", default=[0, 1, 2])
    args = parser.parse_args()
    lines = [
        "## Missions (plan_itinerary)",
        "",
        f"Load average while measuring: {os.getloadavg()[0]:.1f} (2 cores). `limit` is the "
        "search time given to `plan_itinerary` (split between the plan with subgroups and the "
        "plan with everyone together); `seconds` is the whole call (model, search, polish, "
        "checks, explanations); gap is against the LP bound.",
        "",
        "| mission | hosts | legs | subgroups used | limit s | seconds | cpu s | visits made "
        "| value | LP bound | gap % | valid | not made (reason) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    if DEMO.exists():
        lines.append(row(load_event(DEMO), Settings(time_limit=3.0)))
    for seed in args.seeds:
        lines.append(row(build(seed), Settings(time_limit=20.0, seed=seed)))
        print(lines[-1], flush=True)
    (HERE / "raw" / "missions.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
