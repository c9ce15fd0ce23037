"""Run TOPTW cases in resumable chunks, appending one JSON line per case.

    nice uv run python benchmarks/toptw/run.py RAW.jsonl --time-limit 10 [--subset] [--limit N]

Cases already in RAW.jsonl (or in any ``--also`` file, e.g. the other parallel parts of the
same run) are skipped, so the run can be stopped and resumed, or a subset run grown into the
full set. The limit is wall-clock seconds (``--clock cpu`` counts this process's CPU seconds
instead); each record also keeps the CPU seconds the search actually got, which on a shared
machine can be less.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from liqa.core.scheduling.itinerary.bench import run_case
from liqa.core.scheduling.itinerary.problem import Settings

INSTANCES = Path(__file__).resolve().parents[3] / "shared" / "bench" / "toptw" / "instances"
SUBSET = ("c101", "c206", "r102", "r208", "rc105", "rc203", "pr02", "pr08", "pr13", "pr19")
"""The fixed 60 s subset: every family (c1 c2 r1 r2 rc1 rc2 pr) and, with m = 1..4, every m."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("raw", type=Path)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--subset", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="stop after N new cases")
    parser.add_argument("--instances", type=Path, default=INSTANCES)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument("--part", type=int, default=0, help="run only every PARTS-th instance")
    parser.add_argument("--parts", type=int, default=1, help="...starting at this one (0-based)")
    parser.add_argument(
        "--also", type=Path, action="append", default=[], help="skip the cases in this file too"
    )
    args = parser.parse_args()
    done = set()
    for path in (args.raw, *args.also):
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line:
                    rec = json.loads(line)
                    done.add((rec["instance"], rec["tours_m"]))
    names: Sequence[str] = (
        SUBSET if args.subset else sorted(p.stem for p in args.instances.glob("*.txt"))
    )
    names = names[args.part :: args.parts]
    settings = Settings(time_limit=args.time_limit, clock=args.clock, seed=0)
    new = 0
    for name in names:
        for m in (1, 2, 3, 4):
            if (name, m) in done:
                continue
            rec = run_case(args.instances / f"{name}.txt", m, settings)
            with args.raw.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(rec) + "\n")
            print(name, m, rec["score"], rec["greedy"]["score"], len(rec["violations"]), flush=True)
            new += 1
            if args.limit and new >= args.limit:
                return


if __name__ == "__main__":
    main()
