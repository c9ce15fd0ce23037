"""The demo loader the lead's ``liqa demo`` calls: import, plan, publish, sign-in links."""

from __future__ import annotations

import pytest
from django.test import Client

from liqa.web.demo import load_demo
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.factories import DEMO


@pytest.mark.django_db
def test_load_demo_plans_publishes_and_links_work() -> None:
    links = load_demo(DEMO, time_limit=1.0, base_url="http://testserver")
    assert sorted(links) == ["delegate", "organizer", "public"]
    published = ScheduleVersion.objects.get(event__slug="morocco-us-digital-2024")
    assert (published.number, published.published) == (1, True)
    organizer = Client()
    organizer.post(links["organizer"].removeprefix("http://testserver"))
    assert organizer.get("/organize/morocco-us-digital-2024/").status_code == 200
    delegate = Client()
    response = delegate.post(links["delegate"].removeprefix("http://testserver"))
    assert response["Location"] == "/me/morocco-us-digital-2024/"
    assert 'data-id="prog-briefing"' in delegate.get(response["Location"]).content.decode()
