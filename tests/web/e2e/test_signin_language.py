"""Signing in keeps the language chosen on the sign-in page (Debian's Chromium, Playwright).

Amina's account speaks Arabic. In a browser reading English she asks for a link on the
sign-in page after choosing French with the language switcher; the link is opened in
another browser (her phone's mail app, reading Arabic, without the first browser's
cookie). The e-mail, the link's page and the page it signs her in to read French: the link
carries the language the sign-in page was read in. And the reverse: an account speaking
English that chose Arabic reads Arabic to the end.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page

from liqa.web.events.models import Event

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

HEADINGS = {"fr": "Bienvenue", "ar": "مرحبا بك", "en": "Welcome"}


def _lang(page: Page) -> str | None:
    return page.locator("html").get_attribute("lang")


def _ask_for_a_link(chromium: Browser, base: str, event: Event, email: str, lang: str) -> str:
    """In a browser reading English, the organizer page sends to sign in; the switcher
    chooses ``lang``; the address asks for a link: the link of the e-mail sent."""
    asking = chromium.new_context(locale="en-US")
    page = asking.new_page()
    page.goto(f"{base}/organize/{event.slug}/")
    page.locator(f"form.lang button[value={lang}]").click()
    page.wait_for_url(re.compile(r"/accounts/signin/"))
    assert _lang(page) == lang
    page.fill("#email", email)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert _lang(page) == lang
    asking.close()
    assert len(mail.outbox) == 1
    found = re.search(r"http\S+/accounts/link/\S+", str(mail.outbox[0].body))
    assert found is not None, mail.outbox[0].body
    return found.group(0)


@pytest.mark.parametrize(
    ("email", "chosen", "other_browser"),
    [("amina@example.org", "fr", "ar"), ("chen@example.org", "ar", "en-US")],
)
def test_the_link_keeps_the_language_chosen_on_the_sign_in_page(
    chromium: Browser,
    live_server: object,
    event: Event,
    settings: object,
    email: str,
    chosen: str,
    other_browser: str,
) -> None:
    base = str(live_server.url)  # type: ignore[attr-defined]
    settings.BASE_URL = base  # type: ignore[attr-defined]
    link = _ask_for_a_link(chromium, base, event, email, chosen)
    subjects = {
        "fr": "Votre lien de connexion à liqa",
        "ar": "رابط الدخول إلى لقاء",
    }
    assert mail.outbox[0].subject == subjects[chosen]

    opening = chromium.new_context(locale=other_browser)  # another device: no cookie
    page = opening.new_page()
    page.goto(link)
    assert _lang(page) == chosen
    assert page.locator("main h1").inner_text() == HEADINGS[chosen]
    page.locator("#confirm-sign-in").click()
    page.wait_for_url(re.compile(r"/organize/|/events/|/me/|/$"))
    assert _lang(page) == chosen, page.url
    # the switcher still changes it afterwards
    page.locator("form.lang button[value=en]").click()
    page.wait_for_load_state()
    assert _lang(page) == "en"
    opening.close()
