"""The report's and the overview's wording, as an organizer reads it (QA walk in French):
durations in hours and minutes throughout the report (page and PDF alike), its headings
written with their capital (not one the page's CSS adds), its charts' numbers written as
its tables write them.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.outputs.report import report_context
from liqa.web.events.records import event_record
from liqa.web.scheduling.records import schedule_record
from tests.pdfs import pdf_text
from tests.web.test_report_page import (
    TRAVEL,
    expected_figures,
    organizer_client,
    published_demo,
    report_url,
    table_rows,
)

REPORT_CSS = Path(__file__).resolve().parents[2] / "src/liqa/web/static/css/report.css"

WAITING = "Waiting between meetings (travel not counted)"


def minutes(lang: str, value: float) -> str:
    """``value`` minutes as the report writes a duration in ``lang``: hours and minutes."""
    return translator(lang).format_duration(timedelta(minutes=round(value)))


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_every_duration_of_the_report_reads_in_hours_and_minutes(lang: str) -> None:
    row, version = published_demo()
    page = organizer_client().get(report_url(row), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    t = translator(lang)
    figures = expected_figures(row, version, lang)
    rows = dict(table_rows(page))
    idle = schedule_record(version).provenance.objective["idle_minutes"]
    assert idle > 60  # the demo waits hours in all: '350' beside '16 heures 46 minutes'
    # the waiting as a duration, as the travel is, and not a bare count of minutes
    assert rows[t.gettext(WAITING)] == minutes(lang, idle)
    assert rows[t.gettext(TRAVEL)] == minutes(lang, figures.travel_minutes)
    assert t.gettext("waiting (minutes)") not in rows
    assert t.format_number(idle) not in rows.values()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_pdf_states_durations_and_headings_as_the_page_does(lang: str, tmp_path: Path) -> None:
    row, _ = published_demo()
    client = organizer_client()
    page = client.get(report_url(row), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    pdf = client.get(f"/organize/{row.slug}/report.pdf?version=1", HTTP_ACCEPT_LANGUAGE=lang)
    read = " ".join(pdf_text(pdf.content, tmp_path).split())
    rows = table_rows(page)
    assert len(rows) == 6  # requested, accepted, scheduled, held, travel, waiting
    for heading, value in rows:
        # each heading starts with its capital in its words, the page's as the PDF's
        assert heading[0].isupper(), heading
        # each in the PDF as on the page (pdftotext reads a no-break space as a space; a
        # heading on two lines may have its value read between them)
        assert " ".join(heading.split()) in read
        assert " ".join(value.split()) in read


def test_the_page_does_not_change_the_case_of_the_reports_words() -> None:
    """The page shows each heading as the PDF prints it: no CSS capital of its own (it
    read 'Attente (minutes)' where the PDF printed 'attente (minutes)')."""
    css = REPORT_CSS.read_text()
    assert "text-transform" not in css
    assert "first-letter" not in css


BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""The direction marks pdftotext writes around Arabic and Latin runs."""


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_pdf_states_each_duration_on_one_line(lang: str, tmp_path: Path) -> None:
    row, version = published_demo()
    pdf = organizer_client().get(
        f"/organize/{row.slug}/report.pdf?version=1", HTTP_ACCEPT_LANGUAGE=lang
    )
    read = BIDI_CONTROLS.sub("", pdf_text(pdf.content, tmp_path))
    # spaces dropped: pdftotext puts Arabic's around the numbers' runs as it likes
    lines = ["".join(line.split()) for line in read.splitlines()]
    idle = schedule_record(version).provenance.objective["idle_minutes"]
    figures = expected_figures(row, version, lang)
    # whole on its line, as on the page (the French PDF read '16 heures 8' above 'minutes')
    for value in (minutes(lang, idle), minutes(lang, figures.travel_minutes)):
        assert "".join(value.split()) in lines, (value, lines)
    assert translator(lang).format_number(round(idle)) not in lines


def svg_texts(svg: str) -> list[str]:
    """The texts of a chart drawing as matplotlib wrote them (it names each text drawn as
    outlines in a comment before it)."""
    return [text.strip() for text in re.findall(r"<!-- (.*?) -->", svg, re.S)]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_charts_write_numbers_as_the_tables_do(lang: str) -> None:
    row, version = published_demo()
    context = report_context(event_record(row), schedule_record(version), lang)
    charts = context["charts"]
    assert isinstance(charts, list)
    t = translator(lang)
    seen_percent = False
    for chart in charts:
        drawn = [text for svg in chart.svgs for text in svg_texts(svg)]
        for _, value in chart.rows:
            assert value in drawn, (chart.title, value, drawn)
        if chart.key == "time-use":
            seen_percent = True
            assert all(t.format_percent(0.5)[-1] in value for _, value in chart.rows)
            # French: '42 %' (no-break space) in the table and on the bar alike
            if lang == "fr":
                assert not any(re.fullmatch(r"\d+%", text) for text in drawn), drawn
    assert seen_percent
