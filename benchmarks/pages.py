"""Benchmark: how heavy the organizer's pages of a large brokerage event are.

The example brokerage day (``examples/brokerage-day``, 120 participants, 476 requests) is
imported into a fresh SQLite database, planned with the core's greedy brokerage scheduler
(deterministic: the same meetings every run), published as version 1 (nobody e-mailed),
and planned again as the draft version 2. Then, for each page:

``grid``
    version 2's people × days grid (a draft: every meeting's Pin and Move);
``hosts``
    version 2's hosts × days grid (``?by=hosts``);
``tables``
    version 2's table plan of the day (``?by=tables``);
``changes``
    the page after publishing version 1 (every participant's agenda changed);
``report``
    the mission report of version 1.

Measured with Django's test client in this process: the page's bytes, its database
queries (``CaptureQueriesContext``) and the server's time (median of ``--runs``
requests, after one to warm the caches); then in Debian's Chromium (``/usr/bin/chromium``,
Playwright) against a live server in this process: the time from navigation to the load
event (median of ``--runs``) and the number of elements of the page.

``--before REV`` measures the code of the commit ``REV`` (its ``src/`` exported with
``git archive`` to a temporary folder, nothing in the checkout changed) and the code of
the working tree (or of the commit ``--after REV``), one after the other in the same run,
and prints the Markdown table of ``benchmarks/results/pages.md``::

    uv run python benchmarks/pages.py --before HEAD --runs 5
    uv run python benchmarks/pages.py --before 1a2b3c4 --after 5d6e7f8 --runs 5
    uv run python benchmarks/pages.py --json           # this tree only, as JSON
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_timing import exported_src, run_json, web_database  # a fresh database, old code

ROOT = Path(__file__).resolve().parent.parent
MISSION = ROOT / "examples" / "brokerage-day" / "mission.yaml"
ORGANIZER = "organizer@example.org"
CHROMIUM = Path("/usr/bin/chromium")
PAGES = ("grid", "hosts", "tables", "changes", "report")


def _setup(data_dir: Path) -> dict[str, str]:
    """A fresh database with the example event, v1 published and v2 a draft; the pages'
    addresses."""
    web_database(data_dir, DJANGO_ALLOW_ASYNC_UNSAFE="true")
    from liqa.core.scheduling.planning import PlanSettings, plan_event
    from liqa.web.accounts import services as accounts
    from liqa.web.accounts.models import Role
    from liqa.web.events.records import event_record
    from liqa.web.events.services import import_mission_file
    from liqa.web.scheduling import publishing
    from liqa.web.scheduling.records import store_schedule

    event = import_mission_file(MISSION.read_bytes(), "mission.yaml")
    accounts.grant(accounts.user_for_email(ORGANIZER), event, Role.ORGANIZER)
    accounts.enrol_everyone(event)
    greedy = PlanSettings(method="greedy", time_limit=10.0)
    v1 = store_schedule(event, plan_event(event_record(event), greedy).schedule)
    publishing.publish(v1, notify=False)
    v2 = store_schedule(event, plan_event(event_record(event), greedy).schedule)
    base = f"/organize/{event.slug}"
    return {
        "grid": f"{base}/versions/{v2.number}/",
        "hosts": f"{base}/versions/{v2.number}/?by=hosts",
        "tables": f"{base}/versions/{v2.number}/?by=tables",
        "changes": f"{base}/versions/{v1.number}/published/",
        "report": f"{base}/report/?version={v1.number}",
    }


def _server_side(urls: dict[str, str], runs: int) -> tuple[dict[str, Any], Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from liqa.web.accounts import services as accounts

    client = Client()
    client.force_login(accounts.user_for_email(ORGANIZER))
    out: dict[str, Any] = {}
    for name, url in urls.items():
        client.get(url)  # warm: the event's records and a published report are kept
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - began)
            assert response.status_code == 200, (url, response.status_code)
        out[name] = {
            "bytes": len(response.content),
            "queries": len(queries.captured_queries),
            "server_ms": round(statistics.median(times) * 1000),
        }
    return out, client


def _browser_side(urls: dict[str, str], runs: int, client: Any, out: dict[str, Any]) -> None:
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    connections.close_all()  # the server's threads open their own
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override={}, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    live = f"http://127.0.0.1:{server.port}"
    cookie = client.cookies["sessionid"].value
    args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
            context = browser.new_context(viewport={"width": 1366, "height": 768})
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": live}])
            page = context.new_page()
            for name, url in urls.items():
                page.goto(live + url, wait_until="load", timeout=120_000)  # warm
                times = []
                for _ in range(runs):
                    page.goto("about:blank")
                    began = time.perf_counter()
                    page.goto(live + url, wait_until="load", timeout=120_000)
                    times.append(time.perf_counter() - began)
                out[name]["browser_ms"] = round(statistics.median(times) * 1000)
                out[name]["elements"] = page.evaluate("document.getElementsByTagName('*').length")
            browser.close()
    finally:
        server.terminate()


def measure(runs: int, browser: bool) -> dict[str, Any]:
    """This interpreter's liqa: every page's figures."""
    with tempfile.TemporaryDirectory(prefix="liqa-pages-") as folder:
        urls = _setup(Path(folder))
        out, client = _server_side(urls, runs)
        if browser:
            _browser_side(urls, runs, client, out)
        return out


def _child(src: Path | None, runs: int, browser: bool) -> dict[str, Any]:
    command = [__file__, "--json", "--runs", str(runs)]
    if not browser:
        command.append("--no-browser")
    result: dict[str, Any] = run_json(command, src)
    return result


def _figure(value: Any) -> str:
    """A measured figure with thousands separators, or a dash where it was not measured
    (``--no-browser`` runs have no browser time nor element count)."""
    return "–" if value is None else f"{value:,}"


def table(before: dict[str, Any], after: dict[str, Any], rev: str, now: str) -> str:
    """Before (``rev``) and after (``now``) side by side, a row per page."""
    head = "| page |" + "".join(
        f" {what} {which} |"
        for what in ("bytes", "queries", "server ms", "browser ms", "elements")
        for which in (rev, now)
    )
    lines = [head, "|" + "---|" * 11]
    for name in PAGES:
        b, a = before[name], after[name]
        cells = [name]
        for key in ("bytes", "queries", "server_ms", "browser_ms", "elements"):
            cells += [_figure(b.get(key)), _figure(a.get(key))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="requests per page (median)")
    parser.add_argument("--before", metavar="REV", help="also measure commit REV's code")
    parser.add_argument("--after", metavar="REV", help="commit REV's code, not the tree's")
    parser.add_argument("--json", action="store_true", help="measure this tree, print JSON")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium")
    args = parser.parse_args(argv)
    browser = not args.no_browser
    if args.json:
        print(json.dumps(measure(args.runs, browser)))
        return 0
    if not args.before:
        parser.error("give --before REV (or --json)")
    with tempfile.TemporaryDirectory(prefix="liqa-before-") as folder:
        old = _child(exported_src(args.before, Path(folder)), args.runs, browser)
    with tempfile.TemporaryDirectory(prefix="liqa-after-") as folder:
        src = exported_src(args.after, Path(folder)) if args.after else None
        new = _child(src, args.runs, browser)
    print(table(old, new, args.before, args.after or "now"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
