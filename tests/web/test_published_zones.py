"""The publishing summary of a mission across cities names each change's time zone (found
on a desktop walk of the demo mission: "Gulf Coast University — Bayou Innovation Hub,
Tue, Feb 13, 1:21 PM" in Houston and "…, Tue, Feb 20, 9:04 AM" in Silicon Valley, two
hours apart, read alike; the agendas and the grid name the zone)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from tests.web.e2e.phone import ORGANIZER, published_example


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("lang", "zones"), [("fr", {"CST", "PST"}), ("ar", {"CST", "PST"})])
def test_changes_of_a_mission_across_cities_name_their_zone(
    lang: str, zones: set[str], client_for: Callable[[User | None], Client]
) -> None:
    event, run = published_example("morocco-us-digital-2024", 1.0)
    assert run.result is not None
    client = client_for(accounts.user_for_email(ORGANIZER))
    url = f"/organize/{event.slug}/versions/{run.result.number}/published/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    tags = [  # as read: the names and zones isolated in Arabic (<bdi>) count as text
        re.sub(r"</?bdi[^>]*>", "", tag)
        for tag in re.findall(r'<span class="tag" data-key="[^"]+">(.*?)</span>', page)
    ]
    assert tags
    endings = {tag.rsplit(" ", 1)[-1] for tag in tags}
    assert endings == zones
