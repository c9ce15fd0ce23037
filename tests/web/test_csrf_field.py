"""A page's forms share one masked CSRF token, and the token is still required."""

from __future__ import annotations

import re

from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_the_agenda_page_forms_share_one_token_that_a_post_needs(
    event: Event, draft: ScheduleVersion
) -> None:
    publish(draft, notify=False)
    client = Client(enforce_csrf_checks=True)
    client.force_login(person_user("amina@example.org"))
    page = client.get(f"/me/{event.slug}/").text
    tokens = TOKEN.findall(page)
    other = TOKEN.findall(client.get(f"/me/{event.slug}/").text)
    url = f"/me/{event.slug}/feed/"
    refused = client.post(url, {"action": "create"})
    accepted = client.post(url, {"action": "create", "csrfmiddlewaretoken": tokens[0]})
    assert (len(tokens) >= 3, len(set(tokens)), other[0] != tokens[0]) == (True, 1, True)
    assert (refused.status_code, accepted.status_code) == (403, 302)
