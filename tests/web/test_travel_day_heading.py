"""A travel day's heading names both legs and both zones, as an itinerary does.

On 16 February of the demo mission the delegation flies from Houston to Silicon Valley: the
morning's entries are on Houston's clock (CST), the afternoon's on California's (PST), but
the day was headed "Silicon Valley (Pacific Standard Time)" on the agenda page and the PDF.
"""

from __future__ import annotations

import html
from datetime import date

import pytest

from liqa.core.outputs.agenda import Day
from liqa.core.templating import render
from liqa.web.agendas import domain
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from tests.web.e2e.phone import published_example
from tests.web.test_profile_place_clock import signed_in

DELEGATE = "s.lamrani@example.org"
TRAVEL = date(2024, 2, 16)


@pytest.fixture
def mission(db: None) -> Event:
    """The demo mission, planned and published."""
    event, _run = published_example("morocco-us-digital-2024", time_limit=3.0)
    return event


def _travel_day(event: Event, lang: str) -> Day:
    person = next(p.id for p in event_record(event).people if p.email == DELEGATE)
    agenda = domain.agenda_of(event, person, lang)
    assert agenda is not None
    return next(d for d in agenda.days if d.day == TRAVEL)


EXPECTED = {
    "en": ("Houston → Silicon Valley", "CST → PST"),
    "fr": ("Houston → Silicon Valley", "CST → PST"),
    "ar": ("هيوستن ← وادي السيليكون", "\u2066CST → PST\u2069"),
}


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_travel_day_is_headed_by_both_legs_and_zones(mission: Event, lang: str) -> None:
    day = _travel_day(mission, lang)
    assert (day.city, day.zone_name) == EXPECTED[lang]


def test_a_day_in_one_zone_keeps_its_zones_full_name(mission: Event) -> None:
    person = next(p.id for p in event_record(mission).people if p.email == DELEGATE)
    agenda = domain.agenda_of(mission, person, "en")
    assert agenda is not None
    others = {(d.city, d.zone_name) for d in agenda.days if d.day != TRAVEL}
    assert others <= {
        ("Houston", "Central Standard Time"),
        ("Silicon Valley", "Pacific Standard Time"),
    }


def test_the_agenda_page_and_the_pdf_heading_say_both(mission: Event) -> None:
    client = signed_in(DELEGATE)
    client.cookies["django_language"] = "en"
    page = html.unescape(client.get(f"/me/{mission.slug}/").content.decode())
    heading = page.split(f'id="day-{TRAVEL.isoformat()}">', 1)[1].split("</h2>", 1)[0]
    assert "Houston → Silicon Valley" in heading
    assert "(CST → PST)" in heading
    person = next(p.id for p in event_record(mission).people if p.email == DELEGATE)
    agenda = domain.agenda_of(mission, person, "en")
    printed = html.unescape(render("agenda.html", "en", inline_css="", agenda=agenda))
    assert 'Houston → Silicon Valley <span class="zone">(CST → PST)</span>' in printed
