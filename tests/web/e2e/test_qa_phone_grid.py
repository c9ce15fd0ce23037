"""The organizer's grid on a 360 × 780 phone in Arabic, with a meeting's *Move* form open.

Found by a phone QA pass: the form's table number took the width of twenty letters of the
Arabic font (350 px), so opening *Move* widened the grid past the screen and cut every
meeting at its end; the number is now sized by its digits.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def chromium(browser: Any) -> Iterator[Any]:
    """The module's headless Chromium; connections opened under its loop closed after."""
    yield browser
    connections.close_all()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_grid_with_a_move_form_open_fits_a_phone(
    lang: str,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    live_server: Any,
    chromium: Any,
) -> None:
    client = Client()
    client.force_login(organizer)
    context = chromium.new_context(**PHONE)
    cookies = {"sessionid": client.cookies["sessionid"].value, "django_language": lang}
    context.add_cookies(
        [{"name": n, "value": v, "url": live_server.url} for n, v in cookies.items()]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{draft.number}/")
    page.locator("details.move summary").first.click()
    widths = page.evaluate(
        "(() => { const w = document.querySelector('.grid-wrap');"
        " return [w.querySelector('table').scrollWidth, w.clientWidth]; })()"
    )
    context.close()
    table, room = widths
    assert table <= room
