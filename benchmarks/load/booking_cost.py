"""CPU cost of one slot booking and of one agenda read, in one process, on PostgreSQL.

    uv run python benchmarks/load/booking_cost.py --db liqa_cost            # prepare, measure, drop
    uv run python benchmarks/load/booking_cost.py --db liqa_cost --keep-db  # keep the data
    uv run python benchmarks/load/booking_cost.py --db liqa_cost --reuse    # measure kept data

Loads the load test's data (``dataset.py``: the demo mission and the generated brokerage day,
planned and published) into the database ``--db`` (created, dropped first if it exists;
dropped at the end unless ``--keep-db``), then sends requests through Django's test client
exactly as the load test's users do (``locustfile.py``): ``--n`` bookings by delegates of
the brokerage day (one of their accepted meetings into one of the first four slots, the
oldest booking cancelled once they hold two), and ``--n`` reads of each kind (agenda page,
``.ics``, schedule API) by participants in turn. Each request is timed in CPU seconds of
this process (``time.process_time``: the web worker's own cost, not PostgreSQL's) and in
wall seconds, and its database queries are counted. One warm-up pass of each kind runs
first (the per-process records are then kept, as in a worker that has been serving).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import logging
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
POPULAR_SLOTS = 4
PROXY = {"HTTP_X_FORWARDED_PROTO": "https"}


@dataclass
class Timings:
    """CPU and wall milliseconds and query counts of one kind of request."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    profile: cProfile.Profile | None = None
    """Profiles the requests in CPU time when set (``--profile``)."""

    def row(self, name: str) -> str:
        """A Markdown table row: count, mean and p95 CPU ms, mean wall ms, mean queries."""
        cpu = sorted(self.cpu)
        p95 = cpu[min(len(cpu) - 1, int(0.95 * len(cpu)))]
        statuses = ", ".join(f"{n} × {s}" for s, n in sorted(self.statuses.items()))
        return (
            f"| {name} | {len(cpu)} | {statistics.fmean(cpu):.2f} | {statistics.median(cpu):.2f} "
            f"| {p95:.2f} | {statistics.fmean(self.wall):.2f} "
            f"| {statistics.fmean(self.queries):.1f} | {statuses} |"
        )


def _admin(server: str, sql: str) -> None:
    with psycopg.connect(f"postgres://{server}/postgres", autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[arg-type]  # a fixed statement of ours


def _timed(timings: Timings, send: Callable[[], Any]) -> Any:
    from django.db import connection

    count = 0

    def counted(execute: Callable[..., Any], *args: Any) -> Any:
        nonlocal count
        count += 1
        return execute(*args)

    with connection.execute_wrapper(counted):
        if timings.profile is not None:
            timings.profile.enable()
        cpu, wall = time.process_time(), time.perf_counter()
        response = send()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if timings.profile is not None:
            timings.profile.disable()
    timings.cpu.append(cpu * 1000)
    timings.wall.append(wall * 1000)
    timings.queries.append(count)
    timings.statuses[response.status_code] += 1
    return response


def measure(
    users: list[dict[str, Any]], slots: list[str], n: int, seed: int, profile: bool = False
) -> tuple[dict[str, Timings], dict[str, Timings]]:
    """Send ``n`` bookings and ``n`` reads of each kind; their timings by kind (profiled
    with ``cProfile`` when ``profile``: the timings then include the profiler's cost), and
    those of the warm-up pass before them (each participant's first reads: what a fresh
    worker process pays for every agenda it has not kept yet)."""
    from django.test import Client

    logging.getLogger("django.request").setLevel(logging.ERROR)  # 409s are expected answers
    rng = random.Random(seed)
    phones = list(users)
    delegates = [u for u in users if u["person"].startswith("p-d") and u["requests"]]
    client = Client()
    out = {k: Timings() for k in ("agenda page", "agenda .ics", "schedule API")}
    out["booking"], out["booking cancel"] = Timings(), Timings()
    if profile:
        for timings in out.values():
            timings.profile = cProfile.Profile(time.process_time)
    held: dict[str, list[str]] = {}

    def page(me: dict[str, Any], path: str) -> Any:
        client.cookies["sessionid"] = me["session"]
        return client.get(path, HTTP_ACCEPT_LANGUAGE=me["lang"], **PROXY)  # type: ignore[arg-type]

    def api(me: dict[str, Any], path: str) -> Any:
        return client.get(path, HTTP_AUTHORIZATION=f"Token {me['token']}", **PROXY)  # type: ignore[arg-type]

    def book(me: dict[str, Any], timings: dict[str, Timings]) -> None:
        token = {"HTTP_AUTHORIZATION": f"Token {me['token']}", **PROXY}
        mine = held.setdefault(me["person"], [])
        base = f"/api/events/{me['event']}/requests/"
        if len(mine) >= 2:
            key = mine.pop(0)
            _timed(timings["booking cancel"], lambda: client.delete(f"{base}{key}/book/", **token))  # type: ignore[arg-type]
        key = rng.choice([k for k in me["requests"] if k not in mine])
        body = json.dumps({"slot": rng.choice(slots[:POPULAR_SLOTS])})
        response = _timed(
            timings["booking"],
            lambda: client.post(f"{base}{key}/book/", body, "application/json", **token),  # type: ignore[arg-type]
        )
        if response.status_code == 201:
            mine.append(key)

    def reads(me: dict[str, Any], timings: dict[str, Timings]) -> None:
        slug = me["event"]
        _timed(timings["agenda page"], lambda: page(me, f"/me/{slug}/"))
        _timed(timings["agenda .ics"], lambda: page(me, f"/me/{slug}/agenda.ics"))
        _timed(timings["schedule API"], lambda: api(me, f"/api/events/{slug}/schedules/"))

    warm = {k: Timings() for k in out}
    for me in phones:  # every agenda built and kept once, as in a worker that has been serving
        reads(me, warm)
    for _ in range(20):
        book(rng.choice(delegates), warm)
    for i in range(n):
        book(rng.choice(delegates), out)
        reads(phones[i % len(phones)], out)
    for timings in (*warm.values(), *out.values()):
        bad = {s for s in timings.statuses if s not in (200, 201, 204, 409)}
        if bad:
            raise SystemExit(f"unexpected statuses: {dict(timings.statuses)}")
    return out, warm


def _profile_text(profile: cProfile.Profile, top: int) -> str:
    """The ``top`` functions by own time and by cumulative time."""
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module's docstring and ``--help``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="postgres@127.0.0.1:5432", help="user@host:port")
    parser.add_argument("--db", default="liqa_cost")
    parser.add_argument("--n", type=int, default=300, help="bookings, and reads of each kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=20.0, help="per scheduler run")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database")
    parser.add_argument("--reuse", action="store_true", help="measure data kept by --keep-db")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="print each kind's N costliest functions"
    )
    args = parser.parse_args(argv)

    users_file = Path(tempfile.gettempdir()) / f"liqa-cost-{args.db}.json"
    os.environ.update(
        {
            "DATABASE_URL": f"postgres://{args.server}/{args.db}",
            "LIQA_DATA_DIR": str(Path(tempfile.gettempdir()) / f"liqa-cost-{args.db}"),
            "LIQA_ALLOWED_HOSTS": "testserver",
            "LIQA_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LIQA_LOG_LEVEL": "WARNING",
        }
    )
    import dataset

    if not args.reuse:
        _admin(args.server, f'DROP DATABASE IF EXISTS "{args.db}"')
        _admin(args.server, f'CREATE DATABASE "{args.db}"')
    try:
        if not args.reuse:
            dataset.prepare(users_file, args.time_limit)
        else:
            from liqa.web import runtime

            runtime.configure()
        data = json.loads(users_file.read_text(encoding="utf-8"))
        from liqa.web.events.models import Booking

        Booking.objects.all().delete()  # every run starts from the published data alone
        started = time.process_time()
        timings, warm = measure(
            data["users"], data["summary"]["slots"], args.n, args.seed, bool(args.profile)
        )
        total = time.process_time() - started
        Booking.objects.all().delete()
    finally:
        if not args.keep_db and not args.reuse:
            from django.db import connections

            connections.close_all()
            _admin(args.server, f'DROP DATABASE IF EXISTS "{args.db}"')
    print(
        "| request | count | CPU ms mean | CPU ms p50 | CPU ms p95 | wall ms mean "
        "| queries | answers |\n|---|---:|---:|---:|---:|---:|---:|---|"
    )
    for name, found in timings.items():
        print(found.row(name))
    print("\nWarm-up pass (each participant's first reads in this process, 20 bookings):\n")
    for name, found in warm.items():
        if found.cpu:
            print(found.row(name))
    print(f"\nCPU {total:.1f} s in all; load average (1 min) after: {os.getloadavg()[0]:.2f}")
    for name, found in timings.items():
        if found.profile is not None and args.profile:
            print(f"\n## {name}\n\n{_profile_text(found.profile, args.profile)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
