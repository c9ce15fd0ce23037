"""Benchmark: the organizer's downloads of the demo event, the outputs zip and report.pdf.

The demo mission (``examples/morocco-us-digital-2024``) is planned once (CP-SAT, seed 0,
3 s; the plan kept in ``plan.json`` so that every measure prints the same meetings),
imported into a fresh SQLite database and its plan stored and published as version 1
(nobody e-mailed). Then, each in a fresh interpreter, as a server process meets them:

``zip``
    :func:`liqa.web.scheduling.exports.outputs_zip` of version 1, as the background task
    builds it (every agenda's PDF and ``.ics`` in ar, fr and en, organizations' agendas,
    grids, sheets, report, communiqué): wall time and the CPU time of this process and of
    every process it started (PDF workers included, read from ``/proc``);
``report``
    ``GET …/report.pdf?version=1`` with Django's test client, as a worker of ``liqa serve
    --production`` meets it: after :func:`liqa.web.agendas.warm.warm` (which gunicorn's
    master runs before forking its workers) and one request of the organizer's event page
    (the URLs and templates loaded), the first report PDF of the process (English), then a
    second one (French: not kept, rendered again).
``page``
    ``GET …/report/?version=1``, the organizer's report page, set up as ``report``: the
    first of the process (English), then a second one (French).
``rebuild``
    :func:`~liqa.web.scheduling.exports.build_outputs` of version 1, as the background task
    runs it (the zip written into the data directory), then an outcome recorded for the
    version's first meeting (held, a memorandum of understanding: the reports change) and
    the zip built again: wall and CPU of each build (the process and its PDF workers).

``--before REV`` measures the code of commit ``REV`` (its ``src/`` exported with ``git
archive``, nothing in the checkout changed) and the working tree's (or ``--after REV``'s),
alternating, ``--runs`` times each, and prints the Markdown table of
``benchmarks/results/pages.md``::

    uv run python benchmarks/outputs_zip.py --before 1a2b3c4 --runs 2
    uv run python benchmarks/outputs_zip.py --before 1a2b3c4 --only report page rebuild
    uv run python benchmarks/outputs_zip.py --json zip      # this tree only, as JSON
    uv run python benchmarks/outputs_zip.py --profile zip.prof   # cProfile of the zip build
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# the /proc CPU reader, a fresh database, another commit's code
from demo_timing import exported_src, load_average, run_json, tree_cpu, web_database

ROOT = Path(__file__).resolve().parent.parent
MISSION = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
ORGANIZER = "organizer@example.org"
TIME_LIMIT = 3.0
MEASURES = ("zip", "report", "page", "rebuild")


def make_plan(path: Path) -> None:
    """Plan the demo mission once (seed 0, one solver worker) into ``path`` (plan.json)."""
    from liqa.core.missionfile.loading import load_event
    from liqa.core.outputs.planfile import write_plan
    from liqa.core.scheduling.planning import PlanSettings, plan_event

    event = load_event(MISSION)
    outcome = plan_event(event, PlanSettings(time_limit=TIME_LIMIT, workers=1, seed=0))
    write_plan(path, event, outcome.schedule, MISSION)


def _setup(data_dir: Path, plan: Path) -> Any:
    """A fresh database with the demo event, ``plan`` stored and published as version 1;
    the version."""
    # no background thread embedding the profiles after the import (f8540d4): it would
    # compete with what is measured
    web_database(data_dir, LIQA_EMBEDDINGS_AHEAD="off")
    from liqa.core.outputs.planfile import read_plan
    from liqa.web.accounts import services as accounts
    from liqa.web.accounts.models import Role
    from liqa.web.events.records import event_record
    from liqa.web.events.services import import_mission_file
    from liqa.web.scheduling import publishing
    from liqa.web.scheduling.records import store_schedule

    event = import_mission_file(MISSION.read_bytes(), "mission.yaml")
    accounts.grant(accounts.user_for_email(ORGANIZER), event, Role.ORGANIZER)
    schedule = read_plan(plan, event_record(event)).schedule
    version = store_schedule(event, schedule)
    publishing.publish(version, notify=False)
    version.refresh_from_db()
    return version


def measure_zip(version: Any, profile: Path | None = None) -> dict[str, Any]:
    """Build the version's outputs zip once; wall, CPU of the process tree, bytes, files."""
    import io

    from liqa.web.scheduling.exports import outputs_zip

    load, wall, cpu = load_average(), time.perf_counter(), tree_cpu()
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        data = profiler.runcall(outputs_zip, version)
        profiler.dump_stats(profile)
    else:
        data = outputs_zip(version)
    wall, cpu = time.perf_counter() - wall, tree_cpu() - cpu
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    return {
        "load": load,
        "wall": wall,
        "cpu": cpu,
        "bytes": len(data),
        "files": len(names),
        "pdfs": sum(name.endswith(".pdf") for name in names),
    }


def _served(version: Any, path: str, check: Any) -> dict[str, Any]:
    """As a worker of ``liqa serve --production`` meets it: after :func:`warm` (gunicorn's
    master runs it before forking) and one request of the organizer's event page (the
    URLs and templates loaded), ``GET path`` in English (the first of the process), then
    in French; wall and CPU each, ``check(response, lang)`` asserted."""
    from django.test import Client

    from liqa.web.accounts import services as accounts
    from liqa.web.agendas.warm import warm

    warmed = time.perf_counter()
    warm(120)
    warmed = time.perf_counter() - warmed
    client = Client()
    client.force_login(accounts.user_for_email(ORGANIZER))
    slug = version.event.slug
    assert client.get(f"/organize/{slug}/").status_code == 200  # URLs, templates, session
    out: dict[str, Any] = {"load": load_average(), "warm": warmed}
    for name, lang in (("first", "en"), ("second", "fr")):
        wall, cpu = time.perf_counter(), tree_cpu()
        response = client.get(path.format(slug=slug), HTTP_ACCEPT_LANGUAGE=lang)
        out[name] = {"wall": time.perf_counter() - wall, "cpu": tree_cpu() - cpu}
        check(response, lang)
    return out


def measure_report(version: Any) -> dict[str, Any]:
    """The first report.pdf of this process (en), then a second (fr): wall and CPU each."""

    def check(response: Any, lang: str) -> None:
        assert (response.status_code, response.content[:5]) == (200, b"%PDF-"), response
        assert f"-report-v{version.number}-{lang}.pdf" in response["Content-Disposition"]

    return _served(version, f"/organize/{{slug}}/report.pdf?version={version.number}", check)


def measure_page(version: Any) -> dict[str, Any]:
    """The first report page of this process (en), then a second (fr): wall and CPU each."""

    def check(response: Any, lang: str) -> None:
        assert response.status_code == 200, (response, lang)

    return _served(version, f"/organize/{{slug}}/report/?version={version.number}", check)


def measure_rebuild(version: Any) -> dict[str, Any]:
    """``build_outputs`` of the version, an outcome recorded, ``build_outputs`` again: wall
    and CPU (process tree) of each build, and the zips' files."""
    from liqa.web.agendas.services import record_outcome
    from liqa.web.scheduling.exports import build_outputs

    out: dict[str, Any] = {"load": load_average()}
    for name in ("first", "again"):
        if name == "again":
            meeting = version.assignments.order_by("start", "key").first()
            record_outcome(version.event, None, meeting.key, "held", "mou")
        wall, cpu = time.perf_counter(), tree_cpu()
        path = build_outputs(version.pk)
        out[name] = {"wall": time.perf_counter() - wall, "cpu": tree_cpu() - cpu}
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
        out[name].update(files=len(names), pdfs=sum(n.endswith(".pdf") for n in names))
    return out


def measure(what: str, plan: Path, profile: Path | None = None) -> dict[str, Any]:
    """This interpreter's liqa: the figures of ``what`` (one of :data:`MEASURES`)."""
    with tempfile.TemporaryDirectory(prefix="liqa-outputs-zip-") as folder:
        version = _setup(Path(folder), plan)
        if what == "zip":
            return measure_zip(version, profile)
        if what == "page":
            return measure_page(version)
        if what == "rebuild":
            return measure_rebuild(version)
        return measure_report(version)


def _child(src: Path | None, what: str, plan: Path) -> dict[str, Any]:
    result: dict[str, Any] = run_json([__file__, "--json", what, "--plan", str(plan)], src)
    return result


def _median(runs: list[dict[str, Any]], *keys: str) -> float:
    values = []
    for run in runs:
        value: Any = run
        for key in keys:
            value = value[key]
        values.append(float(value))
    return statistics.median(values)


def table(
    before: dict[str, list[dict[str, Any]]],
    after: dict[str, list[dict[str, Any]]],
    rev: str,
    now: str,
) -> str:
    """Before (``rev``) and after (``now``): medians of the runs, and after / before."""
    rows = [
        ("outputs zip", ("zip", "wall"), ("zip", "cpu")),
        ("first report.pdf", ("report", "first", "wall"), ("report", "first", "cpu")),
        ("second report.pdf", ("report", "second", "wall"), ("report", "second", "cpu")),
        ("first report page", ("page", "first", "wall"), ("page", "first", "cpu")),
        ("second report page", ("page", "second", "wall"), ("page", "second", "cpu")),
        ("zip built (build_outputs)", ("rebuild", "first", "wall"), ("rebuild", "first", "cpu")),
        (
            "zip built again after an outcome",
            ("rebuild", "again", "wall"),
            ("rebuild", "again", "cpu"),
        ),
    ]
    lines = [
        f"| measure | wall s {rev} | wall s {now} | ratio | CPU s {rev} | CPU s {now} | ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, wall_key, cpu_key in rows:
        if not before.get(wall_key[0]) or not after.get(wall_key[0]):
            continue  # not measured (--only)
        cells = [label]
        for keys in (wall_key, cpu_key):
            b = _median(before[keys[0]], *keys[1:])
            a = _median(after[keys[0]], *keys[1:])
            cells += [f"{b:.2f}", f"{a:.2f}", f"{a / b:.2f}" if b else "–"]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if before.get("zip") and after.get("zip"):
        zips = before["zip"][0], after["zip"][0]
        lines.append(
            f"zip: {zips[0]['files']} → {zips[1]['files']} files, {zips[0]['pdfs']} → "
            f"{zips[1]['pdfs']} PDFs, {zips[0]['bytes']:,} → {zips[1]['bytes']:,} bytes"
        )
    if before.get("rebuild") and after.get("rebuild"):
        built = before["rebuild"][0], after["rebuild"][0]
        lines.append(
            "zips built: "
            + "; ".join(
                f"{b[k]['files']} files, {b[k]['pdfs']} PDFs"
                for b in built
                for k in ("first", "again")
            )
        )
    lines.append(
        "load (1 min) at each start: "
        + ", ".join(
            f"{r['load']:.1f}" for side in (before, after) for m in MEASURES for r in side[m]
        )
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="runs of each measure (median)")
    parser.add_argument("--before", metavar="REV", help="also measure commit REV's code")
    parser.add_argument("--after", metavar="REV", help="commit REV's code, not the tree's")
    parser.add_argument("--json", choices=MEASURES, help="measure this tree, print JSON")
    parser.add_argument("--plan", type=Path, help="plan.json to use (default: planned now)")
    parser.add_argument("--profile", type=Path, metavar="FILE", help="cProfile the zip build")
    parser.add_argument(
        "--only", nargs="+", choices=MEASURES, default=MEASURES, help="measure these only"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="liqa-plan-") as folder:
        plan = args.plan or Path(folder) / "plan.json"
        if not plan.exists():
            make_plan(plan)
        if args.json or args.profile:
            result = measure(args.json or "zip", plan, args.profile)
            print(json.dumps(result))
            return 0
        if not args.before:
            parser.error("give --before REV (or --json MEASURE, or --profile FILE)")
        sides: list[dict[str, list[dict[str, Any]]]] = [
            {m: [] for m in MEASURES},
            {m: [] for m in MEASURES},
        ]
        with tempfile.TemporaryDirectory(prefix="liqa-code-") as code:
            old = exported_src(args.before, Path(code) / "before")
            new = exported_src(args.after, Path(code) / "after") if args.after else None
            for _ in range(args.runs):  # alternating, so both meet the same neighbours
                for side, src in zip(sides, (old, new), strict=True):
                    for what in args.only:
                        side[what].append(_child(src, what, plan))
        print(table(sides[0], sides[1], args.before, args.after or "now"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
