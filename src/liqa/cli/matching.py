"""``liqa recommend`` and ``liqa eval matchmaking``: matchmaking from the command line."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from liqa.cli import app
from liqa.cli.common import LANGUAGES, print_problems, process_language, said
from liqa.cli.terminal import print_markdown, progress_bar, wide_when_piped
from liqa.core.model import Event, Organization
from liqa.core.problems import InputError, Message

eval_app = typer.Typer(
    help="Evaluate liqa against labelled data sets and print the metrics.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")


def _fail(console: Console, message: str, lang: str) -> typer.Exit:
    """Exit 2 saying ``message`` (a :class:`Message`) in ``lang``."""
    console.print(
        Text(said(Message("error: {message}", message=message), lang), style="red"),
        soft_wrap=True,
    )
    return typer.Exit(2)


@app.command("recommend")
def recommend_command(
    file: Annotated[Path, typer.Argument(help="Mission file (YAML or JSON).")],
    for_: Annotated[
        str,
        typer.Option(
            "--for", help="Id of the organization or person to recommend counterparts to."
        ),
    ],
    lang: Annotated[str, typer.Option(help="Language of the reasons: ar, fr or en.")] = "en",
    top: Annotated[int, typer.Option(min=1, max=100, help="How many matches to list.")] = 10,
) -> None:
    """Print the best counterparts of an organization or person, with the reasons."""
    console = wide_when_piped(Console())
    errors = Console(stderr=True)
    if lang not in LANGUAGES:
        raise _fail(
            errors,
            Message("--lang must be one of ar, fr, en (got {lang!r})", lang=lang),
            process_language(),
        )
    from liqa.core.i18n import translator
    from liqa.core.matching.profiles import event_parties
    from liqa.core.matching.reasons import render
    from liqa.core.matching.recommend import UnknownParty, build_matcher, recommend
    from liqa.core.matching.rules import event_rules
    from liqa.core.missionfile import load_event
    from liqa.core.outputs.labels import isolate

    try:
        event = load_event(file)
    except InputError as exc:
        print_problems(errors, exc.problems, lang=lang)
        raise typer.Exit(2) from exc
    org_ids = {o.id for o in event.organizations}
    person_ids = {p.id for p in event.people}
    wanted = _resolve(for_, event.organizations)
    if wanted not in org_ids | person_ids:
        raise _fail(errors, _unknown_for(for_, event), lang)
    level = "person" if wanted in person_ids and wanted not in org_ids else "organization"
    matcher = build_matcher(event_parties(event, level), event_rules(event))
    try:
        recs = recommend(matcher, wanted, top)
    except UnknownParty as exc:
        examples = [o.id for o in event.organizations[:3]]
        raise _fail(errors, _no_such(exc.wanted, exc.suggestions, examples), lang) from exc
    reader = matcher.parties[matcher.index(wanted)]
    names = {p.id: p.display_name(lang) for p in matcher.parties}
    words = translator(lang)
    if not recs:
        console.print(words.gettext("No recommendations."))
        return
    # a Latin name isolated in an Arabic title (U+2066…U+2069), as the reasons isolate theirs
    name = isolate(reader.display_name(lang), lang)
    title = words.gettext("Top matches for %(name)s") % {"name": name}
    table = Table(title=escape(title), show_lines=True)  # names and profiles are text
    table.add_column("#", justify="right")
    table.add_column(words.gettext("Counterpart"))
    table.add_column(words.pgettext("matchmaking", "Score"), justify="right")
    table.add_column(words.gettext("Reasons"))
    for rec in recs:
        reasons = "\n".join(render(r, lang, matcher.thesaurus) for r in rec.reasons)
        table.add_row(
            str(rec.rank),
            f"{escape(names[rec.candidate])}\n[dim]{escape(rec.candidate)}[/]",
            f"{rec.score:.2f}",
            escape(reasons),
        )
    console.print(table)


def _unknown_for(query: str, event: Event) -> Message:
    """What to say when ``--for`` names nobody: the closest ids, else examples."""
    labels: dict[str, str] = {}
    for org in event.organizations:
        for label in (org.id, org.short_name, org.name):
            labels.setdefault(label.casefold(), org.id)
    for person in event.people:
        for label in (person.id, person.name, person.email):
            labels.setdefault(label.casefold(), person.id)
    labels.pop("", None)
    close = difflib.get_close_matches(query.casefold(), list(labels), n=6, cutoff=0.6)
    ids = list(dict.fromkeys(labels[label] for label in close))[:3]
    return _no_such(query, ids, [o.id for o in event.organizations[:3]])


def _no_such(query: str, close: Sequence[str], examples: Sequence[str] = ()) -> Message:
    """Nobody has the id ``query``: the ``close`` ids, else how to name someone, with
    ``examples`` of ids."""
    if close:
        return Message(
            "no organization or person with id {query!r}; did you mean {ids}?",
            query=query,
            ids=", ".join(close),
        )
    return Message(
        "no organization or person with id {query!r}\nhint: give the id, short name or "
        "name of an organization, or the id of a person, of the mission file, e.g. {examples}",
        query=query,
        examples=", ".join(examples) or "(none)",
    )


def _resolve(query: str, organizations: Sequence[Organization]) -> str:
    """An organization id from an id, a short name or a name (case-insensitive)."""
    folded = query.casefold()
    for org in organizations:
        if folded in (org.id.casefold(), org.short_name.casefold(), org.name.casefold()):
            return org.id
    return query


@eval_app.command("matchmaking")
def eval_matchmaking(
    data: Annotated[Path, typer.Argument(help="Labelled evaluation set (YAML).")],
    output: Annotated[
        Path | None, typer.Option(help="Also write the results as Markdown to this file.")
    ] = None,
    split: Annotated[
        str | None,
        typer.Option(help="Only the queries of this split of DATA: dev or test."),
    ] = None,
) -> None:
    """Print precision@5, recall@10 and nDCG@10 of liqa and two baselines on DATA, overall,
    for same- and cross-language pairs, and per split when DATA has one."""
    from liqa.core.matching.evalset import load_dataset
    from liqa.core.matching.evaluation import evaluate

    console = wide_when_piped(Console())
    errors = Console(stderr=True)
    lang = process_language()  # no language option: the process locale's
    if split not in (None, "dev", "test"):
        raise _fail(
            errors, Message("--split must be dev or test (got {split!r})", split=split), lang
        )
    try:
        dataset = load_dataset(data)
    except InputError as exc:
        print_problems(errors, exc.problems, lang=lang)
        raise typer.Exit(2) from exc
    if split is not None and split not in dataset.splits.values():
        raise _fail(
            errors,
            Message(
                "--split {split}: {data} has no {split} split (no organization says "
                "`split: {split}`); leave out --split to score every query",
                split=split,
                data=str(data),
            ),
            lang,
        )
    with progress_bar(errors) as progress:
        task = progress.add_task("Scoring", total=3)
        report = evaluate(dataset, progress=lambda: progress.advance(task), split=split)
    text = report.to_markdown()
    print_markdown(console, text)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        errors.print(f"written: {output}")
