"""Write operations on events: import a mission file, all or nothing."""

from __future__ import annotations

from django.db import transaction

from liqa.core import model as core
from liqa.core.missionfile.loading import parse_event
from liqa.core.problems import InputError, Problem
from liqa.web.events import models as rows
from liqa.web.events.records import store_event


def decode_upload(raw: bytes, filename: str) -> str:
    """An uploaded mission file's text; :class:`InputError` when it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                Problem(
                    filename,
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                    f"{exc.start})",
                    hint="save the file as UTF-8, or upload the .yaml / .json mission file",
                    line=raw[: exc.start].count(b"\n") + 1,
                    code="not_utf8",
                )
            ]
        ) from None


def import_event(event: core.Event, *, filename: str, replace: bool = False) -> rows.Event:
    """Store a core event; with ``replace``, an existing event of that id is replaced.

    Runs in one transaction: either every row is written, or none is.
    """
    with transaction.atomic():
        existing = rows.Event.objects.filter(slug=event.id).first()
        if existing is not None:
            if not replace:
                raise InputError(
                    [
                        Problem(
                            filename,
                            f"an event with id {event.id!r} already exists",
                            hint="change event.id in the file, or tick 'replace the "
                            "existing event'",
                            path="event.id",
                            code="duplicate_event",
                        )
                    ]
                )
            existing.delete()
        return store_event(event)


def import_mission_file(raw: bytes, filename: str, *, replace: bool = False) -> rows.Event:
    """Validate a mission file with the core and store it; :class:`InputError` otherwise.

    Nothing is written when the file has any problem.
    """
    event = parse_event(decode_upload(raw, filename), filename)
    return import_event(event, filename=filename, replace=replace)
