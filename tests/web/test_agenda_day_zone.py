"""An agenda day's heading sets the zone's name apart from the city (found on a desktop walk
of the demo mission in French: "dimanche 11 février 2024 · Houston heure normale du centre
nord-américain" read as one run of words, and so did a screen reader)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("fr", "jeudi 14 mars 2030 · Tunis (heure normale d’Europe centrale)"),
        ("en", "Thursday, March 14, 2030 · Tunis (Central European Standard Time)"),
    ],
)
def test_day_heading_puts_the_zone_in_parentheses(
    lang: str,
    heading: str,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
) -> None:
    publish(draft, notify=False)
    client = client_for(person_user("amina@example.org"))
    page = client.get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    found = re.search(r'<h2 class="day" id="day-2030-03-14">(.*?)</h2>', page)
    assert found is not None
    assert re.sub(r"<[^>]+>", "", found.group(1)) == heading
