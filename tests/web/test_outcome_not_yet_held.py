"""A meeting that has not started cannot be recorded as held or as a no-show (found walking
the app: the follow-ups page took "held" on 1 December for a meeting on the 3rd, and the
report counted it). A cancellation may be recorded before; nothing stored changes when
refused, and each way in says why."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient

from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import api_client_for, person_user

FORM = {"assignment": "r-2", "kind": "held", "follow_up": "mou", "notes": "Draft MoU"}
"""Chen's meeting r-2 of the test event (14 March 2030: not started when the tests run)."""
TOLD = "This meeting has not started yet: record it as held or as a no-show once it has"


def test_the_organizers_page_refuses_held_before_the_meeting_and_keeps_nothing(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    boss = client_for(organizer)
    url = f"/organize/{event.slug}/follow-ups/"
    page = boss.get(url).content.decode()
    row = re.search(r'<tr data-id="r-2" id="outcome-r-2">(.*?)</tr>', page, re.S)
    assert row is not None
    assert "To record once it has started" in row.group(1)
    assert 'name="kind"' not in row.group(1)  # no form that would be refused
    refused = boss.post(url, FORM)
    assert refused.status_code == 400
    assert TOLD in refused.content.decode()
    assert not Outcome.objects.filter(event=event).exists()


def test_a_participant_and_the_api_are_refused_too_but_may_record_a_cancellation(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    chen = client_for(person_user("chen@example.org"))
    answer = chen.post(f"/me/{event.slug}/outcome/", {**FORM, "kind": "no_show"})
    assert (answer.status_code, answer.content.decode()) == (400, TOLD + "; nothing was saved.")
    api: APIClient = api_client_for(person_user("chen@example.org"))
    url = f"/api/events/{event.slug}/outcomes/"
    early = api.post(url, {"assignment": "r-2", "kind": "held"}, format="json")
    assert early.status_code == 400
    assert "not held yet" in early.json()["kind"][0]
    assert not Outcome.objects.filter(event=event).exists()
    cancelled = api.post(url, {"assignment": "r-2", "kind": "cancelled"}, format="json")
    assert cancelled.status_code == 201
    assert Outcome.objects.get(event=event).kind == "cancelled"


@pytest.mark.usefixtures("after_the_day")
def test_once_the_meeting_has_taken_place_it_is_recorded(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    boss = client_for(organizer)
    url = f"/organize/{event.slug}/follow-ups/"
    assert "To record once it has started" not in boss.get(url).content.decode()
    assert boss.post(url, FORM).status_code == 302
    assert Outcome.objects.get(event=event).kind == "held"
