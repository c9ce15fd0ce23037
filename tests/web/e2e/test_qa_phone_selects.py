"""Pick-lists of people on a 360 × 780 phone in Arabic: a Latin name reads from its start.

Found by a QA pass: the history page's person filter, once a Latin name was chosen, showed
the name's end and cut its start ("…Martin"), the select taking the Arabic page's direction
(its first option, "Everyone", is Arabic, so the select's ``dir=auto`` would not help, and
``unicode-bidi: plaintext`` has no effect on a select in Chromium). Each option now takes
the direction of its own text (``dir=auto``), which Chromium gives the closed select when
the option is selected. The requests page's "With" list had the same flaw.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.e2e.phone import SMALL, shot, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SELECTED = "(s => getComputedStyle(s.options[s.selectedIndex]).direction)"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_person_selects_read_a_latin_name_from_its_start(
    lang: str,
    organizer: User,
    event: Event,
    live_server: Any,
    chromium: Any,
    shots: Path | None,
) -> None:
    context = signed_in(chromium, live_server.url, organizer, lang, SMALL)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/history/?person=p-bruno")
    chosen = page.eval_on_selector("#person", SELECTED)
    everyone = page.eval_on_selector("#person", "s => getComputedStyle(s.options[0]).direction")
    shot(shots, f"history-person-{lang}.png", page.locator("#history-filter"))
    context.close()

    context = signed_in(chromium, live_server.url, "amina@example.org", lang, SMALL)
    page = context.new_page()
    page.goto(f"{live_server.url}/me/{event.slug}/requests/")
    target = page.eval_on_selector("#target", SELECTED)
    shot(shots, f"requests-target-{lang}.png", page.locator("#target"))
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
    shots: Path | None,
) -> None:
    """In Arabic the time sat on the title's line (the right-to-left style made it an
    inline block to keep it left-to-right); English gives it its own line."""
    context = signed_in(chromium, live_server.url, organizer, lang, SMALL)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{draft.number}/")
    meeting = page.locator(".grid .meeting").first
    time, what = meeting.locator(".time").bounding_box(), meeting.locator(".what").bounding_box()
    shot(shots, f"grid-meeting-{lang}.png", page.locator(".grid .meeting >> nth=0"))
    context.close()
    assert time is not None
    assert what is not None
    assert what["y"] > time["y"] + time["height"] / 2  # below the time's line, not beside it
