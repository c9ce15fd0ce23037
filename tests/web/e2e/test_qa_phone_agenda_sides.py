"""A participant's agenda on a 390 × 844 phone at a brokerage event, in Arabic and English:
each meeting says who one meets and from which organization (the web agenda gave names
only, where the PDF agenda gives the organization and each person's role)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from liqa.core.outputs.labels import org_name
from liqa.web.events.records import event_record
from tests.web.e2e.phone import (
    IPHONE,
    console_errors,
    page_width,
    published_example,
    shot,
    signed_in,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PARTICIPANT = "p-mehdi-bekkali"  # an exhibitor at table 5, who receives visitors


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_phone_agenda_names_whom_one_meets_and_their_organization(
    browser: Any, live_server: Any, shots: Path | None, tmp_path: Path, lang: str
) -> None:
    event, run = published_example("brokerage-day", time_limit=2.0)
    assert run.result is not None
    core_event = event_record(event)
    met = [
        a
        for a in run.result.assignments.all()
        if PARTICIPANT in a.attendees and len(a.attendees) > 1
    ]
    assert met
    first = met[0]
    others = [p for p in core_event.people if p.id in first.attendees and p.id != PARTICIPANT]
    orgs = {org_name(core_event.organization(p.organization), lang) for p in others}

    email = core_event.person(PARTICIPANT).email
    context = signed_in(browser, live_server.url, email, lang, IPHONE)
    page = context.new_page()
    errors = console_errors(page)
    page.goto(f"{live_server.url}/me/{event.slug}/")
    page.wait_for_load_state("load")
    entry = page.locator(f'li.entry[data-id="{first.key}"]').first
    entry.scroll_into_view_if_needed()
    who = entry.locator("p.who").all_inner_texts()
    width = page_width(page)
    shot(shots if shots is not None else tmp_path, f"participant-agenda-sides-{lang}.png", page)
    context.close()
    assert len(who) == 2  # the participant's own side, the side they meet
    assert all(any(org in line for line in who) for org in orgs), (who, orgs)
    assert width <= 390
    assert errors == []
