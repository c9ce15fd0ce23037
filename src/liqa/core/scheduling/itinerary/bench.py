"""Run the planner on TOPTW benchmark instances and summarize the results as Markdown.

One case is an instance file and a number of tours ``m``. Every route set is verified by
:func:`check_itinerary` before it is recorded; a record is a plain dict (JSON-ready) in the
shape of ``liqa bench toptw --json``, plus the best-known score and the checker's verdict.
"""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from liqa.core.scheduling.itinerary.check import check_itinerary
from liqa.core.scheduling.itinerary.greedy import greedy
from liqa.core.scheduling.itinerary.problem import Settings
from liqa.core.scheduling.itinerary.search import solve
from liqa.core.scheduling.itinerary.toptw import read_toptw

Record = dict[str, Any]


def read_bks(path: Path) -> dict[tuple[str, int], float]:
    """Best-known scores by (instance, m) from a ``bks.csv`` file."""
    with path.open(encoding="utf-8") as handle:
        return {
            (row["instance"], int(row["m"])): float(row["bks"]) for row in csv.DictReader(handle)
        }


def find_bks(instance: Path) -> Path | None:
    """``bks.csv`` next to the instance or one folder up, if there is one."""
    for folder in (instance.parent, instance.parent.parent):
        candidate = folder / "bks.csv"
        if candidate.is_file():
            return candidate
    return None


def run_case(path: Path, tours: int, settings: Settings) -> Record:
    """Solve one case with the search and the greedy baseline; check both; return a record."""
    problem, _scale = read_toptw(path, tours)
    cpu = time.process_time()
    found = solve(problem, settings)
    cpu = time.process_time() - cpu
    base = greedy(problem)
    violations = check_itinerary(problem, found.routes, found.score)
    violations += check_itinerary(problem, base.routes, base.score)
    record: Record = {
        "instance": path.stem,
        "tours_m": tours,
        "score": _number(found.score),
        "tours": [[int(n) for n in route] for route in found.routes],
        "seconds": round(found.seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "greedy": {"score": _number(base.score), "seconds": round(base.seconds, 4)},
        "iterations": found.iterations,
        "time_limit": settings.time_limit,
        "clock": settings.clock,
        "violations": [f"{v.rule}: tour {v.tour} node {v.node}: {v.detail}" for v in violations],
    }
    if found.bound is not None:
        record["bound"] = _number(found.bound)
    return record


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


def gap(score: float, best: float) -> float:
    """Relative gap to the best-known score, in percent (negative: better than it)."""
    return 100.0 * (best - score) / best if best else 0.0


def family(instance: str) -> str:
    """Benchmark family: c1, c2, r1, r2, rc1, rc2 or pr."""
    if instance.startswith("pr"):
        return "pr"
    letters = instance.rstrip("0123456789")
    return letters + instance[len(letters)]


def report(
    runs: Mapping[str, Iterable[Record]], bks: Mapping[tuple[str, int], float], note: str = ""
) -> str:
    """Markdown: per run (e.g. "10 s"), per-family and per-m means, then every case."""
    lines = ["# TOPTW benchmark results", ""]
    if note:
        lines += [note, ""]
    for title, records in runs.items():
        rows = sorted(records, key=lambda r: (r["instance"], r["tours_m"]))
        if not rows:
            continue
        lines += _summary(title, rows, bks)
    for title, records in runs.items():
        rows = sorted(records, key=lambda r: (r["instance"], r["tours_m"]))
        if not rows:
            continue
        lines += [
            f"## Every case, {title}",
            "",
            "| instance | m | BKS | score | gap % | greedy | greedy gap % | seconds "
            "| cpu s | iterations | valid |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in rows:
            best = bks.get((r["instance"], r["tours_m"]), 0.0)
            lines.append(
                f"| {r['instance']} | {r['tours_m']} | {best:g} | {r['score']:g} "
                f"| {gap(r['score'], best):.2f} | {r['greedy']['score']:g} "
                f"| {gap(r['greedy']['score'], best):.2f} | {r['seconds']:.1f} "
                f"| {r.get('cpu_seconds', '')} | {r.get('iterations', '')} "
                f"| {'yes' if not r['violations'] else 'NO'} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def _summary(title: str, rows: list[Record], bks: Mapping[tuple[str, int], float]) -> list[str]:
    groups: dict[str, list[Record]] = defaultdict(list)
    for r in rows:
        groups[family(r["instance"])].append(r)
        groups[f"m = {r['tours_m']}"].append(r)
    order: list[str] = [f for f in ("c1", "c2", "r1", "r2", "rc1", "rc2", "pr") if f in groups]
    order += sorted(k for k in groups if k.startswith("m ="))
    out = [
        f"## Summary, {title} ({len(rows)} cases)",
        "",
        "| group | cases | mean gap % | greedy mean gap % | matching BKS | above BKS | invalid |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in [*order, "all"]:
        members = rows if name == "all" else groups[name]
        gaps = [gap(r["score"], bks[(r["instance"], r["tours_m"])]) for r in members]
        greedy_gaps = [
            gap(r["greedy"]["score"], bks[(r["instance"], r["tours_m"])]) for r in members
        ]
        match = sum(1 for g in gaps if abs(g) < 1e-9)
        above = sum(1 for g in gaps if g < -1e-9)
        invalid = sum(1 for r in members if r["violations"])
        label = f"**{name}**" if name == "all" else name
        out.append(
            f"| {label} | {len(members)} | {sum(gaps) / len(gaps):.2f} "
            f"| {sum(greedy_gaps) / len(greedy_gaps):.2f} | {match} | {above} | {invalid} |"
        )
    out.append("")
    return out
