"""The booking page's slot labels say the day when the brokerage spans days and the zone
when the event spans zones: "10:20 AM" alone was ambiguous there."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from django.test import Client

from liqa.core import model as core
from liqa.core.local_time import local_date_words
from liqa.core.outputs import labels
from liqa.web.agendas import bookings
from liqa.web.events.models import Event
from tests.web.factories import DAY, TUNIS, at, person_user
from tests.web.test_booking import crowd_event, stored


def _free_labels(row: Event, person: str = "p-d1") -> list[str]:
    """The free slots' labels offered to ``person`` for their first meeting."""
    option = next(o for o in bookings.options(row, person) if o.free)
    return [label.replace("\u202f", " ") for _start, label in option.free]  # Babel's AM


def _two_days(event: core.Event) -> core.Event:
    assert event.brokerage is not None
    next_day = core.Session("next", at(9) + timedelta(days=1), at(10) + timedelta(days=1))
    setup = dataclasses.replace(event.brokerage, sessions=(*event.brokerage.sessions, next_day))
    leg = dataclasses.replace(event.legs[0], end=DAY + timedelta(days=1))
    return dataclasses.replace(event, brokerage=setup, legs=(leg,))


@pytest.mark.django_db
def test_one_day_in_one_zone_reads_the_time_alone() -> None:
    assert _free_labels(stored(crowd_event())) == ["9:00 AM", "9:20 AM", "9:40 AM"]


@pytest.mark.django_db
def test_slots_over_two_days_say_their_day() -> None:
    free = _free_labels(stored(_two_days(crowd_event())))
    first, last = free[0], free[-1]
    assert first.startswith(local_date_words(DAY, "en"))
    assert first.endswith("9:00 AM")
    assert last.startswith(local_date_words(DAY + timedelta(days=1), "en"))
    assert last.endswith("9:40 AM")


@pytest.mark.django_db
def test_an_event_across_zones_names_the_slots_zone() -> None:
    event = crowd_event()
    elsewhere = core.Leg("casa", "Casablanca", "Africa/Casablanca", DAY, DAY)
    row = stored(dataclasses.replace(event, legs=(*event.legs, elsewhere)))
    zone = labels.zone_short(at(9).astimezone(TUNIS), "en")
    assert _free_labels(row)[0] == f"9:00 AM {zone}"


@pytest.mark.django_db
def test_the_page_shows_the_day_in_french() -> None:
    row = stored(_two_days(crowd_event()))
    client = Client()
    client.force_login(person_user("d1@example.org"))
    client.cookies["django_language"] = "fr"
    page = client.get(f"/me/{row.slug}/requests/").content.decode()
    assert f">{local_date_words(DAY, 'fr')}, 09:00</option>" in page
