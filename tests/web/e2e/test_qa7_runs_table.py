"""The overview's runs table, as the organizer QA walk saw it (/tmp/qa7, Arabic, 1366 ×
768): the run's link "#1" sat lower than the words of its row (its 2.75rem tap target
centres its text, the row's other cells put theirs at the top)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# the bottom of each cell's text (not of its box): one line of one font size ends on the
# same line when the texts stand on one baseline
TEXT_BOTTOMS = """rows => rows.map(row => [...row.cells].map(cell => {
    const text = cell.querySelector("a") || cell;
    const range = document.createRange();
    range.selectNodeContents(text);
    return range.getBoundingClientRect().bottom;
}))"""


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_runs_number_stands_on_the_line_of_its_row(
    lang: str,
    live_server: Any,
    chromium: Any,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
) -> None:
    Run.objects.create(event=event, time_limit=1, state=RunState.DONE, result=draft)
    Run.objects.create(event=event, time_limit=1, state=RunState.FAILED, message="Cancelled.")
    client = Client()
    client.force_login(organizer)
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "django_language", "value": lang, "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/")
    rows = page.eval_on_selector_all("#runs tbody tr", TEXT_BOTTOMS)
    context.close()
    assert len(rows) == 2
    for bottoms in rows:
        texts = [b for b in bottoms[1:] if b]  # a cell without words has no line
        assert texts, bottoms
        assert all(abs(b - bottoms[0]) <= 1 for b in texts), (lang, bottoms)
