"""``liqa bench toptw``: the itinerary planner on the public TOPTW benchmark."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape

from liqa.cli.bench import bench_app
from liqa.cli.terminal import progress_bar
from liqa.core.problems import InputError

if TYPE_CHECKING:
    from liqa.core.scheduling.itinerary.bench import Record

EXIT_INPUT = 2
DEFAULT_REPORT = Path("benchmarks/results/toptw.md")


@bench_app.command("toptw")
def toptw(
    paths: Annotated[
        list[Path], typer.Argument(help="Instance files (.txt) or a directory of them.")
    ],
    tours: Annotated[
        list[int] | None,
        typer.Option("--tours", "-m", help="Number of tours m (repeat; default 1 2 3 4)."),
    ] = None,
    time_limit: Annotated[float, typer.Option(help="Seconds of search per case.")] = 10.0,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the result(s) as JSON here.")
    ] = None,
    clock: Annotated[
        str, typer.Option(help="Count 'wall' seconds or this process's 'cpu' seconds.")
    ] = "wall",
    seed: Annotated[int, typer.Option(help="Random seed of the search.")] = 0,
    record: Annotated[
        Path | None, typer.Option(help="Append every case as one JSON line to this file.")
    ] = None,
    results: Annotated[
        Path | None,
        typer.Option(help=f"Markdown report to write (default for a directory: {DEFAULT_REPORT})."),
    ] = None,
) -> None:
    """Solve TOPTW instances, check every route set, and compare with best-known scores."""
    # Imported here: the solver stack is heavy and every other command starts faster without it.
    from liqa.core.scheduling.itinerary.bench import find_bks, read_bks, report, run_case
    from liqa.core.scheduling.itinerary.problem import Settings

    console = Console(soft_wrap=True, highlight=False)
    files = _instances(paths, console)
    ms = tours or [1, 2, 3, 4]
    if any(m < 1 for m in ms) or clock not in ("wall", "cpu"):
        console.print("[red]--tours must be >= 1 and --clock 'wall' or 'cpu'[/red]")
        raise typer.Exit(EXIT_INPUT)
    clock_kind: Literal["wall", "cpu"] = "cpu" if clock == "cpu" else "wall"
    settings = Settings(time_limit=time_limit, seed=seed, clock=clock_kind)
    bks_file = find_bks(files[0])
    bks = read_bks(bks_file) if bks_file else {}
    records: list[Record] = []
    with progress_bar(console) as progress:
        task = progress.add_task("solving", total=len(files) * len(ms))
        for path in files:
            for m in ms:
                progress.update(task, description=escape(f"{path.stem} m={m}"))
                try:
                    rec = run_case(path, m, settings)
                except InputError as exc:
                    for problem in exc.problems:
                        console.print(f"[red]{escape(str(problem))}[/red]")
                    raise typer.Exit(EXIT_INPUT) from None
                records.append(rec)
                if record is not None:
                    with record.open("a", encoding="utf-8") as handle:
                        handle.write(json.dumps(rec) + "\n")
                _print_case(console, rec, bks.get((path.stem, m)))
                progress.advance(task)
    if json_out is not None:
        payload = records[0] if len(records) == 1 else records
        json_out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    target = results or (DEFAULT_REPORT if any(p.is_dir() for p in paths) else None)
    if target is not None and bks:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(report({f"{time_limit:g} s": records}, bks), encoding="utf-8")
        console.print(f"report written to {target}", markup=False)
    if any(r["violations"] for r in records):
        raise typer.Exit(1)


def _instances(paths: list[Path], console: Console) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.glob("*.txt"))
        elif path.is_file():
            files.append(path)
        else:
            console.print(
                f"[red]{escape(str(path))}: no such file or directory[/red] "
                "(give TOPTW instance files or a folder of them)"
            )
            raise typer.Exit(EXIT_INPUT)
    if not files:
        console.print("[red]no instance files (*.txt) found[/red]")
        raise typer.Exit(EXIT_INPUT)
    return files


def _print_case(console: Console, rec: Record, best: float | None) -> None:
    from liqa.core.scheduling.itinerary.bench import gap

    line = (
        f"{rec['instance']} m={rec['tours_m']}: score {rec['score']:g}"
        f" (greedy {rec['greedy']['score']:g})"
    )
    if best is not None:
        line += f", best-known {best:g}, gap {gap(rec['score'], best):.2f}%"
    line += f", {rec['seconds']:.1f} s, {'valid' if not rec['violations'] else 'INVALID'}"
    console.print(line, markup=False)
    for violation in rec["violations"][:10]:
        console.print(f"  [red]{escape(str(violation))}[/red]")
