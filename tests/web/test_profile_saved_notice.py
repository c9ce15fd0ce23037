"""Saving the profile says so once, in the reader's language (QA walk: the page reloaded
with no word, so a participant on a phone could not tell the save had worked)."""

from __future__ import annotations

import html
import re

from django.test import Client

from liqa.web.events.models import Event
from tests.web.editing_factories import store_mission
from tests.web.test_profile_place_clock import signed_in


def _notices(client: Client, event: Event) -> list[str]:
    page = client.get(f"/me/{event.slug}/profile/").content.decode()
    found = re.findall(r'<p class="notice" role="status" id="profile-saved">(.*?)</p>', page)
    return [html.unescape(text) for text in found]


def test_saving_the_profile_says_saved_once_in_the_readers_language(db: None) -> None:
    event = store_mission()
    amina = signed_in("amina@example.org")
    amina.cookies["django_language"] = "fr"
    sent = {"languages": ["ar", "fr"], "phone": "+212 600 000 000"}
    sent["days"] = re.findall(
        r'name="days" value="([0-9-]+)" checked>',
        amina.get(f"/me/{event.slug}/profile/").content.decode(),
    )
    assert amina.post(f"/me/{event.slug}/profile/", sent).status_code == 302
    assert _notices(amina, event) == ["Enregistré."]
    assert _notices(amina, event) == []  # once: not again on the next visit


def test_a_refused_profile_says_nothing_was_saved(db: None) -> None:
    event = store_mission()
    amina = signed_in("amina@example.org")
    refused = amina.post(f"/me/{event.slug}/profile/", {"languages": ["en"], "phone": ""})
    assert refused.status_code == 400
    assert 'id="profile-saved"' not in refused.content.decode()
