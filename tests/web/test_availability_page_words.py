"""A participant's availability page, as a French organizer read it: titled with the person's
name (isolated on an Arabic page), not their key; its help text in sentences, with an example
on the event's own first day; an availability outside the event's days said back as a date
and time of the reader's language, never as ISO 8601 with an offset."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import Client

from liqa.web.events.models import Event, Person
from tests.web.editing_factories import errors, organizer_of, post
from tests.web.page_text import heading, title
from tests.web.test_edit_zone_travel_day import form_values

ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@pytest.fixture
def organizer(event: Event) -> Client:
    return organizer_of(event)


def _page(client: Client, event: Event, key: str, lang: str) -> str:
    response = client.get(
        f"/events/{event.slug}/edit/availability/{key}/", HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 200
    return str(response.content.decode())


def _help(page: str) -> str:
    found = re.search(r'<small id="id_availability_helptext">(.*?)</small>', page, re.S)
    assert found is not None
    return html.unescape(found.group(1))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_page_is_titled_with_the_persons_name(
    organizer: Client, event: Event, lang: str
) -> None:
    page = _page(organizer, event, "p-amina", lang)
    assert "Amina Idrissi" in heading(page)
    assert "Amina Idrissi" in title(page)
    assert "p-amina" not in heading(page) + title(page)


def test_on_an_arabic_page_a_latin_name_is_isolated(organizer: Client, event: Event) -> None:
    page = _page(organizer, event, "p-chen", "ar")
    assert '<bdi class="ltr">Chen Li</bdi>' in heading(page)
    assert "\u2066Chen Li\u2069" in title(page)
    assert "p-chen" not in heading(page) + title(page)


def test_on_an_arabic_page_an_arabic_name_is_used(
    organizer: Client, event: Event, dina: Person
) -> None:
    page = _page(organizer, event, "p-dina", "ar")
    assert "دينا حداد" in heading(page)
    assert "دينا حداد" in title(page)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_help_reads_as_sentences(organizer: Client, event: Event, lang: str) -> None:
    text = _help(_page(organizer, event, "p-amina", lang))
    assert text[0].isupper()
    after_stops = re.findall(r"\.\s+(\w)", text)
    assert after_stops
    assert all(letter.isupper() for letter in after_stops), text


def test_the_help_in_english(organizer: Client, event: Event) -> None:
    assert _help(_page(organizer, event, "p-amina", "en")) == (
        "When the person can attend; empty: the whole event. One window a line, in local time "
        "of the place (the brokerage venue, a host's venue for its staff, else the leg that "
        "day), for example 2030-03-14 09:00-12:00. Over midnight: 2030-03-14 22:00 – "
        "2030-03-15 01:00."
    )


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_example_is_on_the_events_first_day(organizer: Client, event: Event, lang: str) -> None:
    text = _help(_page(organizer, event, "p-amina", lang))
    assert "2030-03-14 09:00-12:00" in text
    assert "2030-03-11" not in text


def _move_the_leg(client: Client, event: Event, lang: str) -> Any:
    """Amina is available on the event's day (14 March, Tunis); the organizer moves the
    event's only leg to the 15th."""
    typed = {"availability": "2030-03-14 09:00-12:00"}
    assert post(client, event, "availability/p-amina/", typed).status_code == 302
    values = form_values(client, event, "legs/tunis/")
    values["start"] = values["end"] = "2030-03-15"
    return client.post(f"/events/{event.slug}/edit/legs/tunis/", values, HTTP_ACCEPT_LANGUAGE=lang)


def test_a_stored_window_outside_the_days_reads_as_a_date_and_time(
    organizer: Client, event: Event
) -> None:
    response = _move_the_leg(organizer, event, "en")
    assert response.status_code == 400
    (amina,) = [m for m in errors(response, "general") if "p-amina" in m]
    assert "availability Thu, Mar 14, 2030, 9:00\u202fAM – 12:00\u202fPM is outside" in amina
    assert not ISO_WITH_OFFSET.search(" ".join(errors(response, "general")))


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_no_iso_instant_in_any_language(organizer: Client, event: Event, lang: str) -> None:
    response = _move_the_leg(organizer, event, lang)
    assert response.status_code == 400
    general = errors(response, "general")
    assert general
    assert not ISO_WITH_OFFSET.search(" ".join(general))
    if lang == "fr":
        assert any("14 mars 2030, 09:00 – 12:00" in m for m in general)


def test_a_typed_window_is_said_back_as_it_was_typed(organizer: Client, event: Event) -> None:
    typed = {"availability": "2030-03-20 09:00-12:00"}
    response = post(organizer, event, "availability/p-amina/", typed)
    assert response.status_code == 400
    (message,) = errors(response, "availability")
    assert message.startswith("availability 2030-03-20 09:00 – 2030-03-20 12:00 is outside")
