"""Benchmark: a published version's report.pdf once its outputs zip is built (demo mission).

As ``outputs_zip.py`` sets it up (the demo mission planned once into ``plan.json``, imported
into a fresh SQLite database, version 1 published), then, in a fresh interpreter per side:
the zip built as the background task builds it (``exports.build_outputs``, not timed),
:func:`liqa.web.agendas.warm.warm` and one request of the event page, then ``GET
…/report.pdf?version=1`` in English (the first PDF of the process) and in French: wall
time and CPU of the process tree each, and whether the answer has the zip's member's bytes
(the old code rendered it again: for a version no run made, the same bytes).

``--before REV`` and ``--after REV`` (else the working tree) are measured alternately,
``--runs`` times each; prints a Markdown table for ``benchmarks/results/pages.md``::

    uv run python benchmarks/report_from_zip.py --before 9b73afa --after 19a6260 --runs 1
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_timing import exported_src, load_average, run_json, tree_cpu
from outputs_zip import ORGANIZER, _setup, make_plan


def measure(plan: Path) -> dict[str, Any]:
    """This interpreter's liqa: the zip built, then the first (en) and second (fr) PDF."""
    with tempfile.TemporaryDirectory(prefix="liqa-report-zip-") as folder:
        version = _setup(Path(folder), plan)
        from django.test import Client

        from liqa.web.accounts import services as accounts
        from liqa.web.agendas.warm import warm
        from liqa.web.scheduling.exports import build_outputs

        archive = zipfile.ZipFile(io.BytesIO(build_outputs(version.pk).read_bytes()))
        warm(120)
        client = Client()
        client.force_login(accounts.user_for_email(ORGANIZER))
        slug = version.event.slug
        assert client.get(f"/organize/{slug}/").status_code == 200
        out: dict[str, Any] = {"load": load_average()}
        for name, lang in (("first", "en"), ("second", "fr")):
            wall, cpu = time.perf_counter(), tree_cpu()
            response = client.get(
                f"/organize/{slug}/report.pdf?version={version.number}", HTTP_ACCEPT_LANGUAGE=lang
            )
            out[name] = {
                "wall": time.perf_counter() - wall,
                "cpu": tree_cpu() - cpu,
                "from_zip": response.content == archive.read(f"{lang}/report.pdf"),
            }
            assert (response.status_code, response.content[:5]) == (200, b"%PDF-"), response
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each side")
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
            print(json.dumps(measure(plan)))
            return 0
        if not args.before:
            parser.error("give --before REV (or --json)")
        sides: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
        with tempfile.TemporaryDirectory(prefix="liqa-code-") as code:
            old = exported_src(args.before, Path(code) / "before")
            new = exported_src(args.after, Path(code) / "after") if args.after else None
            for _ in range(args.runs):  # alternating: both meet the same neighbours
                for side, src in zip(sides, (old, new), strict=True):
                    arguments = [__file__, "--json", "--plan", str(plan)]
                    side.append(run_json(arguments, src))
        now = args.after or "now"
        print("| measure | side | wall s | CPU s | bytes = zip's | load (1 min) |")
        print("|---|---|---|---|---|---|")
        for which in ("first", "second"):
            for rev, side in ((args.before, sides[0]), (now, sides[1])):
                for run in side:
                    m = run[which]
                    print(
                        f"| {which} report.pdf | {rev} | {m['wall']:.2f} | {m['cpu']:.2f} "
                        f"| {'yes' if m['from_zip'] else 'no'} | {run['load']:.1f} |"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
