"""A sign-in link asked for by someone without a membership yet comes in the language of the
page it was asked from (a member's own language still wins, and the switcher's choice before
both); a link that no longer works offers a new one that keeps where the link led (``?next=``,
a safe local address only: never an open redirect)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from liqa.web.accounts import services
from liqa.web.accounts.models import SignInLink
from liqa.web.events.models import Event

SIGNIN = "/accounts/signin/"
DEEP = "/me/tunis-b2b-2030/?day=2&lang=fr"
"""A page with its own query (two parameters), which must survive the round trip."""


def _ask(email: str, page_language: str, cookie: str = "") -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE=page_language)
    if cookie:
        client.cookies["django_language"] = cookie
    assert client.post(SIGNIN, {"email": email, "next": "/"}).status_code == 200


@pytest.mark.parametrize(
    ("page", "subject"),
    [
        ("fr", "Votre lien de connexion à liqa"),
        ("ar", "رابط الدخول إلى لقاء"),
        ("en", "Your liqa sign-in link"),
    ],
)
def test_without_a_membership_the_email_is_in_the_pages_language(
    db: None, page: str, subject: str
) -> None:
    get_user_model().objects.create_user("nouveau", "nouveau@example.org")
    _ask("nouveau@example.org", page)
    assert [(m.to, m.subject) for m in mail.outbox] == [(["nouveau@example.org"], subject)]


def test_a_page_language_the_app_does_not_speak_falls_back_to_english(db: None) -> None:
    user = get_user_model().objects.create_user("nouveau", "nouveau@example.org")
    assert services.user_language(user, fallback="de") == "en"
    assert services.user_language(user, fallback="fr") == "fr"


def test_a_members_own_language_still_wins_over_the_pages(event: Event) -> None:
    _ask("amina@example.org", "fr")  # Amina's membership is in Arabic
    _ask("chen@example.org", "fr")  # Chen's in English
    assert [m.subject for m in mail.outbox] == [
        "رابط الدخول إلى لقاء",
        "Your liqa sign-in link",
    ]


def test_the_switchers_choice_wins_over_both(event: Event) -> None:
    get_user_model().objects.create_user("nouveau", "nouveau@example.org")
    _ask("nouveau@example.org", "fr", cookie="ar")
    _ask("amina@example.org", "fr", cookie="en")
    assert [m.subject for m in mail.outbox] == [
        "رابط الدخول إلى لقاء",
        "Your liqa sign-in link",
    ]


def _spent_link(next_url: str) -> str:
    """The path of a used sign-in link that was to lead to ``next_url``."""
    user = get_user_model().objects.create_user("nouveau", "nouveau@example.org")
    path = services.issue_link(user, next_url)
    SignInLink.objects.filter(user=user).update(used_at="2030-01-01T00:00:00Z")
    return path


def _new_link(html: str) -> str:
    (href,) = re.findall(r'id="new-link" href="([^"]*)"', html)
    return unescape(href)


def test_a_spent_links_new_link_keeps_next(db: None) -> None:
    page = Client().get(_spent_link(DEEP), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 410
    new = _new_link(page.content.decode())
    assert urlsplit(new).path == SIGNIN
    assert parse_qs(urlsplit(new).query) == {"next": [DEEP]}
    signin = Client().get(new)
    assert f'name="next" value="{DEEP}"' in unescape(signin.content.decode())


def test_a_link_used_up_by_its_post_offers_the_same_new_link(db: None) -> None:
    page = Client().post(_spent_link(DEEP))
    assert page.status_code == 410
    assert parse_qs(urlsplit(_new_link(page.content.decode())).query) == {"next": [DEEP]}


@pytest.mark.parametrize(
    "elsewhere",
    ["https://evil.example/", "//evil.example/x", "https:evil.example", "/\\evil.example"],
)
def test_an_address_elsewhere_is_never_carried(db: None, elsewhere: str) -> None:
    page = Client().get(_spent_link(elsewhere))
    assert _new_link(page.content.decode()) == SIGNIN


def test_an_unknown_link_offers_the_plain_sign_in_page(db: None) -> None:
    page = Client().get("/accounts/link/not-a-secret/")
    assert (page.status_code, _new_link(page.content.decode())) == (410, SIGNIN)
