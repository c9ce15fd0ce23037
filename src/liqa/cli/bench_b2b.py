"""``liqa bench b2b``: the brokerage scheduler on the public B2B instances (.dzn)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from liqa.cli.bench import bench_app
from liqa.cli.terminal import progress_bar
from liqa.core.problems import InputError

RESULTS = Path("benchmarks/results/b2b.md")
HEADER = Path("benchmarks/b2b/header.md")
"""Text put above the table (how the runs were made), kept with the runner scripts."""
GENERATED = Path("benchmarks/b2b/generated.md")
"""Rows of the generated large events (``benchmarks/b2b/generated.py``), put below."""


@bench_app.command("b2b")
def bench_b2b(
    paths: Annotated[list[Path], typer.Argument(help="Instance files (.dzn) or directories.")],
    time_limit: Annotated[float, typer.Option(help="Seconds per instance.")] = 10.0,
    fairness: Annotated[
        int | None,
        typer.Option(help="Bound d on max - min breaks (default: none; the study uses 2)."),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the result(s) as JSON here.")
    ] = None,
    workers: Annotated[
        int, typer.Option(help="CP-SAT workers (the break-target questions use one).")
    ] = 2,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    markdown: Annotated[
        Path | None,
        typer.Option(
            help="Markdown results file to accumulate into (default for a directory or "
            f"several files: {RESULTS})."
        ),
    ] = None,
) -> None:
    """Schedule every instance, check it, and compare with the greedy baseline."""
    console = Console()
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.glob("*.dzn"))
        elif path.is_file():
            files.append(path)
        else:
            console.print(
                f"[red]error:[/red] {escape(str(path))}: no such file or directory", soft_wrap=True
            )
            raise typer.Exit(2)
    if not files:
        where = ", ".join(str(path) for path in paths)
        console.print(
            f"[red]error:[/red] no .dzn instance found in {escape(where)}", soft_wrap=True
        )
        console.print("hint: give .dzn files, or folders holding them")
        raise typer.Exit(2)
    # Imported here: OR-Tools is heavy and every other command starts faster without it.
    from liqa.core.scheduling.brokerage.benchmark import (
        known_optima,
        markdown_table,
        merge_records,
        run_instance,
        summary,
    )
    from liqa.core.scheduling.brokerage.problem import Settings

    settings = Settings(time_limit=time_limit, workers=workers, seed=seed)
    records: list[dict[str, Any]] = []
    with progress_bar(console) as progress:
        task = progress.add_task("solving", total=len(files))
        for file in files:
            progress.update(task, description=escape(file.name))
            try:
                record = run_instance(file, settings, fairness)
            except InputError as exc:
                console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
                raise typer.Exit(2) from None
            records.append(record)
            console.print(
                f"{record['instance']}: {record['status']}, breaks {record['breaks']}, "
                f"bound {record['bound']}, {record['seconds']:.2f} s, "
                f"valid {'yes' if record['valid'] else 'no'}; "
                f"greedy {record['greedy']['breaks']} breaks "
                f"({record['greedy']['placed']}/{record['meetings']} placed)",
                markup=False,
            )
            progress.advance(task)
    if json_out is not None:
        payload: Any = records[0] if len(files) == 1 else records
        json_out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    if markdown is None and (len(files) > 1 or any(p.is_dir() for p in paths)):
        markdown = RESULTS
    if markdown is not None:
        optima = known_optima(files[0].parent)
        markdown.parent.mkdir(parents=True, exist_ok=True)
        merged = merge_records(markdown.with_suffix(".json"), records)
        text = summary(merged, optima) + "\n" + markdown_table(merged, optima)
        if HEADER.is_file():
            text = HEADER.read_text(encoding="utf-8") + "\n" + text
        if GENERATED.is_file():
            text += "\n" + GENERATED.read_text(encoding="utf-8")
        markdown.write_text(text, encoding="utf-8")
        console.print(f"wrote {markdown} ({len(merged)} instances)", markup=False)
