"""Run the load test end to end on loopback and print the figures for results/load.md.

    uv run python benchmarks/load/run.py                      # 200 phones + 20 bookings/s, 5 min
    uv run python benchmarks/load/run.py --run-time 30s       # a quick try

Steps: create the PostgreSQL database (``--db``, dropped first if it exists), migrate, load
the demo mission and a generated brokerage day with ``dataset.py`` (planned, published,
everyone signed in), start ``liqa serve --production`` (gunicorn, ``--workers`` processes
of ``--threads`` threads: 4 x 2 by default; it first builds the kept agendas), run
``locustfile.py`` headless (``--users`` phones and ``--bookers`` bookers), sample the
machine's load average and the gunicorn processes' CPU time, stop the server, drop the
database, and print a Markdown report (also written to ``--report``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KINDS = ("agenda page", "agenda .ics", "schedule API", "booking", "booking cancel")


def _admin(server: str, sql: str) -> None:
    with psycopg.connect(f"postgres://{server}/postgres", autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[arg-type]  # a fixed statement of ours


def _wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 300) -> None:
    """Wait for the server to listen (it first builds the kept agendas: up to
    ``LIQA_WARM_SECONDS``, 120 s by default)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped (exit {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"the server did not listen on port {port} within {seconds} s")


def _cpu_seconds(root_pid: int, system_only: bool = False) -> float:
    """User + system (``system_only``: system) CPU seconds of a process and its children
    (gunicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if root_pid in (pid, ppid):
            total += (0 if system_only else int(fields[11])) / tick + int(fields[12]) / tick
    return total


def _backend_cpu_seconds(db: str) -> float:
    """User + system CPU seconds of the PostgreSQL backends now connected to ``db`` (a
    backend that ended meanwhile is not counted: the web processes keep their connections
    for ``CONN_MAX_AGE``, 60 s, so this undercounts a little)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if not command.startswith("postgres:") or f" {db} " not in command:
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _children_cpu_seconds() -> float:
    """User + system CPU seconds of this process's ended children (locust, once waited)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Sampler(threading.Thread):
    """The 1-minute load average every ``every`` seconds while the test runs."""

    def __init__(self, every: float = 10.0) -> None:
        super().__init__(daemon=True)
        self.every, self.loads, self.stop = every, [os.getloadavg()[0]], threading.Event()

    def run(self) -> None:
        while not self.stop.wait(self.every):
            self.loads.append(os.getloadavg()[0])


def _stats(prefix: Path) -> dict[str, dict[str, Any]]:
    """Locust's summary rows by request name."""
    with (prefix.parent / f"{prefix.name}_stats.csv").open(encoding="utf-8") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def _report(figures: dict[str, Any]) -> str:
    rows = figures["stats"]
    lines = [
        "| request | count | req/s | p50 ms | p95 ms | p99 ms | max ms | failures |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in (*KINDS, "Aggregated"):
        row = rows.get(name)
        if row is None:
            continue
        lines.append(
            f"| {name} | {row['Request Count']} | {float(row['Requests/s']):.1f} | "
            f"{row['50%']} | {row['95%']} | {row['99%']} | {float(row['Max Response Time']):.0f} "
            f"| {row['Failure Count']} |"
        )
    loads = figures["loads"]
    total = rows.get("Aggregated")
    served = max(1, int(total["Request Count"]) if total else 0)
    lines += [
        "",
        f"- run: {figures['started']} UTC, {figures['run_time']}, {figures['users']} phones "
        f"+ {figures['bookers']} bookers, gunicorn {figures['workers']} worker process(es) "
        f"x {figures['threads']} thread(s), {os.cpu_count()} CPU cores",
        f"- booking answers: {figures['outcomes']}",
        f"- load average (1 min) before: {loads[0]:.2f}; during: min {min(loads):.2f}, "
        f"max {max(loads):.2f}; after: {figures['load_after']:.2f}",
        f"- gunicorn CPU: {figures['cpu_seconds']:.0f} s over {figures['wall_seconds']:.0f} s "
        f"({figures['cpu_seconds'] / figures['wall_seconds']:.2f} cores), "
        f"{1000 * figures['cpu_seconds'] / served:.1f} ms per request served "
        f"({1000 * figures['system_seconds'] / served:.1f} of them in the kernel)",
        f"- PostgreSQL backends' CPU: {figures['backend_cpu_seconds']:.0f} s "
        f"({1000 * figures['backend_cpu_seconds'] / served:.1f} ms per request; backends "
        f"that ended during the run not counted); locust's CPU: "
        f"{figures['locust_cpu_seconds']:.0f} s "
        f"({1000 * figures['locust_cpu_seconds'] / served:.1f} ms per request)",
        f"- data: {json.dumps(figures['events'])}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module's docstring and ``--help``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="postgres@127.0.0.1:5432", help="user@host:port")
    parser.add_argument("--db", default="liqa_load")
    parser.add_argument("--users", type=int, default=200, help="phones reading agendas")
    parser.add_argument("--bookers", type=int, default=20, help="bookings per second")
    parser.add_argument("--run-time", default="5m")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--threads",
        type=int,
        default=2,
        help="threads per worker (2: gunicorn's gthread workers, reads queued less in the "
        "runs of results/load.md; 1: sync workers)",
    )
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--report", type=Path, help="also write the Markdown report here")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="liqa-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{args.server}/{args.db}",
        "LIQA_DATA_DIR": str(work / "var"),
        "LIQA_SECRET_KEY": "load-test-only-" + os.urandom(24).hex(),
        "LIQA_ENV": "production",
        "LIQA_SSL_REDIRECT": "0",  # loopback: requests say they came over TLS (the proxy's header)
        "LIQA_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "LIQA_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "LIQA_BASE_URL": f"https://127.0.0.1:{args.port}",
        "LIQA_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LIQA_LOG_LEVEL": "WARNING",
        "LIQA_LOAD_USERS": str(work / "users.json"),
        "LIQA_LOAD_OUTCOMES": str(work / "outcomes.json"),
        "LIQA_LOAD_BOOKERS": str(args.bookers),
    }
    _admin(args.server, f'DROP DATABASE IF EXISTS "{args.db}"')
    _admin(args.server, f'CREATE DATABASE "{args.db}"')
    server: subprocess.Popen[bytes] | None = None
    try:
        print(f"preparing {args.db} in {work}", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(HERE / "dataset.py"), "--out", env["LIQA_LOAD_USERS"]],
            env=env,
            check=True,
        )
        prepared = json.loads(Path(env["LIQA_LOAD_USERS"]).read_text(encoding="utf-8"))
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "liqa", "serve", "--production", "--port", str(args.port)),
                *("--workers", str(args.workers), "--threads", str(args.threads)),
            ],
            env=env,
            stdout=(work / "server.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        _wait_for_port(args.port, server)
        sampler = Sampler()
        started = datetime.now(UTC)
        cpu_before, wall_before = _cpu_seconds(server.pid), time.monotonic()
        system_before = _cpu_seconds(server.pid, system_only=True)
        backends_before, locust_before = _backend_cpu_seconds(args.db), _children_cpu_seconds()
        sampler.start()
        prefix = work / "locust"
        subprocess.run(
            [
                *(sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless"),
                *("--users", str(args.users + args.bookers), "--spawn-rate", "50"),
                *("--run-time", args.run_time, "--host", f"http://127.0.0.1:{args.port}"),
                *("--csv", str(prefix), "--only-summary", "--reset-stats", "--stop-timeout", "10"),
                *(("Phone",) if args.bookers == 0 else ()),  # no booker class at all
            ],
            env=env,
            check=False,
        )
        sampler.stop.set()
        locust_cpu = _children_cpu_seconds() - locust_before
        figures = {
            "started": started.strftime("%Y-%m-%d %H:%M"),
            "run_time": args.run_time,
            "users": args.users,
            "bookers": args.bookers,
            "workers": args.workers,
            "threads": args.threads,
            "stats": _stats(prefix),
            "outcomes": json.loads(Path(env["LIQA_LOAD_OUTCOMES"]).read_text(encoding="utf-8")),
            "loads": sampler.loads,
            "load_after": os.getloadavg()[0],
            "cpu_seconds": _cpu_seconds(server.pid) - cpu_before,
            "system_seconds": _cpu_seconds(server.pid, system_only=True) - system_before,
            "backend_cpu_seconds": _backend_cpu_seconds(args.db) - backends_before,
            "locust_cpu_seconds": locust_cpu,
            "wall_seconds": time.monotonic() - wall_before,
            "events": prepared["summary"]["events"],
        }
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        if not args.keep_db:
            _admin(args.server, f'DROP DATABASE IF EXISTS "{args.db}"')
    report = _report(figures)
    print(report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
