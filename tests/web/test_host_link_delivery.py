"""Naming a host administrator says what came of the e-mail with their sign-in link.

Before, the hosts page answered "Saved." whatever happened to the e-mail: a server whose
e-mail is not set up delivered nothing, and a mail server refusing the address answered a
server error (500) after the role was given. The mail backends are Django's real ones and
the in-memory backend's subclasses in ``tests.web.factories`` that raise as SMTP does.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event
from tests.web.factories import use_mailer

GRANT = {"organization": "o-beta", "person": "p-bruno"}


def _name_bruno(client: Client, event: Event) -> str:
    """Name Bruno Beta Bank's host administrator; the notice the page then shows."""
    url = f"/organize/{event.slug}/hosts/"
    response = client.post(url, GRANT, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302, response.content[:300]
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    notices = re.findall(r'<p class="notice" role="status">(.*?)</p>', page, re.S)
    assert len(notices) == 1
    return html.unescape(notices[0]).strip()


def _bruno_administers(event: Event) -> bool:
    return Membership.objects.filter(
        event=event, role=Role.HOST_ADMIN, organization="o-beta", user__email="bruno@example.org"
    ).exists()


def test_a_delivered_link_is_said(organizer_client: Client, event: Event) -> None:
    mail.outbox.clear()
    assert _name_bruno(organizer_client, event) == (
        "Saved. A sign-in link to the host page was e-mailed to them."
    )
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]


def test_e_mail_not_set_up_is_not_said_to_have_sent_the_link(
    organizer_client: Client, event: Event, settings: Any
) -> None:
    use_mailer(settings, "django.core.mail.backends.console.EmailBackend")
    assert _name_bruno(organizer_client, event).startswith(
        "Saved. The sign-in link was not delivered: e-mail is not set up on this server."
    )
    assert _bruno_administers(event)


@pytest.mark.parametrize("backend", ["RefusingBruno", "NoServer"])
def test_a_refused_link_keeps_the_role_and_says_so(
    organizer_client: Client, event: Event, settings: Any, backend: str
) -> None:
    use_mailer(settings, f"tests.web.factories.{backend}")
    assert _name_bruno(organizer_client, event).startswith(
        "Saved. The sign-in link could not be sent: the mail server refused it"
    )
    assert _bruno_administers(event)
