"""The draft's grid without a form per meeting (js/grid.js): a pin is sent in the
background (the grid was loaded again after each pin: 1.6 MB at the brokerage example),
a meeting's Move opens the page's one Move form filled for it, and without script the
meeting's Move leads to its own Move page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.e2e.phone import signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

MEETING = ".meeting[data-key='r-2']"


def test_a_pin_changes_the_grid_in_place(
    organizer: User, event: Event, draft: ScheduleVersion, live_server: Any, chromium: Any
) -> None:
    context = signed_in(chromium, live_server.url, organizer, "en")
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/1/")
    page.evaluate("window.notReloaded = true")
    page.locator(f"{MEETING} button[data-pin='r-2']").first.click()
    page.wait_for_selector(f"{MEETING}.pinned button[data-pin='r-2']:text('Unpin')")
    kept = page.evaluate("window.notReloaded === true")
    pinned = draft.assignments.get(key="r-2").pinned
    page.locator(f"{MEETING} button[data-pin='r-2']").first.click()  # and unpinned again
    page.wait_for_selector(f"{MEETING}:not(.pinned) button[data-pin='r-2']:text('Pin')")
    unpinned = not draft.assignments.get(key="r-2").pinned
    # the Move form opened is the meeting's: its key, slot (09:20) and table
    page.locator(f"{MEETING} details.move > summary").first.click()
    form = page.locator(f"{MEETING} details.move[open] form").first
    fields = form.evaluate("f => [f.elements.key.value, f.elements.slot.value, f.method]")
    context.close()
    assert (kept, pinned, unpinned) == (True, True, True)
    assert fields == ["r-2", "1", "post"]


def test_without_script_a_meetings_move_leads_to_its_own_page(
    organizer: User, event: Event, draft: ScheduleVersion, live_server: Any, chromium: Any
) -> None:
    client = Client()
    client.force_login(organizer)
    context = chromium.new_context(java_script_enabled=False)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    grid = f"{live_server.url}/organize/{event.slug}/versions/1/"
    page.goto(f"{grid}?by=hosts")
    page.locator(f"{MEETING} details.move > summary").first.click()
    page.locator(f"{MEETING} details.move[open] button").first.click()
    page.wait_for_url(re.compile(r"/versions/1/move/\?key=r-2&by=hosts$"))
    page.locator("#move select[name=slot]").select_option("2")
    page.locator("#move input[name=table]").fill("3")
    page.locator("#move button[type=submit]").click()
    page.wait_for_url(re.compile(r"/versions/1/\?by=hosts&moved=r-2$"))
    moved = page.locator("#moved").inner_text()
    # a pin without script: the page again, the meeting pinned
    page.locator(f"{MEETING} button[data-pin='r-2']").first.click()
    page.wait_for_url(re.compile(r"/versions/1/\?by=hosts$"))
    pinned = page.locator(f"{MEETING}.pinned").count()
    context.close()
    row = draft.assignments.get(key="r-2")
    assert (row.table, row.pinned, pinned > 0) == (3, True, True)
    assert "table 3" in moved
