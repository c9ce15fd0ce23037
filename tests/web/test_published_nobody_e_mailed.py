"""The published page says in words why nobody was e-mailed (it read "E-mailed 0
participants."): nobody concerned has an address, or the mail host failed."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, Person
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import ScheduleVersion

DOWN = "tests.web.test_publishing_notifications.NoServer"


def _use(settings: pytest.FixtureRequest, backend: str) -> None:
    """Send the e-mails through ``backend`` from now on."""
    settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": {}}}  # type: ignore[attr-defined]


def _told(client: Client, event: Event, lang: str = "en") -> str:
    """The published page's sentences about the e-mails, as read."""
    url = f"/organize/{event.slug}/versions/1/published/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    found = re.search(r'<p id="told-counts">(.*?)</p>', page)
    assert found is not None, page
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_nobody_with_an_address_is_said_so_by_name(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    Person.objects.filter(event=event).update(email="")
    accounts.enrol_everyone(event)
    publishing.publish(draft)
    assert _told(client_for(organizer), event) == (
        "Nobody was e-mailed: none of the 3 participants whose agendas changed has an e-mail "
        "address (Amina Idrissi, Bruno Martin, Chen Li)."
    )


def test_a_mail_host_that_is_down_is_not_e_mailed_0_participants(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
    settings: pytest.FixtureRequest,
) -> None:
    _use(settings, DOWN)
    publishing.publish(draft)
    told = _told(client_for(organizer), event)
    assert told.startswith("Nobody was e-mailed yet. 1 e-mail could not be sent: Amina Idrissi.")
    assert "0" not in told
