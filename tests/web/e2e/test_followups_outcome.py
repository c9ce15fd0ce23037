"""An organizer records a meeting's outcome on the follow-ups page of a 360 × 780 phone in
French, with no script: the row's form, back to the same row saying it was saved, the
outcome in the table and in the history. The "Quand" column keeps a meeting's date and time
on one line (it broke between the day, the month and the time)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.e2e.phone import SMALL, shot, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LINES = "(e => e.getClientRects().length)"
"""How many line boxes an inline element takes (one when it does not wrap)."""


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_an_organizer_records_an_outcome_on_a_phone_in_french(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    live_server: Any,
    chromium: Any,
    shots: Path | None,
) -> None:
    publish(draft, notify=False)
    context = signed_in(chromium, live_server.url, organizer, "fr", SMALL)
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())  # no script needed
    page.goto(f"{live_server.url}/organize/{event.slug}/follow-ups/")
    when_lines = page.eval_on_selector("#outcome-r-2 .followups-when .time", LINES)
    row = page.locator("#outcome-r-2")
    row.locator("details.outcome summary").click()
    row.locator("select[name=kind]").select_option("no_show")
    row.locator("select[name=follow_up]").select_option("partnership")
    row.locator("textarea[name=notes]").fill("Relancer en avril")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    url = page.url
    saved = page.locator("#outcome-r-2 #outcome-saved").inner_text()
    cells = [row.locator(f"td[{name}]").inner_text() for name in ("data-kind", "data-follow-up")]
    top = page.eval_on_selector("#outcome-r-2", "e => e.getBoundingClientRect().top")
    shot(shots, "followups-outcome-fr.png", page)
    page.goto(f"{live_server.url}/organize/{event.slug}/history/")
    entry = page.locator("tr.entry").first.inner_text()
    changes = page.locator("tr.entry-changes").first.inner_text()
    context.close()
    assert url.endswith("/follow-ups/?saved=r-2#outcome-r-2")
    assert saved.strip()  # the confirmation, in the row come back to
    assert 0 <= top < SMALL.height  # the row is on the screen, not the page's top
    assert cells == ["absence", "partenariat"]
    assert when_lines == 1
    assert [
        word in entry for word in ("org", "création", "Résultat", "Amina Idrissi – Chen Li")
    ] == [True] * 4
    assert "Ce qui s'est passé : — → absence" in changes
    assert "Suite : — → partenariat" in changes
    assert "Notes : — → Relancer en avril" in changes
    stored = Outcome.objects.get(event=event)
    assert (stored.assignment, stored.kind, stored.follow_up) == ("r-2", "no_show", "partnership")
