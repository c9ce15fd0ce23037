"""*Send again* locks rows only to claim the messages, never while the mail host is talked to.

A slow mail host held the notification rows locked for as long as it took (the e-mails
were sent inside the claiming transaction). Now the claim (``sending_since``) is committed
first, the messages go after, and each outcome is stored as it comes: two clicks at once
send each message once, and a host that fails leaves the messages to send again.
The mail backends are real ones (Django's in-memory backend and subclasses of it); the
two-click race runs on PostgreSQL, as ``tests/web/test_booking_concurrency.py`` does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import ClassVar

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from liqa.web.events.models import Event
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Notification, ScheduleVersion
from liqa.web.scheduling.models.notifications import CLAIM_EXPIRES
from tests.web.factories import LOCMEM, NO_SERVER
from tests.web.factories import use_mailer as _use

HERE = "tests.web.test_send_again_claims"
WAIT = 60  # seconds a thread waits for the other before giving up (never reached)


class SlowHost(EmailBackend):
    """Delivers in memory, but the first message waits until the test lets it go (a slow
    mail host), saying when it started waiting and whether a transaction was open then."""

    started: ClassVar[threading.Event] = threading.Event()
    release: ClassVar[threading.Event] = threading.Event()
    in_transaction: ClassVar[list[bool]] = []

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        SlowHost.in_transaction.append(transaction.get_connection().in_atomic_block)
        if not SlowHost.started.is_set():
            SlowHost.started.set()
            assert SlowHost.release.wait(WAIT), "the test never let the slow host go"
        return super().send_messages(messages)


def _state(version: ScheduleVersion) -> dict[str, tuple[bool, str, bool]]:
    """Person → (sent, error type, claimed) of each record."""
    return {
        row.person: (row.sent_at is not None, row.error.split(":", 1)[0], bool(row.sending_since))
        for row in Notification.objects.filter(version=version)
    }


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two requests race only on PostgreSQL (SQLite runs one writer at a time); run "
    "with DATABASE_URL=postgres://... as .ci/run does",
)
@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_two_clicks_on_send_again_at_once_send_each_message_once_and_lock_nothing_meanwhile(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
    settings: pytest.FixtureRequest,
) -> None:
    """The first click's messages wait for a slow host; meanwhile the second click sends
    nothing, and another request can lock the rows at once (they were locked until the
    host answered)."""
    _use(settings, NO_SERVER)
    publishing.publish(draft)
    assert not any(sent for sent, _error, _claimed in _state(draft).values())
    mail.outbox.clear()
    _use(settings, f"{HERE}.SlowHost")
    SlowHost.started.clear()
    SlowHost.release.clear()
    SlowHost.in_transaction.clear()
    url = f"/organize/{event.slug}/versions/1/send-again/"
    answers: list[int] = []

    def first_click() -> None:
        try:
            answers.append(client_for(organizer).post(url).status_code)
        finally:
            SlowHost.started.set()  # never leave the test waiting
            connection.close()

    clicking = threading.Thread(target=first_click)
    clicking.start()
    try:
        assert SlowHost.started.wait(WAIT)
        assert client_for(organizer).post(url).status_code == 302  # the second click
        assert mail.outbox == []  # it sent nothing: the first one claimed every message
        assert {(sent, claimed) for sent, _e, claimed in _state(draft).values()} == {(False, True)}
        with transaction.atomic():  # another request locks them without waiting
            rows = Notification.objects.select_for_update(nowait=True).filter(version=draft)
            assert len(list(rows)) == 3
    finally:
        SlowHost.release.set()
        clicking.join(WAIT)
    assert answers == [302]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]
    assert _state(draft) == {
        "p-amina": (True, "", False),
        "p-bruno": (True, "", False),
        "p-chen": (True, "", False),
    }
    assert SlowHost.in_transaction == [False, False, False]


@pytest.mark.django_db(transaction=True)
def test_a_mail_host_that_fails_on_send_again_leaves_the_messages_to_send_again(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
    settings: pytest.FixtureRequest,
) -> None:
    """No claim is left behind: the failed message shows the host's reason, the ones not
    reached are still to send, and the next Send again sends all three."""
    _use(settings, NO_SERVER)
    publishing.publish(draft)
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/"
    assert client.post(url + "send-again/").status_code == 302
    assert _state(draft) == {
        "p-amina": (False, "ConnectionRefusedError", False),
        "p-bruno": (False, "", False),
        "p-chen": (False, "", False),
    }
    page = client.get(url + "published/").content.decode()
    assert (
        '<li data-person="p-amina">Amina Idrissi: <code dir="ltr">'
        "ConnectionRefusedError: [Errno 111] Connection refused</code></li>"
    ) in page
    assert 'id="send-again"' in page
    _use(settings, LOCMEM)
    client.post(url + "send-again/")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]
    assert {sent for sent, _error, _claimed in _state(draft).values()} == {True}


def test_a_message_claimed_by_a_request_that_died_is_sent_once_the_claim_expires(
    draft: ScheduleVersion, settings: pytest.FixtureRequest
) -> None:
    """A claim younger than :data:`CLAIM_EXPIRES` is another request sending: left alone."""
    _use(settings, NO_SERVER)
    publishing.publish(draft)
    _use(settings, LOCMEM)
    rows = Notification.objects.filter(version=draft)
    now = timezone.now()
    rows.filter(person="p-amina").update(sending_since=now - CLAIM_EXPIRES / 2)
    rows.filter(person="p-bruno").update(sending_since=now - CLAIM_EXPIRES * 2)
    tried = publishing.send_again(draft)
    assert sorted(row.person for row in tried) == ["p-bruno", "p-chen"]
    assert sorted(m.to[0] for m in mail.outbox) == ["bruno@example.org", "chen@example.org"]
    assert _state(draft)["p-amina"] == (False, "ConnectionRefusedError", True)


class Broken(EmailBackend):
    """A mail backend that fails in a way nobody expected (a bug, not the mail host)."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        raise RuntimeError("unexpected")


def test_an_unexpected_error_while_sending_leaves_no_claim_behind(
    draft: ScheduleVersion, settings: pytest.FixtureRequest
) -> None:
    """The error reaches the organizer (a 500, logged), but the messages stay to send
    again at once, not after :data:`CLAIM_EXPIRES`."""
    _use(settings, NO_SERVER)
    publishing.publish(draft)
    _use(settings, f"{HERE}.Broken")
    with pytest.raises(RuntimeError):
        publishing.send_again(draft)
    assert {claimed for _sent, _error, claimed in _state(draft).values()} == {False}
    _use(settings, LOCMEM)
    assert len(publishing.send_again(draft)) == 3
