"""A participant's agenda on a 390 × 844 phone at a brokerage event, in Arabic and English:
each meeting says who one meets and from which organization (the web agenda gave names
only, where the PDF agenda gives the organization and each person's role)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from liqa.core.outputs.labels import org_name
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.records import event_record
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import RunState
from liqa.web.scheduling.services import start_run

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "brokerage-day" / "mission.yaml"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PARTICIPANT = "p-mehdi-bekkali"  # an exhibitor at table 5, who receives visitors


def _phone(browser: Any, base: str, email: str, lang: str) -> Any:
    client = Client()
    client.force_login(accounts.user_for_email(email))
    context = browser.new_context(**PHONE)
    host = base.split("//", 1)[1].split(":", 1)[0]
    cookies = [("sessionid", client.cookies["sessionid"].value), ("django_language", lang)]
    context.add_cookies([{"name": n, "value": v, "domain": host, "path": "/"} for n, v in cookies])
    return context


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_phone_agenda_names_whom_one_meets_and_their_organization(
    browser: Any, live_server: Any, shots: Path | None, tmp_path: Path, lang: str
) -> None:
    event = import_mission_file(EXAMPLE.read_bytes(), "mission.yaml")
    organizer = accounts.user_for_email("organizer@example.org")
    accounts.grant(organizer, event, Role.ORGANIZER)
    accounts.enrol_everyone(event)
    run = start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE, run.message
    assert run.result is not None
    publishing.publish(run.result, notify=False)
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
    context = _phone(browser, live_server.url, email, lang)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/me/{event.slug}/")
    page.wait_for_load_state("load")
    entry = page.locator(f'li.entry[data-id="{first.key}"]').first
    entry.scroll_into_view_if_needed()
    who = entry.locator("p.who").all_inner_texts()
    width = page.evaluate("document.scrollingElement.scrollWidth")
    target = shots if shots is not None else tmp_path
    page.screenshot(path=str(target / f"participant-agenda-sides-{lang}.png"))
    context.close()
    assert len(who) == 2  # the participant's own side, the side they meet
    assert all(any(org in line for line in who) for org in orgs), (who, orgs)
    assert width <= 390
    assert errors == []
