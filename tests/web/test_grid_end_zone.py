"""The organizer's people × days grid gives each end on the clock of where it ends: the
demo mission's flight leaves Houston at 9:05 CST and lands in San José at 11:20 PST (it
read "9:05 AM–1:20 PM CST", the landing on the departure's clock); a meeting that starts
and ends in one zone names it once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.records import store_schedule

pytestmark = pytest.mark.django_db


def _cell(page: str, key: str) -> str:
    """The time span of the first cell of meeting ``key``, tags and spacing removed."""
    found = re.search(
        rf'data-key="{re.escape(key)}">\s*<span class="time">(.*?)</span>', page, re.S
    )
    assert found, key
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).replace("\u202f", " ").split())


@pytest.mark.parametrize(
    ("lang", "flight", "same_zone"),
    [
        ("en", "9:05 AM CST–11:20 AM PST", r"\d{1,2}:\d\d [AP]M–\d{1,2}:\d\d [AP]M [CP]ST"),
        ("fr", "09:05 CST–11:20 PST", r"\d\d:\d\d–\d\d:\d\d [CP]ST"),
    ],
)
def test_the_flight_ends_on_the_clock_of_where_it_lands(
    mission: Event, lang: str, flight: str, same_zone: str
) -> None:
    outcome = plan_event(event_record(mission), PlanSettings(time_limit=1.0))
    version = store_schedule(mission, outcome.schedule)
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = Client()
    client.force_login(organizer)
    answer = client.get(
        f"/organize/{mission.slug}/versions/{version.number}/", HTTP_ACCEPT_LANGUAGE=lang
    )
    assert answer.status_code == 200
    page = answer.content.decode()
    assert _cell(page, "prog-flight") == flight
    visit = next(a.id for a in outcome.schedule.assignments if a.id.startswith("vis-"))
    assert re.fullmatch(same_zone, _cell(page, visit))
