"""The organizer's report page in Chromium on a 390 px phone: every chart of the demo
mission's report is drawn (an image of the core's SVG, with a size and the bars' colour in
its pixels), and the page does not scroll sideways, in Arabic (right to left) and English;
axe-core finds no WCAG 2.1 A or AA fault on it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from liqa.core.outputs.charts import COLOR
from tests.web.e2e.phone import IPHONE, console_errors, page_width, shot, signed_in
from tests.web.e2e.test_accessibility import audit
from tests.web.test_report_page import ORGANIZER, published_demo

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BAR = tuple(int(COLOR[i : i + 2], 16) for i in (1, 3, 5))
"""The bars' colour (red, green, blue)."""


def bar_pixels(png: bytes) -> int:
    """How many pixels of a screenshot are (about) the bars' colour."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    found = 0
    for count, colour in image.getcolors(image.width * image.height) or []:
        if isinstance(colour, tuple) and all(
            abs(c - b) <= 12 for c, b in zip(colour, BAR, strict=True)
        ):
            found += count
    return found


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_report_charts_render_on_a_phone_without_sideways_scrolling(
    lang: str, live_server: Any, chromium: Any, shots: Path | None
) -> None:
    event, _version = published_demo()
    context = signed_in(chromium, live_server.url, ORGANIZER, lang, IPHONE)
    page = context.new_page()
    errors = console_errors(page)
    response = page.goto(f"{live_server.url}/organize/{event.slug}/report/")
    assert response is not None
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    charts = page.locator(".report .chart img")
    count = charts.count()
    assert count >= 5  # per participant, theme, host kind, city and day, time used
    for index in range(count):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        loaded = chart.evaluate(
            "img => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0"
        )
        box = chart.bounding_box()
        assert loaded, f"chart {index} is not drawn"
        assert box is not None, f"chart {index} has no box"
        assert 100 < box["width"] <= IPHONE.width, (index, box)
        assert box["height"] > 50, (index, box)
        assert bar_pixels(chart.screenshot()) > 200, f"chart {index} shows no bars"
    assert page_width(page) <= IPHONE.width
    shot(shots, f"report-{lang}.png", page, full_page=True)
    assert [str(v) for v in audit(page, "report", lang)] == []  # WCAG 2.1 A and AA
    context.close()
    assert errors == []
