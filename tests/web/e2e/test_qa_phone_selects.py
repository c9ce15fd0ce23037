"""Pick-lists of people on a 360 × 780 phone in Arabic: a Latin name reads from its start.

Found by a QA pass: the history page's person filter, once a Latin name was chosen, showed
the name's end and cut its start ("…Martin"), the select taking the Arabic page's direction
(its first option, "Everyone", is Arabic, so the select's ``dir=auto`` would not help, and
``unicode-bidi: plaintext`` has no effect on a select in Chromium). Each option now takes
the direction of its own text (``dir=auto``), which Chromium gives the closed select when
the option is selected. The requests page's "With" list had the same flaw.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True}
SELECTED = "(s => getComputedStyle(s.options[s.selectedIndex]).direction)"


@pytest.fixture
def chromium(browser: Any) -> Iterator[Any]:
    """The module's headless Chromium; connections opened under its loop closed after."""
    yield browser
    connections.close_all()


def _phone(chromium: Any, base: str, user: User, lang: str) -> Any:
    client = Client()
    client.force_login(user)
    context = chromium.new_context(**PHONE)
    cookies = {"sessionid": client.cookies["sessionid"].value, "django_language": lang}
    context.add_cookies([{"name": n, "value": v, "url": base} for n, v in cookies.items()])
    return context


def _shot(page: Any, selector: str, name: str) -> None:
    """A picture of the select for the QA record (``LIQA_SCREENSHOTS``), else none."""
    folder = os.environ.get("LIQA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.locator(selector).screenshot(path=str(Path(folder) / name))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_person_selects_read_a_latin_name_from_its_start(
    lang: str, organizer: User, event: Event, live_server: Any, chromium: Any
) -> None:
    context = _phone(chromium, live_server.url, organizer, lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/history/?person=p-bruno")
    chosen = page.eval_on_selector("#person", SELECTED)
    everyone = page.eval_on_selector("#person", "s => getComputedStyle(s.options[0]).direction")
    _shot(page, "#history-filter", f"history-person-{lang}.png")
    context.close()

    context = _phone(chromium, live_server.url, accounts.user_for_email("amina@example.org"), lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/me/{event.slug}/requests/")
    target = page.eval_on_selector("#target", SELECTED)
    _shot(page, "#target", f"requests-target-{lang}.png")
    context.close()
    assert (chosen, everyone, target) == ("ltr", "rtl" if lang == "ar" else "ltr", "ltr")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_grid_gives_a_meetings_time_its_own_line(
    lang: str,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    live_server: Any,
    chromium: Any,
) -> None:
    """In Arabic the time sat on the title's line (the right-to-left style made it an
    inline block to keep it left-to-right); English gives it its own line."""
    context = _phone(chromium, live_server.url, organizer, lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{draft.number}/")
    meeting = page.locator(".grid .meeting").first
    time, what = meeting.locator(".time").bounding_box(), meeting.locator(".what").bounding_box()
    _shot(page, ".grid .meeting >> nth=0", f"grid-meeting-{lang}.png")
    context.close()
    assert time is not None
    assert what is not None
    assert what["y"] > time["y"] + time["height"] / 2  # below the time's line, not beside it
