"""The sign-in page's "Organizers: sign in with a password" link carries the page to go to
after signing in (``?next=``, when it is a safe local address: never an open redirect) and
the page's ``?lang=``; the password page keeps ``next`` through its form, so an organizer
sent to sign in from a deep link lands on it after the password."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client

SIGNIN = "/accounts/signin/"
PASSWORD = "/accounts/signin/password/"
DEEP = "/organize/tunis-b2b-2030/versions/1/?day=2&lang=fr"
"""A deep link with its own query (two parameters), which must survive the round trip."""


def _password_link(html: str) -> str:
    """The address of the sign-in page's link to the password page."""
    (href,) = re.findall(r'<a href="([^"]*)">Organizers: sign in with a password</a>', html)
    return unescape(href)


def _hidden_next(html: str) -> str:
    """The ``next`` the password form sends (the language switcher's form has its own)."""
    form = html[html.index('name="username"') :]
    (value,) = re.findall(r'<input type="hidden" name="next" value="([^"]*)">', form)
    return unescape(value)


def _query(address: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(address).query)


def test_the_password_link_carries_next_and_the_organizer_lands_there(organizer: User) -> None:
    client = Client()
    signin = client.get(SIGNIN, {"next": DEEP})
    link = _password_link(signin.content.decode())
    assert urlsplit(link).path == PASSWORD
    assert _query(link) == {"next": [DEEP]}
    page = client.get(link)
    assert page.status_code == 200
    assert _hidden_next(page.content.decode()) == DEEP
    signed_in = client.post(
        link,
        {"username": "org@example.org", "password": "organizer-pass-1", "next": DEEP},
    )
    assert (signed_in.status_code, signed_in["Location"]) == (302, DEEP)


def test_a_wrong_password_keeps_next_in_the_form(organizer: User) -> None:
    wrong = Client().post(
        PASSWORD, {"username": "org@example.org", "password": "nope", "next": DEEP}
    )
    assert wrong.status_code == 401
    assert _hidden_next(wrong.content.decode()) == DEEP


def test_the_password_link_carries_the_pages_language(db: None) -> None:
    link = _password_link(Client().get(SIGNIN, {"next": "/", "lang": "ar"}).content.decode())
    assert _query(link) == {"next": ["/"], "lang": ["ar"]}
    unknown = _password_link(Client().get(SIGNIN, {"lang": "xx"}).content.decode())
    assert unknown == PASSWORD


def test_without_next_the_link_is_the_plain_password_page(db: None) -> None:
    assert _password_link(Client().get(SIGNIN).content.decode()) == PASSWORD


@pytest.mark.parametrize(
    "elsewhere",
    ["https://evil.example/", "//evil.example/x", "https:evil.example", "/\\evil.example"],
)
def test_an_address_elsewhere_is_never_carried(organizer: User, elsewhere: str) -> None:
    client = Client()
    link = _password_link(client.get(SIGNIN, {"next": elsewhere}).content.decode())
    assert link == PASSWORD
    page = client.get(PASSWORD, {"next": elsewhere})
    assert _hidden_next(page.content.decode()) == ""
    signed_in = client.post(
        PASSWORD,
        {"username": "org@example.org", "password": "organizer-pass-1", "next": elsewhere},
    )
    assert signed_in["Location"] == "/"
