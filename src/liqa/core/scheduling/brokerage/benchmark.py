"""Run the scheduler on benchmark instances and report in the study's numbering.

The records are plain dicts ready for JSON; :func:`markdown_table` renders many of them.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

from liqa.core.scheduling.brokerage.check import check_schedule
from liqa.core.scheduling.brokerage.dzn import read_dzn
from liqa.core.scheduling.brokerage.greedy import greedy
from liqa.core.scheduling.brokerage.problem import Problem, Result, Settings
from liqa.core.scheduling.brokerage.solve import solve


def run_instance(path: Path, settings: Settings, fairness: int | None) -> dict[str, Any]:
    """Solve one ``.dzn`` instance with CP-SAT and greedy; meetings and slots from 1."""
    problem = read_dzn(path, fairness)
    cpu = time.process_time()
    result = solve(problem, settings)
    cpu = time.process_time() - cpu
    base = greedy(problem)
    return {
        "instance": path.name.removesuffix(".dzn"),
        "status": str(result.status),
        "breaks": result.breaks if result.timetable.placements else None,
        "bound": result.bound,
        "seconds": round(result.seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "valid": _valid(problem, result),
        "schedule": [
            {"meeting": int(p.meeting), "slot": p.slot + 1}
            for p in sorted(result.timetable.placements, key=lambda p: int(p.meeting))
        ],
        "greedy": {
            "status": str(base.status),
            "breaks": base.breaks,
            "placed": len(base.timetable.placements),
            "seconds": round(base.seconds, 3),
        },
        "meetings": len(problem.meetings),
    }


def _valid(problem: Problem, result: Result) -> bool:
    return bool(result.timetable.placements) and not check_schedule(problem, result.timetable)


def known_optima(directory: Path) -> dict[str, int]:
    """Published optimal break counts from an ``optima.csv`` beside or above ``directory``."""
    for candidate in (directory / "optima.csv", directory.parent / "optima.csv"):
        if candidate.is_file():
            with candidate.open(encoding="utf-8") as handle:
                return {
                    row["instance"]: int(row["optimal_breaks"]) for row in csv.DictReader(handle)
                }
    return {}


def markdown_table(records: list[dict[str, Any]], optima: dict[str, int]) -> str:
    """One row per instance: status, breaks, bound, published optimum, time, greedy."""
    lines = [
        "| instance | status | breaks | bound | published optimum | seconds | CPU s | valid "
        "| greedy status | greedy breaks | greedy placed |",
        "|---|---|---:|---:|---:|---:|---:|---|---|---:|---:|",
    ]
    for rec in sorted(records, key=lambda r: str(r["instance"])):
        g = rec["greedy"]
        optimum = optima.get(rec["instance"])
        lines.append(
            f"| {rec['instance']} | {rec['status']} | {_cell(rec['breaks'])} "
            f"| {_cell(rec['bound'])} | {_cell(optimum)} | {rec['seconds']:.2f} "
            f"| {rec.get('cpu_seconds', 0):.2f} | {_validity(rec)} "
            f"| {g['status']} | {g['breaks']} "
            f"| {g['placed']}/{rec['meetings']} |"
        )
    return "\n".join(lines) + "\n"


def _validity(record: dict[str, Any]) -> str:
    if record["status"] == "infeasible":
        return "–"
    return "yes" if record["valid"] else "no"


def _cell(value: object) -> str:
    return "–" if value is None else str(value)


def merge_records(store: Path, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add ``records`` to the JSON store (replacing earlier runs of the same instance) and
    return every stored record, so results accumulate over runs done in chunks."""
    stored: dict[str, dict[str, Any]] = {}
    if store.is_file():
        stored = {r["instance"]: r for r in json.loads(store.read_text(encoding="utf-8"))}
    for record in records:
        slim = {k: v for k, v in record.items() if k != "schedule"}
        stored[record["instance"]] = slim
    merged = sorted(stored.values(), key=lambda r: str(r["instance"]))
    store.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    return merged


def summary(records: list[dict[str, Any]], optima: dict[str, int]) -> str:
    """Counts for the results file: originals against 10 s, crafted variants against 60 s."""
    lines = []
    groups = (
        ("original", 10.0, [r for r in records if str(r["instance"]).endswith(".original")]),
        ("crafted", 60.0, [r for r in records if not str(r["instance"]).endswith(".original")]),
    )
    for name, limit, group in groups:
        if not group:
            continue
        proven = [r for r in group if r["status"] in ("optimal", "infeasible")]
        infeasible = [r for r in group if r["status"] == "infeasible"]
        fast = [r for r in proven if r["seconds"] <= limit]
        fast_cpu = [r for r in proven if r.get("cpu_seconds", limit + 1) <= limit]
        at_optimum = [
            r
            for r in group
            if r["status"] == "optimal" and optima.get(r["instance"], r["breaks"]) == r["breaks"]
        ]
        lines.append(
            f"- {name}: {len(group)} run, {len(proven)} proven optimal or infeasible "
            f"({len(infeasible)} infeasible) "
            f"({len(fast)} within {limit:g} s wall, {len(fast_cpu)} within {limit:g} CPU s), "
            f"{len(at_optimum)} optimal at the "
            "published optimum where one is known"
        )
    return "\n".join(lines) + "\n"
