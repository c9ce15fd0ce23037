"""A published version's report.pdf is read from its built outputs zip when the zip is of
the data as they are now (the same document: records, outcomes, proof of quality and
language); once an outcome is recorded, the report is rendered again. The real renderer
is counted (wrapped, not replaced)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core.outputs import pdf
from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling import exports, report_views, services
from liqa.web.scheduling.models import RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.pdfs import pdf_text


@pytest.fixture(autouse=True)
def _no_report_kept(data_dir: Path) -> None:
    """This test's own data directory, and no report PDF kept by an earlier test."""
    report_views.REPORTS.clear()


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per report PDF the web renders (the real ``html_to_pdf``, counted)."""
    calls: list[int] = []
    real = pdf.html_to_pdf  # the function report_views calls

    def counted(html: str, path: Path | None = None) -> bytes:
        calls.append(1)
        return real(html, path)

    monkeypatch.setattr(report_views, "html_to_pdf", counted)
    return calls


def _text(data: bytes, folder: Path) -> str:
    """The PDF's words, one space between each."""
    return " ".join(pdf_text(data, folder).split())


def _published_run(event: Event, organizer: User) -> ScheduleVersion:
    run = services.start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert run.result is not None
    publish(run.result, notify=False)
    run.result.refresh_from_db()
    return run.result


@pytest.mark.django_db
def test_report_pdf_is_read_from_the_built_zip_until_an_outcome_is_recorded(
    organizer: User,
    event: Event,
    client_for: Callable[[User | None], Client],
    rendered: list[int],
    tmp_path: Path,
) -> None:
    version = _published_run(event, organizer)
    client = client_for(organizer)
    url = f"/organize/{event.slug}/report.pdf?version={version.number}"

    # no zip yet: rendered, stating the proof of quality
    alone = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert (alone.status_code, len(rendered)) == (200, 1)
    alone_text = _text(alone.content, tmp_path)
    assert "Proof of quality (run #" in alone_text

    # the zip built: the same document, read from it (no rendering)
    archive = zipfile.ZipFile(exports.build_outputs(version.pk))
    report_views.REPORTS.clear()  # not the PDF kept by the first request
    for lang in ("en", "fr", "ar"):
        served = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
        assert served.status_code == 200
        assert served["Content-Type"] == "application/pdf"
        assert (lang, served.content == archive.read(f"{lang}/report.pdf")) == (lang, True)
    assert len(rendered) == 1
    # byte for byte the document the web rendered alone
    assert archive.read("en/report.pdf") == alone.content

    # an outcome recorded after the build: the zip's digest no longer matches, rendered anew
    Outcome.objects.create(event=event, position=0, assignment="r-2", kind="held")
    again = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert (again.status_code, len(rendered)) == (200, 2)
    assert again.content != archive.read("en/report.pdf")
    assert _text(again.content, tmp_path) != alone_text
    assert exports.kept_report_pdf(version, "en") is None

    # the zip built again, with the outcome: served from it again
    rebuilt = zipfile.ZipFile(io.BytesIO(exports.build_outputs(version.pk).read_bytes()))
    report_views.REPORTS.clear()
    last = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert last.content == rebuilt.read("en/report.pdf")
    assert len(rendered) == 2
    assert _text(last.content, tmp_path) == _text(again.content, tmp_path)


@pytest.mark.django_db
def test_a_drafts_report_pdf_is_rendered_even_with_a_zip(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[[User | None], Client],
    rendered: list[int],
) -> None:
    exports.build_outputs(draft.pk)
    url = f"/organize/{event.slug}/report.pdf?version={draft.number}"
    assert client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    assert len(rendered) == 1
