"""``liqa plan FILE``: schedule an event and print (and optionally write) the result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from liqa.cli import app
from liqa.cli.common import EXIT_PROBLEMS, check_output_dir, load_or_exit, parse_languages
from liqa.core.model import Event, EventKind
from liqa.core.scheduling.planning import Method, PlanOutcome, PlanSettings, plan_event

if TYPE_CHECKING:
    from liqa.core.outputs.pdf import PdfPool


@app.command("plan")
def plan(
    file: Annotated[Path, typer.Argument(help="Mission file (.yaml, .yml or .json).")],
    out: Annotated[
        Path | None,
        typer.Option(help="Write agendas, calendars, grids, report and communiqué here."),
    ] = None,
    lang: Annotated[
        str, typer.Option(help="Languages of the outputs, e.g. ar,fr,en.")
    ] = "ar,fr,en",
    time_limit: Annotated[float, typer.Option(min=0.1, help="Solver time limit, seconds.")] = 10.0,
    workers: Annotated[int, typer.Option(min=1, help="Solver threads.")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same plan).")] = 0,
    method: Annotated[
        str,
        typer.Option(help="optimal (CP-SAT / local search) or greedy (brokerage baseline)."),
    ] = "optimal",
) -> None:
    """Schedule a brokerage event or plan a mission's itinerary, and print it."""
    console = Console(soft_wrap=True, highlight=False)
    if method not in ("optimal", "greedy"):
        console.print(
            Text(f"--method: {method!r} is not a method; use optimal or greedy", style="red")
        )
        raise typer.Exit(EXIT_PROBLEMS)
    langs = parse_languages(console, lang)
    if out is not None:
        check_output_dir(console, out)
    event = load_or_exit(console, file)
    if method == "greedy" and event.kind is not EventKind.BROKERAGE:
        console.print(
            "[red]--method greedy: the greedy baseline is offered for brokerage events; a "
            "trade mission's itinerary is always searched (use --time-limit to shorten it)[/red]"
        )
        raise typer.Exit(EXIT_PROBLEMS)
    chosen: Method = "greedy" if method == "greedy" else "optimal"
    settings = PlanSettings(time_limit=time_limit, workers=workers, seed=seed, method=chosen)
    outcome = run_plan(console, event, settings)
    console.print(outcome.report, markup=False)
    if out is not None:
        index = write_all(console, event, outcome, out, langs)
        console.print(f"\nOutputs written; open [bold]{escape(str(index))}[/bold]")


def run_plan(console: Console, event: Event, settings: PlanSettings) -> PlanOutcome:
    """Plan with a spinner showing elapsed time (the solver runs up to the time limit)."""
    with Progress(
        TextColumn("[bold]Planning[/bold] {task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        progress.add_task(f"{event.id} (up to {settings.time_limit:g} s)", total=None)
        return plan_event(event, settings)


def write_all(
    console: Console,
    event: Event,
    outcome: PlanOutcome,
    out: Path,
    langs: tuple[str, ...],
    pdfs: PdfPool | None = None,
) -> Path:
    """Write every output of the planned event into ``out`` with a progress bar.

    With ``pdfs`` (a pool the caller entered), the PDFs are only queued on it: call
    :func:`finish_pdfs` before saying they are written.
    """
    from liqa.core.outputs.write import write_outputs

    with Progress(
        TextColumn("[bold]Writing[/bold] {task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("outputs", total=None)

        def report(done: int, total: int, what: str) -> None:
            progress.update(task, completed=done, total=total, description=what)

        return write_outputs(event, outcome.schedule, out, langs, progress=report, pdfs=pdfs)


def finish_pdfs(console: Console, pdfs: PdfPool) -> None:
    """Wait for the PDFs queued on ``pdfs``, with a progress bar."""
    with Progress(
        TextColumn("[bold]Writing[/bold] {task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("PDFs", total=pdfs.count)
        pdfs.finish(lambda path: progress.update(task, advance=1, description=path.name))
