"""*Send again* with nothing left to send says so: another organizer sent the messages
meanwhile, or the button was clicked twice, and the page showed the counts without a word
about the click. Now it says why nothing was sent, above the current counts.

The mail backend is Django's in-memory one; "another organizer is sending" is their claim
on the rows, as :func:`liqa.web.scheduling.publishing.send_again` leaves it while sending.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, Person
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Notification, ScheduleVersion
from tests.web.factories import LOCMEM, use_mailer
from tests.web.factories import page_text as _text


@pytest.fixture(autouse=True)
def _in_memory(settings: pytest.FixtureRequest) -> None:
    """The e-mails go to Django's in-memory outbox."""
    use_mailer(settings, LOCMEM)


def _send_again(client: Client, event: Event) -> tuple[str, str]:
    """Click *Send again*; the address it leads to, and that page's notice and counts."""
    response = client.post(f"/organize/{event.slug}/versions/1/send-again/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    return response["Location"], _text(page, "nothing-sent") + " | " + _text(page, "told-counts")


def test_a_second_click_after_everyone_was_e_mailed_says_nothing_was_left(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    publishing.publish(draft)
    sent = len(mail.outbox)
    location, said = _send_again(organizer_client, event)
    assert location == f"/organize/{event.slug}/versions/1/published/?nothing=done"
    assert said == (
        "Nothing left to send: every participant whose agenda changed was e-mailed."
        " | E-mailed 3 participants."
    )
    assert len(mail.outbox) == sent


def test_nothing_left_but_people_without_an_address_says_who_was_e_mailed(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    Person.objects.filter(event=event, key="p-chen").update(email="")
    accounts.enrol_everyone(event)
    publishing.publish(draft)
    _, said = _send_again(organizer_client, event)
    assert said == (
        "Nothing left to send: every participant whose agenda changed and who has an e-mail"
        " address was e-mailed. | E-mailed 2 participants. 1 has no e-mail address: Chen Li."
    )


def test_messages_another_organizer_is_sending_are_not_sent_twice_and_the_page_says_so(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Another organizer's *Send again* claimed the two messages left and is sending them."""
    publishing.publish(draft)
    left = Notification.objects.filter(version=draft, person__in=["p-amina", "p-bruno"])
    left.update(sent_at=None, sending_since=timezone.now())
    mail.outbox.clear()
    location, said = _send_again(client_for(organizer), event)
    assert location.endswith("?nothing=busy")
    assert said.startswith(
        "Nothing sent: another organizer is sending the messages left right now. Reload this"
        " page in a moment to see how it went. | E-mailed 1 participant."
    )
    assert mail.outbox == []


def test_a_version_published_without_e_mails_says_there_is_nothing_to_send(
    organizer_client: Client, event: Event, draft: ScheduleVersion
) -> None:
    publishing.publish(draft, notify=False)
    _, said = _send_again(organizer_client, event)
    assert said == "Nothing to send: this version was published without e-mails. | "


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_notice_is_in_the_readers_language(
    organizer_client: Client,
    event: Event,
    draft: ScheduleVersion,
    lang: str,
) -> None:
    """The catalog is filled later: the notice is there, and the page is in ``lang``."""
    publishing.publish(draft)
    client = organizer_client
    response = client.post(f"/organize/{event.slug}/versions/1/send-again/")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f'lang="{lang}"' in page
    assert _text(page, "nothing-sent")
