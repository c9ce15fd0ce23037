"""A Moroccan delegate of the demo mission on a 360 × 740 and a 412 × 915 phone, in ar, fr
and en (H4's walk): what only a browser shows.

Found by the walk: the calendar feed's private address, shown once to copy, ran 673 px
wide on a 360 px phone (the page scrolled sideways and the address was cut); the profile's
check boxes with their words were 34-37 px high to tap; and at lunch the visit after it was
below the "Now" card's "The whole day" link and a scroll (tests/web/test_delegate_journey.py
checks the page; here, that it is on the first screen). In French and English the map link
("Plan", "Map"), narrower than its 44 px tap box, stood centred in it: a wide gap after
"·", and indented under the place when it wrapped.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from liqa.web.accounts import services as accounts
from liqa.web.agendas import domain
from liqa.web.agendas import views as agenda_views
from liqa.web.events.records import event_record
from liqa.web.events.services import import_mission_file
from tests.web.e2e.phone import EXAMPLES, Phone, boxes, page_width, published_example, shot
from tests.web.e2e.phone import signed_in as phone_signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DELEGATE = "s.lamrani@example.org"
PHONES = (Phone(360, 740, scale=2), Phone(412, 915, scale=2))
INDENT = """() => Math.max(...[...document.querySelectorAll('.where a')].map(a => {
  const box = a.getBoundingClientRect(), range = document.createRange();
  range.selectNodeContents(a);
  const text = range.getBoundingClientRect();
  return getComputedStyle(a).direction === 'rtl' ? box.right - text.right : text.left - box.left;
}))"""
"""How far in from its box's start the widest-set map link's word begins, in CSS px."""
LANGUAGES = ("ar", "fr", "en")


def test_the_feed_address_and_the_profile_fit_a_phone(
    browser: Any, live_server: Any, shots: Path | None, tmp_path: Path
) -> None:
    mission = EXAMPLES / "morocco-us-digital-2024" / "mission.yaml"
    event = import_mission_file(mission.read_bytes(), "mission.yaml")
    accounts.enrol_everyone(event)
    found: dict[str, tuple[int, float, float]] = {}
    for phone in PHONES:
        for lang in LANGUAGES:
            size = f"{phone.width}x{phone.height}"
            context = phone_signed_in(browser, live_server.url, DELEGATE, lang, phone)
            page = context.new_page()
            page.goto(f"{live_server.url}/me/{event.slug}/")
            with page.expect_navigation():
                page.locator("#feed button[value=create]").tap()
            address = page.locator("#feed-url").bounding_box()
            assert address is not None
            shot(shots or tmp_path, f"delegate-feed-{lang}-{size}.png", page.locator("#feed"))
            width = page_width(page)
            page.goto(f"{live_server.url}/me/{event.slug}/profile/")
            labels = boxes(page, "#profile label.check")
            shot(shots or tmp_path, f"delegate-profile-{lang}-{size}.png", page, full_page=True)
            found[f"{lang} {size}"] = (
                width,
                address["x"] + address["width"] <= phone.width,
                min(b["height"] for b in labels) >= 44 - 0.5,
            )
            context.close()
    assert found == {
        f"{lang} {p.width}x{p.height}": (p.width, True, True) for p in PHONES for lang in LANGUAGES
    }


def test_at_lunch_the_next_visit_is_on_the_first_screen(
    browser: Any,
    live_server: Any,
    shots: Path | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    event, _run = published_example("morocco-us-digital-2024", time_limit=3.0)
    person = next(p.id for p in event_record(event).people if p.email == DELEGATE)
    agenda = domain.agenda_of(event, person, "en")
    assert agenda is not None
    lunch, visit = next(
        (a, b)
        for day in agenda.days
        for a, b in zip(day.entries, day.entries[1:], strict=False)
        if a.id.startswith("lunch") and b.kind == "visit"
    )
    at = lunch.start + timedelta(minutes=10)
    monkeypatch.setattr(agenda_views, "timezone", SimpleNamespace(now=lambda: at))
    phone = PHONES[0]
    bottoms: dict[str, bool] = {}
    for lang in LANGUAGES:
        context = phone_signed_in(browser, live_server.url, DELEGATE, lang, phone)
        page = context.new_page()
        page.goto(f"{live_server.url}/me/{event.slug}/")
        shot(shots or tmp_path, f"delegate-lunch-{lang}-360x740.png", page)
        card = page.locator("#then-meeting")
        assert card.count() == 1
        assert visit.zones in card.locator(".when .zone").inner_text()
        for part in (".when", ".what"):
            box = card.locator(part).bounding_box()
            assert box is not None
            bottoms[f"{lang} {part}"] = box["y"] + box["height"] <= phone.height
        # the map link's word starts where the link does: "Plan" (narrower than its 44 px
        # tap box) stood centred in it, a gap after "·" and indented when it wrapped
        bottoms[f"{lang} map"] = page.evaluate(INDENT) < 1
        context.close()
    parts = (".when", ".what", "map")
    assert bottoms == {f"{lang} {part}": True for lang in LANGUAGES for part in parts}
