"""The table plan of the example brokerage day (30 tables, two sessions with a lunch
between them) in Chromium at desktop width, in English and in Arabic (right to left): no
cell overlaps another nor a meeting its cell, axe-core finds no WCAG 2.1 A/AA fault (nor
on the day's run sheet), and printed it is A4 landscape with the plan inside the page's
width."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.e2e.phone import (
    ORGANIZER,
    SMALL,
    page_width,
    published_example,
    signed_in,
    too_small,
)
from tests.web.e2e.test_accessibility import audit

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

A4 = (841.89, 595.28)  # points, landscape
PRINTED_WIDTH = 281 / 25.4 * 96  # CSS px: 297 mm less the 8 mm margins each side

BOXES = """() => [...document.querySelectorAll('table.table-plan th, table.table-plan td')]
  .map(e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })"""

SPILLS = """() => [...document.querySelectorAll('table.table-plan td .meeting')]
  .filter(m => { const c = m.closest('td').getBoundingClientRect(), b = m.getBoundingClientRect();
    return b.left < c.left - 0.5 || b.right > c.right + 0.5 || b.bottom > c.bottom + 0.5; })
  .map(m => m.dataset.key)"""


def _overlaps(boxes: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs of boxes sharing more than a hair of area (borders touch, nothing more)."""
    found = []
    for i, (l1, t1, r1, b1) in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            l2, t2, r2, b2 = boxes[j]
            if min(r1, r2) - max(l1, l2) > 1 and min(b1, b2) - max(t1, t2) > 1:
                found.append((i, j))
    return found


@pytest.mark.parametrize(("lang", "lunch"), [("en", "Networking lunch"), ("ar", "غداء للتعارف")])
def test_the_table_plan_has_no_overlapping_cells_and_prints_on_a4_landscape(
    lang: str, lunch: str, live_server: Any, chromium: Any
) -> None:
    event, run = published_example("brokerage-day", time_limit=2.0)
    assert run.result is not None
    client = Client()
    client.force_login(accounts.user_for_email(ORGANIZER))
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
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
    url = f"{live_server.url}/organize/{event.slug}/versions/{run.result.number}/"
    page.goto(f"{url}?by=tables&day=2025-10-16")
    assert page.locator("table.table-plan tbody tr").count() == 30  # every table
    assert page.locator("table.table-plan thead th.slot").count() == 20
    assert page.locator("table.table-plan td.break").count() == 30  # the networking lunch
    assert lunch in page.locator("table.table-plan th.break").inner_text()
    meetings = page.locator("table.table-plan .meeting").count()
    assert meetings > 100
    boxes = page.evaluate(BOXES)
    assert len(boxes) > 30 * 2
    assert _overlaps(boxes) == []
    assert page.evaluate(SPILLS) == []
    assert [str(v) for v in audit(page, "grid by tables", lang)] == []  # WCAG 2.1 AA

    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    if os.environ.get("LIQA_GRID_PDF"):  # to look at it
        Path(f"{os.environ['LIQA_GRID_PDF']}-{lang}.pdf").write_bytes(pdf)
        page.screenshot(path=f"{os.environ['LIQA_GRID_PDF']}-{lang}.png")
    sizes = {
        (round(float(w), 1), round(float(h), 1))
        for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    }
    assert sizes
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in sizes), sizes

    page.emulate_media(media="print")
    page.set_viewport_size({"width": int(PRINTED_WIDTH), "height": 700})
    width = page.evaluate(
        "document.querySelector('table.table-plan').getBoundingClientRect().right"
    )
    hidden = page.evaluate(
        "[...document.querySelectorAll('table.table-plan form, header.top, .views, .days')]"
        ".filter(e => e.getClientRects().length).length"
    )
    printed = page.evaluate(BOXES)
    sheet = context.new_page()
    sheet.goto(f"{url}?by=day&day=2025-10-16")
    assert sheet.locator("table.run-sheet tbody tr").count() == meetings + 2  # opening, lunch
    assert [str(v) for v in audit(sheet, "grid by day", lang)] == []
    context.close()
    assert len(printed) == len(boxes)
    assert _overlaps(printed) == []
    assert width <= PRINTED_WIDTH + 1  # the room's plan fits the page's width
    assert hidden == 0  # no forms, header or switchers on paper


@pytest.mark.parametrize("by", ["tables", "day"])
def test_on_a_phone_the_views_and_days_are_thumb_sized_and_the_page_keeps_its_width(
    by: str, organizer: User, event: Event, draft: ScheduleVersion, live_server: Any, chromium: Any
) -> None:
    """The view and day switchers' links are 44 px either way (WCAG 2.5.5), and the plan
    scrolls inside its frame: the page itself is no wider than the 360 px screen."""
    context = signed_in(chromium, live_server.url, organizer, "ar", SMALL)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{draft.number}/?by={by}")
    small = too_small(page, [".views a", ".days strong"], 44)
    width = page_width(page)
    context.close()
    assert small == []
    assert width <= SMALL.width
