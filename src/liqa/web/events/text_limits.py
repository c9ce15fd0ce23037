"""Imported text that fits its column, checked before anything is stored.

The event's models limit some text fields (``CharField.max_length``: names, addresses,
roles, keys…); PostgreSQL refuses a longer value with a database error and SQLite keeps it
whatever its length. An import (a mission file, organizers' spreadsheets) is checked here
first, against the limits read from the models themselves (never copied numbers), and
each value too long becomes a problem naming where it was written (file and line and
field path, or file, sheet, row and column), its length and the limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.missionfile.reading import Document, ReadError, read_text
from liqa.core.problems import Problem
from liqa.core.spreadsheets import Imported
from liqa.web.events import models as rows
from liqa.web.events.editing.rows import MODELS
from liqa.web.events.records import request_fields


def outcome_fields(outcome: core.Outcome) -> dict[str, Any]:
    """Row fields of an outcome (as :func:`~liqa.web.events.records.store_event` writes
    them)."""
    return {
        "assignment": outcome.assignment,
        "kind": outcome.kind.value,
        "follow_up": outcome.follow_up.value,
        "owner": outcome.owner or "",
        "notes": outcome.notes,
    }


SECTIONS: dict[str, tuple[type[models.Model], Callable[[Any], dict[str, Any]]]] = {
    **{section: (model, fields) for section, (model, fields) in MODELS.items()},
    "requests": (rows.MeetingRequest, request_fields),
    "outcomes": (rows.Outcome, outcome_fields),
}
"""Section of the event (as the mission file names it) → its row model and the row fields
of one of its records."""

_ID_FIELDS = {"key": "id", "slug": "id"}
"""Row fields holding a record's id, by the name the mission file and the sheets give it."""


@dataclass(frozen=True)
class TooLong:
    """A value longer than its column allows."""

    section: str
    """``event`` or a section of the event (``venues``, ``people``…)."""
    index: int | None
    """The record's place in its section (``None`` for the event itself)."""
    record: str
    """The record's id."""
    field: str
    """The field as the mission file names it (``id`` for the row's key)."""
    length: int
    limit: int


def limit(model: type[models.Model], name: str) -> int | None:
    """The most characters ``model``'s field ``name`` holds; ``None``: no limit."""
    found = model._meta.get_field(name)
    if isinstance(found, models.CharField) and found.max_length:
        return int(found.max_length)
    return None


def _over(model: type[models.Model], values: dict[str, Any]) -> Iterator[tuple[str, int, int]]:
    """Each field of ``values`` longer than ``model`` allows: (field, length, limit)."""
    for name, value in values.items():
        most = limit(model, name) if isinstance(value, str) else None
        if most is not None and len(value) > most:
            yield _ID_FIELDS.get(name, name), len(value), most


def too_long(event: core.Event) -> list[TooLong]:
    """Every value of ``event`` too long for the column that would store it."""
    found = [
        TooLong("event", None, event.id, field, length, most)
        for field, length, most in _over(rows.Event, {"slug": event.id, "kind": event.kind.value})
    ]
    for section, (model, fields_of) in SECTIONS.items():
        records: tuple[Any, ...] = getattr(event, section)
        for index, record in enumerate(records):
            values = fields_of(record)
            if any(f.name == "key" for f in model._meta.concrete_fields):
                values = {"key": record.id, **values}
            found.extend(
                TooLong(section, index, getattr(record, "id", ""), field, length, most)
                for field, length, most in _over(model, values)
            )
    return found


def _message(field: str, length: int, most: int) -> str:
    return _("%(field)s: %(length)d characters, at most %(limit)d") % {
        "field": field,
        "length": length,
        "limit": most,
    }


def _hint(most: int) -> str:
    return _("shorten it to %(limit)d characters or fewer") % {"limit": most}


def mission_problems(event: core.Event, text: str, filename: str) -> list[Problem]:
    """A problem for each value of a mission file's ``event`` too long for its column, at
    its line and field path (``venues[3].name``)."""
    found = too_long(event)
    if not found:
        return []
    try:
        document: Document | None = read_text(text, filename)
    except ReadError:  # read once already by the caller: the lines are a help only
        document = None
    problems = []
    for item in found:
        where: tuple[str | int, ...] = (
            (item.section, item.field)
            if item.index is None
            else (item.section, item.index, item.field)
        )
        path = (
            f"{item.section}.{item.field}"
            if item.index is None
            else f"{item.section}[{item.index}].{item.field}"
        )
        problems.append(
            Problem(
                filename,
                _message(item.field, item.length, item.limit),
                _hint(item.limit),
                line=document.line(where) if document is not None else None,
                path=path,
                code="too_long",
            )
        )
    return problems


def sheet_problems(imported: Imported) -> list[Problem]:
    """A problem for each value the spreadsheets gave too long for its column, at the
    file, sheet, row and column that gave it (records the sheets did not give are the
    event's own, stored already)."""
    problems = []
    for item in too_long(imported.event):
        row = imported.origins.get(item.record)
        if row is None:
            continue
        column = item.field
        if item.section == "organizations" and item.record in imported.created_organizations:
            column = "organization"  # made from the name in the people table's row
        header = row.headers.get(column) or (
            row.headers.get("first_name") or row.headers.get("last_name")
            if column == "name"
            else None
        )
        shown = header or column
        problems.append(
            Problem(
                Path(row.file).name,
                _message(shown, item.length, item.limit),
                _hint(item.limit),
                sheet=row.sheet,
                row=row.number,
                column=shown,
                code="too_long",
            )
        )
    return problems
