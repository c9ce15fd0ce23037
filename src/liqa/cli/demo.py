"""``liqa demo``: plan the bundled Morocco–US mission and write everything it produces."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from liqa.cli import app
from liqa.cli.common import load_or_exit, parse_languages
from liqa.cli.plan import run_plan, write_all
from liqa.core.scheduling.planning import PlanSettings

DEMO = "morocco-us-digital-2024"


def examples_dir() -> Path:
    """The bundled examples: inside the installed package, else the source checkout's."""
    packaged = Path(__file__).resolve().parent.parent / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "examples"


@app.command("demo")
def demo(
    out: Annotated[Path, typer.Option(help="Where to write the demo's outputs.")] = Path(
        "liqa-demo"
    ),
    lang: Annotated[str, typer.Option(help="Languages of the outputs.")] = "ar,fr,en",
    time_limit: Annotated[float, typer.Option(min=0.1, help="Solver time limit, seconds.")] = 3.0,
) -> None:
    """Plan the seed article's mission (Houston, then Silicon Valley) and write its outputs."""
    console = Console(soft_wrap=True, highlight=False)
    from liqa.core.missionfile import summary

    langs = parse_languages(console, lang)
    mission = examples_dir() / DEMO / "mission.yaml"
    console.print(f"[bold]liqa demo[/bold]: {mission}")
    event = load_or_exit(console, mission)
    for label, text in summary(event):
        console.print(f"  [bold]{label}[/bold]: {text}", markup=True)
    outcome = run_plan(console, event, PlanSettings(time_limit=time_limit))
    console.print(outcome.report, markup=False)
    index = write_all(console, event, outcome, out, langs)
    console.print("\n[green]Agendas, calendars, grids, report and communiqué written.[/green]")
    console.print(f"Open [bold]{index.resolve()}[/bold]")
