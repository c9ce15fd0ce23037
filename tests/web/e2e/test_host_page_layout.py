"""The host's page on a 390 px phone and a desktop, in French and Arabic (QA walk of the
demo): the legend "Jours où nous recevons des visiteurs" wrapped onto its fieldset's top
border, the address field cut the demo's addresses ("…, Mountain View, CA 9404"), saving
the settings said nothing, and "Confirmer les participants" reloaded the page at its top,
far from the visit the host had confirmed.

Run: ``uv run pytest tests/web/e2e/test_host_page_layout.py -m e2e -q``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from liqa.core.model import MeetingFormat
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import Run
from liqa.web.scheduling.records import schedule_record
from tests.web.e2e.phone import IPHONE, Phone, console_errors, published_example, shot, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DESKTOP = Phone(1280, 800)

BOXES = """() => [...document.querySelectorAll('#host-settings fieldset, #coming fieldset')]
  .map(set => {
    const box = set.getBoundingClientRect(), legend = set.querySelector('legend');
    const text = legend.getBoundingClientRect();
    const top = parseFloat(getComputedStyle(set).borderTopWidth);
    return {legend: legend.textContent.trim(), top: text.top - box.top - top,
            start: text.left - box.left, end: box.right - text.right};
  })"""
"""Each fieldset's legend: how far its box is below the fieldset's top border and inside
its sides, in CSS px (negative: across the border or outside the box)."""


def _host_with_the_longest_address(event: Event, run: Run) -> tuple[str, str, str]:
    """The visited host whose venue's address is the longest: its key, the e-mail of its
    contact and the address (the demo's longest, 45 characters, outgrew a phone's field)."""
    record = event_record(event)
    assert run.result is not None
    visited = {
        party
        for a in schedule_record(run.result).assignments
        if a.format is MeetingFormat.SITE_VISIT
        for party in a.parties
    }
    hosts = [
        (record.venue(org.venue).address, org.id)
        for org in record.organizations
        if org.id in visited and org.venue
    ]
    address, key = max(hosts, key=lambda host: len(host[0]))
    contact = next(p.email for p in record.people if p.organization == key and p.email)
    return key, contact, address


def test_the_host_page_fits_and_answers_on_a_phone_and_a_desktop(
    browser: Any, live_server: Any, shots: Path | None
) -> None:
    event, run = published_example("morocco-us-digital-2024", time_limit=3.0)
    key, contact, address = _host_with_the_longest_address(event, run)
    assert len(address) >= 40, address  # wider than the field of a 390 px phone
    accounts.grant(accounts.user_for_email(contact), event, Role.HOST_ADMIN, organization=key)
    url = f"{live_server.url}/host/{event.slug}/"
    errors: list[str] = []
    for lang in ("fr", "ar"):
        with translation.override(lang):
            saved = translation.gettext("Saved.")
        for screen in (IPHONE, DESKTOP):
            where = f"{lang} {screen.width}px"
            context = signed_in(browser, live_server.url, contact, lang, screen)
            page = context.new_page()
            console_errors(page, errors)
            page.goto(url)
            legends = page.evaluate(BOXES)
            assert len(legends) >= 2, where  # the days, and at least one visit's staff
            for legend in legends:
                assert min(legend["top"], legend["start"], legend["end"]) >= -0.5, (where, legend)
            field = page.locator("#address")
            assert field.input_value() == address
            sizes = field.evaluate(
                "e => [e.scrollWidth - e.clientWidth, e.scrollHeight - e.clientHeight]"
            )
            assert max(sizes) <= 1, (where, sizes)  # the whole address shows
            shot(shots, f"host-settings-{lang}-{screen.width}.png", page.locator("#host-settings"))

            # saving the settings says so, in the settings' card, where the page opens
            page.locator("#host-settings button[type=submit]").click()
            page.wait_for_url(f"{url}#host-settings")
            notice = page.locator("#host-settings #host-saved")
            assert notice.is_visible(), where
            assert notice.inner_text() == saved
            assert notice.get_attribute("role") == "status"
            card = page.locator("#host-settings").bounding_box()
            assert card is not None
            assert 0 <= card["y"] < screen.height / 3, (where, card)

            # confirming a visit's attendees comes back to that visit, not to the top
            entry = page.locator("#coming li.entry").last
            assignment = entry.get_attribute("data-id")
            entry.locator("input[name=attendee]").first.check()
            entry.locator("button[type=submit]").click()
            page.wait_for_url(f"{url}#entry-{assignment}")
            shown = page.locator(f"#entry-{assignment}")
            box = shown.bounding_box()
            assert box is not None
            assert 0 <= box["y"] < screen.height / 3, (where, box)
            assert shown.locator(".confirmed").is_visible()
            assert page.locator("#host-saved").count() == 0  # said once, not again
            context.close()
    assert errors == []


PROFILE_BOXES = BOXES.replace("#host-settings fieldset, #coming fieldset", "#profile fieldset")


def test_the_profile_names_its_clock_inside_its_box_on_a_phone_and_a_desktop(
    browser: Any, live_server: Any, shots: Path | None
) -> None:
    """The profile's legends (the host's page's rule) and the clock of its days, named
    where the demo spans two zones (Houston, then Silicon Valley)."""
    event, _run = published_example("morocco-us-digital-2024", time_limit=1.0)
    delegate = next(p for p in event_record(event).delegates() if p.email)
    for lang in ("fr", "ar"):
        for screen in (IPHONE, DESKTOP):
            where = f"{lang} {screen.width}px"
            context = signed_in(browser, live_server.url, delegate.email, lang, screen)
            page = context.new_page()
            page.goto(f"{live_server.url}/me/{event.slug}/profile/")
            legends = page.evaluate(PROFILE_BOXES)
            assert len(legends) == 3, where  # languages, interests, days
            for legend in legends:
                assert min(legend["top"], legend["start"], legend["end"]) >= -0.5, (where, legend)
            clock = page.locator("#profile #days-zone")
            assert clock.is_visible(), where
            assert ("Houston" if lang == "fr" else "هيوستن") in clock.inner_text(), where
            shot(shots, f"profile-{lang}-{screen.width}.png", page, full_page=True)
            context.close()
