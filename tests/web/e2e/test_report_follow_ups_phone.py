"""The report's follow-ups agreed, meeting by meeting, on a 390 px phone in Chromium: the
table fits the screen (the page does not scroll sideways), reads right to left in Arabic
(the meeting first, at the right), its notes wrap, and axe-core finds no WCAG 2.1 A or AA
fault on the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from liqa.core.outputs.timeline import timeline
from liqa.web.accounts import services as accounts
from liqa.web.events.records import event_record
from liqa.web.scheduling.records import schedule_record
from tests.web.e2e.phone import IPHONE, console_errors, page_width, shot, signed_in
from tests.web.e2e.test_accessibility import audit
from tests.web.test_report_page import ORGANIZER, published_demo

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

NOTES = "Draft partnership agreement with the legal teams of both sides by the end of March"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_follow_ups_agreed_fit_a_phone_in_the_pages_direction(
    lang: str, live_server: Any, chromium: Any, shots: Path | None
) -> None:
    event, version = published_demo()
    items = timeline(event_record(event), schedule_record(version))
    meetings = [i.id for i in items if i.is_meeting]
    organizer = Client()
    organizer.force_login(accounts.user_for_email(ORGANIZER))
    for key, follow_up in zip(meetings[:3], ("partnership", "mou", "investment_lead"), strict=True):
        sent = {"assignment": key, "kind": "held", "follow_up": follow_up, "notes": NOTES}
        assert organizer.post(f"/organize/{event.slug}/follow-ups/", sent).status_code == 302
    context = signed_in(chromium, live_server.url, ORGANIZER, lang, IPHONE)
    page = context.new_page()
    errors = console_errors(page)
    response = page.goto(f"{live_server.url}/organize/{event.slug}/report/")
    assert response is not None
    assert response.status == 200
    table = page.locator("#follow-ups-agreed")
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= IPHONE.width
    first = page.locator("#follow-ups-agreed tr").nth(1).locator("td")
    assert first.count() == 3
    meeting, notes = first.nth(0).bounding_box(), first.nth(2).bounding_box()
    assert meeting is not None
    assert notes is not None
    if lang == "ar":  # right to left: the meeting at the right, its notes at the left
        assert meeting["x"] > notes["x"]
    else:
        assert meeting["x"] < notes["x"]
    assert notes["height"] > 30  # the long notes wrap inside their cell
    assert page_width(page) <= IPHONE.width
    shot(shots, f"report-follow-ups-{lang}.png", page, full_page=True)
    assert [str(v) for v in audit(page, "report", lang)] == []  # WCAG 2.1 A and AA
    context.close()
    assert errors == []
