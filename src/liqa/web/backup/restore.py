"""Restore an event from a backup archive, all or nothing.

Everything is checked before anything is written: the archive (limits, members, SHA-256
of each member against the manifest), the mission file (by the core, every problem with
its line), each JSON member (its JSON Schema) and every reference between them. Then one
transaction writes the event and its sections; any failure leaves the database as it was.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import DatabaseError, transaction

from liqa.core import model as core
from liqa.core.missionfile import MAX_BYTES, validate_text
from liqa.core.problems import InputError, Problem
from liqa.web.backup.accounts import USERS, UserConflict
from liqa.web.backup.archive import digest, read_archive
from liqa.web.backup.checks import Report
from liqa.web.backup.members import (
    FORMAT,
    MANIFEST,
    MANIFEST_SCHEMA,
    MISSION,
    MISSION_COUNTS,
    SECTIONS,
    VERSION,
)
from liqa.web.backup.schedules import VERSIONS
from liqa.web.backup.section import Known, Restoring
from liqa.web.events.models import Event
from liqa.web.events.records import store_event

EVENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
"""An event id (as in the mission file), at most 100 characters (the database's limit)."""


@dataclass(frozen=True)
class Contents:
    """A checked archive: the core event and each section's data."""

    event: core.Event
    data: dict[str, Any]
    counts: dict[str, int]
    created_at: str
    """When the backup was made (ISO 8601, from the manifest)."""


@dataclass(frozen=True)
class Restored:
    """The restored event row and what the archive held."""

    event: Event
    counts: dict[str, int]
    replaced: bool
    created_at: str


def read_backup(path: Path, *, as_slug: str | None = None) -> Contents:
    """The checked contents of the archive at ``path``; :class:`InputError` listing every
    problem (archive, member, field path) otherwise. ``as_slug`` renames the event."""
    members = read_archive(path)
    report = Report(str(path))
    manifest = _manifest(report, members)
    _check_members(report, members, manifest)
    if report.problems:
        raise InputError(report.problems)
    event = _mission(report, members[MISSION], manifest["event"])
    data = {
        s.member: s.empty
        if s.member not in members
        else report.load(s.member, members[s.member], s.schema)
        for s in SECTIONS
    }
    if event is None or any(value is None for value in data.values()):
        raise InputError(report.problems)
    counts = {name: len(getattr(event, name)) for name in MISSION_COUNTS}
    for section in SECTIONS:
        counts.update(section.counts(data[section.member]))
    for name in sorted(set(counts) | set(manifest["counts"])):
        said, held = manifest["counts"].get(name, 0), counts.get(name, 0)
        if said != held:
            report.add(MANIFEST, f"says {said} but the archive holds {held}", f"counts.{name}")
    known = _known(event, data)
    for section in SECTIONS:
        report.references(section.member, section.references(data[section.member], known))
    if as_slug is not None and not EVENT_ID.fullmatch(as_slug):
        report.problems.append(
            Problem(
                "--as",
                f"{as_slug!r} is not an event id",
                "use letters, digits, '.', '_' and '-', starting with a letter or digit, "
                "at most 100 characters",
                code="bad_option",
            )
        )
    if report.problems:
        raise InputError(report.problems)
    if as_slug is not None:
        event = dataclasses.replace(event, id=as_slug)
    return Contents(event, data, counts, manifest["created_at"])


def restore_backup(path: Path, *, replace: bool = False, as_slug: str | None = None) -> Restored:
    """Restore the archive at ``path`` as its event (or ``as_slug``), in one transaction.

    An existing event with that id is refused unless ``replace``. Raises
    :class:`InputError` naming the archive, the member and the field of every problem.
    """
    contents = read_backup(path, as_slug=as_slug)
    slug = contents.event.id
    try:
        with transaction.atomic():
            existing = Event.objects.select_for_update().filter(slug=slug).first()
            if existing is not None:
                if not replace:
                    raise InputError([_exists(path, slug)])
                existing.delete()
            row = store_event(contents.event, raw=True)
            state = Restoring(row)
            for section in SECTIONS:
                section.restore(state, contents.data[section.member])
            row.refresh_from_db()
    except UserConflict as conflict:
        raise InputError(
            [
                Problem(
                    f"{path}:{USERS.member}",
                    f"user {conflict} has an e-mail no account here has, and another "
                    "account already uses that username",
                    "rename that account, or give it the archive user's e-mail",
                    code="user_conflict",
                )
            ]
        ) from None
    except DatabaseError as error:
        raise InputError(
            [
                Problem(
                    str(path),
                    f"the database refused the backup ({type(error).__name__}: {error}); "
                    "nothing was restored",
                    "check the database is reachable and migrated (liqa manage migrate)",
                    code="database_error",
                )
            ]
        ) from None
    return Restored(row, contents.counts, existing is not None, contents.created_at)


def _exists(path: Path, slug: str) -> Problem:
    return Problem(
        str(path),
        f"an event with id {slug!r} already exists; nothing was restored",
        "add --replace to overwrite it, or --as NEW_ID to restore a copy beside it",
        code="duplicate_event",
    )


def _manifest(report: Report, members: dict[str, bytes]) -> dict[str, Any]:
    raw = members.get(MANIFEST)
    if raw is None:
        report.add(
            "",
            f"no {MANIFEST}: not a liqa backup",
            hint="give the .zip that liqa export --event wrote",
        )
        raise InputError(report.problems)
    loose = {"type": "object", "required": ["format", "format_version"]}
    found = report.load(MANIFEST, raw, loose)
    if found is not None and found["format"] != FORMAT:
        report.add(MANIFEST, f"format {found['format']!r} is not {FORMAT!r}", "format")
    elif (
        found is not None
        and isinstance(found["format_version"], int)
        and (found["format_version"] > VERSION)
    ):
        report.add(
            MANIFEST,
            f"written by a newer liqa (backup format {found['format_version']}; this liqa "
            f"reads format {VERSION})",
            "format_version",
            hint="restore it with the liqa version that wrote it, or a newer one",
        )
    if report.problems:
        raise InputError(report.problems)
    manifest = report.load(MANIFEST, raw, MANIFEST_SCHEMA)
    if manifest is None:
        raise InputError(report.problems)
    return dict(manifest)


def _check_members(report: Report, members: dict[str, bytes], manifest: dict[str, Any]) -> None:
    listed: dict[str, dict[str, Any]] = manifest["members"]
    required = {MISSION: True} | {s.member: s.required for s in SECTIONS}
    for name in sorted(set(members) - {MANIFEST}):
        if name not in required:
            report.add(name, "not a member of a liqa backup (written by a newer liqa?)")
        elif name not in listed:
            report.add(name, f"not listed in {MANIFEST}")
        elif digest(members[name]) != listed[name]["sha256"]:
            report.add(
                name,
                f"does not match its SHA-256 in {MANIFEST}: the member was changed or damaged",
            )
    for name, needed in required.items():
        if name not in members and (needed or name in listed):
            report.add(name, "missing from the archive")
    for name in sorted(set(listed) - set(members) - set(required)):
        report.add(MANIFEST, "lists a member that is not in the archive", f"members.{name}")


def _mission(report: Report, raw: bytes, manifest_event: str) -> core.Event | None:
    if len(raw) > MAX_BYTES:
        report.add(MISSION, f"{len(raw)} bytes, more than a mission file may have ({MAX_BYTES})")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.add(MISSION, f"not UTF-8 text (bad byte at offset {exc.start})")
        return None
    event, problems = validate_text(text, f"{report.archive}:{MISSION}")
    report.extend(problems)
    if event is not None and event.id != manifest_event:
        report.add(
            MISSION,
            f"event id {event.id!r} is not the manifest's {manifest_event!r}",
            "event.id",
        )
    return event


def _known(event: core.Event, data: dict[str, Any]) -> Known:
    versions = data[VERSIONS.member]
    return Known(
        people={p.id for p in event.people},
        organizations={o.id for o in event.organizations},
        requests={r.id for r in event.requests},
        users={u["username"] for u in data[USERS.member]},
        versions={v["number"] for v in versions},
        assignments={a["key"] for v in versions for a in v["assignments"]},
    )
