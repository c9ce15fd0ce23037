"""The web upload stores organizations, people, requests and venues; a workbook with an
outcomes sheet (``liqa export`` writes one once outcomes are recorded) is refused, naming
the file and the sheet and where outcomes are recorded instead, and nothing is stored.
Before, the sheet was read, its rows counted under "Imported rows" ("outcomes 1", a word
the page did not translate) and dropped: the organizer was told it was imported."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.spreadsheets import export_event
from liqa.web.events import models as rows
from liqa.web.events.records import stored_event
from tests.web.spreadsheet_steps import tables, upload


def _recorded(event: rows.Event) -> list[tuple[str, str, str]]:
    return [(o.assignment, o.kind, o.notes) for o in rows.Outcome.objects.filter(event=event)]


def _renamed(event: rows.Event, name: str) -> core.Event:
    """The stored event with Bruno named ``name`` and r-1's outcome a no-show."""
    stored = stored_event(event)
    return dataclasses.replace(
        stored,
        people=tuple(
            dataclasses.replace(p, name=name) if p.id == "p-bruno" else p for p in stored.people
        ),
        outcomes=(core.Outcome("r-1", core.OutcomeKind.NO_SHOW, notes="from the sheet"),),
    )


def test_a_workbook_with_an_outcomes_sheet_is_refused_and_stores_nothing(
    event: rows.Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    rows.Outcome.objects.create(event=event, assignment="r-1", kind="held", notes="on the web")
    workbook = export_event(_renamed(event, "Bruno Renamed"), tmp_path / "tables.xlsx")
    answer = upload(client_for(organizer), event.slug, workbook, "keep")
    assert answer.startswith("400 "), answer[:300]
    assert "1 problem: nothing was imported" in answer
    assert "tables.xlsx [outcomes]" in answer
    assert "this upload does not take the outcomes table" in answer
    assert "outcomes are recorded on the event&#39;s follow-ups page" in answer
    assert 'id="imported"' not in answer
    assert _recorded(event) == [("r-1", "held", "on the web")]
    assert rows.Person.objects.get(event=event, key="p-bruno").name != "Bruno Renamed"


def test_the_refusal_is_in_the_readers_language(
    event: rows.Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    rows.Outcome.objects.create(event=event, assignment="r-1", kind="held")
    files = list(tables(event, tmp_path).values())
    assert any(f.name == "outcomes.csv" for f in files)
    client = client_for(organizer)
    client.cookies["django_language"] = "fr"
    answer = upload(client, event.slug, files, "keep")
    assert answer.startswith("400 "), answer[:300]
    assert "outcomes.csv" in answer
    assert "this upload does not take" not in answer  # said in French
    assert _recorded(event) == [("r-1", "held", "")]


def test_the_same_tables_without_the_outcomes_sheet_are_stored(
    event: rows.Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    rows.Outcome.objects.create(event=event, assignment="r-1", kind="held", notes="on the web")
    files = export_event(_renamed(event, "Bruno Renamed"), tmp_path / "csv")
    kept = [f for f in files if f.name != "outcomes.csv"]
    assert len(kept) == len(files) - 1
    answer = upload(client_for(organizer), event.slug, kept, "keep")
    assert answer.startswith("200 "), answer[:300]
    assert rows.Person.objects.get(event=event, key="p-bruno").name == "Bruno Renamed"
    assert _recorded(event) == [("r-1", "held", "on the web")]
