"""``liqa demo``: plan the bundled Morocco–US mission and write everything it produces."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from liqa.cli import app
from liqa.cli.common import (
    EXIT_PROBLEMS,
    check_output_dir,
    load_or_exit,
    parse_languages,
    print_error,
)
from liqa.cli.plan import finish_pdfs, run_plan, write_all
from liqa.core.i18n import pgettext_noop
from liqa.core.problems import Message
from liqa.core.scheduling.planning import PlanOutcome, PlanSettings, ReportWords

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
    print_lang: Annotated[
        str,
        typer.Option(help="Language of the report and itinerary printed here: ar, fr or en."),
    ] = "en",
    time_limit: Annotated[float, typer.Option(min=0.1, help="Solver time limit, seconds.")] = 3.0,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Load the web app's database but do not serve it.")
    ] = False,
    host: Annotated[str, typer.Option(help="Address the web app listens on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port of the web app.")] = 8000,
) -> None:
    """Plan the demo mission (Houston, then Silicon Valley), write its outputs and serve it.

    Writes the seed article's mission's agendas, grids, report and communiqué,
    loads it into the local web app and prints sign-in links.
    """
    console = Console(soft_wrap=True, highlight=False)
    from liqa.core.missionfile import summary
    from liqa.core.outputs.pdf import PdfPool
    from liqa.web.runtime import DatabaseUrlError, SetupError, database_url_problem

    langs = parse_languages(console, lang)
    (said,) = parse_languages(console, print_lang, option="--print-lang", many=False)
    # A DATABASE_URL the web app cannot use is said now, not after minutes of planning.
    problem = database_url_problem(os.environ.get("DATABASE_URL", ""))
    if problem is not None:
        raise _refused(console, DatabaseUrlError(problem), said)
    check_output_dir(console, out, said)
    mission = examples_dir() / DEMO / "mission.yaml"
    console.print(f"[bold]liqa demo[/bold]: {escape(str(mission))}")
    event = load_or_exit(console, mission, said)
    w = ReportWords(said)
    for label, text in summary(event, said):
        console.print(f"  [bold]{escape(label)}[/bold]: {escape(text)}", markup=True)
    # The PDF workers start now: they load WeasyPrint and the fonts while the solver runs.
    with PdfPool() as pdfs:
        outcome = run_plan(console, event, PlanSettings(time_limit=time_limit, lang=said))
        console.print(outcome.report, markup=False)
        index = write_all(console, event, outcome, out, langs, pdfs)
        # Both cores go to the PDFs: the web app is loaded once they are written.
        finish_pdfs(console, pdfs)
    console.print(
        "\n[green]"
        + escape(w.t.gettext("Agendas, calendars, grids, report and communiqué written."))
        + "[/green]"
    )
    where = f"[bold]{escape(w.iso(str(index.resolve())))}[/bold]"
    console.print(escape(w.t.gettext("Open %(index)s")) % {"index": where})
    try:
        links = load_web(console, mission, outcome, time_limit, host, port, words=w)
    except SetupError as error:
        raise _refused(console, error, said) from None
    serve_web(console, links, host, port, no_serve, w)


def _refused(console: Console, error: Exception, lang: str) -> typer.Exit:
    """Exit 2 saying in ``lang`` why the web app was not loaded (a ``runtime.SetupError``):
    a bad ``DATABASE_URL`` on one line, as ``liqa manage`` says it (the message names the
    forms accepted: it is the hint); anything else with a hint."""
    from liqa.web.runtime import DatabaseUrlError

    if isinstance(error, DatabaseUrlError):
        print_error(console, Message("error: {message}", message=error.message), lang=lang)
        return typer.Exit(EXIT_PROBLEMS)
    print_error(
        console,
        Message(
            "error: {message}",
            message=Message("the web app was not loaded: {error}", error=str(error)),
        ),
        Message("check DATABASE_URL (postgres://user@host:5432/name) or LIQA_DATA_DIR"),
        lang=lang,
    )
    return typer.Exit(EXIT_PROBLEMS)


def load_web(
    console: Console,
    mission: Path,
    outcome: PlanOutcome,
    time_limit: float,
    host: str,
    port: int,
    *,
    words: ReportWords | None = None,
) -> dict[str, str]:
    """Load the mission and its planned schedule into the local web app's database;
    sign-in links. Its loading line in the reader's ``words`` (English without)."""
    from liqa.web.demo import load_demo
    from liqa.web.runtime import served_base_url

    w = words or ReportWords("en")
    loading = w.t.gettext("Loading the mission into the web app (%(place)s)...")
    with console.status(escape(loading % {"place": database_place(w)})):
        return load_demo(
            mission,
            time_limit=time_limit,
            # the links follow the port served, unless LIQA_BASE_URL is set
            base_url=served_base_url(host, port),
            schedule=outcome.schedule,
            seconds=outcome.seconds,
            bound_term=outcome.bound_term,
        )


def database_place(w: ReportWords | None = None) -> str:
    """Where the web app's database is, in the reader's words (English without ``w``):
    $DATABASE_URL's, else the SQLite file's folder ($LIQA_DATA_DIR, ./var)."""
    w = w or ReportWords("en")
    if os.environ.get("DATABASE_URL"):
        return w.gettext("the database of %(variable)s", variable=w.iso("DATABASE_URL"))
    folder = w.iso(os.environ.get("LIQA_DATA_DIR") or "./var")
    return w.gettext("database in %(folder)s", folder=folder)


def serve_command(host: str, port: int) -> str:
    """The ``liqa serve`` command that serves where the printed sign-in links point."""
    words = ["uv run liqa serve"]
    if host != "127.0.0.1":
        words.append(f"--host {host}")
    if port != 8000:
        words.append(f"--port {port}")
    return " ".join(words)


SIGN_IN_ROLE = "sign-in role"
ROLES = {  # the keys of liqa.web.demo.load_demo's links, as the reader says them
    "organizer": pgettext_noop("sign-in role", "organizer"),
    "delegate": pgettext_noop("sign-in role", "delegate"),
    "host": pgettext_noop("sign-in role", "host"),
    "public": pgettext_noop("sign-in role", "public"),
}


def serve_web(
    console: Console,
    links: dict[str, str],
    host: str,
    port: int,
    no_serve: bool,
    w: ReportWords | None = None,
) -> None:
    """Print the sign-in links, then serve the web app (unless ``no_serve``); in the
    reader's words (English without ``w``)."""
    from liqa.web.demo import serve

    w = w or ReportWords("en")
    console.print("\n" + w.t.gettext("Web app (each sign-in link works once):"), markup=False)
    for role, url in links.items():
        said = w.t.pgettext(SIGN_IN_ROLE, ROLES[role]) if role in ROLES else role
        console.print(f"  {said}: {w.iso(url)}", markup=False)
    if no_serve:
        command = w.iso(serve_command(host, port))
        console.print(
            w.gettext("Start the web app with: %(command)s", command=command), markup=False
        )
        return
    url = w.iso(f"http://{host}:{port}/")
    console.print(w.gettext("Serving on %(url)s (Ctrl+C to stop)", url=url), markup=False)
    serve(host, port)
