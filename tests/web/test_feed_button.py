"""The agenda page offers to revoke the calendar feed exactly while the participant has one."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from liqa.web.agendas.services import create_feed, has_feed, revoke_feeds
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user

REVOKE = 'value="revoke"'


def test_the_revoke_button_follows_the_live_feed(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    amina = client_for(person_user("amina@example.org"))
    url = f"/me/{event.slug}/"
    shown = [REVOKE in amina.get(url).text]
    create_feed(event, "p-amina")
    shown.append(REVOKE in amina.get(url).text)
    live = [has_feed(event, "p-amina"), has_feed(event, "p-bruno")]
    revoke_feeds(event, "p-amina")
    shown.append(REVOKE in amina.get(url).text)
    assert (shown, live) == ([False, True, False], [True, False])
