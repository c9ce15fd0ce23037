"""Time the planner on the demo mission and on the synthetic 60-host missions.

    nice uv run python benchmarks/toptw/missions.py [--seeds 0 1 2] [--heading TEXT] [--append]
        [--out PATH] [--clock cpu]

Writes ``raw/missions.md`` (included by ``report.py``; ``--out`` writes elsewhere);
``--append`` adds a table under ``--heading`` instead of starting the section again (e.g. to
put a run of an older commit next to the current one). Every itinerary is verified by the
independent checkers inside :func:`plan_itinerary` (they raise on any violation).
``--clock cpu`` counts the limits in CPU seconds of this process, so that a loaded machine
gives the search the same work (the table's ``limit s`` is then CPU seconds).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from mission60 import build  # the sibling script (run from this folder's parent path)

from liqa.core.missionfile import load_event
from liqa.core.model import Event, MeetingFormat, Schedule
from liqa.core.scheduling.itinerary import Settings, plan_itinerary

HERE = Path(__file__).resolve().parent
DEMO = HERE.parents[1] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
HEADER = (
    "| mission | hosts | legs | subgroups used | days split | days regrouped | limit s "
    "| seconds | cpu s | visits made | value | LP bound | gap % | least member value | spread "
    "| valid | not made (reason) |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def split_days(event: Event, schedule: Schedule) -> tuple[int, int]:
    """Local days with visits where two subgroups or more made visits, and days with visits."""
    groups: dict[object, set[str]] = {}
    for a in schedule.assignments:
        if a.format is MeetingFormat.SITE_VISIT and a.venue:
            day = a.start.astimezone(event.venue(a.venue).tz).date()
            groups.setdefault(day, set()).add(a.group or "")
    return sum(1 for g in groups.values() if len(g) > 1), len(groups)


def row(event: Event, settings: Settings) -> str:
    """One table row: the plan's figures, timed."""
    began, cpu = time.perf_counter(), time.process_time()
    schedule, result = plan_itinerary(event, settings)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    groups = {a.group for a in schedule.assignments if a.group}
    split, days = split_days(event, schedule)
    visits = sum(1 for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT)
    gap = f"{100 * result.gap:.1f}" if result.gap is not None else "-"
    bound = f"{result.bound:.1f}" if result.bound is not None else "-"
    terms = result.terms
    reasons = ", ".join(sorted(f"{u.id}: {u.reason}" for u in schedule.unplaced)) or "-"
    return (
        f"| {event.id} | {len(event.visits)} | {len(event.legs)} | {len(groups)} "
        f"| {split} of {days} | {terms.get('regroup_days', 0.0):g} | {settings.time_limit:g} "
        f"| {seconds:.1f} | {cpu:.1f} | {visits} "
        f"| {result.score:g} | {bound} | {gap} | {terms['fairness_min_member_value']:g} "
        f"| {terms['fairness_spread']:.2f} | yes | {reasons} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="*", default=[0, 1, 2])
    parser.add_argument("--heading", default="")
    parser.add_argument("--append", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "raw" / "missions.md")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    target = args.out
    lines = []
    if not args.append:
        lines += [
            "## Missions (plan_itinerary)",
            "",
            "`limit` is the search time (wall seconds) given to `plan_itinerary`; `seconds` is "
            "the whole call (model, search, polish, checks, explanations); `days split` counts "
            "the days with visits on which two subgroups or more made visits; gap is against "
            "the LP bound; `days regrouped` counts the days whose subgroups changed at lunch "
            "(a morning split, everyone regrouped for lunch, another split in the afternoon); "
            "`least member value` and `spread` = (max - min) / mean are the "
            "fairness terms (the value each delegate receives). Since each day chooses its "
            "split, the LP bound covers every candidate split (everyone together included) and "
            "is much looser than with one split for the mission (see "
            "`docs/background/itinerary-model.md`, Bound and gap).",
            "",
        ]
    lines += [
        f"### {args.heading}" if args.heading else "",
        "",
        f"Load average while measuring: {os.getloadavg()[0]:.1f} (2 shared cores).",
        "",
        HEADER,
    ]
    if DEMO.exists():
        lines.append(row(load_event(DEMO), Settings(time_limit=3.0, clock=args.clock)))
        print(lines[-1], flush=True)
    for seed in args.seeds:
        lines.append(row(build(seed), Settings(time_limit=20.0, seed=seed, clock=args.clock)))
        print(lines[-1], flush=True)
    previous = target.read_text(encoding="utf-8") + "\n" if args.append else ""
    target.write_text(previous + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
