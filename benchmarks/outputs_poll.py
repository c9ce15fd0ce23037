"""Benchmark: what one poll of the outputs page costs while a version's zip is built (demo).

The demo mission is planned once (``outputs_zip.make_plan``: CP-SAT, seed 0, the plan kept
in ``plan.json``) and loaded as ``liqa demo`` loads it (``load_demo``: a fresh SQLite
database, the plan stored as a finished run's version 1 and published, so its report states
a proof of quality). Then, in a fresh interpreter per side: the zip's building marker is
put where the code's digest names it (no zip is built), and the page's poll is asked
``--polls`` times, as ``static/js/outputs.js`` asks it every 3 s: ``HEAD
…/versions/1/outputs.zip`` with Django's test client (sign-in, the version, the digest,
the files' state; 202 each time). Printed: the first poll of the process, and the median
of the later ones, wall time and CPU time of the process (milliseconds); and the digest alone
(``exports.outputs_digest``, median of as many calls).

``--before REV`` and ``--after REV`` (else the working tree) are measured alternately,
``--runs`` times each; prints the Markdown table of ``benchmarks/results/pages.md``::

    uv run python benchmarks/outputs_poll.py --before 78bc08d --runs 2
    uv run python benchmarks/outputs_poll.py --json          # this tree only, as JSON
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
from demo_timing import exported_src, load_average, run_json, web_database
from outputs_zip import MISSION, make_plan


def _demo(data_dir: Path, plan: Path) -> Any:
    """The demo loaded from ``plan`` into a fresh database in ``data_dir``; its version."""
    web_database(data_dir, LIQA_EMBEDDINGS_AHEAD="off")
    from liqa.core.missionfile.loading import load_event
    from liqa.core.outputs.planfile import read_plan
    from liqa.web.demo import load_demo
    from liqa.web.scheduling.models import ScheduleVersion

    schedule = read_plan(plan, load_event(MISSION)).schedule
    load_demo(MISSION, data_dir=data_dir, schedule=schedule, seconds=3.0)
    return ScheduleVersion.objects.select_related("event").get(number=1)


def _timed(call: Any) -> tuple[float, float]:
    """Wall and CPU milliseconds of ``call()`` (this process's CPU: a poll starts none)."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(plan: Path, polls: int) -> dict[str, Any]:
    """This interpreter's liqa: the first poll, the later ones, the digest alone."""
    with tempfile.TemporaryDirectory(prefix="liqa-outputs-poll-") as folder:
        version = _demo(Path(folder), plan)
        from django.test import Client

        from liqa.web.accounts import services as accounts
        from liqa.web.demo import ORGANIZER_EMAIL
        from liqa.web.scheduling import exports
        from liqa.web.scheduling.models import Run

        proved = Run.objects.filter(result=version).exists()
        client = Client()
        client.force_login(accounts.user_for_email(ORGANIZER_EMAIL))
        slug = version.event.slug
        assert client.get(f"/organize/{slug}/").status_code == 200  # URLs, templates, session
        path = exports.outputs_state(version).path  # the digest of this code
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_suffix(".building").touch()  # a build under way: each poll answers 202
        url = f"/organize/{slug}/versions/{version.number}/outputs.zip"

        def poll() -> None:
            assert client.head(url).status_code == 202

        out: dict[str, Any] = {"load": load_average(), "proof": proved}
        out["first"] = _timed(poll)
        later = [_timed(poll) for _ in range(polls)]
        digests = [_timed(lambda: exports.outputs_digest(version)) for _ in range(polls)]
        for name, values in (("later", later), ("digest", digests)):
            out[name] = [statistics.median(v[i] for v in values) for i in (0, 1)]
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each side")
    parser.add_argument("--polls", type=int, default=100, help="later polls measured")
    parser.add_argument("--before", metavar="REV", help="measure commit REV's code too")
    parser.add_argument("--after", metavar="REV", help="commit REV's code, not the tree's")
    parser.add_argument("--json", action="store_true", help="measure this tree, print JSON")
    parser.add_argument("--plan", type=Path, help="plan.json to use (default: planned now)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="liqa-plan-") as folder:
        plan = args.plan or Path(folder) / "plan.json"
        if not plan.exists():
            make_plan(plan)
        if args.json:
            print(json.dumps(measure(plan, args.polls)))
            return 0
        if not args.before:
            parser.error("give --before REV (or --json)")
        sides: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
        with tempfile.TemporaryDirectory(prefix="liqa-code-") as code:
            old = exported_src(args.before, Path(code) / "before")
            new = exported_src(args.after, Path(code) / "after") if args.after else None
            for _ in range(args.runs):  # alternating: both meet the same neighbours
                for side, src in zip(sides, (old, new), strict=True):
                    arguments = [__file__, "--json", "--plan", str(plan), "--polls"]
                    side.append(run_json([*arguments, str(args.polls)], src))
        now = args.after or "now"
        print("| measure | side | wall ms | CPU ms | load (1 min) |")
        print("|---|---|---|---|---|")
        labels = {
            "first": "first poll (HEAD)",
            "later": "later poll (HEAD, median)",
            "digest": "digest alone (median)",
        }
        for which, label in labels.items():
            for rev, side in ((args.before, sides[0]), (now, sides[1])):
                for run in side:
                    wall, cpu = run[which]
                    print(f"| {label} | {rev} | {wall:.1f} | {cpu:.1f} | {run['load']:.1f} |")
        proofs = {run["proof"] for side in sides for run in side}
        print(f"\nversion 1 made by a run (proof of quality in the report): {proofs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
