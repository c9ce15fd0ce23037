"""The organizer's grid on a 360 × 780 phone in Arabic, with a meeting's *Move* form open.

Found by a phone QA pass: the form's table number took the width of twenty letters of the
Arabic font (350 px), so opening *Move* widened the grid past the screen and cut every
meeting at its end; the number is now sized by its digits.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.e2e.phone import SMALL, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_grid_with_a_move_form_open_fits_a_phone(
    lang: str,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    live_server: Any,
    chromium: Any,
) -> None:
    context = signed_in(chromium, live_server.url, organizer, lang, SMALL)
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
