"""R1: a brokerage event's report speaks of a brokerage event, and its outcome figures all
count the same meetings.

Walking the app in French as a brokerage organizer, the report of a B2B day (one hall, tables,
slots) showed a delegation's rows: "Trajets vers les rendez-vous … 0 minute" and "Demandés
(demandes et visites candidates)". A brokerage event's report now counts the meeting requests
made and accepted, the meetings at the tables, the use of the tables and the breaks; a
mission's report is unchanged. And an outcome recorded for a request the schedule does not
place was counted by the outcomes and follow-ups tallies ("held 2") but not by "Held" (1).

Headings are compared with the catalog's translation of each message in the report's language,
so that the tests hold before and after the catalog gains the new messages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.model import (
    BrokerageSetup,
    Event,
    EventKind,
    FollowUp,
    Leg,
    Outcome,
    OutcomeKind,
    Schedule,
    Session,
)
from liqa.core.outputs.pdf import PdfJob, render_pdfs
from liqa.core.outputs.report import charts, compute_figures, report_context
from liqa.core.templating import render
from tests.core.outputs.mission import (
    CYBER_MEETING,
    LAMRANI_CALL,
    NASA_VISIT,
    make_event,
    make_schedule,
    valley,
)
from tests.pdfs import pdf_text

LANGS = ["en", "fr", "ar"]

TRAVEL = "Travel to the meetings (from the hotel or the previous meeting; trips back not counted)"
MISSION_REQUESTED = "Requested (requests and candidate visits)"
MISSION_ACCEPTED = "Accepted (requests accepted and candidate visits)"
REQUESTED = "Requested (meeting requests made)"
ACCEPTED = "Accepted (requests accepted)"
AT_TABLES = "Scheduled (meetings at the tables)"
BREAKS = "Breaks between meetings (free slots)"
MISSION_ONLY = (TRAVEL, MISSION_REQUESTED, MISSION_ACCEPTED)
"""The rows of a delegation's itinerary: none is a brokerage event's."""


def b2b_day() -> tuple[Event, Schedule]:
    """The hand-built mission as a one-day brokerage event at CyberCorp's hall in San Jose:
    two meetings at tables 4 and 2, the scheduler's count of breaks (3) in its terms."""
    day = date(2024, 2, 15)
    leg = Leg("valley", "Silicon Valley", "America/Los_Angeles", day, day)
    session = Session("morning", valley(15, 9), valley(15, 12))
    event = make_event(
        kind=EventKind.BROKERAGE,
        legs=(leg,),
        programme=(),
        visits=(),
        brokerage=BrokerageSetup("v-cyber", 30, 10, (session,)),
    )
    lee = replace(LAMRANI_CALL, start=valley(15, 10), end=valley(15, 10, 30), table=2)
    cyber = replace(CYBER_MEETING, start=valley(15, 9), end=valley(15, 9, 30))
    schedule = make_schedule(1, cyber, lee)
    provenance = replace(schedule.provenance, objective={"breaks": 3.0})
    return event, replace(schedule, provenance=provenance)


def table_rows(html: str) -> list[tuple[str, str]]:
    """(heading, value) of each row of the report's table of figures."""
    rows = re.findall(r'<tr><th>([^<]*)</th><td class="num">([^<]*)</td></tr>', html)
    return [(unescape(name), unescape(value)) for name, value in rows]


def report_html(event: Event, schedule: Schedule, lang: str, **options: object) -> str:
    context = report_context(event, schedule, lang)
    return render("report.html", lang, inline_css="", **options, **context)


def test_brokerage_report_counts_requests_meetings_at_tables_and_breaks() -> None:
    event, schedule = b2b_day()
    assert table_rows(report_html(event, schedule, "en")) == [
        (REQUESTED, "1"),
        (ACCEPTED, "1"),
        (AT_TABLES, "2"),
        ("Held", "not recorded yet"),
        (BREAKS, "3"),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_brokerage_report_has_no_travel_and_no_candidate_visits(lang: str) -> None:
    t = translator(lang)
    event, schedule = b2b_day()
    html = unescape(report_html(event, schedule, lang))
    rows = table_rows(html)
    assert [name for name, _ in rows] == [
        t.gettext(REQUESTED),
        t.gettext(ACCEPTED),
        t.gettext(AT_TABLES),
        t.gettext("Held"),
        t.gettext(BREAKS),
    ]
    for words in MISSION_ONLY:
        assert t.gettext(words) not in html, (lang, words)
    if lang == "fr":  # what the French organizer read
        assert "visites candidates" not in html
        assert "Trajets" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_mission_report_keeps_its_itinerary_rows(lang: str) -> None:
    t = translator(lang)
    rows = table_rows(report_html(make_event(), make_schedule(), lang))
    assert [name for name, _ in rows] == [
        t.gettext(MISSION_REQUESTED),
        t.gettext(MISSION_ACCEPTED),
        t.gettext("Scheduled"),
        t.gettext("Held"),
        t.gettext(TRAVEL),
    ]
    assert rows[-1][1] == t.format_duration(timedelta(minutes=75))  # 45 + 30 minutes


@pytest.mark.parametrize("lang", LANGS)
def test_brokerage_report_charts_the_use_of_its_tables(lang: str) -> None:
    t = translator(lang)
    event, schedule = b2b_day()
    found = charts(compute_figures(event, schedule, lang), lang)
    use = next(c for c in found if c.key == "time-use")
    assert use.title == t.gettext("Use of the tables")
    assert use.rows == ((t.gettext("Tables × slots"), t.format_percent(2 / 60)),)
    mission = charts(compute_figures(make_event(), make_schedule(), lang), lang)
    assert next(c for c in mission if c.key == "time-use").title == t.gettext(
        "Use of the programme time"
    )


def test_outcomes_of_unscheduled_requests_are_counted_by_no_figure() -> None:
    """One scheduled meeting held; a 'held' with an MoU recorded for a request the schedule
    does not place (another version's meeting): the report said held 1, yet its outcomes
    read "held 2" and its follow-ups "MoU 1" while its list of follow-ups was empty."""
    outcomes = (
        Outcome("r-cyber", OutcomeKind.HELD),
        Outcome("r-call", OutcomeKind.HELD, FollowUp.MOU, notes="signed in Rabat"),
    )
    event = make_event(outcomes=outcomes)
    figures = compute_figures(event, make_schedule(1, CYBER_MEETING, NASA_VISIT), "en")
    assert figures.held == 1
    assert figures.outcomes == (("held", 1), ("not recorded yet", 1))
    assert figures.follow_ups == ()
    assert figures.agreed == ()
    # every figure counts the same meetings: those the outcomes table counts are scheduled
    assert sum(n for _, n in figures.outcomes) == figures.meetings


def test_only_outcomes_of_unscheduled_requests_leave_held_not_recorded_yet() -> None:
    """Nothing recorded for this schedule's meetings: "Held" is not recorded yet (it was
    0), and there is no table of outcomes (it held "held 1")."""
    event = make_event(outcomes=(Outcome("r-call", OutcomeKind.HELD, FollowUp.MOU),))
    figures = compute_figures(event, make_schedule(1, CYBER_MEETING, NASA_VISIT), "en")
    assert (figures.held, figures.outcomes, figures.follow_ups) == (None, (), ())
    html = report_html(event, make_schedule(1, CYBER_MEETING, NASA_VISIT), "en")
    assert ("Held", "not recorded yet") in table_rows(html)
    assert "<h2>Outcomes</h2>" not in html


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_brokerage_report_pdf_has_no_itinerary_rows(lang: str, tmp_path: Path) -> None:
    """The PDF is made from the same HTML: pdftotext reads the brokerage rows, not the
    itinerary's."""
    t = translator(lang)
    event, schedule = b2b_day()
    pdf = tmp_path / "report.pdf"
    render_pdfs([PdfJob(report_html(event, schedule, lang, for_pdf=True), pdf)], 1)
    read = " ".join(pdf_text(pdf.read_bytes(), tmp_path).split())
    for words in (REQUESTED, ACCEPTED, AT_TABLES, BREAKS, "Use of the tables"):
        assert " ".join(t.gettext(words).split()) in read, words
    for words in MISSION_ONLY:
        assert " ".join(t.gettext(words).split()) not in read, words
    assert t.gettext("Use of the programme time") not in read
