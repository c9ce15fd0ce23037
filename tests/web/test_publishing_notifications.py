"""What publishing really e-mailed: one record per participant whose agenda changed (sent,
no address, or the mail backend's error), the published page saying so by name, and
*Send again* for the messages that failed.

The mail backends are real ones: Django's in-memory backend, and subclasses of it that
refuse one address (as an SMTP server does) or cannot reach any server.
"""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import ClassVar

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.test import Client
from django.utils import timezone

from liqa.web import settings as web_settings
from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, Person
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Notification, ScheduleVersion
from tests.web.factories import LOCMEM, person_user, remove_address
from tests.web.factories import NO_SERVER as DOWN
from tests.web.factories import REFUSING_BRUNO as REFUSING
from tests.web.factories import told_counts as _told
from tests.web.factories import use_mailer as _use


class Witness(EmailBackend):
    """Delivers in memory, noting for each message whether the database was inside a
    transaction then and what the recipient's record said."""

    seen: ClassVar[list[tuple[bool, bool, str]]] = []

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        for message in messages:
            row = Notification.objects.get(email=message.to[0])
            published = row.version.published_at is not None
            Witness.seen.append(
                (transaction.get_connection().in_atomic_block, published, row.person)
            )
        return super().send_messages(messages)


def _outcomes(version: ScheduleVersion) -> dict[str, tuple[str, bool, str]]:
    """Person → (address, sent, error type) of each record."""
    return {
        row.person: (row.email, row.sent_at is not None, row.error.split(":", 1)[0])
        for row in Notification.objects.filter(version=version)
    }


@pytest.fixture
def chen_has_no_address(event: Event) -> None:
    """Chen Li's address is removed: the participant account goes with it."""
    remove_address(event, "p-chen")


@pytest.mark.usefixtures("chen_has_no_address")
def test_publication_records_who_was_e_mailed_who_has_no_address_and_who_failed(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    """Chen's message was skipped silently and Bruno's refusal was a 500 after publishing."""
    _use(settings, REFUSING)
    client = organizer_client
    response = client.post(f"/organize/{event.slug}/versions/1/publish/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.published, draft.notified) == (True, True)
    assert _outcomes(draft) == {
        "p-amina": ("amina@example.org", True, ""),
        "p-bruno": ("bruno@example.org", False, "SMTPRecipientsRefused"),
        "p-chen": ("", False, ""),
    }
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert _told(client, event) == (
        "E-mailed 1 participant. 1 has no e-mail address: Chen Li. "
        "1 e-mail could not be sent: Bruno Martin."
    )
    page = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    assert 'id="send-again"' in page
    assert '<li data-person="p-bruno">Bruno Martin: <code dir="ltr">SMTPRecipientsRefused' in page


@pytest.mark.usefixtures("chen_has_no_address")
def test_send_again_sends_only_the_failed_message(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    _use(settings, REFUSING)
    publishing.publish(draft)
    mail.outbox.clear()
    _use(settings, LOCMEM)
    client = organizer_client
    response = client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert (response.status_code, response["Location"]) == (
        302,
        f"/organize/{event.slug}/versions/1/published/",
    )
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["bruno@example.org"], "Votre agenda a changé : Rencontres B2B Tunis 2030")
    ]
    assert "Table 1" in str(mail.outbox[0].body)  # his change, as publishing would have said
    assert _outcomes(draft) == {
        "p-amina": ("amina@example.org", True, ""),
        "p-bruno": ("bruno@example.org", True, ""),
        "p-chen": ("", False, ""),
    }
    assert _told(client, event) == "E-mailed 2 participants. 1 has no e-mail address: Chen Li."
    page = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    assert 'id="send-again"' not in page
    client.post(f"/organize/{event.slug}/versions/1/send-again/")  # nothing left to send
    assert len(mail.outbox) == 1


def test_mail_server_down_leaves_the_version_published_and_every_message_to_send_again(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _use(settings, DOWN)
    client = organizer_client
    with caplog.at_level(logging.WARNING, logger="liqa.web.scheduling.publishing"):
        response = client.post(f"/organize/{event.slug}/versions/1/publish/")
    assert response.status_code == 302
    # the first message found the host down; the others were not tried (each would have
    # waited for the same host) and are left to Send again
    assert {p: (sent, error) for p, (_a, sent, error) in _outcomes(draft).items()} == {
        "p-amina": (False, "ConnectionRefusedError"),
        "p-bruno": (False, ""),
        "p-chen": (False, ""),
    }
    assert _told(client, event) == (
        "Nobody was e-mailed yet. 1 e-mail could not be sent: Amina Idrissi. "
        "2 e-mails were not sent yet: Bruno Martin, Chen Li."
    )
    assert [r.getMessage() for r in caplog.records] == [
        f"publishing {event.slug} v1: the e-mail to person p-amina was not sent "
        "(ConnectionRefusedError: [Errno 111] Connection refused)"
    ]
    _use(settings, LOCMEM)
    client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]
    assert _told(client, event) == "E-mailed 3 participants."


def test_a_message_never_tried_is_said_and_sent_again(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    """The process stopped after the publication was committed, before Chen's turn."""
    publishing.publish(draft)
    mail.outbox.clear()
    Notification.objects.filter(version=draft, person="p-chen").update(sent_at=None)
    client = organizer_client
    assert _told(client, event) == "E-mailed 2 participants. 1 e-mail was not sent yet: Chen Li."
    client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert [m.to for m in mail.outbox] == [["chen@example.org"]]


def test_send_again_is_for_organizers_posting_with_their_csrf_token(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
    settings: pytest.FixtureRequest,
) -> None:
    _use(settings, DOWN)
    publishing.publish(draft)
    _use(settings, LOCMEM)
    url = f"/organize/{event.slug}/versions/1/send-again/"
    participant = client_for(person_user("amina@example.org"))
    assert participant.post(url).status_code == 403
    assert client_for(organizer).get(url).status_code == 405
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(organizer)
    assert forged.post(url).status_code == 403
    assert (len(mail.outbox), _outcomes(draft)["p-amina"][1]) == (0, False)


def test_silent_publication_records_no_one_and_sends_nothing_again(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    publishing.publish(draft, notify=False)
    organizer_client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert (Notification.objects.filter(version=draft).count(), len(mail.outbox)) == (0, 0)


@pytest.mark.usefixtures("chen_has_no_address")
def test_admin_lists_what_publishing_e_mailed(
    draft: ScheduleVersion, client_for: Callable[..., Client], settings: pytest.FixtureRequest
) -> None:
    _use(settings, REFUSING)
    publishing.publish(draft)
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw-1")
    page = client_for(admin).get("/admin/scheduling/notification/").content.decode()
    rows = re.findall(r'<tr>\s*<td class="action-checkbox">.*?</tr>', page, re.S)
    cells = [re.findall(r'class="field-(\w+)[^"]*">(?:<a [^>]*>)?([^<]*)', row) for row in rows]
    assert [(dict(c)["person"], dict(c)["email"], dict(c)["error"][:22]) for c in cells] == [
        ("p-amina", "amina@example.org", "-"),  # the admin's sign for empty
        ("p-bruno", "bruno@example.org", "SMTPRecipientsRefused:"),
        ("p-chen", "-", "-"),
    ]


@pytest.mark.django_db(transaction=True)
def test_e_mails_go_once_the_publication_is_committed(
    draft: ScheduleVersion, settings: pytest.FixtureRequest
) -> None:
    """Each message is handed to the mail backend outside the publishing transaction, its
    recipient's record already stored with the published version."""
    _use(settings, "tests.web.test_publishing_notifications.Witness")
    Witness.seen.clear()
    publishing.publish(draft)
    assert Witness.seen == [
        (False, True, "p-amina"),
        (False, True, "p-bruno"),
        (False, True, "p-chen"),
    ]


@pytest.mark.usefixtures("chen_has_no_address")
def test_send_again_uses_the_address_each_person_has_now(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    """The organizer corrects Bruno's refused address and gives Chen one: Send again
    reaches both there (Amina, e-mailed already, gets nothing)."""
    _use(settings, REFUSING)
    publishing.publish(draft)
    mail.outbox.clear()
    url = f"/organize/{event.slug}/versions/1/published/"
    client = organizer_client
    bruno = Notification.objects.filter(person="p-bruno")
    bruno.update(sent_at=timezone.now())  # as if only Chen were left
    assert 'id="send-again"' not in client.get(url).content.decode()  # Chen has no address
    Person.objects.filter(event=event, key="p-chen").update(email="chen.li@example.org")
    accounts.enrol_everyone(event)
    assert 'id="send-again"' in client.get(url).content.decode()  # now Chen has one
    bruno.update(sent_at=None)
    Person.objects.filter(event=event, key="p-bruno").update(email="bruno.martin@example.org")
    accounts.enrol_everyone(event)
    tried = publishing.send_again(draft)
    assert sorted(row.person for row in tried) == ["p-bruno", "p-chen"]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bruno.martin@example.org",
        "chen.li@example.org",
    ]
    assert _outcomes(draft) == {
        "p-amina": ("amina@example.org", True, ""),
        "p-bruno": ("bruno.martin@example.org", True, ""),
        "p-chen": ("chen.li@example.org", True, ""),
    }


@pytest.mark.usefixtures("chen_has_no_address")
def test_names_in_an_arabic_sentence_are_isolated(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    """A Latin name ends an Arabic sentence: its full stop stays at the sentence's end."""
    _use(settings, REFUSING)
    publishing.publish(draft)
    url = f"/organize/{event.slug}/versions/1/published/"
    page = organizer_client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "\u2066Chen Li\u2069" in page
    assert "\u2066Bruno Martin\u2069" in page


@pytest.fixture
def silent_mail_host() -> Iterator[int]:
    """A TCP port whose host accepts connections and never says a word (no SMTP greeting)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                accepted.append(server.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for connection in accepted:
        connection.close()


def test_a_mail_host_that_never_answers_times_out_into_a_message_to_send_again(
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
    silent_mail_host: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Django's real SMTP backend with the timeout the settings give it (without one, the
    publish request waited for the silent host forever)."""
    monkeypatch.setenv("LIQA_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    monkeypatch.setenv("LIQA_EMAIL_HOST", "127.0.0.1")
    monkeypatch.setenv("LIQA_EMAIL_PORT", str(silent_mail_host))
    monkeypatch.setenv("LIQA_EMAIL_TIMEOUT", "0.2")
    mailers = web_settings._mailers()
    assert mailers["default"]["OPTIONS"]["timeout"] == 0.2
    settings.MAILERS = mailers  # type: ignore[attr-defined]
    publishing.publish(draft)
    rows = Notification.objects.filter(version=draft).order_by("person")
    assert [(row.person, row.sent_at) for row in rows] == [
        ("p-amina", None),
        ("p-bruno", None),
        ("p-chen", None),
    ]
    # the first one timed out; the others were not tried (each would have waited as long)
    assert "timed out" in rows[0].error
    assert [row.error for row in rows[1:]] == ["", ""]
