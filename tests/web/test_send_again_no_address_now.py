"""*Send again* that finds nothing to send says what is true about those not e-mailed.

Bruno's message failed (the mail server refused his address), then his address was
removed: he was not e-mailed, and there is nobody left to send to because he has no
address now. The page said "every participant whose agenda changed was e-mailed", and
kept offering *Send again*, which could reach nobody.

The mail backends are real ones: Django's in-memory backend, and a subclass of it that
refuses one address as an SMTP server does.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.factories import LOCMEM, REFUSING_BRUNO, use_mailer
from tests.web.factories import page_text as _text
from tests.web.factories import remove_address as _remove_address


@pytest.fixture(autouse=True)
def _refusing(settings: pytest.FixtureRequest) -> None:
    use_mailer(settings, REFUSING_BRUNO)


def _send_again(client: Client, event: Event) -> tuple[str, str, bool]:
    """Click *Send again*: the notice on the page it leads to, its counts, and whether it
    still offers *Send again*."""
    response = client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    return _text(page, "nothing-sent"), _text(page, "told-counts"), 'id="send-again"' in page


def test_someone_whose_address_was_removed_after_a_failure_is_not_said_e_mailed(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    publishing.publish(draft)
    _remove_address(event, "p-bruno")
    sent = len(mail.outbox)
    notice, counts, offered = _send_again(organizer_client, event)
    assert notice == (
        "Nothing left to send: 1 participant whose agenda changed was not e-mailed and has"
        " no e-mail address now (Bruno Martin): add one to send them their changes."
    )
    assert counts.startswith("E-mailed 2 participants. 1 e-mail could not be sent: Bruno")
    assert (offered, len(mail.outbox)) == (False, sent)


def test_those_without_an_address_since_publishing_and_after_a_failure_are_counted(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    """Chen had no address at publication; Bruno's was removed after his message failed."""
    _remove_address(event, "p-chen")
    publishing.publish(draft)
    _remove_address(event, "p-bruno")
    notice, _counts, offered = _send_again(organizer_client, event)
    assert notice == (
        "Nothing left to send: 2 participants whose agendas changed were not e-mailed and"
        " have no e-mail address now (Bruno Martin, Chen Li): add one to each to send them"
        " their changes."
    )
    assert offered is False


def test_when_everyone_was_e_mailed_it_says_so(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    settings: pytest.FixtureRequest,
) -> None:
    """Bruno's message failed; once the server takes it, a second click finds no one."""
    publishing.publish(draft)
    use_mailer(settings, LOCMEM)
    client = organizer_client
    assert _send_again(client, event) == ("", "E-mailed 3 participants.", False)
    assert _send_again(client, event) == (
        "Nothing left to send: every participant whose agenda changed was e-mailed.",
        "E-mailed 3 participants.",
        False,
    )


def test_a_failed_message_to_someone_with_an_address_is_offered_again(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    publishing.publish(draft)
    page = organizer_client.get(f"/organize/{event.slug}/versions/1/published/")
    assert 'id="send-again"' in page.content.decode()
