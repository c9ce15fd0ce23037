"""The organizer's edit index on a desktop screen in Arabic: a programme item's hours read
start then end, as on the grid (found on a 1366 × 768 walk of the demo mission: the
Arabic date's right-to-left marks pulled the hours after it into right-to-left order, and
the arrival read "17:15–16:00")."""

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

# The left edge, in CSS px, of each text in a table cell (a Range over the cell's text).
LEFT_OF = """([cell, texts]) => texts.map(text => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range.getBoundingClientRect().left;
    }
  }
  return null;
})"""


@pytest.mark.parametrize(("key", "start", "end"), [("prog-arrival", "16:00", "17:15")])
def test_programme_hours_read_start_then_end_in_arabic(
    key: str, start: str, end: str, live_server: Any, chromium: Any
) -> None:
    event = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, event, Role.ORGANIZER)
    client = Client()
    client.force_login(organizer)
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    session = client.cookies["sessionid"].value
    context.add_cookies(
        [
            {"name": "sessionid", "value": session, "url": live_server.url},
            {"name": "django_language", "value": "ar", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.slug}/edit/")
    cell = page.locator(f"#programme tr[data-key='{key}'] td").nth(2)
    lefts = page.evaluate(LEFT_OF, [cell.element_handle(), [start, end]])
    context.close()
    assert None not in lefts
    assert lefts[0] < lefts[1]  # left to right, as the grid shows hours in Arabic
