"""The times in a refused move's reasons read as the rest of the page: the Move form and the
agendas say "9:00 AM" in English, "09:00" in French and Arabic, and name the hall's zone
when the event spans zones; the reasons said "09:00" in every language and never the zone."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import DAY, make_core_event, make_schedule

OVERLAP = {
    "en": "Amina Idrissi is in 2 meetings in slot {slot} (can attend 1)",
    "fr": "Amina Idrissi a 2 rendez-vous au créneau {slot} (peut en suivre 1)",
    "ar": "لدى \u2066Amina Idrissi\u2069 عدد 2 من اللقاءات في الفترة {slot} (يمكنه حضور 1)",
}
"""The Arabic reason isolates the Latin name (U+2066…U+2069), and a time alone, as the
refused move's rules do since 4b6939e."""
NINE = {"en": "9:00\u202fAM", "fr": "09:00", "ar": "09:00"}
"""09:00 in Tunis, as the Move form's slot list writes it in each language."""
TUNIS_ZONE = {
    "en": "Central European Standard Time",
    "fr": "heure normale d’Europe centrale",
    "ar": "توقيت وسط أوروبا الرسمي",
}


def _refusal(client: Client, event: Event, lang: str) -> str:
    """The overlap reason of moving r-2 onto r-1's slot (Amina in both), in ``lang``."""
    clash = client.post(
        f"/organize/{event.slug}/versions/1/move/",
        {"key": "r-2", "slot": "0", "table": "3"},
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert clash.status_code == 409
    page = clash.content.decode()
    return page.split('<li data-rule="overlap">')[1].split("</li>")[0]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_refused_moves_time_reads_as_the_move_form(
    lang: str,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
) -> None:
    refusal = _refusal(client_for(organizer), event, lang)
    slot = f"\u2066{NINE[lang]}\u2069" if lang == "ar" else NINE[lang]
    assert refusal == OVERLAP[lang].format(slot=slot)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_refused_moves_time_names_the_zone_when_the_event_spans_zones(
    lang: str, db: None, client_for: Callable[..., Client]
) -> None:
    """Two days in Casablanca before the brokerage day in Tunis: the slots are Tunis times,
    named as the Move form's slot label names them."""
    tunis = make_core_event("casablanca-tunis-2030")
    casablanca = core.Leg(
        "casablanca",
        "Casablanca",
        "Africa/Casablanca",
        DAY - timedelta(days=2),
        DAY - timedelta(days=1),
    )
    record = dataclasses.replace(tunis, legs=(casablanca, *tunis.legs))
    event = store_event(record)
    store_schedule(event, make_schedule(record))
    user = get_user_model().objects.create_user("org2", "org2@example.org", "organizer-pass-2")
    accounts.grant(user, event, Role.ORGANIZER)
    client = client_for(user)
    form = client.get(f"/organize/{event.slug}/versions/1/", HTTP_ACCEPT_LANGUAGE=lang)
    assert f'<small class="zone">{TUNIS_ZONE[lang]}</small>' in form.content.decode()
    refusal = _refusal(client, event, lang)
    assert refusal == OVERLAP[lang].format(slot=f"{NINE[lang]} {TUNIS_ZONE[lang]}")
