"""A 390 × 844 phone in Arabic: what only a browser shows (sizes, overflow, console).

Found by a QA pass on the demo mission: the host's checkboxes were 13 × 13 px and the
capacity field 21 px high (too small to tap), the organizer's overview was 619 px wide on
a 390 px screen, every first page logged a console error (no icon: /favicon.ico 404), and
the keyboard's focus was a thin 1 px ring on dark green buttons.
"""

from __future__ import annotations

from typing import Any

import pytest

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.services import import_mission_file
from tests.web.e2e.phone import EXAMPLES, IPHONE, boxes, console_errors, page_width, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DEMO = EXAMPLES / "morocco-us-digital-2024" / "mission.yaml"
MIN_TAP = 24  # CSS px, WCAG 2.2 target size (minimum)


def test_host_and_organizer_pages_fit_a_phone_in_arabic(browser: Any, live_server: Any) -> None:
    event = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    organizer = accounts.user_for_email("organizer@example.org")
    accounts.grant(organizer, event, Role.ORGANIZER)
    host = accounts.user_for_email("host@hou-egov.example")
    accounts.grant(host, event, Role.HOST_ADMIN, organization="h-hou-egov")

    context = signed_in(browser, live_server.url, "host@hou-egov.example", "ar", IPHONE)
    page = context.new_page()
    errors = console_errors(page)
    page.goto(f"{live_server.url}/host/{event.slug}/")
    page.wait_for_load_state("load")
    days = "#host-settings input[type=checkbox]"
    assert page.locator(days).count() == 5  # one a day on its clock: Houston, 11-15 February
    assert min(min(s["width"], s["height"]) for s in boxes(page, days)) >= MIN_TAP * 0.8
    assert min(box["height"] for box in boxes(page, "label.check")) >= MIN_TAP
    capacity = page.locator("#capacity").bounding_box()
    assert capacity is not None
    assert capacity["height"] >= MIN_TAP
    context.close()

    context = signed_in(browser, live_server.url, "organizer@example.org", "ar", IPHONE)
    page = context.new_page()
    console_errors(page, errors)
    page.goto(f"{live_server.url}/organize/{event.slug}/")
    page.click("#requests summary")
    width = page_width(page)
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
