"""Benchmark: the warm step's time budget and a second process's first recommendations.

The brokerage example (``examples/brokerage-day``: 91 organizations, 120 participants, 229
profile texts and sentences to embed) is imported into a fresh SQLite database with every
participant enrolled and no schedule (requests come before any), nothing embedded
(``LIQA_EMBEDDINGS_AHEAD=off``). Then, each in a fresh interpreter on the same data
directory, as the processes of a server:

``warm``
    ``liqa serve --production``'s warm step (``agendas.warm.warm``) with ``--seconds``:
    its time, whether it was complete, the texts it embedded;
``visit 1``
    a participant's first recommendations (``agendas.domain.suggestions``): its time, the
    texts the model embedded in it, and the ones a background thread of the process then
    embedded (what the warm step left, if anything; waited for);
``visit 2``
    the same in a third process, after that: what a worker forked later, or another
    worker, finds.

``--before REV`` runs the same with commit ``REV``'s ``src/`` (``git archive``) first::

    uv run python benchmarks/embeddings_warm.py --before HEAD --seconds 10

A visit's CPU is the process's (its background thread's included) and, apart, the page's
own thread's: a page slower than its own CPU waited (for a core, here). Run it as a server
may run, e.g. under ``nice -n 15``: the background thread's priority is relative to it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_timing import web_database  # the web app on a fresh database

ROOT = Path(__file__).resolve().parent.parent
MISSION = ROOT / "examples" / "brokerage-day" / "mission.yaml"


def setup(data_dir: Path) -> dict[str, Any]:
    """The example imported, everyone enrolled; nothing embedded."""
    web_database(data_dir, LIQA_EMBEDDINGS_AHEAD="off")
    from liqa.web.accounts import services as accounts
    from liqa.web.events.services import import_mission_file

    event = import_mission_file(MISSION.read_bytes(), "mission.yaml")
    accounts.enrol_everyone(event)
    return {"event": event.slug}


def warm_step(data_dir: Path, seconds: float) -> dict[str, Any]:
    """The warm step of a server starting on ``data_dir``."""
    web_database(data_dir, LIQA_EMBEDDINGS_AHEAD="off")
    from liqa.web.agendas.warm import warm

    began, cpu = time.perf_counter(), time.process_time()
    done = warm(seconds)
    return {
        "wall": time.perf_counter() - began,
        "cpu": time.process_time() - cpu,
        "complete": done.complete,
        "embedded": done.embedded,
    }


def visit(data_dir: Path) -> dict[str, Any]:
    """A fresh process's first recommendations, then its background embedding (waited for)."""
    web_database(data_dir, LIQA_EMBEDDINGS_AHEAD="off")
    from liqa.core.matching import event_parties
    from liqa.core.matching.semantic import cached
    from liqa.web.agendas import domain, meaning
    from liqa.web.events.models import Event
    from liqa.web.events.records import event_record

    row = Event.objects.order_by("-pk").first()
    assert row is not None
    record = event_record(row)
    began, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
    domain.suggestions(row, record.people[0].id, "en")
    out: dict[str, Any] = {
        "wall": time.perf_counter() - began,
        "cpu": time.process_time() - cpu,
        "thread_cpu": time.thread_time() - own,
        "embedded": meaning.embedder().computed,
    }
    began = time.perf_counter()
    for thread in list(meaning._RUNNING.values()):
        thread.join()
    out["background_wall"] = time.perf_counter() - began
    out["background_embedded"] = meaning.embedder().computed - out["embedded"]
    out["ready_after"] = cached(event_parties(record), meaning.embedder())
    return out


def _exported_src(rev: str, into: Path) -> Path:
    archive = into / "src.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), rev, "src"],
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _phase(src: Path | None, *args: str) -> dict[str, Any]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH")) if p)
    command = [sys.executable, __file__, "--phase", *args]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def side(src: Path | None, seconds: float) -> dict[str, Any]:
    """Every phase on a fresh data directory with ``src``'s code (None: this tree's)."""
    with tempfile.TemporaryDirectory(prefix="liqa-embeddings-") as folder:
        data = str(Path(folder) / "var")
        _phase(src, "setup", data)
        return {
            "load": os.getloadavg()[0],
            "warm": _phase(src, "warm", data, str(seconds)),
            "visit1": _phase(src, "visit", data),
            "visit2": _phase(src, "visit", data),
        }


def _cpu(visit: dict[str, Any]) -> str:
    """The visit's CPU: the process's (with a background thread), the page's thread's."""
    own = visit.get("thread_cpu")
    page = "" if own is None else f", {own:.2f} in the page's thread"
    return f"{visit['cpu']:.2f} CPU-s{page}"


def table(results: dict[str, dict[str, Any]], seconds: float) -> str:
    """One row per code, Markdown."""
    lines = [
        f"| code | load | warm step ({seconds:g} s budget) | complete | texts it embedded "
        "| second process: first visit | texts embedded in it | its background thread "
        "| third process: first visit | texts embedded in it |",
        "|" + "---|" * 10,
    ]
    for name, r in results.items():
        w, v1, v2 = r["warm"], r["visit1"], r["visit2"]
        lines.append(
            f"| {name} | {r['load']:.1f} | {w['wall']:.1f} s ({w['cpu']:.1f} CPU-s) "
            f"| {'yes' if w['complete'] else 'no'} | {w['embedded']} "
            f"| {v1['wall']:.2f} s ({_cpu(v1)}) | {v1['embedded']} "
            f"| {v1['background_embedded']} texts, {v1['background_wall']:.1f} s "
            f"| {v2['wall']:.2f} s ({_cpu(v2)}) | {v2['embedded']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=10.0, help="the warm step's budget")
    parser.add_argument("--before", metavar="REV", help="also measure commit REV's code")
    args = parser.parse_args(argv)
    if args.phase:
        name, data, *rest = args.phase
        if name == "setup":
            print(json.dumps(setup(Path(data))))
        elif name == "warm":
            print(json.dumps(warm_step(Path(data), float(rest[0]))))
        else:
            print(json.dumps(visit(Path(data))))
        return 0
    results: dict[str, dict[str, Any]] = {}
    if args.before:
        with tempfile.TemporaryDirectory(prefix="liqa-before-") as folder:
            results[f"`{args.before}`"] = side(
                _exported_src(args.before, Path(folder)), args.seconds
            )
    results["now"] = side(None, args.seconds)
    print(table(results, args.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
