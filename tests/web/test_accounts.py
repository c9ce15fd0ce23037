"""Magic links (single use, expiring, rate-limited, hashed at rest) and password sign-in."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from liqa.web.accounts.models import SignInLink, SignInRequest
from liqa.web.events.models import Event


def _ask_link(client: Client, email: str) -> int:
    return client.post("/accounts/signin/", {"email": email, "next": "/"}).status_code


def _link_path() -> str:
    match = re.search(r"http://testserver(/accounts/link/[^/\s]+/)", str(mail.outbox[-1].body))
    assert match is not None
    return match.group(1)


def test_magic_link_signs_in_once(event: Event) -> None:
    client = Client()
    assert _ask_link(client, "Amina@Example.org") == 200
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    path = _link_path()
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.get(f"/me/{event.slug}/").status_code == 200
    assert Client().post(path).status_code == 410


def test_unknown_address_gets_no_mail_and_the_same_answer(db: None) -> None:
    assert _ask_link(Client(), "nobody@example.org") == 200
    assert mail.outbox == []


def test_expired_link_is_refused(event: Event) -> None:
    _ask_link(Client(), "chen@example.org")
    path = _link_path()
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client = Client()
    assert (client.get(path).status_code, client.post(path).status_code) == (410, 410)
    assert client.get(f"/me/{event.slug}/").status_code == 302


def test_links_are_rate_limited_per_address(event: Event, settings: pytest.FixtureRequest) -> None:
    codes = [_ask_link(Client(), "chen@example.org") for _ in range(6)]
    assert codes == [200, 200, 200, 200, 200, 429]
    assert len(mail.outbox) == 5


def test_requests_are_counted_alike_by_every_process(db: None) -> None:
    """The count is in the database: a restart or another worker (no shared cache) sees it."""
    codes = [_ask_link(Client(), "nobody@example.org") for _ in range(5)]
    cache.clear()
    codes.append(_ask_link(Client(), "NOBODY@example.org "))
    assert codes == [200, 200, 200, 200, 200, 429]
    stored = {r.address for r in SignInRequest.objects.all()}
    assert len(stored) == 1
    assert "nobody" not in stored.pop()


def test_requests_of_two_clock_hours_ago_no_longer_count(db: None) -> None:
    """The limit is over a sliding hour estimated from this clock hour's requests and the
    hour before's (ae8b78c): requests older than that are forgotten whatever the minute.
    (Moved back 61 minutes, they still counted in part, by the share of their hour still in
    the last sixty minutes: this test failed or passed by the minute it ran at.) The
    sliding part is tested with explicit times in test_signin_limit_window."""
    for _ in range(5):
        _ask_link(Client(), "nobody@example.org")
    SignInRequest.objects.update(at=timezone.now() - timedelta(minutes=121))
    assert _ask_link(Client(), "nobody@example.org") == 200
    assert SignInRequest.objects.count() == 1


def test_only_the_digest_of_a_link_is_stored(event: Event) -> None:
    _ask_link(Client(), "chen@example.org")
    secret = _link_path().split("/")[-2]
    stored = SignInLink.objects.get()
    assert (len(stored.digest), secret in stored.digest) == (64, False)


def test_password_sign_in_for_organizers(organizer: User) -> None:
    client = Client()
    wrong = client.post(
        "/accounts/signin/password/", {"username": "org@example.org", "password": "nope"}
    )
    right = client.post(
        "/accounts/signin/password/",
        {"username": "org@example.org", "password": "organizer-pass-1", "next": "/events/import/"},
    )
    assert (wrong.status_code, right.status_code, right["Location"]) == (
        401,
        302,
        "/events/import/",
    )


def test_sign_in_refuses_to_redirect_elsewhere(organizer: User) -> None:
    response = Client().post(
        "/accounts/signin/password/",
        {"username": "org", "password": "organizer-pass-1", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_participants_have_no_usable_password(event: Event) -> None:
    user = User.objects.get(email="amina@example.org")
    assert user.has_usable_password() is False


def test_magic_link_email_is_in_the_recipients_language(event: Event) -> None:
    _ask_link(Client(), "amina@example.org")  # Amina speaks ar, fr: her e-mails are in Arabic
    _ask_link(Client(), "bruno@example.org")  # Bruno speaks fr
    assert [m.subject for m in mail.outbox] == [
        "رابط الدخول إلى لقاء",
        "Votre lien de connexion à liqa",
    ]


def test_organizer_invites_every_participant_in_their_language(
    event: Event, organizer: User
) -> None:
    client = Client()
    client.force_login(organizer)
    response = client.post(f"/organize/{event.slug}/invite/")
    assert (response.status_code, "3 invitations were sent." in response.content.decode()) == (
        200,
        True,
    )
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("amina@example.org", "دعوة إلى بعثة على لقاء"),
        ("bruno@example.org", "Vous êtes invité à une mission liqa"),
        ("chen@example.org", "You are invited to a liqa mission"),
    ]
    assert all("http://testserver/accounts/link/" in str(m.body) for m in mail.outbox)
