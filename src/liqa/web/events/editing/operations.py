"""Add, change and delete an event's records, each judged by the core as a whole event.

Every operation runs in one transaction with the event row locked: the event is read
as mission data, the change applied, the whole event validated by the core, and only
then is the one changed row written. A refused change raises :class:`EditRefused` with
the core's messages, by form field when the problem is in the edited record, and
nothing is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liqa.core import model as core
from liqa.core.missionfile.reading import format_path
from liqa.core.problems import Problem
from liqa.web.events import models as rows
from liqa.web.events.editing import kinds
from liqa.web.events.editing.kinds import BROKERAGE, SESSIONS, Kind
from liqa.web.events.editing.rows import MODELS
from liqa.web.events.editing.validation import check, mission_data
from liqa.web.events.editing.windows import instants_in_words
from liqa.web.events.locking import lock_event
from liqa.web.events.records import brokerage_to_json, event_record


@dataclass
class EditRefused(Exception):
    """The change would break the event: messages by form field, and about other records."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [f"{name}: {m}" for name, ms in self.fields.items() for m in ms]
        return "; ".join(parts + self.general)


class NoSuchRecord(LookupError):
    """No record of that kind has that key in the event."""


FIRST_SESSION = {"session_key": "id", "session_start": "start", "session_end": "end"}
"""Form field → key of the first session, given when the event gets its brokerage setup."""

SECTION_LABELS: dict[str, Any] = {
    "event": gettext_lazy("Event"),
    "legs": kinds.LEGS.label,
    "venues": kinds.VENUES.label,
    "organizations": kinds.ORGANIZATIONS.label,
    "people": kinds.PEOPLE.label,
    "requests": gettext_lazy("Requests"),
    "visits": kinds.VISITS.label,
    "programme": kinds.PROGRAMME.label,
    "brokerage": BROKERAGE.label,
    "brokerage.sessions": SESSIONS.label,
    "outcomes": gettext_lazy("Outcomes"),
}

_PATH = re.compile(
    r"^(?P<section>brokerage\.sessions|[a-z_]+)(?:\[(?P<index>\d+)\])?\.?(?P<rest>.*)$"
)


_DUPLICATE = re.compile(r"^duplicate id '(?P<key>[^']*)' \(already used at (?P<path>[^)]*)\)$")


def _text(problem: Problem, data: dict[str, Any]) -> str:
    """The core's message and hint (a duplicate key names the record that has it)."""
    duplicate = _DUPLICATE.match(problem.message) if problem.code == "duplicate_id" else None
    if duplicate is not None:  # the hint's line number means nothing here
        return _("the key %(key)s is already used: %(where)s") % {
            "key": duplicate["key"],
            "where": _where(data, duplicate["path"]),
        }
    lang = translation.get_language() or "en"
    spoken = replace(problem, message=instants_in_words(problem.message, lang))
    message, hint = spoken.message_in(_), problem.hint_in(_)
    return message + (f" ({hint})" if hint else "")


def _where(data: dict[str, Any], path: str) -> str:
    """``people 'p-chen' · organization`` for ``people[2].organization``."""
    match = _PATH.match(path)
    if match is None:
        return path
    section, index, rest = match["section"], match["index"], match["rest"]
    label = str(SECTION_LABELS.get(section, section))
    if index is not None:
        holder: Any = data
        for part in section.split("."):
            holder = holder.get(part, {}) if isinstance(holder, dict) else {}
        position = int(index)
        found = holder[position] if isinstance(holder, list) and position < len(holder) else {}
        record = found if isinstance(found, dict) else {}
        name = record.get("id") or record.get("assignment") or f"#{position + 1}"
        label += f" '{name}'"
    return f"{label} · {rest}" if rest else label


def _section(data: dict[str, Any], kind: Kind) -> list[dict[str, Any]]:
    holder: Any = data
    for part in kind.section[:-1]:
        holder = holder.setdefault(part, {})
    found: list[dict[str, Any]] = holder.setdefault(kind.section[-1], [])
    return found


def _index(records: list[dict[str, Any]], key: str) -> int:
    for index, record in enumerate(records):
        if record.get("id") == key:
            return index
    raise NoSuchRecord(key)


def _refusal(kind: Kind, prefix: str, data: dict[str, Any], problems: list[Problem]) -> EditRefused:
    refused = EditRefused()
    for problem in problems:
        mine = problem.path == prefix or problem.path.startswith((prefix + ".", prefix + "["))
        if mine:
            relative = problem.path[len(prefix) :].lstrip(".")
            name = _field_of(kind, relative)
            if name:
                refused.fields.setdefault(name, []).append(_text(problem, data))
                continue
        where = _where(data, problem.path) if problem.path else ""
        refused.general.append(
            f"{where}: {_text(problem, data)}" if where else _text(problem, data)
        )
    return refused


def _field_of(kind: Kind, relative: str) -> str:
    """The form field showing a problem at ``relative`` inside the edited record."""
    if kind is BROKERAGE and relative.startswith("sessions[0]"):
        leaf = relative.removeprefix("sessions[0]").lstrip(".")
        names = {key: name for name, key in FIRST_SESSION.items()}
        return names.get(leaf, "session_start")
    return kind.field_of(relative) or (kind.whole_record_field if not relative else "")


def _lock(row: rows.Event) -> core.Event:
    lock_event(row)
    row.refresh_from_db()
    return event_record(row)


def records(row: rows.Event, kind: Kind) -> list[Any]:
    """The event's core records of one kind, in file order."""
    return kinds.records_of(event_record(row), kind)


def initial(row: rows.Event, kind: Kind, key: str | None) -> dict[str, Any]:
    """Form values of an existing record (``key=None``: the brokerage setup)."""
    event = event_record(row)
    found = kinds.records_of(event, kind)
    record = found[0] if kind is BROKERAGE and found else None
    for candidate in found if kind is not BROKERAGE else ():
        if candidate.id == key:
            record = candidate
    if record is None:
        raise NoSuchRecord(key or kind.name)
    return kinds.initial_of(event, kind, record)


def save(row: rows.Event, kind: Kind, key: str | None, values: dict[str, Any]) -> str:
    """Add (``key=None``) or change a record; its key (a record's key never changes).

    The brokerage setup is changed with ``key=None``; an event without one gets it with
    its first session (``session_key``, ``session_start``, ``session_end``). An aspect of
    a record (a person's availability) is only changed.
    """
    if kind.aspect_of and key is None:
        raise NoSuchRecord(kind.name)
    with transaction.atomic():
        event = _lock(row)
        data = mission_data(event)
        if kind is BROKERAGE:
            prefix = "brokerage"
            setup = data.get("brokerage") or {"sessions": [_first_session(values)]}
            data["brokerage"] = kinds.apply_fields(setup, kind, values)
            new_key = ""
        else:
            section = _section(data, kind)
            index = len(section) if key is None else _index(section, key)
            if key is None:
                section.append(kinds.apply_fields({}, kind, values))
            else:
                current = kinds.localized_as_mappings(section[index], kind)
                section[index] = kinds.apply_fields(current, kind, {**values, "key": key})
            prefix = format_path((*kind.section, index))
            new_key = str(section[index].get("id", ""))
        built, problems = check(data)
        if built is None:
            raise _refusal(kind, prefix, data, problems)
        found = kind.rules(built, new_key) if kind.rules else {}
        if found:
            raise EditRefused(fields=found)
        _store(row, kind, built, key, new_key)
        return new_key


def _first_session(values: dict[str, Any]) -> dict[str, Any]:
    """The first session of a new brokerage setup, as mission data (empty values left out)."""
    return {key: values[name] for name, key in FIRST_SESSION.items() if values.get(name)}


def _store(row: rows.Event, kind: Kind, built: core.Event, key: str | None, new_key: str) -> None:
    if kind in (BROKERAGE, SESSIONS):
        row.brokerage = brokerage_to_json(built.brokerage)
        row.save(update_fields=["brokerage"])
        return
    model, fields_of = MODELS[kind.section[0]]
    record = next(r for r in kinds.records_of(built, kind) if r.id == new_key)
    if key is None:
        top = model.objects.filter(event=row).aggregate(top=Max("position"))["top"]
        model.objects.create(event=row, key=new_key, position=(top or 0) + 1, **fields_of(record))
    else:  # saved row by row, so that signal receivers (the audit log) see the change
        existing = model.objects.get(event=row, key=key)
        for name, value in fields_of(record).items():
            setattr(existing, name, value)
        existing.save()


def delete(row: rows.Event, kind: Kind, key: str) -> None:
    """Delete a record; refused, saying what uses it, while anything refers to it."""
    if kind.aspect_of or kind is BROKERAGE:
        raise NoSuchRecord(kind.name)
    with transaction.atomic():
        event = _lock(row)
        data = mission_data(event)
        section = _section(data, kind)
        del section[_index(section, key)]
        built, problems = check(data)
        if built is None:
            raise _deletion_refused(kind, key, data, problems)
        if kind is SESSIONS:
            _store(row, kind, built, key, key)
        else:
            MODELS[kind.section[0]][0].objects.filter(event=row, key=key).delete()


def _deletion_refused(
    kind: Kind, key: str, data: dict[str, Any], problems: list[Problem]
) -> EditRefused:
    uses = [_where(data, p.path) for p in problems if p.code == "unknown_reference"]
    others = [p for p in problems if p.code != "unknown_reference"]
    refused = EditRefused()
    if uses:
        refused.general.append(
            _("%(key)s is used by %(uses)s: change or delete those first.")
            % {"key": key, "uses": "; ".join(uses)}
        )
    for problem in others:
        where = _where(data, problem.path) if problem.path else ""
        refused.general.append(
            f"{where}: {_text(problem, data)}" if where else _text(problem, data)
        )
    return refused
