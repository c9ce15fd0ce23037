"""What the phone tests of ``tests/web/e2e`` share: the phones, a signed-in phone context,
screenshots for the QA record, console errors, tap sizes and a published demo schedule.

The browser itself is the ``browser`` fixture of ``conftest.py`` (``chromium`` when the test
also closes the database connections Playwright's loop opened); screenshots go where the
``shots`` fixture says (``LIQA_SCREENSHOTS``), or nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, FloatRect, Locator, Page

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Run, RunState
from liqa.web.scheduling.services import start_run

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ORGANIZER = "organizer@example.org"
SCROLL_WIDTH = "document.scrollingElement.scrollWidth"


@dataclass(frozen=True)
class Phone:
    """A phone's screen in CSS px, touch and mobile; ``scale`` is its device pixel ratio
    (``None``: Playwright's default)."""

    width: int
    height: int
    scale: float | None = None


IPHONE = Phone(390, 844)  # a 390 × 844 phone (iPhone 12 to 14)
IPHONE_2X = Phone(390, 844, scale=2)  # the same at two device pixels a CSS px
SMALL = Phone(360, 780)  # a 360 × 780 phone (a small Android)


def signed_in(
    browser: Browser, base: str, user: User | str, lang: str, phone: Phone = IPHONE
) -> BrowserContext:
    """A new context on ``phone`` signed in as ``user`` (or the user of that e-mail) and
    reading ``lang``: the Django test client signs in, and its session cookie and the
    language cookie are copied into the context for the live server at ``base``."""
    if isinstance(user, str):
        user = accounts.user_for_email(user)
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        viewport={"width": phone.width, "height": phone.height},
        device_scale_factor=phone.scale,
        is_mobile=True,
        has_touch=True,
    )
    context.add_cookies(
        [
            {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base},
            {"name": "django_language", "value": lang, "url": base},
        ]
    )
    return context


def shot(shots: Path | None, name: str, what: Page | Locator, *, full_page: bool = False) -> None:
    """A picture of the page or element ``what`` as ``name`` in ``shots`` (the fixture's
    ``LIQA_SCREENSHOTS`` folder) for the QA record, else none."""
    if shots is None:
        return
    path = str(shots / name)
    if isinstance(what, Locator):
        what.screenshot(path=path)
    else:
        what.screenshot(path=path, full_page=full_page)


def console_errors(page: Page, errors: list[str] | None = None) -> list[str]:
    """The list (``errors``, or a new one) that each console error of ``page`` is added to."""
    found = [] if errors is None else errors
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    return found


def page_width(page: Page) -> int:
    """How wide the page's content is, in CSS px (wider than the screen: it scrolls sideways)."""
    return int(page.evaluate(SCROLL_WIDTH))


def boxes(page: Page, selector: str) -> list[FloatRect]:
    """The boxes of the elements ``selector`` matches that are laid out (hidden ones have none)."""
    return [b for b in (e.bounding_box() for e in page.locator(selector).all()) if b]


def too_small(page: Page, selectors: list[str], minimum: float) -> list[str]:
    """Each selector's elements smaller than ``minimum`` CSS px either way, with their size
    (half a pixel of rounding allowed); a selector that matches nothing fails the test."""
    small = []
    for selector in selectors:
        found = boxes(page, selector)
        assert found, f"nothing matches {selector}"
        small += [
            f"{selector} {b['width']:.0f}×{b['height']:.0f}"
            for b in found
            if min(b["width"], b["height"]) < minimum - 0.5
        ]
    return small


def published_example(example: str, time_limit: float) -> tuple[Event, Run]:
    """The example mission ``examples/<example>/mission.yaml`` imported, its organizer
    (``organizer@example.org``) granted, everyone enrolled, planned within ``time_limit``
    seconds and the result published (without notifying anyone)."""
    mission = EXAMPLES / example / "mission.yaml"
    event = import_mission_file(mission.read_bytes(), "mission.yaml")
    organizer = accounts.user_for_email(ORGANIZER)
    accounts.grant(organizer, event, Role.ORGANIZER)
    accounts.enrol_everyone(event)
    run = start_run(event, organizer, time_limit=time_limit)
    run.refresh_from_db()
    assert run.state == RunState.DONE, run.message
    assert run.result is not None
    publishing.publish(run.result, notify=False)
    return event, run
