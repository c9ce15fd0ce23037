"""Run the scheduler on benchmark instances and report in the study's numbering.

The records are plain dicts ready for JSON; :func:`markdown_table` renders many of them.
"""

from __future__ import annotations

import csv
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
    result = solve(problem, settings)
    base = greedy(problem)
    return {
        "instance": path.name.removesuffix(".dzn"),
        "status": str(result.status),
        "breaks": result.breaks if result.timetable.placements else None,
        "bound": result.bound,
        "seconds": round(result.seconds, 3),
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
        "| instance | status | breaks | bound | published optimum | seconds | valid "
        "| greedy breaks | greedy placed |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for rec in sorted(records, key=lambda r: str(r["instance"])):
        g = rec["greedy"]
        optimum = optima.get(rec["instance"])
        lines.append(
            f"| {rec['instance']} | {rec['status']} | {_cell(rec['breaks'])} "
            f"| {_cell(rec['bound'])} | {_cell(optimum)} | {rec['seconds']:.2f} "
            f"| {'yes' if rec['valid'] else 'no'} | {g['breaks']} "
            f"| {g['placed']}/{rec['meetings']} |"
        )
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    return "–" if value is None else str(value)
