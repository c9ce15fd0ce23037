"""H2's phone walk (390 × 844, Arabic, French and English): the signed-in address in the page
header and the expired sign-in link page.

- The header cut a long address with an ellipsis (mehdi.bekkali@atlas-smart-c…): the
  domain, which tells two accounts apart, was hidden. It is shown whole, on as many lines
  as it needs, breaking before "@" and the dots, never scrolling sideways.
- The host's page, as its administrator reads it on a phone: the address whole in the
  header, the settings card headed by what it is (it repeated the visits' title).
- "Get a new sign-in link" on the expired link page was a link one line of text high
  (24 px): it is a button-sized target, 44 × 44 px and more.

Run: ``LIQA_SCREENSHOTS=/tmp/shots uv run pytest tests/web/e2e/test_h2_phone_header_link.py -m e2e``
(pictures ``h2-*.png``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.records import event_record
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.e2e.phone import IPHONE, page_width, published_example, shot, signed_in
from tests.web.e2e.test_accessibility import anonymous
from tests.web.factories import DEMO
from tests.web.test_h2_host_page_and_mail import HOST, HOST_EMAIL
from tests.web.test_published_staleness_mission import demo_schedule

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ar", "fr", "en")


def _phone_page(browser: Any, base: str, email: str, lang: str, path: str) -> tuple[Any, Any]:
    """A 390 × 844 phone signed in as ``email`` reading ``lang``, and its page at ``path``."""
    context = signed_in(browser, base, email, lang, IPHONE)
    page = context.new_page()
    page.goto(base + path)
    return context, page


def test_the_header_shows_a_long_address_whole_on_a_phone(
    chromium: Any, live_server: Any, shots: Path | None, tmp_path: Path
) -> None:
    event, _run = published_example("brokerage-day", time_limit=2.0)
    email = event_record(event).person("p-mehdi-bekkali").email
    assert email == "mehdi.bekkali@atlas-smart-city.example"
    found = {}
    for lang in LANGUAGES:
        context, page = _phone_page(chromium, live_server.url, email, lang, f"/me/{event.slug}/")
        shot(shots or tmp_path, f"h2-header-{lang}.png", page)
        who = page.locator("header.top .who")
        size = who.evaluate("e => [e.scrollWidth, e.clientWidth]")
        box = who.bounding_box()
        assert box is not None
        lines = who.evaluate(
            "e => { const r = document.createRange(); r.selectNodeContents(e);"
            " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }"
        )
        found[lang] = {
            "text": who.inner_text().replace("\n", ""),
            "fits": size[0] <= size[1],  # nothing cut: scrollWidth ≤ clientWidth
            "on screen": box["x"] >= 0 and box["x"] + box["width"] <= IPHONE.width + 0.5,
            "page width": page_width(page),
            "lines": lines > 1,  # it wraps rather than shrink out of sight
            # each line starts at the address's start, "@" or a dot: never inside a name
            "breaks": who.evaluate(
                "e => { const r = document.createRange(), starts = [];"
                " const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);"
                " let top = null; for (let n = w.nextNode(); n; n = w.nextNode()) {"
                " for (let i = 0; i < n.length; i++) { r.setStart(n, i); r.setEnd(n, i + 1);"
                " const y = Math.round(r.getBoundingClientRect().top);"
                " if (y !== top) { starts.push(n.data[i]); top = y; } } } return starts; }"
            ),
        }
        context.close()
    for lang in LANGUAGES:
        assert found[lang]["text"] == email, (lang, found[lang])
        assert found[lang]["fits"], (lang, found[lang])
        assert found[lang]["on screen"], (lang, found[lang])
        assert found[lang]["page width"] == IPHONE.width, (lang, found[lang])
        assert found[lang]["lines"], (lang, found[lang])
        starts = found[lang]["breaks"]
        assert isinstance(starts, list)
        assert starts[0] == "m", (lang, starts)
        assert set(starts[1:]) <= {"@", "."}, (lang, starts)


def test_the_expired_link_page_offers_a_button_sized_new_link(
    chromium: Any, live_server: Any, shots: Path | None, tmp_path: Path
) -> None:
    sizes = {}
    for lang in LANGUAGES:
        context = anonymous(chromium, live_server.url, lang, IPHONE)
        page = context.new_page()
        answer = page.goto(f"{live_server.url}/accounts/link/no-such-link/")
        assert answer is not None
        assert answer.status == 410
        target = page.locator('main a[href="/accounts/signin/"]')
        box = target.bounding_box()
        assert box is not None
        shot(shots or tmp_path, f"h2-expired-link-{lang}.png", page)
        sizes[lang] = (round(box["width"]), round(box["height"]))
        assert page_width(page) == IPHONE.width
        context.close()
    assert all(min(size) >= 44 for size in sizes.values()), sizes


def test_the_host_page_on_a_phone_shows_the_address_and_the_settings_heading(
    chromium: Any, live_server: Any, shots: Path | None, tmp_path: Path
) -> None:
    event = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    publish(store_schedule(event, demo_schedule()), notify=False)
    accounts.grant(accounts.user_for_email(HOST_EMAIL), event, Role.HOST_ADMIN, organization=HOST)
    seen = {}
    for lang in LANGUAGES:
        context, page = _phone_page(
            chromium, live_server.url, HOST_EMAIL, lang, f"/host/{event.slug}/"
        )
        shot(shots or tmp_path, f"h2-host-{lang}.png", page)
        card = page.locator("#host-settings")
        card.scroll_into_view_if_needed()
        shot(shots or tmp_path, f"h2-host-settings-{lang}.png", card)
        who = page.locator("header.top .who")
        titles = set(page.locator("#coming .entry strong").all_inner_texts())
        heading = card.locator("h2").inner_text()
        seen[lang] = (
            who.inner_text().replace("\n", ""),
            who.evaluate("e => e.scrollWidth <= e.clientWidth"),
            heading in titles,
            bool(titles),
            page_width(page),
        )
        context.close()
    assert seen == dict.fromkeys(LANGUAGES, (HOST_EMAIL, True, False, True, IPHONE.width))
