"""``liqa serve``, ``liqa worker`` and ``liqa manage``: run the web application."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from liqa.cli import app

console = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Where the SQLite database and secret key live (default: $LIQA_DATA_DIR, ./var).",
    ),
]


def _start(data_dir: Path | None) -> None:
    from liqa.web import runtime

    try:
        with console.status("Preparing the database (migrations)…"):
            runtime.configure(data_dir)
            runtime.migrate()
    except runtime.SetupError as error:
        console.print(f"[red]error:[/red] {error}")
        console.print("hint: check DATABASE_URL (postgres://user@host:5432/name) or LIQA_DATA_DIR")
        raise typer.Exit(2) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    worker: Annotated[
        bool, typer.Option(help="Also run background tasks in this process (no separate worker).")
    ] = True,
    data_dir: DataDir = None,
) -> None:
    """Serve the web application (creates and migrates the database on first run)."""
    _start(data_dir)
    from liqa.web import runtime

    console.print(f"liqa web app on http://{host}:{port}/  (Ctrl+C stops)")
    runtime.run_server(host, port, worker=worker)


@app.command()
def worker(
    data_dir: DataDir = None,
    interval: Annotated[float, typer.Option(help="Seconds between polls when idle.")] = 1.0,
    batch: Annotated[bool, typer.Option(help="Exit when no task is left.")] = False,
) -> None:
    """Run background tasks (scheduler runs) from the database queue; run several if you like.

    On start, runs left running by a worker that died (no heartbeat for
    ``LIQA_RUN_STALE_SECONDS``) are marked failed, so that they can be run again.
    """
    _start(data_dir)
    from django.core.management import call_command

    from liqa.web.scheduling.services import reap_stale_runs

    reaped = reap_stale_runs()
    if reaped:
        console.print(f"{reaped} run(s) left by a stopped worker marked failed")
    args = ["--interval", str(interval)] + (["--batch"] if batch else [])
    call_command("db_worker", *args)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command: ``liqa manage createsuperuser``, ``liqa manage help``."""
    from django.core.management import execute_from_command_line

    from liqa.web import runtime

    try:
        runtime.configure()
    except runtime.SetupError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from None
    execute_from_command_line(["liqa manage", *ctx.args])
