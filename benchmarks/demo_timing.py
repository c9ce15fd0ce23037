"""Benchmark: how long ``liqa demo`` takes, end to end and phase by phase.

Three measures, each printed as Markdown table rows for ``benchmarks/results/demo.md``:

``command``
    The real command, ``uv run liqa demo --no-serve --out DIR`` (fresh output directory
    and web database each run): wall time until the "Open …/index.html" line is printed
    (every output written), wall time until it exits (web app loaded), and the CPU time
    (user + sys) of its whole process tree, PDF workers included.
``phases``
    The same steps one after the other in a fresh interpreter per run: start-up imports,
    reading the mission, planning, writing the outputs (CPU of this process and of the
    PDF workers apart), loading the web app's database. The command overlaps some of them
    (its PDF workers start while it plans) and loads the web app after the outputs.
``outputs``
    Each kind of output made in one process, one after the other (no PDF workers), PDFs
    from the same print variant of the HTML as ``write_outputs``: what each costs in CPU.

CPU time of child processes is read from ``/proc`` (Linux only): a process's own
user + sys time, sampled every 20 ms while the command runs (phases: read between
phases, when no worker is busy). ``time`` alone would miss the PDF workers, which are
children of multiprocessing's fork server, not of the command.

    uv run python benchmarks/demo_timing.py command --runs 3
    uv run python benchmarks/demo_timing.py phases --runs 3
    uv run python benchmarks/demo_timing.py outputs
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MISSION = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
TICK = os.sysconf("SC_CLK_TCK")
TIME_LIMIT = 3.0  # the demo's default solver time limit


def _stat(pid: int) -> tuple[int, float, float, int] | None:
    """(parent pid, own CPU s, reaped children's CPU s, start tick) of ``pid``, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    utime, stime, cutime, cstime = (int(v) for v in fields[11:15])
    return int(fields[1]), (utime + stime) / TICK, (cutime + cstime) / TICK, int(fields[19])


def _processes() -> dict[int, tuple[int, float, float, int]]:
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) is not None:
            out[int(entry)] = stat
    return out


def _descendants(root: int, table: dict[int, tuple[int, float, float, int]]) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, (parent, *_rest) in table.items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def tree_cpu() -> float:
    """CPU seconds of this process, its reaped children and every live descendant."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime
    table = _processes()
    for pid in _descendants(os.getpid(), table):
        _parent, cpu, children, _start = table[pid]
        total += cpu + children
    return total


def load_average() -> float:
    """The machine's 1-minute load average (other jobs share the cores)."""
    return os.getloadavg()[0]


def web_database(data_dir: Path, **extra: str) -> None:
    """The web app configured on a fresh SQLite database in ``data_dir`` and migrated, for
    a benchmark run in this process: test host names, mail kept in memory, warnings only
    in the log; ``extra`` adds or overrides settings (``LIQA_...`` names)."""
    os.environ.update(
        {
            "LIQA_DATA_DIR": str(data_dir),
            "DATABASE_URL": "",
            "LIQA_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "LIQA_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LIQA_LOG_LEVEL": "WARNING",
            **extra,
        }
    )
    from liqa.web import runtime

    runtime.configure()
    runtime.migrate()


# --- another commit's code, measured in a fresh interpreter -----------------------------


def exported_src(rev: str, into: Path) -> Path:
    """``src/`` of commit ``rev``, written under ``into`` (``git archive``: the checkout is
    not changed); the folder to put first on the path."""
    into.mkdir(parents=True, exist_ok=True)
    archive = into / "src.tar"
    done = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), rev, "src"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"cannot export the code of {rev!r}: {done.stderr.strip()}")
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_json(
    arguments: Sequence[str], code: Path | None = None, cwd: Path | None = None
) -> dict[str, Any]:
    """Run ``python ARGUMENTS`` in a fresh interpreter (cold imports), with the package
    folder ``code`` (e.g. from :func:`exported_src`) instead of this tree's; its last line
    of output read as JSON. Exits with its error output when it fails."""
    done = subprocess.run(
        [sys.executable, *arguments],
        cwd=cwd,
        env=_code_env(code, dict(os.environ)),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{' '.join(arguments[1:])} failed ({code or 'this tree'}):\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- command ---------------------------------------------------------------------------


def _code_env(code: Path | None, env: dict[str, str]) -> dict[str, str]:
    """``env`` with the package folder ``code`` first on the path (same dependencies)."""
    if code is None:
        return env
    return dict(env, PYTHONPATH=os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")])))


def _source_env(src: Path | None, env: dict[str, str]) -> dict[str, str]:
    """``env`` with another checkout's ``src`` first on the path (same dependencies)."""
    return _code_env(src / "src" if src is not None else None, env)


def run_command(src: Path | None = None) -> dict[str, float]:
    """Run ``liqa demo --no-serve`` once; wall to "Open", wall to exit, tree CPU (at "Open"
    and at exit). With ``src``, that checkout's code runs in this environment."""
    with tempfile.TemporaryDirectory(prefix="liqa-demo-timing-") as tmp:
        env = dict(os.environ, LIQA_DATA_DIR=str(Path(tmp) / "var"), COLUMNS="100")
        env = _source_env(src, env)
        launcher = (
            ["uv", "run", "--quiet", "liqa"] if src is None else [sys.executable, "-m", "liqa"]
        )
        load = load_average()
        start = time.perf_counter()
        process = subprocess.Popen(
            [*launcher, "demo", "--no-serve", "--out", f"{tmp}/out"],
            cwd=ROOT if src is None else src,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        written: list[float] = []
        output: list[str] = []

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line)
                if line.startswith("Open ") and not written:
                    written.append(time.perf_counter() - start)

        reader = threading.Thread(target=read)
        reader.start()
        seen: dict[tuple[int, int], float] = {}
        cpu_written: list[float] = []
        while process.poll() is None:
            table = _processes()
            for pid in [process.pid, *_descendants(process.pid, table)]:
                if pid in table:
                    seen[(pid, table[pid][3])] = table[pid][1]
            if written and not cpu_written:
                cpu_written.append(sum(seen.values()))
            time.sleep(0.02)
        wall = time.perf_counter() - start
        reader.join()
        if process.returncode != 0 or not written:
            sys.exit("liqa demo failed:\n" + "".join(output))
        total = sum(seen.values())
        return {
            "load": load,
            "written": written[0],
            "wall": wall,
            "cpu_written": cpu_written[0] if cpu_written else total,
            "cpu": total,
        }


# --- phases ----------------------------------------------------------------------------


@contextmanager
def _timed(results: dict[str, Any], name: str) -> Iterator[None]:
    wall, cpu, own = time.perf_counter(), tree_cpu(), time.process_time()
    yield
    results[name] = {
        "wall": time.perf_counter() - wall,
        "cpu": tree_cpu() - cpu,
        "own": time.process_time() - own,
    }


def phases_once() -> dict[str, Any]:
    """Every phase of the demo in this (fresh) interpreter, timed one after the other."""
    results: dict[str, Any] = {"load": load_average()}
    with tempfile.TemporaryDirectory(prefix="liqa-demo-phases-") as tmp:
        with _timed(results, "start-up imports"):
            import liqa.cli.demo  # noqa: F401  (what the command imports before running)
            from liqa.core.missionfile import load_event
            from liqa.core.outputs.write import write_outputs
            from liqa.core.scheduling.planning import PlanSettings, plan_event
            from liqa.web.demo import load_demo
        with _timed(results, "read the mission"):
            event = load_event(MISSION)
        with _timed(results, "plan (time limit 3 s)"):
            outcome = plan_event(event, PlanSettings(time_limit=TIME_LIMIT))
        with _timed(results, "write the outputs"):
            write_outputs(event, outcome.schedule, Path(tmp) / "out")
        with _timed(results, "load the web app"):
            load_demo(
                MISSION,
                time_limit=TIME_LIMIT,
                data_dir=Path(tmp) / "var",
                schedule=outcome.schedule,  # planned once, as liqa demo does
            )
    return results


# --- outputs ---------------------------------------------------------------------------


def outputs_once() -> dict[str, float]:
    """CPU seconds of each kind of output, made in this process (PDFs too)."""
    from liqa.core.missionfile import load_event
    from liqa.core.model import Side
    from liqa.core.outputs.agenda import build_agenda
    from liqa.core.outputs.calendar import write_calendar
    from liqa.core.outputs.communique import build_communique
    from liqa.core.outputs.grid import build_grid, write_grid_xlsx
    from liqa.core.outputs.pdf import html_to_pdf
    from liqa.core.outputs.report import report_context
    from liqa.core.outputs.settings import OutputSettings
    from liqa.core.outputs.sheets import host_sheets, run_sheets, table_plan
    from liqa.core.outputs.write import _languages
    from liqa.core.scheduling.planning import PlanSettings, plan_event
    from liqa.core.templating import render

    event = load_event(MISSION)
    schedule = plan_event(event, PlanSettings(time_limit=TIME_LIMIT)).schedule
    settings = OutputSettings()
    sides = {o.id: o.side for o in event.organizations}
    delegates = [p.id for p in event.people if sides.get(p.organization) is Side.DELEGATION]
    langs = ("ar", "fr", "en")
    reads = {
        o.id: _languages(event, [p.id for p in event.members(o.id)], langs)
        for o in event.organizations
    }

    def hosts_reading(event: Any, schedule: Any, lang: str) -> list[Any]:
        """Host sheets as write_outputs prints them: each in its staff's languages."""
        return [s for s in host_sheets(event, schedule, lang) if lang in reads[s.host_id]]

    html_to_pdf("<p>warm-up</p>")  # fonts and stylesheet loaded once, as in each worker
    cpu: dict[str, float] = {}

    @contextmanager
    def clock(name: str) -> Iterator[None]:
        start = time.process_time()
        yield
        cpu[name] = cpu.get(name, 0.0) + time.process_time() - start

    with tempfile.TemporaryDirectory(prefix="liqa-demo-outputs-") as tmp:
        out = Path(tmp)
        for lang in langs:
            with clock("grid (HTML)"):
                render("grid.html", lang, grid=build_grid(event, schedule, lang))
            with clock("grid (XLSX)"):
                write_grid_xlsx(build_grid(event, schedule, lang), lang, out / f"{lang}.xlsx")
            with clock("report figures and charts"):
                report = report_context(event, schedule, lang)
            with clock("report (HTML)"):
                html = render(
                    "report.html", lang, inline_css="", for_pdf=True, **{"title": "", **report}
                )
            with clock("report (PDF)"):
                html_to_pdf(html)
            with clock("communiqué (HTML, text)"):
                build_communique(event, schedule, lang).as_text()
            for name, template, key, build in (
                ("table plan", "tableplan.html", "slots", table_plan),
                ("host sheets", "hostsheets.html", "sheets", hosts_reading),
                ("run sheet", "runsheet.html", "days", run_sheets),
            ):
                with clock(f"{name} (HTML)"):
                    context = {key: build(event, schedule, lang), "title": ""}
                    html = render(template, lang, inline_css="", for_pdf=True, **context)
                with clock(f"{name} (PDF)"):
                    html_to_pdf(html)
            for person in delegates:
                with clock("agendas (HTML)"):
                    agenda = build_agenda(event, schedule, person, lang, settings)
                    html = render("agenda.html", lang, inline_css="", for_pdf=True, agenda=agenda)
                with clock("agendas (ICS)"):
                    ics = out / f"{person}-{lang}.ics"
                    write_calendar(event, schedule, person, lang, ics, settings, agenda)
                with clock("agendas (PDF)"):
                    html_to_pdf(html)
    return cpu


# --- main ------------------------------------------------------------------------------


def _child(mode: str, src: Path | None = None) -> dict[str, Any]:
    """Run one measure in a fresh interpreter (cold imports, like the command)."""
    return run_json([__file__, f"_{mode}"], src / "src" if src is not None else None, ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["command", "phases", "outputs", "_phases", "_outputs"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--src",
        type=Path,
        help="another checkout (e.g. a git worktree of an older commit) whose code to run "
        "with this environment's dependencies",
    )
    args = parser.parse_args()
    src = args.src.resolve() if args.src else None
    if args.mode == "_phases":
        print(json.dumps(phases_once()))
        return
    if args.mode == "_outputs":
        print(json.dumps(outputs_once()))
        return
    if args.mode == "command":
        print(
            "| run | load before | outputs written (s) | exits (s) "
            "| CPU until written (s) | CPU, all processes (s) |"
        )
        print("|---|---|---|---|---|---|")
        for run in range(1, args.runs + 1):
            r = run_command(src)
            cells = (r["load"], r["written"], r["wall"], r["cpu_written"], r["cpu"])
            print(f"| {run} | " + " | ".join(f"{v:.1f}" for v in cells) + " |")
        print(f"\nload average after: {load_average():.1f}")
        return
    if args.mode == "phases":
        runs = [_child("phases", src) for _ in range(args.runs)]
        names = [k for k in runs[0] if k != "load"]
        loads = ", ".join(f"{r['load']:.1f}" for r in runs)
        print(f"load before each run: {loads}\n")
        print("| phase | wall (s), each run | CPU, all processes (s) | CPU of this process (s) |")
        print("|---|---|---|---|")
        for name in names:
            row = [" / ".join(f"{r[name][k]:.1f}" for r in runs) for k in ("wall", "cpu", "own")]
            print(f"| {name} | {' | '.join(row)} |")
        return
    runs = [_child("outputs", src) for _ in range(args.runs)]
    print("| output (3 languages) | CPU (s), each run |")
    print("|---|---|")
    for name in runs[0]:
        print(f"| {name} | {' / '.join(f'{r[name]:.2f}' for r in runs)} |")
    total = " / ".join(f"{sum(r.values()):.1f}" for r in runs)
    print(f"| total | {total} |")
    print(f"\nload average after: {load_average():.1f}")


if __name__ == "__main__":
    main()
