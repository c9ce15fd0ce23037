"""Write operations on events: import a mission file, all or nothing."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core import spreadsheets
from liqa.core.missionfile.loading import parse_event
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import Imported
from liqa.web.events import models as rows
from liqa.web.events.locking import lock_event
from liqa.web.events.records import event_record, store_event, store_parties


def decode_upload(raw: bytes, filename: str) -> str:
    """An uploaded mission file's text; :class:`InputError` when it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                Problem(
                    filename,
                    _("the file is not UTF-8 text (byte 0x%(byte)02x at offset %(offset)d)")
                    % {"byte": raw[exc.start], "offset": exc.start},
                    hint=_("save the file as UTF-8, or upload the .yaml / .json mission file"),
                    line=raw[: exc.start].count(b"\n") + 1,
                    code="not_utf8",
                )
            ]
        ) from None


def check_upload_sizes(files: list[tuple[str, int]]) -> None:
    """:class:`InputError` naming every uploaded file above ``LIQA_MAX_UPLOAD_MB``."""
    limit = settings.LIQA_MAX_UPLOAD_BYTES
    megabytes = float(settings.LIQA_MAX_UPLOAD_MB)
    shown = number_format(megabytes, 0 if megabytes.is_integer() else 1)
    problems = [
        Problem(
            name,
            _("the file is %(size)s MB; at most %(limit)s MB is accepted")
            % {
                "size": number_format(size / 1024 / 1024, 1),
                "limit": shown,
            },
            hint=_("split it into smaller files, or remove unused sheets and pictures"),
            code="too_large",
        )
        for name, size in files
        if size > limit
    ]
    if problems:
        raise InputError(problems)


def _not_yours(filename: str, event_id: str) -> InputError:
    message = _("an event with id '%(id)s' already exists; only its organizers may replace it")
    return InputError(
        [
            Problem(
                filename,
                message % {"id": event_id},
                hint=_("change event.id in the file"),
                path="event.id",
                code="not_organizer",
            )
        ]
    )


def import_event(
    event: core.Event,
    *,
    filename: str,
    replace: bool = False,
    may_replace: Callable[[rows.Event], bool] | None = None,
) -> rows.Event:
    """Store a core event; with ``replace``, an existing event of that id is replaced.

    ``may_replace`` says whether the importing user may replace that event (its
    organizers only, on the web). Runs in one transaction: every row is written, or none.
    """
    with transaction.atomic():
        existing = rows.Event.objects.filter(slug=event.id).first()
        if existing is not None and may_replace is not None and not may_replace(existing):
            raise _not_yours(filename, event.id)
        if existing is not None:
            if not replace:
                raise InputError(
                    [
                        Problem(
                            filename,
                            _("an event with id '%(id)s' already exists") % {"id": event.id},
                            hint=_(
                                "change event.id in the file, or tick 'replace the existing event'"
                            ),
                            path="event.id",
                            code="duplicate_event",
                        )
                    ]
                )
            lock_event(existing)
            existing.delete()
        return store_event(event)


def import_mission_file(
    raw: bytes,
    filename: str,
    *,
    replace: bool = False,
    may_replace: Callable[[rows.Event], bool] | None = None,
) -> rows.Event:
    """Validate a mission file with the core and store it; :class:`InputError` otherwise.

    Nothing is written when the file has any problem (see :func:`import_event`).
    """
    event = parse_event(decode_upload(raw, filename), filename)
    return import_event(event, filename=filename, replace=replace, may_replace=may_replace)


def import_spreadsheets(row: rows.Event, files: list[tuple[str, bytes]]) -> Imported:
    """Replace an event's organizations, people and requests from organizers' spreadsheets.

    The core reads the files onto the stored event and reports every wrong row
    (:class:`InputError`, file names as uploaded); nothing changes unless all rows are right.
    """
    with tempfile.TemporaryDirectory(prefix="liqa-upload-") as tmp:
        paths = []
        for name, data in files:
            path = Path(tmp) / Path(name).name
            path.write_bytes(data)
            paths.append(path)
        try:
            imported = spreadsheets.import_event(paths, event_record(row))
        except InputError as error:
            raise InputError(
                [dataclasses.replace(p, file=Path(p.file).name) for p in error.problems]
            ) from None
    with transaction.atomic():
        lock_event(row)
        rows.MeetingRequest.objects.filter(event=row).delete()
        rows.Person.objects.filter(event=row).delete()
        rows.Organization.objects.filter(event=row).delete()
        store_parties(row, imported.event)
    return imported
