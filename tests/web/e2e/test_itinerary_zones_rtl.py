"""The demo itinerary read in Arabic in Chromium: each day's heading names the city and its
zone in Arabic (never the zone's id), and a meeting's time reads left to right with its
zone, CST, isolated after it (to its left on the right-to-left page); the organizer's
editor lists a programme item's time with its zone the same way."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.web.e2e.phone import (
    IPHONE,
    ORGANIZER,
    Phone,
    console_errors,
    published_example,
    shot,
    signed_in,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DELEGATE = "s.lamrani@example.org"
DESKTOP = Phone(1366, 768)
FIRST_LINE = "e => { const r = e.getClientRects()[0]; return {x: r.x, y: r.y, width: r.width}; }"
"""The box of an inline element's first line (its bounding box spans every line)."""
WORD_BOX = """(e, word) => {
  const node = [...e.childNodes].find(n => n.nodeType === 3 && n.data.includes(word));
  const range = document.createRange();
  range.setStart(node, node.data.indexOf(word));
  range.setEnd(node, node.data.indexOf(word) + word.length);
  const r = range.getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""
"""The box of ``word`` in the element's own text."""
HEADING = "الاثنين، 12 فبراير 2024 · هيوستن (التوقيت الرسمي المركزي لأمريكا الشمالية)"


def test_arabic_itinerary_agenda_and_editor_show_the_zone_in_its_place(
    browser: Any, live_server: Any, shots: Path | None, tmp_path: Path
) -> None:
    event, _run = published_example("morocco-us-digital-2024", time_limit=2.0)
    folder = shots if shots is not None else tmp_path
    context = signed_in(browser, live_server.url, DELEGATE, "ar", IPHONE)
    page = context.new_page()
    errors = console_errors(page)
    page.goto(f"{live_server.url}/me/{event.slug}/")
    page.wait_for_load_state("load")
    heading = page.locator("h2.day#day-2024-02-12")
    heading.scroll_into_view_if_needed()
    heading_text = heading.inner_text()
    city = heading.evaluate(WORD_BOX, "هيوستن")
    zone = heading.locator("small.zone").evaluate(FIRST_LINE)  # it may wrap on a phone
    entry = page.locator("section#agenda li.entry p.when").filter(has_text="CST").first
    entry.scroll_into_view_if_needed()
    time_box = entry.locator("span.time").bounding_box()
    zone_box = entry.locator("small.zone").bounding_box()
    time_text = entry.locator("span.time").inner_text()
    time_direction = entry.locator("span.time").evaluate("e => getComputedStyle(e).direction")
    zone_words = entry.locator("small.zone").text_content()
    shot(folder, "agenda-itinerary-ar.png", page)
    shot(folder, "agenda-itinerary-ar-heading.png", heading)
    shot(folder, "agenda-itinerary-ar-time.png", entry)
    context.close()
    assert heading_text == HEADING
    assert city is not None
    assert zone is not None
    assert abs(zone["y"] - city["y"]) < city["height"]  # on the city's line, …
    assert zone["x"] + zone["width"] <= city["x"] + 1  # … after it: to its left
    assert time_box is not None
    assert zone_box is not None
    assert zone_box["x"] + zone_box["width"] <= time_box["x"] + 1
    assert zone_words == "\u2066CST\u2069"
    assert re.fullmatch(r"\d{2}:\d{2}–\d{2}:\d{2}", time_text)
    assert time_direction == "ltr"  # the times read left to right
    assert errors == []

    context = signed_in(browser, live_server.url, ORGANIZER, "ar", DESKTOP)
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.slug}/edit/#programme")
    page.wait_for_load_state("load")
    row = page.locator("#programme tr").filter(has_text="CST").first
    row.scroll_into_view_if_needed()
    editor_zone = row.locator("small.zone").first.text_content()
    shot(folder, "editor-programme-ar.png", row)
    context.close()
    assert editor_zone == "\u2066CST\u2069"
