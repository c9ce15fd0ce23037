"""A host of the demo on a phone (QA walk, French and Arabic): the host confirms a visit's
staff, then saves the settings with no receiving day ticked. The refusal ("choose at
least one day") was printed at the page's top while the page opened at the visit just
confirmed (the form kept that address's ``#entry-…``): nothing in sight changed. And a
confirmation with nobody ticked read "confirmed" as one with staff did.

Run: ``uv run pytest tests/web/e2e/test_host_journey.py -m e2e -q``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from liqa.core.model import MeetingFormat
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import Run
from liqa.web.scheduling.records import schedule_record
from tests.web.e2e.phone import IPHONE, console_errors, published_example, shot, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _first_host(event: Event, run: Run) -> tuple[str, str, str]:
    """The first host the delegation visits: its key, its contact's e-mail and name (the
    demo names that contact the host's administrator)."""
    assert run.result is not None
    visits = sorted(
        (
            a
            for a in schedule_record(run.result).assignments
            if a.format is MeetingFormat.SITE_VISIT
        ),
        key=lambda a: a.start,
    )
    record = event_record(event)
    for visit in visits:
        for person in record.people:
            if person.organization in visit.parties and person.email:
                return person.organization, person.email, person.name
    raise AssertionError("no visited host has a contact")


def _host_page(browser: Any, live_server: Any, lang: str) -> tuple[Any, str, str]:
    """A phone signed in as the first host's administrator, on the host page in ``lang``:
    the page, its address and the contact's name."""
    event, run = published_example("morocco-us-digital-2024", time_limit=1.0)
    key, email, name = _first_host(event, run)
    accounts.grant(accounts.user_for_email(email), event, Role.HOST_ADMIN, organization=key)
    context = signed_in(browser, live_server.url, email, lang, IPHONE)
    page = context.new_page()
    url = f"{live_server.url}/host/{event.slug}/"
    page.goto(url)
    return page, url, name


def _confirm_first_visit(page: Any, url: str, *, tick: bool) -> Any:
    """Confirm the first visit's staff (the first ticked, or nobody); the visit's entry."""
    entry = page.locator("#coming li.entry").first
    assignment = entry.get_attribute("data-id")
    boxes = entry.locator("input[name=attendee]")
    for box in boxes.all():
        box.uncheck()
    if tick:
        boxes.first.check()
    entry.locator("button[type=submit]").click()
    page.wait_for_url(f"{url}#entry-{assignment}")
    return page.locator(f"#entry-{assignment}")


def test_a_refused_save_is_said_where_the_host_looks(
    chromium: Any, live_server: Any, shots: Path | None
) -> None:
    page, url, _name = _host_page(chromium, live_server, "ar")
    errors = console_errors(page)
    _confirm_first_visit(page, url, tick=True)
    page.fill("#address", "3 Greenway Plaza,\nHouston, TX 77046")
    for day in page.locator("#host-settings input[name=days]").all():
        day.uncheck()
    page.locator("#host-settings button[type=submit]").click()
    page.wait_for_load_state()
    said = page.locator("#host-error")
    assert said.is_visible()
    box = said.bounding_box()
    assert box is not None
    assert box["y"] >= 0, box  # in sight: below the screen's top…
    assert box["y"] + box["height"] <= IPHONE.height, box  # …and above its bottom
    assert page.locator("#host-settings #host-error").count() == 1
    assert page.input_value("#address") == "3 Greenway Plaza,\nHouston, TX 77046"
    shot(shots, "host-refused-save-ar-390.png", page)
    assert [e for e in errors if "400" not in e] == []  # the refusal itself is a 400


def test_a_confirmation_says_whom_the_host_confirmed(
    chromium: Any, live_server: Any, shots: Path | None
) -> None:
    page, url, name = _host_page(chromium, live_server, "fr")
    shown = _confirm_first_visit(page, url, tick=True)
    said = shown.locator(".confirmed")
    assert said.is_visible()
    assert name in said.inner_text()
    shot(shots, "host-confirmed-fr-390.png", shown)
    shown = _confirm_first_visit(page, url, tick=False)
    assert name not in shown.locator(".confirmed").inner_text()
    assert shown.locator("input[name=attendee]:checked").count() == 0
