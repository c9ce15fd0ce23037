"""Secrets in URLs: sign-in links and calendar feeds are hashed at rest, single-use or
revocable, expiring where it makes sense, and asking for them is rate-limited alike for
known and unknown addresses."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from liqa.web.accounts.models import CalendarFeed, SignInLink
from liqa.web.accounts.services import issue_link
from liqa.web.events.models import Event
from tests.web.factories import person_user


def _sha256(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _feed_secret(client: Client, slug: str) -> str:
    client.post(f"/me/{slug}/feed/", {"action": "create"})
    page = client.get(f"/me/{slug}/").content.decode()
    found = re.search(r"/feeds/([^/.]+)\.ics", page)
    assert found is not None
    return found.group(1)


def test_feed_secret_is_stored_only_as_its_digest(
    event: Event, client_for: Callable[[User | None], Client]
) -> None:
    secret = _feed_secret(client_for(person_user("amina@example.org")), event.slug)
    stored = CalendarFeed.objects.get()
    assert (stored.digest, secret in str(list(CalendarFeed.objects.values_list()))) == (
        _sha256(secret),
        False,
    )
    assert len(secret) >= 32  # 24 random bytes, URL-safe


def test_new_feed_address_revokes_the_previous_one(
    event: Event, client_for: Callable[[User | None], Client]
) -> None:
    amina = client_for(person_user("amina@example.org"))
    first = _feed_secret(amina, event.slug)
    second = _feed_secret(amina, event.slug)
    codes = [Client().get(f"/feeds/{s}.ics").status_code for s in (first, second)]
    assert codes == [404, 200]


def test_signing_in_with_one_link_revokes_the_others(event: Event) -> None:
    amina = person_user("amina@example.org")
    older, newer = issue_link(amina), issue_link(amina)
    used = Client().post(newer)
    again = Client().post(older)
    assert (used.status_code, again.status_code) == (302, 410)
    assert SignInLink.objects.filter(user=amina, used_at__isnull=True).count() == 0


def test_link_of_a_deactivated_account_is_refused(event: Event) -> None:
    amina = person_user("amina@example.org")
    path = issue_link(amina)
    User.objects.filter(pk=amina.pk).update(is_active=False)
    assert Client().post(path).status_code == 410


def test_link_secret_is_stored_only_as_its_digest(event: Event) -> None:
    secret = issue_link(person_user("chen@example.org")).split("/")[-2]
    assert SignInLink.objects.get().digest == _sha256(secret)
    assert len(secret) >= 43  # 32 random bytes, URL-safe


def _ask(email: str) -> tuple[int, str]:
    response = Client().post("/accounts/signin/", {"email": email})
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    # the refused form gives back what was typed (the asker's own words, no news to them):
    # pages are compared with it written the same way
    return response.status_code, page.replace(f'value="{email}"', 'value="ADDRESS"')


@pytest.mark.parametrize("email", ["chen@example.org", "nobody@example.org"])
def test_rate_limit_answers_known_and_unknown_addresses_alike(event: Event, email: str) -> None:
    answers = [_ask(email) for _ in range(6)]
    assert [status for status, _page in answers] == [200, 200, 200, 200, 200, 429]
    assert "Too many sign-in links were asked for this address" in answers[-1][1]


def test_rate_limited_pages_are_identical_for_known_and_unknown(event: Event) -> None:
    known = [_ask("chen@example.org") for _ in range(6)]
    unknown = [_ask("nobody@example.org") for _ in range(6)]
    assert known == unknown
    assert len(mail.outbox) == 5


def test_invitations_count_towards_the_mails_but_answers_stay_the_same(
    event: Event, organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    for _ in range(5):
        client_for(organizer).post(f"/organize/{event.slug}/invite/")
    mail.outbox.clear()
    assert _ask("chen@example.org")[0] == 200
    assert mail.outbox == []  # 5 links this hour already: nothing more is sent, silently
