"""``liqa serve``, ``liqa worker`` and ``liqa manage``: run the web application."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from liqa.cli import app
from liqa.cli.common import process_language, said
from liqa.core.problems import Message, PluralMessage

console = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Where the SQLite database and secret key live (default: $LIQA_DATA_DIR, ./var).",
    ),
]


SETUP_HINT = Message(
    "hint: check the setting named above, DATABASE_URL (postgres://user@host:5432/name) "
    "or LIQA_DATA_DIR"
)


def _error(message: str, hint: str = "") -> None:
    """``error: message`` (and the hint) in the process locale's language: these commands
    have no language option."""
    lang = process_language()
    console.print(
        Text(said(Message("error: {message}", message=message), lang), style="red"),
        soft_wrap=True,
    )
    if hint:
        console.print(said(hint, lang), markup=False, soft_wrap=True)


def _setup_failed(error: Exception, hint: str = "") -> None:
    """Why the web app cannot start (a ``runtime.SetupError``): a bad ``DATABASE_URL`` on
    one line, in the reader's language, naming the setting, what is wrong and the forms it
    accepts (no hint: it is the hint); anything else with ``hint``."""
    from liqa.web import runtime

    if isinstance(error, runtime.DatabaseUrlError):
        _error(error.message)
    else:
        _error(str(error), hint)


def _start(data_dir: Path | None) -> None:
    from liqa.web import runtime

    try:
        with console.status("Preparing the database (migrations)…"):
            runtime.configure(data_dir)
            runtime.migrate()
    except runtime.SetupError as error:
        _setup_failed(error, SETUP_HINT)
        raise typer.Exit(2) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    worker: Annotated[
        bool,
        typer.Option(
            help="Also run background tasks in this process (no separate worker); "
            "--no-worker when `liqa worker` processes run them."
        ),
    ] = True,
    production: Annotated[
        bool,
        typer.Option(
            "--production",
            help="Serve with gunicorn worker processes (behind a reverse proxy that serves "
            "/static/); run `liqa worker` processes for the tasks and `liqa manage migrate` "
            "on upgrades. See docs/howto/deploy.md.",
        ),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Gunicorn worker processes (--production; default 2 x cores + 1)."
        ),
    ] = None,
    threads: Annotated[
        int, typer.Option(min=1, help="Threads per gunicorn worker process (--production).")
    ] = 1,
    data_dir: DataDir = None,
) -> None:
    """Serve the web application (creates and migrates the database on first run).

    With ``--production``: gunicorn, several processes, no task thread, and no migration
    (the database must be migrated already; several web processes or machines may start
    at once).
    """
    if production:
        _serve_production(host, port, workers, threads, data_dir)
        return
    _start(data_dir)
    from liqa.web import runtime

    # the host as text, not markup: an IPv6 address's [::1] is no style tag
    console.print(f"liqa web app on http://{host}:{port}/  (Ctrl+C stops)", markup=False)
    runtime.run_server(host, port, worker=worker)


def _serve_production(
    host: str, port: int, workers: int | None, threads: int, data_dir: Path | None
) -> None:
    from liqa.web import runtime

    try:
        runtime.configure(data_dir)
        pending = _pending_migrations()
    except runtime.SetupError as error:
        _setup_failed(error, SETUP_HINT)
        raise typer.Exit(2) from None
    if pending:
        _error(
            PluralMessage(
                "the database lacks {n} migration: {first}",
                "the database lacks {n} migrations, first {first}",
                n=len(pending),
                first=pending[0],
            ),
            Message("hint: run `liqa manage migrate` once, then start the web processes"),
        )
        raise typer.Exit(2)
    runtime.follow_served(host, port)  # unless LIQA_BASE_URL is set (behind a proxy)
    _warm()
    from liqa.web import wsgi

    count = workers or wsgi.default_workers()
    console.print(
        f"liqa web app (gunicorn, {count} worker process(es) x {threads} thread(s)) "
        f"on http://{host}:{port}/  (SIGTERM or Ctrl+C stops)",
        markup=False,
    )
    wsgi.serve(host, port, count, threads)


def _warm() -> None:
    """Build the participants' kept agendas in this (gunicorn's master) process, so that
    every worker forked from it starts with them (``LIQA_WARM_SECONDS``; 0: none)."""
    import gc

    from django.conf import settings
    from django.db import DatabaseError, connections

    from liqa.web.agendas.warm import warm

    seconds = settings.LIQA_WARM_SECONDS
    if seconds > 0:
        try:
            with console.status("Building the participants' agendas…"):
                done = warm(seconds)
        except DatabaseError as error:
            _error(Message("cannot read the database: {error}", error=str(error)))
            raise typer.Exit(2) from None
        finally:
            connections.close_all()  # gunicorn forks after this: no connection shared
        more = "" if done.complete else f" (stopped after LIQA_WARM_SECONDS={seconds:g})"
        console.print(
            f"kept the agendas of {done.participants} participant(s) of {done.events} "
            f"event(s) in {done.seconds:.1f} s{more}",
            markup=False,
        )
    # What is built so far lives as long as the server: keep the workers' garbage
    # collector from scanning it (and from copying the pages it shares with them).
    gc.freeze()


def _pending_migrations() -> list[str]:
    """Migrations not yet applied to the configured database (``app.name``)."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    from liqa.web import runtime

    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        raise runtime.SetupError(f"cannot reach the database: {error}") from error
    finally:
        connection.close()  # gunicorn forks after this: no connection shared by the workers
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


@app.command()
def worker(
    data_dir: DataDir = None,
    interval: Annotated[float, typer.Option(min=0, help="Seconds between polls when idle.")] = 1.0,
    batch: Annotated[bool, typer.Option(help="Exit when no task is left.")] = False,
) -> None:
    """Run background tasks (scheduler runs) from the database queue; run several if you like.

    On start, runs left running by a worker that died (no heartbeat for
    ``LIQA_RUN_STALE_SECONDS``) are marked failed, so that they can be run again. Links
    in what the tasks write or e-mail use ``LIQA_BASE_URL``, else the address the last
    ``liqa serve`` on this data directory serves, read again as each task starts.
    """
    _start(data_dir)
    from django.core.management import call_command

    from liqa.web import runtime
    from liqa.web.scheduling.services import reap_stale_runs

    console.print(f"links point at {runtime.follow_recorded()}", markup=False)
    runtime.follow_recorded_in_tasks()

    reaped = reap_stale_runs()
    if reaped:
        console.print(f"{reaped} run(s) left by a stopped worker marked failed", markup=False)
    args = ["--interval", str(interval)] + (["--batch"] if batch else [])
    call_command("db_worker", *args)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `liqa manage createsuperuser`.

    Links (e.g. in follow-up reminders) use ``LIQA_BASE_URL``, else the address the last
    ``liqa serve`` on this data directory serves.
    """
    from django.core.management import execute_from_command_line

    from liqa.web import runtime

    try:
        runtime.configure()
    except runtime.SetupError as error:
        _setup_failed(error)
        raise typer.Exit(2) from None
    runtime.follow_recorded()
    runtime.follow_recorded_in_tasks()  # `liqa manage db_worker`
    execute_from_command_line(["liqa manage", *ctx.args])
