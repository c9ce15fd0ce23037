"""R1: the organizer's report of a brokerage event (page and PDF) speaks of requests, meetings
at the tables and the use of the tables, not of a delegation's travel and candidate visits;
and an outcome recorded for a request the version does not place is counted by no figure.

Headings are compared with the catalog's translation of each message in the page's language,
so that the tests hold before and after the catalog gains the new messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from liqa.core.i18n import translator
from liqa.core.model import FollowUp, OutcomeKind
from liqa.core.outputs import labels
from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling.models import ScheduleVersion
from tests.pdfs import pdf_text
from tests.web.test_report_page import rows_under, table_rows

LANGS = ["en", "fr", "ar"]
TRAVEL = "Travel to the meetings (from the hotel or the previous meeting; trips back not counted)"
MISSION_ROWS = (
    "Requested (requests and candidate visits)",
    "Accepted (requests accepted and candidate visits)",
    TRAVEL,
)
BROKERAGE_ROWS = (
    "Requested (meeting requests made)",
    "Accepted (requests accepted)",
    "Scheduled (meetings at the tables)",
    "Held",
)


def _record(event: Event) -> None:
    """r-1 (scheduled) held; r-3 (proposed, in no version) recorded as held with an MoU."""
    Outcome.objects.create(event=event, assignment="r-1", kind="held")
    Outcome.objects.create(event=event, assignment="r-3", kind="held", follow_up="mou", position=1)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_brokerage_report_page_counts_requests_and_tables_and_the_same_outcomes(
    lang: str, event: Event, draft: ScheduleVersion, organizer_client: Client
) -> None:
    _record(event)
    t = translator(lang)
    url = f"/organize/{event.slug}/report/?version={draft.number}"
    page = organizer_client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    rows = table_rows(page)
    # 3 requests made (one proposed), 2 accepted and placed at tables; held 1 (r-1)
    assert rows == [
        (t.gettext(BROKERAGE_ROWS[0]), t.format_number(3)),
        (t.gettext(BROKERAGE_ROWS[1]), t.format_number(2)),
        (t.gettext(BROKERAGE_ROWS[2]), t.format_number(2)),
        (t.gettext(BROKERAGE_ROWS[3]), t.format_number(1)),
    ]
    for words in MISSION_ROWS:
        assert t.gettext(words) not in page, words
    # the outcomes count the meetings "Held" counts: r-1 held, r-2 not recorded yet; the
    # outcome of r-3 (not in this version) and its MoU in no tally
    assert rows_under(page, t.gettext("Outcomes")) == [
        (labels.outcome_label(OutcomeKind.HELD, lang), t.format_number(1)),
        (t.gettext("not recorded yet"), t.format_number(1)),
    ]
    follow_ups = rows_under(page, t.gettext("Follow-ups agreed"))
    assert labels.follow_up_label(FollowUp.MOU, lang) not in dict(follow_ups)


@pytest.mark.django_db
@pytest.mark.integration
def test_brokerage_report_pdf_reads_as_its_page(
    event: Event, draft: ScheduleVersion, organizer_client: Client, tmp_path: Path
) -> None:
    _record(event)
    t = translator("fr")
    pdf = organizer_client.get(
        f"/organize/{event.slug}/report.pdf?version={draft.number}", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert pdf.status_code == 200
    read = " ".join(pdf_text(pdf.content, tmp_path).split())
    for words in (*BROKERAGE_ROWS, "Use of the tables"):
        assert " ".join(t.gettext(words).split()) in read, words
    for words in MISSION_ROWS:
        assert " ".join(t.gettext(words).split()) not in read, words
    assert "visites candidates" not in read
    assert labels.follow_up_label(FollowUp.MOU, "fr") not in read
