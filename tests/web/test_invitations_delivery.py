"""The invitations page says how many invitations were delivered, not how many were
handed to the mail backend.

Before, the overview's invite button answered "3 invitations were sent." on a server whose
e-mail is not set up (the console backend delivers nothing), said nothing of the people
without an address, and a mail server's refusal was a server error (500) after some
invitations had gone. The mail backends are Django's real ones (console, in-memory) and a
subclass of the in-memory one that raises ``smtplib`` errors as an SMTP server does.
"""

from __future__ import annotations

import html
import re
import smtplib
from collections.abc import Sequence

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client

from liqa.web.events.models import Event
from tests.web.factories import remove_address
from tests.web.factories import use_mailer as _use

CONSOLE = "django.core.mail.backends.console.EmailBackend"


class RefusesBruno(EmailBackend):
    """Delivers in memory, except to Bruno, whose mailbox the server refuses."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        for message in messages:
            if "bruno@example.org" in message.to:
                raise smtplib.SMTPRecipientsRefused(
                    {"bruno@example.org": (550, b"5.1.1 mailbox unavailable")}  # type: ignore[dict-item]
                )
        return super().send_messages(messages)


def _invite(client: Client, event: Event) -> tuple[int, str]:
    """The invite button's answer: its status and the page's sentences about them."""
    response = client.post(f"/organize/{event.slug}/invite/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    said = re.findall(r'<p id="invited[^"]*">(.*?)</p>', page, re.S)
    return response.status_code, " ".join(
        html.unescape(re.sub(r"<[^>]+>", "", s)).strip() for s in said
    )


def test_e_mail_not_set_up_is_not_said_to_have_sent_the_invitations(
    organizer_client: Client, event: Event, settings: pytest.FixtureRequest
) -> None:
    _use(settings, CONSOLE)
    assert _invite(organizer_client, event) == (
        200,
        "3 invitations were not delivered: e-mail is not set up on this server; ask its "
        "administrator to set LIQA_EMAIL_BACKEND.",
    )
    page = organizer_client.post(f"/organize/{event.slug}/invite/").content.decode()
    assert 'id="invite-again"' in page


def test_a_refusal_and_a_person_without_address_are_said_and_the_others_still_go(
    organizer_client: Client, event: Event, settings: pytest.FixtureRequest
) -> None:
    remove_address(event, "p-chen")
    _use(settings, "tests.web.test_invitations_delivery.RefusesBruno")
    assert _invite(organizer_client, event) == (
        200,
        "1 invitation was sent. 1 invitation could not be sent: the mail server refused it or "
        "could not be reached. 1 person has no e-mail address and was not invited.",
    )
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]


def test_every_invitation_delivered(organizer_client: Client, event: Event) -> None:
    assert _invite(organizer_client, event) == (200, "3 invitations were sent.")
    assert len(mail.outbox) == 3
