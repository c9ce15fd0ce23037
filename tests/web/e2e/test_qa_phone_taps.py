"""A delegate's and an organizer's key actions on a 390 × 844 phone are at least 44 × 44 px.

Found by walking the demo mission on a phone: the home page's link to one's agenda was
22 px high, the map link 33 × 30 px, the outcome form's summary 24 px high, the way back
to one's agenda 22 px, the agenda's buttons and the request form's select and button
42-43 px, the language buttons 31 px; the organizer's links above the overview and the
grid 22-34 px high, a draft's Pin buttons 34 px wide; then the header's brand and sign-out
24-27 px, the overview's run and version links and its requests' summary about 20 px, the
published page's way back 22 px; every past meeting's outcome form open (a 30-meeting agenda
several screens long), no way for the keyboard past the header, and "Ask for a meeting" and
"E-mail every participant a sign-in link" in the warning colour of a refusal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from liqa.web.scheduling.records import schedule_record, store_schedule
from tests.web.e2e.phone import (
    IPHONE_2X,
    page_width,
    published_example,
    shot,
    signed_in,
    too_small,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

MIN_TAP = 44  # CSS px: a thumb's key actions (WCAG 2.5.5, target size enhanced)
WARN = "rgb(164, 54, 27)"  # --warn: cancelling or refusing (button.secondary)
DELEGATE = "s.lamrani@example.org"


def _too_small(page: Any, selectors: list[str]) -> list[str]:
    """Each selector's elements smaller than MIN_TAP either way, with their size."""
    return too_small(page, selectors, MIN_TAP)


def _colours(page: Any, selector: str) -> list[str]:
    """The text colour of each (visible) element ``selector`` matches."""
    found = page.evaluate(
        f"[...document.querySelectorAll({selector!r})].filter(e => e.offsetHeight > 0)"
        ".map(e => getComputedStyle(e).color)"
    )
    assert found, f"nothing matches {selector}"
    return list(found)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_delegate_key_actions_are_big_enough_to_tap(
    browser: Any, live_server: Any, shots: Path | None, lang: str
) -> None:
    event, run = published_example("morocco-us-digital-2024", time_limit=5.0)
    assert run.result is not None

    context = signed_in(browser, live_server.url, DELEGATE, lang, IPHONE_2X)
    page = context.new_page()
    page.goto(f"{live_server.url}/")  # a returning participant: home, then their agenda
    small = _too_small(page, [f"main a[href='/me/{event.slug}/']"])
    page.goto(f"{live_server.url}/me/{event.slug}/")  # 2024: every meeting is past
    # the first Tab shows a link past the header to the content
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "(() => { const a = document.activeElement, r = a.getBoundingClientRect();"
        " return [a.className, r.top >= 0 && r.height > 0]; })()"
    )
    assert skip == ["skip", True]
    small += _too_small(page, [".skip"])
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    # every past meeting's outcome form is closed, one tap away
    forms = page.locator("details.outcome")
    assert (forms.count() > 5, page.locator("details.outcome[open]").count()) == (True, 0)
    forms.first.locator("summary").click()
    assert forms.first.get_attribute("open") is not None
    small += _too_small(page, [".top .brand", ".top button.link"])
    header = page.locator("header.top").bounding_box()
    assert header is not None
    assert header["height"] <= 2 * MIN_TAP + 12  # two rows, as it was (93-96 px): no higher
    small += _too_small(
        page,
        [
            "#my-requests",
            "#my-profile",
            "#download-ics",
            "#download-pdf",
            ".where a",
            "details.outcome > summary",
            "details.outcome select",
            "details.outcome button",
            ".lang button",
        ],
    )
    shot(shots, f"phone-taps-agenda-{lang}.png", page)
    page.goto(f"{live_server.url}/me/{event.slug}/requests/")
    back = f"main a[href='/me/{event.slug}/']"  # the way back to one's agenda
    small += _too_small(page, [back, "#target", "main form button[type=submit]"])
    colours = _colours(page, "#suggestions button")
    shot(shots, f"phone-taps-ask-{lang}.png", page.locator("#suggestions"))
    width = page_width(page)
    context.close()

    # the organizer's links above the overview and the grid were 22-34 px high
    context = signed_in(browser, live_server.url, "organizer@example.org", lang, IPHONE_2X)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/")
    small += _too_small(page, ["#edit-event", "#follow-ups", "#history", "#communique"])
    # the runs' and versions' links and the requests' summary were about 20 px high
    small += _too_small(page, ["main td a[href*='/runs/']", "main li > a[href*='/versions/']"])
    small += _too_small(page, ["#requests summary", ".top .brand", ".top button.link"])
    colours += _colours(page, "#invite")
    shot(shots, f"phone-taps-overview-{lang}.png", page, full_page=True)
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{run.result.number}/published/")
    small += _too_small(page, [f"main a[href='/organize/{event.slug}/']", "#grid"])
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{run.result.number}/")
    small += _too_small(page, ["#changes", "#outputs", "#replan"])
    # a draft's Pin buttons were 34 px wide in English
    draft = store_schedule(event, schedule_record(run.result))
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{draft.number}/")
    pins = page.evaluate(
        "[...document.querySelectorAll('button.pin')].map(b => b.getBoundingClientRect())"
        ".filter(r => r.width > 0).map(r => Math.min(r.width, r.height))"
    )
    assert pins
    small += [f"button.pin {p:.0f}" for p in pins if p < MIN_TAP - 0.5][:3]
    context.close()
    assert small == []
    assert width <= 390
    assert WARN not in colours  # "Ask for a meeting" and the sign-in links read as actions
