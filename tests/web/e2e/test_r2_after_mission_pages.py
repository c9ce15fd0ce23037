"""The organizer's pages after the mission, drawn in Debian's Chromium and audited by
axe-core (WCAG 2.1 A and AA) in Arabic, French and English: the overview's "after the
mission" card, the follow-ups page with its Owner lists, the report with its proof of
quality folded below the results. A screenshot of each is kept in ``LIQA_SHOTS`` when set.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.web.events.models import Event, Outcome
from tests.web.e2e.phone import signed_in
from tests.web.e2e.test_accessibility import Violation, audit
from tests.web.test_r2_organizer_after_mission import published_past, with_run

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PAGES = {"overview": "", "follow-ups": "follow-ups/", "report": "report/"}


def test_after_mission_pages_meet_wcag_21_aa(
    event: Event,
    organizer: User,
    live_server: Any,
    chromium: Any,
) -> None:
    with_run(published_past(event))
    Outcome.objects.create(event=event, assignment="r-1", kind="held", owner="p-bruno")
    shots = os.environ.get("LIQA_SHOTS", "")
    found: list[Violation] = []
    for lang in ["ar", "fr", "en"]:
        context = signed_in(chromium, live_server.url, organizer, lang)
        for name, path in PAGES.items():
            page = context.new_page()
            response = page.goto(f"{live_server.url}/organize/{event.slug}/{path}")
            assert response is not None
            assert response.status == 200, f"{name} [{lang}]"
            if name == "overview":
                assert page.locator("#after-mission").is_visible()
            found += audit(page, name, lang)  # every <details> opened
            if shots:
                page.screenshot(path=str(Path(shots) / f"{name}-{lang}.png"), full_page=True)
            page.close()
        context.close()
    report = "\n".join(str(v) for v in found)
    assert found == [], f"{len(found)} WCAG 2.1 A/AA violation(s):\n{report}"
