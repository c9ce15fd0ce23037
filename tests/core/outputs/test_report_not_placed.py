"""The report (HTML, PDF; the web page renders the same body) lists what the schedule could
not place, under "Not placed": each meeting by its parties (a visit by its host), its reason
in words and the explanation naming the meetings in its way, in the reader's language and
script (Latin runs isolated in Arabic); nothing when everything was placed. The report had
no such section: a meeting left out was only missing from its counts.

Words are compared with the catalog's translation in the report's language, so that the
tests hold before and after the catalog changes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.model import (
    BrokerageSetup,
    Event,
    EventKind,
    Leg,
    MeetingRequest,
    RequestStatus,
    Schedule,
    Session,
    Unplaced,
)
from liqa.core.outputs.pdf import PdfJob, render_pdfs
from liqa.core.outputs.report import report_context
from liqa.core.problems import Message, Names, translated
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.scheduling.reasons import reason_words
from liqa.core.templating import render
from tests.core.outputs.mission import CYBER_MEETING, make_event, make_schedule, valley
from tests.pdfs import pdf_text

LOST = "lost_to_higher_priority"
IN_ITS_WAY = "General Directorate for Information Systems Security – CyberCorp"
"""r-cyber (DGSSI – CyberCorp, must meet), the meeting that took the one slot."""
IN_ITS_WAY_AR = "المديرية العامة لأمن نظم المعلومات – "  # CyberCorp has no Arabic name


def one_slot_day() -> Event:
    """A brokerage morning at CyberCorp with one 30-minute slot and one table, where David
    Lee (CyberCorp's only person) is asked for twice: by DGSSI (must meet, r-cyber) and by
    Sarah Lamrani (would like, r-call)."""
    day = date(2024, 2, 15)
    call = MeetingRequest("r-call", "p-lamrani", "p-lee", status=RequestStatus.ACCEPTED)
    mission = make_event()
    return make_event(
        kind=EventKind.BROKERAGE,
        legs=(Leg("valley", "Silicon Valley", "America/Los_Angeles", day, day),),
        programme=(),
        visits=(),
        requests=(*mission.requests, call),
        brokerage=BrokerageSetup(
            "v-cyber", 30, 1, (Session("morning", valley(15, 9), valley(15, 9, 30)),)
        ),
    )


@pytest.fixture(scope="module")
def planned() -> tuple[Event, Schedule]:
    """The one-slot day planned by the scheduler: r-cyber placed, r-call left out."""
    event = one_slot_day()
    schedule = plan_event(event, PlanSettings(method="greedy")).schedule
    assert [(u.id, u.reason, u.blocking) for u in schedule.unplaced] == [
        ("r-call", LOST, ("r-cyber",))
    ]
    return event, schedule


def report_html(event: Event, schedule: Schedule, lang: str, **options: object) -> str:
    context = report_context(event, schedule, lang)
    return render("report.html", lang, inline_css="", **options, **context)


def not_placed_rows(html: str) -> list[tuple[str, str, str]]:
    """(meeting, reason, detail) of each row of the report's "Not placed" table, as written
    (markup kept: the isolates of Latin runs in Arabic)."""
    table = html.split('<table class="data" id="not-placed">', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    cells = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", body)
    return [(unescape(a), unescape(b), unescape(c)) for a, b, c in cells]


def words(code: str, lang: str) -> str:
    """A reason code in words in ``lang``, as the catalog has it."""
    return str(translated(reason_words(code), translator(lang).gettext))


def test_the_report_lists_a_meeting_left_out_by_its_parties_reason_and_meeting_in_its_way(
    planned: tuple[Event, Schedule],
) -> None:
    html = report_html(*planned, "en")
    assert "<h2>Not placed</h2>" in html
    [(meeting, reason, detail)] = not_placed_rows(html)
    assert meeting == "Sarah Lamrani – David Lee"
    assert reason == words(LOST, "en") == "the slots went to other meetings"
    assert "Sarah Lamrani and David Lee are busy" in detail
    assert f"it lost to {IN_ITS_WAY}" in detail
    assert "r-cyber" not in detail
    assert "p-lee" not in detail


def test_the_arabic_report_names_in_arabic_and_isolates_the_latin_runs(
    planned: tuple[Event, Schedule],
) -> None:
    html = report_html(*planned, "ar")
    assert f"<h2>{translator('ar').gettext('Not placed')}</h2>" in html
    [(meeting, reason, detail)] = not_placed_rows(html)
    assert meeting == 'سارة لمراني – <bdi class="ltr">David Lee</bdi>'
    assert reason == words(LOST, "ar")
    assert f'{IN_ITS_WAY_AR}<bdi class="ltr">CyberCorp</bdi>' in detail
    assert "Sarah Lamrani" not in detail
    assert '<bdi class="ltr">David Lee</bdi>' in detail


def test_the_section_is_there_only_when_something_was_not_placed(
    planned: tuple[Event, Schedule],
) -> None:
    event, schedule = planned
    assert 'id="not-placed"' in report_html(event, schedule, "fr")
    everything = replace(schedule, unplaced=())
    html = report_html(event, everything, "fr")
    assert 'id="not-placed"' not in html
    assert translator("fr").gettext("Not placed") not in html


STORED = Message(
    "on every day it is open, the subgroup is larger than the host's limit ({limit}) "
    "or nobody is available or lacks a required attendee ({need})",
    limit=3,
    need=Names(["p-lamrani", "p-benali"]),
)
"""A visit's explanation as a version stored before explanations named people reads back."""

STORED_LOST = Message(
    "in every possible slot {who} are busy or the slot is full; it lost to "
    "{blockers} ({higher} of equal or higher priority)",
    who=Names(["p-lamrani", "p-lee"]),
    blockers=Names(["r-cyber"], "; "),
    higher=1,
)
"""A meeting's explanation stored with ids: its people's and the meeting in its way's."""


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_stored_explanation_with_ids_names_people_and_the_meetings_in_its_way(
    lang: str,
) -> None:
    event = one_slot_day()
    mission = make_event(requests=event.requests)  # the visit to NASA, and r-call
    left_out = (
        Unplaced("vis-nasa", "capacity", STORED),
        Unplaced("r-call", LOST, STORED_LOST, ("r-cyber",)),
    )
    schedule = replace(make_schedule(1, CYBER_MEETING), unplaced=left_out)
    html = report_html(mission, schedule, lang)
    rows = not_placed_rows(html)
    visit, meeting = rows
    assert visit[1] == words("capacity", lang)
    assert meeting[1] == words(LOST, lang)
    listed = " ".join(" ".join(row) for row in rows)
    for key in ("p-lamrani", "p-benali", "p-lee", "r-cyber", "vis-nasa", "r-call"):
        assert key not in listed, (key, rows)
    if lang == "ar":
        assert visit[0] == '<bdi class="ltr">NASA Johnson Space Center</bdi>'  # by its host
        assert "سارة لمراني، كريم بنعلي" in visit[2]
        assert f'{IN_ITS_WAY_AR}<bdi class="ltr">CyberCorp</bdi>' in meeting[2]
    else:
        assert visit[0] == "NASA Johnson Space Center"
        assert "Sarah Lamrani, Karim Benali" in visit[2]
        assert meeting[0] == "Sarah Lamrani – David Lee"
        assert IN_ITS_WAY in meeting[2]


BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""The direction marks pdftotext writes around Arabic and Latin runs (and the isolates)."""


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_pdf_lists_what_was_not_placed(
    lang: str, planned: tuple[Event, Schedule], tmp_path: Path
) -> None:
    """pdftotext reads the section of the PDF: its heading, the meeting by its parties, the
    reason and the meeting in its way (Arabic names in the Arabic PDF)."""
    t = translator(lang)
    pdf = tmp_path / "report.pdf"
    render_pdfs([PdfJob(report_html(*planned, lang, for_pdf=True), pdf)], 1)
    read = " ".join(BIDI_CONTROLS.sub("", pdf_text(pdf.read_bytes(), tmp_path)).split())
    assert t.gettext("Not placed") in read
    assert " ".join(words(LOST, lang).split()) in read
    if lang == "ar":
        assert "سارة لمراني – David Lee" in read
        # the meeting in its way; pdftotext moves "(1" about the Latin run after it
        assert "المديرية العامة لأمن نظم المعلومات –" in read
        assert "CyberCorp" in read
        assert "Sarah Lamrani" not in read
    else:
        assert "Sarah Lamrani – David Lee" in read
        assert f"it lost to {IN_ITS_WAY}" in read
