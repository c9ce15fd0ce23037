"""The two-tap path on an Arabic phone (H7's walk of the demo mission, Houston then Silicon
Valley): a delegate opens the e-mailed sign-in link (tap one), signs in (tap two) and reads
the next meeting — what, when with the zone, where with a map link, with whom — on the first
screen; "The whole day" opens the day's agenda. The pages walked (agenda, requests, profile,
and the host's page as its contact reads it) never scroll sideways, on a 390 × 844 phone at
three device pixels a CSS px and on a 360 × 740 one.

Found by the walk: on a 360 × 740 phone the next meeting's place, map link and people were
below the first screen (under the title, the buttons and the subtitle).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas import domain
from liqa.web.agendas import views as agenda_views
from liqa.web.events.records import event_record
from tests.web.e2e.phone import (
    Phone,
    console_errors,
    page_width,
    published_example,
    shot,
    signed_in,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DELEGATE = "s.lamrani@example.org"
HOST = "a.reyes@example.com"  # Angela Reyes, Houston Municipal Office of Digital Services
PHONES = (Phone(390, 844, scale=3), Phone(360, 740, scale=3))


def _arabic_phone(browser: Any, base: str, phone: Phone) -> Any:
    """A new browser context on ``phone`` (touch, mobile) reading Arabic, signed in as no one."""
    context = browser.new_context(
        viewport={"width": phone.width, "height": phone.height},
        device_scale_factor=phone.scale,
        is_mobile=True,
        has_touch=True,
    )
    context.add_cookies([{"name": "django_language", "value": "ar", "url": base}])
    return context


def _tap(page: Any, selector: str) -> None:
    """Tap ``selector`` and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator(selector).first.tap()


def test_next_meeting_in_two_taps_on_an_arabic_phone(
    browser: Any,
    live_server: Any,
    shots: Path | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    event, _run = published_example("morocco-us-digital-2024", time_limit=5.0)
    accounts.grant(accounts.user_for_email(HOST), event, Role.HOST_ADMIN, organization="h-hou-egov")
    record = event_record(event)
    delegate = next(p for p in record.people if p.email == DELEGATE)
    agenda = domain.agenda_of(event, delegate.id, "ar")
    assert agenda is not None
    # half an hour before the delegate's first site visit of the mission (2024: the
    # agenda's clock is set to then, as a delegate in a Houston lobby reads it)
    visit = next(e for day in agenda.days for e in day.entries if e.kind == "visit")
    monkeypatch.setattr(
        agenda_views, "timezone", SimpleNamespace(now=lambda: visit.start - timedelta(minutes=30))
    )
    folder = shots or tmp_path
    base = live_server.url
    widths: dict[str, int] = {}
    errors: list[str] = []
    for phone in PHONES:
        size = f"{phone.width}x{phone.height}"
        context = _arabic_phone(browser, base, phone)
        page = context.new_page()
        console_errors(page, errors)
        # tap one: the e-mailed link; tap two: its sign-in button
        page.goto(
            base + accounts.issue_link(accounts.user_for_email(DELEGATE), f"/me/{event.slug}/")
        )
        _tap(page, "main form button[type=submit]")
        assert page.url == f"{base}/me/{event.slug}/"
        card = page.locator("#next-meeting")
        shot(folder, f"phone-walk-next-ar-{size}.png", page)
        # what, when (with the zone), where with a map link, with whom: on the first screen
        assert card.locator(".what").inner_text() == (visit.print_title or visit.title)
        assert card.locator(".zone").first.inner_text() == visit.zone
        for part in (".when", ".what", ".where a", "p.who"):
            box = card.locator(part).last.bounding_box()
            assert box is not None
            assert box["y"] + box["height"] <= phone.height, (size, part, box)
        widths[f"agenda {size}"] = page_width(page)
        # "The whole day": the day's agenda, its heading at the top of the screen
        card.locator("#next-day").tap()
        page.wait_for_function("location.hash.startsWith('#day-')")
        day = page.locator(f"#day-{visit.start.date().isoformat()}").bounding_box()
        assert day is not None
        assert 0 <= day["y"] < phone.height / 3
        shot(folder, f"phone-walk-day-ar-{size}.png", page)
        for name, path in (("requests", "requests/"), ("profile", "profile/")):
            page.goto(f"{base}/me/{event.slug}/{path}")
            widths[f"{name} {size}"] = page_width(page)
            shot(folder, f"phone-walk-{name}-ar-{size}.png", page, full_page=True)
        context.close()

        # the host's contact, in Arabic too
        context = _arabic_phone(browser, base, phone)
        page = context.new_page()
        console_errors(page, errors)
        page.goto(base + accounts.issue_link(accounts.user_for_email(HOST), f"/host/{event.slug}/"))
        _tap(page, "main form button[type=submit]")
        assert page.url == f"{base}/host/{event.slug}/"
        widths[f"host {size}"] = page_width(page)
        shot(folder, f"phone-walk-host-ar-{size}.png", page, full_page=True)
        context.close()
    assert widths == {key: int(key.split()[1].split("x")[0]) for key in widths}
    assert errors == []


def test_a_long_e_mail_leaves_the_header_two_rows_on_a_small_phone(
    browser: Any, live_server: Any, shots: Path | None, tmp_path: Path
) -> None:
    """A brokerage participant's long address (mehdi.bekkali@atlas-smart-city.example)
    took a row of its own and broke "Sign out" over two lines: a 360 px header of three
    rows and more, pushing the next meeting down. The address now shrinks beside the brand,
    cut with an ellipsis."""
    event, _run = published_example("brokerage-day", time_limit=2.0)
    email = event_record(event).person("p-mehdi-bekkali").email
    assert len(email) > 35
    heights = {}
    for lang in ("ar", "en"):
        context = signed_in(browser, live_server.url, email, lang, Phone(360, 740, scale=3))
        page = context.new_page()
        page.goto(f"{live_server.url}/me/{event.slug}/")
        shot(shots or tmp_path, f"phone-walk-header-{lang}-360x740.png", page)
        header = page.locator("header.top").bounding_box()
        signout = page.locator(".top button.link").bounding_box()
        assert header is not None
        assert signout is not None
        heights[lang] = (header["height"] <= 2 * 44 + 12, signout["height"] <= 44.5)
        assert page_width(page) == 360
        context.close()
    assert heights == {"ar": (True, True), "en": (True, True)}
