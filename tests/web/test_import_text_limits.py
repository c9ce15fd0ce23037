"""Imported text fits its columns: a value longer than the model's field allows (a venue's
or an organization's name, a role, an id…) is refused before anything is stored, naming
the file, the line and field (mission file) or the sheet, row and column (spreadsheets),
its length and the limit read from the model; on SQLite (which would keep it whole) and on
PostgreSQL (which would refuse it with a database error) alike."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.core.problems import InputError
from liqa.core.spreadsheets import export_event
from liqa.web.events import models as rows
from liqa.web.events.records import event_record, stored_event
from liqa.web.events.services import import_mission_file, read_spreadsheets
from liqa.web.events.text_limits import SECTIONS, limit, too_long
from tests.web.factories import make_core_event
from tests.web.spreadsheet_steps import upload

VENUE_NAME = "Palais " + "x" * 305  # 312 characters
ORG_NAME = "Alpha " * 50 + "Pay"  # 303 characters
ROLE = "Director of " + "y" * 300  # 312 characters


def _limit(model: type[models.Model], name: str) -> int:
    found = limit(model, name)
    assert found is not None
    return found


def _line(lines: list[str], start: str) -> int:
    """The line (1-based) where a field starts (a long value goes on over the next ones)."""
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(start))


def _too_long_event() -> core.Event:
    """The test event with one venue, one organization's name and one role too long."""
    event = make_core_event()
    return dataclasses.replace(
        event,
        venues=(
            *event.venues,
            core.Venue("v-annex", "Annex", "Tunis", "Africa/Tunis"),
            core.Venue("v-long", VENUE_NAME, "Tunis", "Africa/Tunis"),
        ),
        organizations=tuple(
            dataclasses.replace(o, name=ORG_NAME) if o.id == "o-alpha" else o
            for o in event.organizations
        ),
        people=tuple(
            dataclasses.replace(p, role=ROLE) if p.id == "p-chen" else p for p in event.people
        ),
    )


def test_every_limited_text_field_of_an_imported_record_is_checked() -> None:
    """Each CharField with a limit, in every model an import writes, is among the fields
    checked for a record of its section: a field added to a model is checked too, or this
    fails until it is."""
    event = dataclasses.replace(
        make_core_event(),
        outcomes=(core.Outcome("r-1", core.OutcomeKind.HELD, owner="p-amina"),),
        visits=(core.CandidateVisit("vis-1", "o-beta", "v-hall", 60),),
        programme=(
            core.ProgrammeItem(
                "pr-1",
                core.ProgrammeKind.RECEPTION,
                {"en": "Welcome"},
                make_core_event().brokerage.sessions[0].start,  # type: ignore[union-attr]
                make_core_event().brokerage.sessions[0].end,  # type: ignore[union-attr]
            ),
        ),
    )
    for section, (model, fields_of) in SECTIONS.items():
        records: tuple[Any, ...] = getattr(event, section)
        assert records, section
        given = set(fields_of(records[0])) | {"key"}
        limited = {
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField) and f.max_length
        }
        assert limited <= given, (section, limited - given)
    assert {"legs", "venues", "organizations", "people", "requests", "visits"} <= set(SECTIONS)


def test_the_limits_are_the_models() -> None:
    found = {(t.section, t.record, t.field, t.length, t.limit) for t in too_long(_too_long_event())}
    assert found == {
        ("venues", "v-long", "name", 312, _limit(rows.Venue, "name")),
        ("organizations", "o-alpha", "name", 303, _limit(rows.Organization, "name")),
        ("people", "p-chen", "role", 312, _limit(rows.Person, "role")),
    }


@pytest.mark.django_db
def test_a_mission_file_with_text_too_long_names_its_lines_and_stores_nothing() -> None:
    text = dumps_event(_too_long_event())
    lines = text.splitlines()
    with pytest.raises(InputError) as caught:
        import_mission_file(text.encode(), "mission.yaml")
    found = [(p.file, p.line, p.path, p.message, p.hint, p.code) for p in caught.value.problems]
    limit = _limit(rows.Venue, "name")
    assert found == [
        (
            "mission.yaml",
            _line(lines, "- id: v-long") + 1,
            "venues[2].name",
            f"name: 312 characters, at most {limit}",
            f"shorten it to {limit} characters or fewer",
            "too_long",
        ),
        (
            "mission.yaml",
            _line(lines, "name: Alpha Alpha"),
            "organizations[0].name",
            f"name: 303 characters, at most {_limit(rows.Organization, 'name')}",
            f"shorten it to {_limit(rows.Organization, 'name')} characters or fewer",
            "too_long",
        ),
        (
            "mission.yaml",
            _line(lines, "role: Director of"),
            "people[2].role",
            f"role: 312 characters, at most {_limit(rows.Person, 'role')}",
            f"shorten it to {_limit(rows.Person, 'role')} characters or fewer",
            "too_long",
        ),
    ]
    assert (rows.Event.objects.count(), rows.Venue.objects.count()) == (0, 0)


def test_a_mission_file_replacing_an_event_with_text_too_long_changes_nothing(
    event: rows.Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    before = event_record(event)
    text = dumps_event(_too_long_event())
    upload_file = SimpleUploadedFile("mission.yaml", text.encode(), content_type="text/yaml")
    response = client_for(organizer).post(
        "/events/import/", {"mission": upload_file, "replace": "on"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "3 problems in mission.yaml: nothing was imported" in page
    assert "<code>venues[2].name</code>" in page
    assert f"name: 312 characters, at most {_limit(rows.Venue, 'name')}" in page
    assert event_record(rows.Event.objects.get(slug=event.slug)) == before


def test_a_key_too_long_is_refused_by_its_id() -> None:
    event = make_core_event()
    long_id = "r-" + "9" * 120
    event = dataclasses.replace(
        event,
        requests=(*event.requests, core.MeetingRequest(long_id, "p-amina", "p-bruno")),
    )
    found = [(t.section, t.index, t.field, t.length) for t in too_long(event)]
    assert found == [("requests", 3, "id", 122)]


def test_spreadsheets_with_text_too_long_name_sheet_row_and_column_and_store_nothing(
    event: rows.Event, tmp_path: Path
) -> None:
    before = event_record(event)
    (workbook,) = export_event(_too_long_event(), tmp_path / "tables.xlsx")
    with pytest.raises(InputError) as caught:
        read_spreadsheets(event, [("tables.xlsx", workbook.read_bytes())])
    found = {(p.file, p.sheet, p.row, p.column, p.message, p.code) for p in caught.value.problems}
    venue, org, role = (
        _limit(rows.Venue, "name"),
        _limit(rows.Organization, "name"),
        _limit(rows.Person, "role"),
    )
    assert found == {
        ("tables.xlsx", "venues", 4, "name", f"name: 312 characters, at most {venue}", "too_long"),
        (
            "tables.xlsx",
            "organizations",
            2,
            "name",
            f"name: 303 characters, at most {org}",
            "too_long",
        ),
        ("tables.xlsx", "people", 4, "role", f"role: 312 characters, at most {role}", "too_long"),
    }
    assert event_record(event) == before


def test_the_upload_page_lists_them_and_the_event_is_unchanged(
    event: rows.Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    before = stored_event(event)
    files = export_event(_too_long_event(), tmp_path)
    venues = next(f for f in files if "venue" in f.name)
    header, *lines = venues.read_text(encoding="utf-8-sig").splitlines()
    assert header.split(",")[1] == "name"
    french = ",".join(["id", "Nom", *header.split(",")[2:]])  # the column as the organizer named it
    venues.write_text("\n".join([french, *lines]) + "\n", encoding="utf-8")
    answer = upload(client_for(organizer), event.slug, files, "keep")
    assert answer.startswith("400 "), answer[:300]
    assert f"{venues.name} row 4, column &#39;Nom&#39;" in answer
    assert f"Nom: 312 characters, at most {_limit(rows.Venue, 'name')}" in answer
    assert stored_event(rows.Event.objects.get(slug=event.slug)) == before
