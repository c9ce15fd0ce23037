"""An agenda day's heading sets the zone's name apart from the city (found on a desktop walk
of the demo mission in French: "dimanche 11 février 2024 · Houston heure normale du centre
nord-américain" read as one run of words, and so did a screen reader)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
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


def test_arabic_day_heading_isolates_a_latin_city_and_names_the_zone_in_arabic(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A city the catalog does not translate stays Latin: isolated, so that its punctuation
    and the zone's parenthesis keep their places in the right-to-left heading."""
    publish(draft, notify=False)
    client = client_for(person_user("amina@example.org"))
    page = client.get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    found = re.search(r'<h2 class="day" id="day-2030-03-14">(.*?)</h2>', page)
    assert found is not None
    assert found.group(1) == (
        'الخميس، 14 مارس 2030 · <bdi class="ltr">Tunis</bdi> '
        '<small class="zone">(توقيت وسط أوروبا الرسمي)</small>'
    )


def test_an_itinerary_days_heading_names_its_zone_in_arabic_never_by_its_id(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    schedule = plan_event(event_record(mission), PlanSettings(time_limit=1.0)).schedule
    publish(store_schedule(mission, schedule), notify=False)
    accounts.enrol_everyone(mission)
    client = client_for(person_user("s.lamrani@example.org"))
    page = client.get(f"/me/{mission.slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    headings = re.findall(r'<h2 class="day" id="day-([0-9-]+)">(.*?)</h2>', page)
    by_day = {day: re.sub(r"<[^>]+>", "", text) for day, text in headings}
    assert by_day["2024-02-12"] == (
        "الاثنين، 12 فبراير 2024 · هيوستن (التوقيت الرسمي المركزي لأمريكا الشمالية)"
    )
    assert by_day["2024-02-17"].endswith("· وادي السيليكون (توقيت المحيط الهادي الرسمي)")
    assert not [text for text in by_day.values() if "/" in text or "America" in text]


def test_the_arabic_host_pages_day_heading_isolates_a_latin_city(
    host_admin: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    page = client_for(host_admin).get(f"/host/{event.slug}/", HTTP_ACCEPT_LANGUAGE="ar").text
    assert re.findall(r'<h3 class="day">(.*?)</h3>', page) == [
        'الخميس، 14 مارس 2030 · <bdi class="ltr">Tunis</bdi>'
    ]
