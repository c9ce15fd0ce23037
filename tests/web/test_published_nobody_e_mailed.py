"""The published page says in words why nobody was e-mailed (it read "E-mailed 0
participants."): nobody concerned has an address, the mail host failed, or e-mail is not
set up on the server (its messages printed or dropped, never delivered)."""

from __future__ import annotations

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, Person
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.factories import NO_SERVER as DOWN
from tests.web.factories import told_counts as _told
from tests.web.factories import use_mailer as _use

CONSOLE = "django.core.mail.backends.console.EmailBackend"
DUMMY = "django.core.mail.backends.dummy.EmailBackend"


def test_nobody_with_an_address_is_said_so_by_name(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    Person.objects.filter(event=event).update(email="")
    accounts.enrol_everyone(event)
    publishing.publish(draft)
    assert _told(organizer_client, event) == (
        "Nobody was e-mailed: none of the 3 participants whose agendas changed has an e-mail "
        "address (Amina Idrissi, Bruno Martin, Chen Li)."
    )


def test_a_mail_host_that_is_down_is_not_e_mailed_0_participants(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    _use(settings, DOWN)
    publishing.publish(draft)
    told = _told(organizer_client, event)
    assert told.startswith("Nobody was e-mailed yet. 1 e-mail could not be sent: Amina Idrissi.")
    assert "0" not in told


@pytest.mark.parametrize("backend", [CONSOLE, DUMMY])
def test_e_mail_not_set_up_on_the_server_is_not_said_to_have_e_mailed(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
    backend: str,
) -> None:
    """The console backend (the default outside production) accepts every message and
    delivers none: the page said "E-mailed 3 participants."."""
    _use(settings, backend)
    publishing.publish(draft)
    assert _told(organizer_client, event) == (
        "3 messages were not delivered: e-mail is not set up on this server; ask its "
        "administrator to set LIQA_EMAIL_BACKEND."
    )
