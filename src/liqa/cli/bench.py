"""``liqa bench``: run the schedulers on public benchmark instances."""

from __future__ import annotations

import typer

from liqa.cli import app

bench_app = typer.Typer(
    help="Run the schedulers on public benchmark instances and write results.",
    no_args_is_help=True,
)
app.add_typer(bench_app, name="bench")
