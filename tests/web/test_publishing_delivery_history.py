"""Publishing's e-mails as they went, in the history and on the published page.

The QA walk published the brokerage example on a server whose e-mail is not set up: the
history said "Participants e-mailed: Yes" (the entry is written in the save that
publishes, before any message goes) while the published page said every message was not
delivered, and the messages counted as sent, so *Send again* could not send them once
e-mail was set up. Now the publication's entry says how many of the messages were
delivered and why the others were not, *Send again* records what it changed, and a
message handed to a backend that delivers nothing stays to send again.

The mail backends are Django's real ones (console, in-memory) and subclasses of the
in-memory one that raise ``smtplib`` errors as an SMTP server's refusal does.
"""

from __future__ import annotations

import smtplib
from collections.abc import Sequence

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client

from liqa.web.audit import wording
from liqa.web.events.models import Event
from liqa.web.scheduling.models import Notification, ScheduleVersion
from tests.web.factories import LOCMEM, history_changes, remove_address
from tests.web.factories import told_counts as _told
from tests.web.factories import use_mailer as _use

CONSOLE = "django.core.mail.backends.console.EmailBackend"
LABEL = "Participants e-mailed: "


class RefusesBrunosMessage(EmailBackend):
    """Delivers in memory, except the message to Bruno, which the server refuses after
    reading it (an ``SMTPDataError``: the next message may still go)."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        for message in messages:
            if "bruno@example.org" in message.to:
                raise smtplib.SMTPDataError(554, b"5.7.1 message refused")
        return super().send_messages(messages)


class HangsUpOnBruno(EmailBackend):
    """Delivers in memory until Bruno's turn, when the server breaks off (a bare
    ``SMTPException``: publishing stops there, the messages after it wait)."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        for message in messages:
            if "bruno@example.org" in message.to:
                raise smtplib.SMTPException("the server closed the connection")
        return super().send_messages(messages)


HERE = "tests.web.test_publishing_delivery_history"


def _publish(client: Client, event: Event) -> None:
    assert client.post(f"/organize/{event.slug}/versions/1/publish/").status_code == 302


def _e_mailed(client: Client, event: Event) -> list[str]:
    """The history's lines about the e-mails, newest first."""
    page = client.get(f"/organize/{event.slug}/history/", HTTP_ACCEPT_LANGUAGE="en")
    return [
        line.removeprefix(LABEL)
        for line in history_changes(page.content.decode())
        if line.startswith(LABEL)
    ]


def _published_page(client: Client, event: Event) -> str:
    url = f"/organize/{event.slug}/versions/1/published/"
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_e_mail_not_set_up_is_recorded_as_0_of_3_and_sent_again_once_it_is(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    """The QA walk's case: the history said "Yes" and Send again could not send them."""
    _use(settings, CONSOLE)
    client = organizer_client
    _publish(client, event)
    assert _e_mailed(client, event) == ["— → 0 of 3 (e-mail is not set up on this server)"]
    assert _told(client, event) == (
        "3 messages were not delivered: e-mail is not set up on this server; ask its "
        "administrator to set LIQA_EMAIL_BACKEND."
    )
    assert 'id="send-again"' in _published_page(client, event)
    assert not Notification.objects.filter(version=draft, sent_at__isnull=False).exists()

    _use(settings, LOCMEM)  # the administrator sets e-mail up
    client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]
    assert _e_mailed(client, event) == [
        "0 of 3 (e-mail is not set up on this server) → 3 of 3",
        "— → 0 of 3 (e-mail is not set up on this server)",
    ]
    assert _told(client, event) == "E-mailed 3 participants."
    assert 'id="send-again"' not in _published_page(client, event)


def test_a_refused_message_and_a_person_without_address_are_counted(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    remove_address(event, "p-chen")
    _use(settings, f"{HERE}.RefusesBrunosMessage")
    client = organizer_client
    _publish(client, event)
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert _e_mailed(client, event) == ["— → 1 of 3, 1 failed, 1 has no e-mail address"]
    assert _told(client, event) == (
        "E-mailed 1 participant. 1 has no e-mail address: Chen Li. "
        "1 e-mail could not be sent: Bruno Martin."
    )
    page = _published_page(client, event)
    assert 'id="send-again"' in page
    assert "SMTPDataError: (554, b&#39;5.7.1 message refused&#39;)" in page

    _use(settings, LOCMEM)
    client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert _e_mailed(client, event)[0] == (
        "1 of 3, 1 failed, 1 has no e-mail address → 2 of 3, 1 has no e-mail address"
    )


def test_a_server_that_breaks_off_leaves_the_rest_not_sent_yet(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    _use(settings, f"{HERE}.HangsUpOnBruno")
    client = organizer_client
    _publish(client, event)
    assert _e_mailed(client, event) == ["— → 1 of 3, 1 failed, 1 not sent yet"]
    assert _told(client, event) == (
        "E-mailed 1 participant. 1 e-mail could not be sent: Bruno Martin. "
        "1 e-mail was not sent yet: Chen Li."
    )


def test_every_message_delivered_reads_3_of_3(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    client = organizer_client
    _publish(client, event)
    assert len(mail.outbox) == 3
    assert _e_mailed(client, event) == ["— → 3 of 3"]


def test_a_publication_recorded_without_counts_does_not_claim_delivery(
    organizer_client: Client, event: Event
) -> None:
    """An entry written before the counts were recorded (or while the e-mails were still
    going) says the e-mails were asked for, not "Yes"."""
    words = wording.Wording("en", wording.Clock([], "en"), {}, {})
    assert words.changes("schedule", {"notified": [None, True]}) == [
        ("Participants e-mailed", "—", "requested; how many were delivered is not recorded")
    ]
    assert words.changes("schedule", {"notified": [None, False]}) == [
        ("Participants e-mailed", "—", "No")
    ]
