"""The organizer's report page and its PDF list what the version could not place (the core's
report body, ``report_body.html``): each meeting by its parties, its reason in words and the
meetings in its way by name, also when the version stored its explanation with ids (planned
before explanations named people). Before, the report did not say what was left out.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from django.test import Client

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.problems import Message, Names, joined, translated
from liqa.core.scheduling.reasons import reason_words
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.pdfs import pdf_text
from tests.web.factories import make_core_event, make_schedule
from tests.web.test_report_page import text

LOST = Message(
    "in every possible slot {who} are busy or the slot is full; it lost to "
    "{blockers} ({higher} of equal or higher priority)",
    who=joined(["p-bruno", "p-chen"]),
    blockers=Names(["r-1", "r-2"], "; "),
    higher=1,
)
"""As a version planned before explanations named people stored it: with ids."""
IDS = ("p-bruno", "p-chen", "r-1", "r-2", "r-3")


def _stored(event: Event) -> ScheduleVersion:
    """Version 1 with r-3 (Bruno Martin – Chen Li) left out, lost to r-1 and r-2."""
    event.people.filter(key="p-bruno").update(name_ar="برونو مارتن")
    schedule = make_schedule(make_core_event())
    unplaced = (core.Unplaced("r-3", "lost_to_higher_priority", LOST, ("r-1", "r-2")),)
    return store_schedule(event, dataclasses.replace(schedule, unplaced=unplaced))


def _section(page: str) -> str:
    """The report's table of what was not placed, as read."""
    return text(page.split('id="not-placed"', 1)[1].split("</table>", 1)[0])


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_report_page_lists_what_was_not_placed_by_name(
    lang: str, event: Event, organizer_client: Client
) -> None:
    version = _stored(event)
    url = f"/organize/{event.slug}/report/?version={version.number}"
    page = organizer_client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    t = translator(lang)
    assert f"<h2>{t.gettext('Not placed')}</h2>" in page
    listed = _section(page)
    assert str(translated(reason_words("lost_to_higher_priority"), t.gettext)) in listed
    for key in IDS:
        assert key not in listed, listed
    if lang == "en":
        assert "Bruno Martin – Chen Li" in listed
        assert "Bruno Martin and Chen Li are busy" in listed
        assert "Amina Idrissi – Bruno Martin; Amina Idrissi – Chen Li" in listed
    else:
        assert "برونو مارتن" in listed  # his Arabic name, the meeting's and in its way
        assert "Bruno Martin" not in listed


@pytest.mark.django_db
@pytest.mark.integration
def test_the_report_pdf_lists_what_was_not_placed(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    version = _stored(event)
    pdf = organizer_client.get(
        f"/organize/{event.slug}/report.pdf?version={version.number}", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert pdf.status_code == 200
    read = " ".join(pdf_text(pdf.content, tmp_path).split())
    assert "Not placed" in read
    assert "Bruno Martin – Chen Li" in read
    assert "the slots went to other meetings" in read
    assert "it lost to Amina Idrissi – Bruno Martin; Amina Idrissi – Chen Li" in read
