"""The outputs zip built again after an edit takes from the zip built before every PDF whose
source (HTML, stylesheet, WeasyPrint) is the same, and renders the others: its files read
as those of a zip built from nothing (PDFs by their text, every other file byte for byte),
and a document the edit changed is rendered anew, not taken from the older zip."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from liqa.web.agendas.services import record_outcome
from liqa.web.events.models import Event
from liqa.web.scheduling import exports
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.pdfs import pdf_text

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


STAMP = re.compile(rb"DTSTAMP:\d{8}T\d{6}Z")
"""A calendar's events are stamped with the moment they are written (RFC 5545)."""


def _sheet(data: bytes) -> dict[str, bytes]:
    """A workbook's parts but its properties (the moment it was written)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}


def _files(archive: zipfile.ZipFile, folder: Path) -> dict[str, object]:
    """Each member: a PDF's text, a calendar without its stamps, a workbook's parts without
    its date, any other file's bytes."""
    out: dict[str, object] = {}
    for name in archive.namelist():
        data = archive.read(name)
        if name.endswith(".pdf"):
            out[name] = pdf_text(data, folder)
        elif name.endswith(".xlsx"):
            out[name] = _sheet(data)
        else:
            out[name] = STAMP.sub(b"DTSTAMP:-", data) if name.endswith(".ics") else data
    return out


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_a_rebuild_reuses_the_unchanged_pdfs_and_reads_as_a_build_from_nothing(
    event: Event, draft: ScheduleVersion, tmp_path: Path
) -> None:
    publish(draft, notify=False)
    draft.refresh_from_db()
    first = exports.build_outputs(draft.pk)
    first_keys = json.loads(first.with_name(first.stem + exports.PDF_KEYS).read_text())
    first_zip = zipfile.ZipFile(first)
    assert first_keys.keys() == {n for n in first_zip.namelist() if n.endswith(".pdf")}
    assert len(first_keys) > 10

    meeting = draft.assignments.order_by("start", "key").first()
    assert meeting is not None
    record_outcome(event, None, meeting.key, "held", "mou", "Pilot agreed")  # in the reports
    again = exports.build_zip(draft)
    changed = {name for name, key in again.pdf_keys.items() if first_keys.get(name) != key}
    assert {"ar/report.pdf", "fr/report.pdf", "en/report.pdf"} <= changed
    assert again.reused == len(again.pdf_keys) - len(changed) > 0  # the others: reused

    # the data changed: the reports are rendered anew (the outcome in them), not reused
    old_report = pdf_text(first_zip.read("en/report.pdf"), tmp_path)
    again_zip = zipfile.ZipFile(_in_file(again.data, tmp_path / "again.zip"))
    new_report = pdf_text(again_zip.read("en/report.pdf"), tmp_path)
    assert old_report != new_report

    shutil.rmtree(first.parent)  # no zip built before: every PDF rendered
    fresh = exports.build_zip(draft)
    assert fresh.reused == 0
    assert fresh.pdf_keys == again.pdf_keys
    fresh_zip = zipfile.ZipFile(_in_file(fresh.data, tmp_path / "fresh.zip"))
    assert fresh_zip.namelist() == again_zip.namelist()
    rebuilt, from_nothing = _files(again_zip, tmp_path), _files(fresh_zip, tmp_path)
    for name in from_nothing:
        assert (name, rebuilt[name]) == (name, from_nothing[name])


def _in_file(data: bytes, path: Path) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_a_zip_s_pdf_keys_are_removed_with_it(event: Event, draft: ScheduleVersion) -> None:
    publish(draft, notify=False)
    draft.refresh_from_db()
    first = exports.build_outputs(draft.pk)
    meeting = draft.assignments.order_by("start", "key").first()
    assert meeting is not None
    record_outcome(event, None, meeting.key, "no_show")
    second = exports.build_outputs(draft.pk)
    assert second != first
    assert sorted(p.name for p in second.parent.iterdir()) == sorted(
        [second.name, second.stem + exports.PDF_KEYS]
    )
