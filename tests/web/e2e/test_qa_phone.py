"""A 390 × 844 phone in Arabic: what only a browser shows (sizes, overflow, console).

Found by a QA pass on the demo mission: the host's checkboxes were 13 × 13 px and the
capacity field 21 px high (too small to tap), the organizer's overview was 619 px wide on
a 390 px screen, every first page logged a console error (no icon: /favicon.ico 404), and
the keyboard's focus was a thin 1 px ring on dark green buttons.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.services import import_mission_file

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DEMO = Path(__file__).resolve().parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
MIN_TAP = 24  # CSS px, WCAG 2.2 target size (minimum)


def _phone(browser: Any, base: str, email: str) -> Any:
    """A phone context signed in as ``email``, reading Arabic."""
    client = Client()
    client.force_login(accounts.user_for_email(email))
    context = browser.new_context(**PHONE)
    host = base.split("//", 1)[1].split(":", 1)[0]
    cookies = [("sessionid", client.cookies["sessionid"].value), ("django_language", "ar")]
    context.add_cookies([{"name": n, "value": v, "domain": host, "path": "/"} for n, v in cookies])
    return context


def test_host_and_organizer_pages_fit_a_phone_in_arabic(browser: Any, live_server: Any) -> None:
    event = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    organizer = accounts.user_for_email("organizer@example.org")
    accounts.grant(organizer, event, Role.ORGANIZER)
    host = accounts.user_for_email("host@hou-egov.example")
    accounts.grant(host, event, Role.HOST_ADMIN, organization="h-hou-egov")

    context = _phone(browser, live_server.url, "host@hou-egov.example")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/host/{event.slug}/")
    page.wait_for_load_state("load")
    boxes = page.locator("#host-settings input[type=checkbox]").all()
    sizes = [b.bounding_box() for b in boxes]
    assert len(sizes) == 11  # one a day, 11-21 February
    assert min(min(s["width"], s["height"]) for s in sizes if s) >= MIN_TAP * 0.8
    labels = [
        box["height"]
        for box in (lb.bounding_box() for lb in page.locator("label.check").all())
        if box
    ]
    assert min(labels) >= MIN_TAP
    capacity = page.locator("#capacity").bounding_box()
    assert capacity is not None
    assert capacity["height"] >= MIN_TAP
    context.close()

    context = _phone(browser, live_server.url, "organizer@example.org")
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/organize/{event.slug}/")
    page.click("#requests summary")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    page.keyboard.press("Tab")  # the keyboard's focus shows clearly (was a 1 px ring)
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    # Latin data in an Arabic form read from its end ("08:30-18:00 2024-02-13" for
    # "2024-02-13 08:30-18:00", "...mrani, p-mtnra-deputy" cut at its start): each field
    # now takes the direction of its own text
    page.goto(f"{live_server.url}/events/{event.slug}/edit/visits/vis-hou-egov/")
    field = "getComputedStyle(document.querySelector('#edit-form textarea')).unicodeBidi"
    windows = page.evaluate(field)
    # a list of Latin names right-aligned in Arabic showed their end and cut their start
    # ("…mation Systems Security (DGSSI)"): it now takes the direction of its names
    page.goto(f"{live_server.url}/events/{event.slug}/edit/people/p-dgssi-head/")
    organization = "getComputedStyle(document.querySelector('select[name=organization]'))"
    names = page.evaluate(organization + ".direction")
    context.close()
    assert width <= 390
    assert ring == "3px"
    assert windows == "plaintext"
    assert names == "ltr"
    assert errors == []
