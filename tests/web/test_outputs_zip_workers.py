"""The outputs zip's PDFs are rendered by the core's worker processes, one per core, and
read as the same documents rendered one at a time in this process (pdftotext)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from liqa.core.model import pick
from liqa.core.outputs import pdf
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.report import report_context
from liqa.core.templating import render
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import exports
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record
from tests.pdfs import pdf_text

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _one_at_a_time(event: Event, version: ScheduleVersion, name: str) -> bytes:
    """The PDF ``name`` of the zip as this process renders it alone (``html_to_pdf``), from
    the print variant of the HTML that :func:`write_outputs` makes for it."""
    core_event, schedule = event_record(event), schedule_record(version)
    lang, kind, *rest = name.removesuffix(".pdf").split("/")
    if kind == "report":
        context = report_context(core_event, schedule, lang)
        context.setdefault("title", pick(core_event.title, lang))
        html = render("report.html", lang, inline_css="", for_pdf=True, **context)
    else:
        settings = exports.output_settings()
        agenda = build_agenda(core_event, schedule, rest[0], lang, settings)
        html = render("agenda.html", lang, inline_css="", for_pdf=True, agenda=agenda)
    return pdf.html_to_pdf(html)


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: rendered in-process")
def test_zip_pdfs_are_rendered_by_workers_and_read_as_one_at_a_time(
    event: Event, draft: ScheduleVersion, tmp_path: Path
) -> None:
    before = pdf._renderer.cache_info()
    archive = zipfile.ZipFile(io.BytesIO(exports.outputs_zip(draft)))
    after = pdf._renderer.cache_info()
    rendered_here = after.hits + after.misses - before.hits - before.misses
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    # every PDF was laid out by a worker process, none in this (the web's) process
    assert (len(pdfs) > 10, rendered_here) == (True, 0)
    for name in ("ar/agendas/p-amina.pdf", "fr/organizations/o-alpha.pdf", "en/report.pdf"):
        zipped = pdf_text(archive.read(name), tmp_path, layout=True)
        alone = pdf_text(_one_at_a_time(event, draft, name), tmp_path, layout=True)
        assert (name, zipped) == (name, alone)
        assert len(zipped.split()) > 20
