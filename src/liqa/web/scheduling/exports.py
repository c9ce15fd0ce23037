"""Organizer downloads: the mission file, and every output of a version as one zip."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings

from liqa.core.missionfile.writing import dumps_event
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.write import write_outputs
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record


def mission_file(row: Event) -> str:
    """The event as it is stored now, as a mission file (YAML)."""
    return dumps_event(event_record(row))


def outputs_zip(version: ScheduleVersion, langs: tuple[str, ...] = ("ar", "fr", "en")) -> bytes:
    """Agendas, calendars, grids, sheets, report and communiqué of a version, zipped.

    HTML, ICS and XLSX only: PDFs take minutes for a whole mission (the CLI writes them).
    """
    event = event_record(version.event)
    output = OutputSettings(
        live_url_pattern=settings.BASE_URL + "/me/{event}/", pdf=False, workers=1
    )
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="liqa-outputs-") as tmp:
        root = Path(tmp)
        write_outputs(event, schedule_record(version), root, langs, output)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(root).as_posix())
    return buffer.getvalue()


def communique_drafts(row: Event) -> dict[str, str]:
    """The core's communiqué drafts (ar, fr, en) from the latest published version."""
    from liqa.core.outputs.communique import build_communique
    from liqa.web.scheduling.services import latest_published

    version = latest_published(row)
    if version is None:
        return {}
    event, schedule = event_record(row), schedule_record(version)
    return {lang: build_communique(event, schedule, lang).as_text() for lang in ("ar", "fr", "en")}
