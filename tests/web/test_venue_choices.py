"""Lists to pick a venue or an organization from name it as the reader knows it: a venue by
its name in the reader's language with its city (``Port de Houston — Houston``), an
organization by its name in the reader's language or script, sorted by that label; the key
only when there is no name (they read ``Port of Houston (v-port)`` in every language)."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from tests.web.editing_factories import make_mission, organizer_of


@pytest.fixture
def mission(db: None) -> Event:
    """The Houston mission of the editing tests, its venues and organizations named in
    French and Arabic (some of them), one venue without a name, one in San José."""
    base = make_mission()
    venues = (
        core.Venue(
            "v-port",
            "Port of Houston",
            "Houston",
            "America/Chicago",
            name_fr="Port de Houston",
            name_ar="ميناء هيوستن",
        ),
        core.Venue("v-iah", "Bush Airport", "Houston", "America/Chicago", name_ar="مطار بوش"),
        core.Venue("v-hotel", "Downtown Hotel", "Houston", "America/Chicago"),
        core.Venue("v-nameless", "", "Houston", "America/Chicago"),
        core.Venue("v-sjc", "San José Airport", "San Jose", "America/Los_Angeles"),
    )
    atlas, port = base.organizations
    organizations = (
        replace(atlas, name_fr="Atlas Logistique", name_ar="أطلس للوجستيك"),
        replace(port, name_fr="Autorité portuaire"),
    )
    row = store_event(replace(base, venues=venues, organizations=organizations))
    accounts.enrol_everyone(row)
    return row


def _options(client: Client, event: Event, path: str, name: str, lang: str) -> list[str]:
    """The labels of the options of the list ``name`` on the form at ``path``."""
    page = client.get(f"/events/{event.slug}/edit/{path}", HTTP_ACCEPT_LANGUAGE=lang).text
    select = re.search(rf'<select[^>]*\bname="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None
    labels = re.findall(r"<option[^>]*>(.*?)</option>", select.group(1), re.S)
    return [html.unescape(label) for label in labels]


VENUES = {
    "en": [
        "—",
        "Bush Airport — Houston",
        "Downtown Hotel — Houston",
        "Port of Houston — Houston",
        "San José Airport — San Jose",
        "v-nameless — Houston",
    ],
    "fr": [
        "—",
        "Bush Airport — Houston",
        "Downtown Hotel — Houston",
        "Port de Houston — Houston",
        "San José Airport — San Jose",
        "v-nameless — Houston",
    ],
    "ar": [
        "—",
        "Downtown Hotel — هيوستن",
        "San José Airport — San Jose",
        "v-nameless — هيوستن",
        "مطار بوش — هيوستن",
        "ميناء هيوستن — هيوستن",
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("programme/_add/", "venue"),
        ("programme/_add/", "end_venue"),
        ("visits/_add/", "venue"),
        ("legs/_add/", "hotel"),
        ("legs/_add/", "lunch_venue"),
        ("organizations/o-port/", "venue"),
    ],
)
def test_venues_are_listed_by_name_and_city(
    lang: str, path: str, name: str, mission: Event
) -> None:
    assert _options(organizer_of(mission), mission, path, name, lang) == VENUES[lang]


@pytest.mark.parametrize(
    ("lang", "organizations", "hosts"),
    [
        ("en", ["—", "Atlas Logistics", "Port Authority"], ["—", "Port Authority"]),
        ("fr", ["—", "Atlas Logistique", "Autorité portuaire"], ["—", "Autorité portuaire"]),
        ("ar", ["—", "Port Authority", "أطلس للوجستيك"], ["—", "Port Authority"]),
    ],
)
def test_organizations_are_listed_by_name_in_the_readers_language(
    lang: str, organizations: list[str], hosts: list[str], mission: Event
) -> None:
    client = organizer_of(mission)
    assert _options(client, mission, "people/p-amina/", "organization", lang) == organizations
    assert _options(client, mission, "visits/_add/", "host", lang) == hosts


def test_the_stored_value_is_still_the_key(mission: Event) -> None:
    page = organizer_of(mission).get(
        f"/events/{mission.slug}/edit/people/p-amina/", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert '<option value="o-atlas" selected>Atlas Logistique</option>' in page.text
