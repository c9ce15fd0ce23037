"""``liqa plan FILE``: schedule an event and print (and optionally write) the result."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from liqa.cli import app
from liqa.cli.common import (
    EXIT_PROBLEMS,
    LANGUAGES,
    check_output_dir,
    load_or_exit,
    parse_languages,
    print_error,
    print_problems,
    process_language,
)
from liqa.cli.terminal import progress_bar
from liqa.core.model import Event, EventKind
from liqa.core.outputs.planfile import (
    FILE_NAME,
    PlanFile,
    mission_digest,
    read_plan,
    still_in_mission,
    write_plan,
)
from liqa.core.problems import InputError, Message
from liqa.core.scheduling.planning import (
    Method,
    PlanOutcome,
    PlanSettings,
    ReportWords,
    plan_event,
)

if TYPE_CHECKING:
    from liqa.core.outputs.pdf import PdfPool


@app.command("plan")
def plan(
    file: Annotated[Path, typer.Argument(help="Mission file (.yaml, .yml or .json).")],
    out: Annotated[
        Path | None,
        typer.Option(
            help="Write agendas, calendars, grids, report, communiqué and plan.json here."
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(help="Languages of the outputs, e.g. ar,fr,en."),
    ] = "ar,fr,en",
    print_lang: Annotated[
        str,
        typer.Option(help="Language of the report and itinerary printed here: ar, fr or en."),
    ] = "en",
    time_limit: Annotated[float, typer.Option(min=0.1, help="Solver time limit, seconds.")] = 10.0,
    workers: Annotated[int, typer.Option(min=1, help="Solver threads.")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same plan).")] = 0,
    method: Annotated[
        str,
        typer.Option(
            help="optimal (CP-SAT / local search) or greedy (brokerage baseline; with "
            "--previous, the previous timetable kept where still valid, the rest placed "
            "greedily, no search)."
        ),
    ] = "optimal",
    previous: Annotated[
        Path | None,
        typer.Option(
            help="Re-plan the plan.json an earlier --out wrote, moving as little as possible; "
            "outputs go to --out (default: that plan's folder)."
        ),
    ] = None,
    keep_published: Annotated[
        bool,
        typer.Option(
            "--keep-published",
            help="With --previous, at a brokerage event: every meeting of the previous plan "
            "that still fits keeps its time and table; new or changed meetings go only where "
            "they fit (else they are listed as not placed). Without it, a meeting of higher "
            "priority may move other people's meetings.",
        ),
    ] = False,
) -> None:
    """Schedule a brokerage event or plan a mission's itinerary, and print it.

    With --previous, re-plan an earlier plan after the mission file changed: say whether
    the mission file changed since that plan, print what moved, was dropped or added on
    each person's agenda (a host's staff included), and update the calendars (same UIDs,
    SEQUENCE + 1 for what changed). With --keep-published too, the previous plan's
    meetings stay where they are wherever the change allows.
    """
    console = Console(soft_wrap=True, highlight=False)
    # errors in the --print-lang language, else (not given well) the process locale's
    speaks = print_lang.strip() if print_lang.strip() in LANGUAGES else process_language()
    if method not in ("optimal", "greedy"):
        print_error(
            console,
            Message("--method: {method!r} is not a method; use optimal or greedy", method=method),
            lang=speaks,
        )
        raise typer.Exit(EXIT_PROBLEMS)
    langs = parse_languages(console, lang, lang=speaks)
    (said,) = parse_languages(console, print_lang, option="--print-lang", many=False)
    chosen: Method = "greedy" if method == "greedy" else "optimal"
    if previous is not None and out is None:
        out = previous.parent
    if keep_published and previous is None:
        print_error(
            console,
            Message(
                "--keep-published: keeps the meetings of a previous plan in place; give that "
                "plan with --previous, e.g. --previous out/plan.json"
            ),
            lang=said,
        )
        raise typer.Exit(EXIT_PROBLEMS)
    if out is not None:
        check_output_dir(console, out, said)
    event = load_or_exit(console, file, said)
    if keep_published and event.kind is not EventKind.BROKERAGE:
        print_error(
            console,
            Message(
                "--keep-published: for brokerage events; a trade mission's re-plan keeps "
                "every visit that still fits already (drop the option)"
            ),
            lang=said,
        )
        raise typer.Exit(EXIT_PROBLEMS)
    if previous is not None:
        replan_command(
            console,
            event,
            file,
            previous,
            out or previous.parent,
            langs,
            settings_of(time_limit, workers, seed, chosen, said),
            keep_published=keep_published,
        )
        return
    if method == "greedy" and event.kind is not EventKind.BROKERAGE:
        print_error(
            console,
            Message(
                "--method greedy: the greedy baseline is offered for brokerage events; a "
                "trade mission's itinerary is always searched (use --time-limit to shorten it)"
            ),
            lang=said,
        )
        raise typer.Exit(EXIT_PROBLEMS)
    settings = settings_of(time_limit, workers, seed, chosen, said)
    outcome = run_plan(console, event, settings)
    console.print(outcome.report, markup=False)
    if out is not None:
        index = write_all(console, event, outcome, out, langs)
        written = write_plan(out / FILE_NAME, event, outcome.schedule, file)
        _say_written(console, ReportWords(said), index, written)


def _say_written(console: Console, w: ReportWords, index: Path, written: Path) -> None:
    """Where the outputs are (their index page) and the plan to re-plan from, in bold."""

    def bold(path: Path) -> str:
        return f"[bold]{escape(w.iso(str(path)))}[/bold]"

    console.print(
        "\n" + escape(w.t.gettext("Outputs written; open %(index)s")) % {"index": bold(index)}
    )
    console.print(
        escape(w.t.gettext("Plan saved for re-planning: %(plan)s")) % {"plan": bold(written)}
    )


def settings_of(
    time_limit: float, workers: int, seed: int, method: Method, lang: str = "en"
) -> PlanSettings:
    """The planner's settings from the command's options (``lang``: the printed report's)."""
    return PlanSettings(time_limit=time_limit, workers=workers, seed=seed, method=method, lang=lang)


def replan_command(
    console: Console,
    event: Event,
    mission: Path,
    previous: Path,
    out: Path,
    langs: tuple[str, ...],
    settings: PlanSettings,
    *,
    keep_published: bool = False,
) -> None:
    """Re-plan ``previous`` (a plan.json) for the changed ``event``; print the changes per
    person; write the outputs (calendars updated over the previous ones) and the new plan.
    ``keep_published``: the previous plan's meetings stay in place wherever still allowed."""
    from liqa.core.scheduling.replanning import change_lines, replan_event

    try:
        plan_file = read_plan(previous, event)
    except InputError as error:
        print_problems(
            console, error.problems, Message("nothing was re-planned"), lang=settings.lang
        )
        raise typer.Exit(EXIT_PROBLEMS) from None
    old = plan_file.schedule
    unchanged = mission_digest(mission) == plan_file.mission_sha256
    gone = [a.id for a in old.assignments if not still_in_mission(event, a.id)]
    with progress_bar(
        console,
        TextColumn("[bold]Re-planning[/bold] {task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
    ) as progress:
        progress.add_task(f"{event.id} (up to {settings.time_limit:g} s)", total=None)
        outcome = replan_event(event, old, settings, keep_published=keep_published)
    console.print(outcome.report, markup=False)
    w = ReportWords(settings.lang)
    if outcome.status in ("unknown", "infeasible") and not outcome.schedule.assignments:
        words = w.gettext(
            "No schedule found within %(seconds)s s; nothing was written and %(plan)s is unchanged",
            seconds=w.number(settings.time_limit),
            plan=w.iso(str(previous)),
        )
        console.print(Text(words, style="red"))
        console.print(
            w.t.gettext("hint: run again with a longer --time-limit, e.g. --time-limit 60"),
            markup=False,
        )
        raise typer.Exit(1)
    if gone:
        keys = w.figures(w.iso(key) for key in sorted(set(gone)))
        console.print(
            "\n"
            + w.gettext("No longer in the mission, dropped from the plan: %(keys)s", keys=keys),
            markup=False,
        )
    lines = change_lines(event, old, outcome.schedule, None if w.english else w.lang)
    mission_words = w.message(_mission_change(plan_file, unchanged, bool(lines)))
    console.print("\n" + mission_words, markup=False)
    console.print(
        w.gettext("Changes since version %(version)s:", version=w.count(old.version)),
        markup=False,
    )
    if not lines:
        lines = [(1, Message("none: every meeting and visit keeps its time and place"))]
    for depth, line in lines:
        console.print("  " * depth + w.message(line), markup=False)
    _carry_calendars(previous.parent, out)
    before = {path: path.read_bytes() for path in out.rglob("*.ics")}
    index = write_all(console, event, outcome, out, langs)
    withdrawn = _cancel_untouched(before, outcome.schedule.provenance.created_at)
    if withdrawn:
        files = w.figures(w.iso(str(path.relative_to(out))) for path in withdrawn)
        console.print(
            "\n"
            + w.gettext(
                "Calendars with every event cancelled (nothing left in the plan): %(files)s",
                files=files,
            ),
            markup=False,
        )
    written = write_plan(out / FILE_NAME, event, outcome.schedule, mission)
    _say_written(console, w, index, written)


def _mission_change(plan_file: PlanFile, unchanged: bool, changes: bool) -> Message:
    """Whether the mission file is the one the previous plan was made from (the SHA-256
    of its bytes kept in plan.json), in words, and what that means for the ``changes``."""
    version, file = plan_file.schedule.version, plan_file.mission_file
    if unchanged and not changes:
        return Message(
            "The mission file has not changed since version {version} was planned (same "
            "SHA-256 as {file}): the re-plan keeps the previous schedule, nothing changed",
            version=version,
            file=file,
        )
    if unchanged:
        return Message(
            "The mission file has not changed since version {version} was planned (same "
            "SHA-256 as {file}), but the re-plan found a better schedule",
            version=version,
            file=file,
        )
    return Message(
        "The mission file has changed since version {version} was planned from {file}",
        version=version,
        file=file,
    )


def _carry_calendars(source: Path, out: Path) -> None:
    """Copy the previous plan's calendars into ``out`` (when it is another folder) so the
    new ones keep their UIDs and raise SEQUENCE for what changed."""
    if not source.is_dir() or source.resolve() == out.resolve():
        return
    for ics in source.rglob("*.ics"):
        target = out / ics.relative_to(source)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(ics.read_bytes())


def _cancel_untouched(before: dict[Path, bytes], stamp: datetime) -> list[Path]:
    """Calendars the new plan did not write (their subject has nothing left in it):
    every event cancelled, so calendar apps drop them. The paths, sorted."""
    from liqa.core.outputs.calendar_withdrawn import cancel_every_event

    untouched = sorted(p for p, data in before.items() if p.exists() and p.read_bytes() == data)
    for path in untouched:
        path.write_bytes(cancel_every_event(before[path], stamp))
    return untouched


def run_plan(console: Console, event: Event, settings: PlanSettings) -> PlanOutcome:
    """Plan with a spinner showing elapsed time (the solver runs up to the time limit)."""
    with progress_bar(
        console,
        TextColumn("[bold]Planning[/bold] {task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
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

    with progress_bar(
        console,
        TextColumn("[bold]Writing[/bold] {task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
    ) as progress:
        task = progress.add_task("outputs", total=None)

        def report(done: int, total: int, what: str) -> None:
            progress.update(task, completed=done, total=total, description=what)

        return write_outputs(event, outcome.schedule, out, langs, progress=report, pdfs=pdfs)


def finish_pdfs(console: Console, pdfs: PdfPool) -> None:
    """Wait for the PDFs queued on ``pdfs``, with a progress bar."""
    with progress_bar(
        console,
        TextColumn("[bold]Writing[/bold] {task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
    ) as progress:
        task = progress.add_task("PDFs", total=pdfs.count)
        pdfs.finish(lambda path: progress.update(task, advance=1, description=path.name))
