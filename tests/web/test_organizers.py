"""Organizers named per language: stored, read back, shown on the public page and the API."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client
from rest_framework.test import APIClient

from liqa.web.events.models import Event
from liqa.web.events.records import event_record, store_event
from tests.web.factories import make_core_event

pytestmark = pytest.mark.django_db

CHAMBER = {
    "en": "Tunis Chamber of Commerce",
    "fr": "Chambre de commerce de Tunis",
    "ar": "غرفة التجارة بتونس",
}
COMMITTEE = {"fr": "Comité organisateur"}


def _stored() -> Event:
    return store_event(replace(make_core_event(), organizers=(CHAMBER, COMMITTEE)))


def _public_page(event: Event, lang: str) -> str:
    return Client().get(f"/events/{event.slug}/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()


def test_organizers_in_several_languages_survive_the_database_round_trip() -> None:
    original = replace(make_core_event(), organizers=(CHAMBER, COMMITTEE))
    assert event_record(store_event(original)) == original


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (
            "ar",
            "<p><strong>المنظمون:</strong> غرفة التجارة بتونس و"
            '<bdi class="ltr">Comité organisateur</bdi></p>',
        ),
        (
            "fr",
            "<p><strong>Organisateurs :</strong> Chambre de commerce de Tunis et "
            "Comité organisateur</p>",
        ),
        (
            "en",
            "<p><strong>Organizers:</strong> Tunis Chamber of Commerce and Comité organisateur</p>",
        ),
    ],
)
def test_public_page_names_the_organizers_in_the_readers_language(lang: str, shown: str) -> None:
    assert shown in _public_page(_stored(), lang)


def test_api_names_the_organizers_in_the_requests_language_and_gives_every_name() -> None:
    event = _stored()
    data = APIClient().get(f"/api/events/{event.slug}/", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert (data["organizers"], data["organizers_localized"]) == (
        ["غرفة التجارة بتونس", "Comité organisateur"],
        [CHAMBER, COMMITTEE],
    )


def test_an_event_stored_with_plain_string_organizers_still_reads_and_renders() -> None:
    """Events stored before organizers had names per language hold plain strings (English)."""
    event = _stored()
    Event.objects.filter(pk=event.pk).update(organizers=["Chamber of Commerce", CHAMBER, ""])
    assert event_record(Event.objects.get(pk=event.pk)).organizers == (
        {"en": "Chamber of Commerce"},
        CHAMBER,
    )
    assert (
        "<p><strong>المنظمون:</strong> "
        '<bdi class="ltr">Chamber of Commerce</bdi> وغرفة التجارة بتونس</p>'
        in _public_page(event, "ar")
    )
    data = APIClient().get("/api/events/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert [e["organizers"] for e in data] == [
        ["Chamber of Commerce", "Chambre de commerce de Tunis"]
    ]
