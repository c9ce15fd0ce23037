"""The organizer's *Move* form walked on a 360 × 740 touch phone in Arabic, French and
English: from the overview to a draft's grid, one meeting's form opened, measured and
read, a move made and a move that breaks a rule refused in words.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from playwright.sync_api import Page

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.web.e2e.phone import Phone, page_width, shot, signed_in, too_small
from tests.web.factories import DAY, at, make_core_event, make_schedule

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = Phone(360, 740)  # a small Android phone, touch
MIN_TAP = 44  # CSS px (WCAG 2.5.5, target size enhanced), as the other phone walks
FORM = ".meeting[data-key='r-2'] details.move"
OPEN = ".meeting[data-key='r-2'] details.move[open]"  # closed forms' fields have boxes too
FIELDS = f"{OPEN} select, {OPEN} input:not([type=hidden])"
# the slots of the test event's morning (09:00-10:00 in Tunis, 20 minutes each), as read
SLOTS = {
    "ar": ["09:00", "09:20", "09:40"],
    "fr": ["09:00", "09:20", "09:40"],
    "en": ["9:00\u202fAM", "9:20\u202fAM", "9:40\u202fAM"],
}


def _open_move_form(page: Page, base: str, event: Event) -> None:
    """From the overview, the draft's grid, then the *Move* form of r-2 (Amina – Chen)."""
    page.goto(f"{base}/organize/{event.slug}/")
    page.locator("main li > a[href*='/versions/1/']").click()
    page.wait_for_url(re.compile(r"/versions/1/$"))
    page.locator(f"{FORM} > summary").first.click()


def _labels(page: Page) -> list[str]:
    """The text of each field's label in the open form ('' when it has none)."""
    return list(
        page.evaluate(
            f"[...document.querySelectorAll({FIELDS!r})]"
            ".map(e => e.labels.length ? e.labels[0].firstChild.textContent.trim() : '')"
        )
    )


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_move_form_on_a_phone(
    lang: str,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    live_server: Any,
    chromium: Any,
    shots: Path | None,
) -> None:
    context = signed_in(chromium, live_server.url, organizer, lang, PHONE)
    page = context.new_page()
    _open_move_form(page, live_server.url, event)
    form = page.locator(FORM).first
    assert form.get_attribute("open") is not None

    # big enough to tap, nothing wider than the screen, every field labelled on screen
    small = too_small(
        page,
        ["details.move > summary", f"{OPEN} select", f"{OPEN} input[name=table]", f"{OPEN} button"],
        MIN_TAP,
    )
    width = page_width(page)
    labels = _labels(page)
    direction = form.evaluate("e => getComputedStyle(e).direction")
    zone = page.locator(f"{OPEN} label .zone").count()  # one zone: the times need no name
    # the slots as local times, the meeting's own selected
    options = form.locator("select[name=slot] option").all_inner_texts()
    selected = form.locator("select[name=slot]").evaluate("s => s.selectedOptions[0].value")
    form.scroll_into_view_if_needed()
    if lang != "fr":  # the pictures of the organizer how-to
        shot(shots, f"move-{lang}.png", page)

    # a move that breaks a rule: r-2 onto r-1's slot and table (Amina is in both)
    form.locator("select[name=slot]").select_option("0")
    form.locator("input[name=table]").fill("1")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/move/$"))
    refused = page.locator("#conflicts li").all_inner_texts()
    rules = page.locator("#conflicts li").evaluate_all("items => items.map(i => i.dataset.rule)")
    back_small = too_small(page, ["#back"], MIN_TAP)
    refused_width = page_width(page)
    page.locator("#back").click()
    page.wait_for_url(re.compile(r"/versions/1/$"))

    # a move that keeps every rule: r-2 to the last slot, table 3
    page.locator(f"{FORM} > summary").first.click()
    form = page.locator(FORM).first
    form.locator("select[name=slot]").select_option("2")
    form.locator("input[name=table]").fill("3")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/versions/1/\?moved=r-2$"))
    moved = " ".join(page.locator("#moved").all_inner_texts())
    cell = page.locator(".meeting[data-key='r-2']").first.inner_text()
    after_width = page_width(page)
    context.close()

    assert small == []
    assert (width, refused_width, after_width) == (PHONE.width,) * 3
    assert len(labels) == 2
    assert all(labels), labels
    assert zone == 0
    assert direction == ("rtl" if lang == "ar" else "ltr")
    assert [o.strip() for o in options] == SLOTS[lang]
    assert selected == "1"  # r-2 is at 09:20
    # the reason in words, with the people's names, not the rules' codes
    assert sorted(rules) == ["overlap", "tables"]
    assert any("Amina" in r or "أمينة" in r for r in refused), refused
    assert not any(code in " ".join(refused) for code in ("overlap", "r-2", "p-amina"))
    assert back_small == []
    # the result said, and the grid shows the meeting at its new slot and table
    assert "Amina Idrissi – Chen Li" in moved
    assert f"{SLOTS[lang][2]}–" in moved
    assert f"{SLOTS[lang][2]}–" in cell
    assert "3" in moved.split("Chen Li")[1]
    moved_row = draft.assignments.get(key="r-2")
    assert moved_row.table == 3


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_move_form_names_the_zone_when_the_event_spans_zones(
    lang: str, live_server: Any, chromium: Any, shots: Path | None
) -> None:
    """A brokerage day in Tunis after two days in Casablanca: the slots are Tunis times,
    and the form's slot label names that zone (the one-zone event's does not)."""
    tunis = make_core_event("casablanca-tunis-2030")
    casablanca = core.Leg(
        "casablanca",
        "Casablanca",
        "Africa/Casablanca",
        DAY - timedelta(days=2),
        DAY - timedelta(days=1),
    )
    record = dataclasses.replace(tunis, legs=(casablanca, *tunis.legs))
    event = store_event(record)
    store_schedule(event, make_schedule(record))
    user = get_user_model().objects.create_user("org2", "org2@example.org", "organizer-pass-2")
    accounts.grant(user, event, Role.ORGANIZER)

    context = signed_in(chromium, live_server.url, user, lang, PHONE)
    page = context.new_page()
    _open_move_form(page, live_server.url, event)
    zone = page.locator(f"{OPEN} label .zone").all_inner_texts()
    options = page.locator(f"{OPEN} select[name=slot] option").all_inner_texts()
    width = page_width(page)
    context.close()

    assert zone == [translator(lang).format_zone(at(9))]  # Central European Standard Time
    assert [o.strip() for o in options] == SLOTS[lang]
    assert width == PHONE.width
