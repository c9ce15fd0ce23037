"""A participant's own "Days I am available" are whole days on the clock of their place, as
the organizer's availability form reads them (``values.places_of``): a host's staff at
their organization's venue, else the leg that day. The page built them on the leg's clock,
so a San Francisco host who ticked a day the delegation is in Houston was stored available
08:30-18:00 Houston time, 06:30-16:00 in San Francisco."""

from __future__ import annotations

import re
from datetime import datetime

from django.contrib.auth import get_user_model
from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record
from tests.web.editing_factories import houston, make_mission
from tests.web.test_edit_availability_place_clock import PACIFIC, _with_bay_host, bay

__all__ = ["bay"]  # the fixture, used by name


def sf(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant of March 2030 on San Francisco's clock."""
    return datetime(2030, 3, day, hour, minute, tzinfo=PACIFIC)


def signed_in(email: str) -> Client:
    """A client signed in as the participant with this address."""
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def ticked(client: Client, event: Event) -> list[str]:
    """The days the profile page shows ticked."""
    page = client.get(f"/me/{event.slug}/profile/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    return re.findall(r'name="days" value="([0-9-]+)" checked>', page.content.decode())


def save_days(client: Client, event: Event, *days: str) -> None:
    """Send the profile form with ``days`` ticked."""
    sent = {"languages": ["en"], "days": list(days), "phone": ""}
    assert client.post(f"/me/{event.slug}/profile/", sent).status_code == 302


def test_a_san_francisco_host_ticks_whole_days_in_san_francisco(bay: Event) -> None:
    sam = signed_in("sam@example.org")
    save_days(sam, bay, "2030-03-11", "2030-03-12")
    assert event_record(bay).person("p-sam").availability == (
        core.TimeWindow(sf(11, 8, 30), sf(11, 18)),
        core.TimeWindow(sf(12, 8, 30), sf(12, 18)),
    )
    row = Person.objects.get(event=bay, key="p-sam")
    assert row.availability[0] == ["2030-03-11T08:30:00-07:00", "2030-03-11T18:00:00-07:00"]
    assert ticked(sam, bay) == ["2030-03-11", "2030-03-12"]
    save_days(sam, bay, *ticked(sam, bay))  # saving unchanged moves nothing
    assert event_record(bay).person("p-sam").availability[0] == (
        core.TimeWindow(sf(11, 8, 30), sf(11, 18))
    )


def test_a_delegate_keeps_the_legs_clock(bay: Event) -> None:
    amina = signed_in("amina@example.org")
    save_days(amina, bay, "2030-03-11")
    assert event_record(bay).person("p-amina").availability == (
        core.TimeWindow(houston(11, 8, 30), houston(11, 18)),
    )
    assert ticked(amina, bay) == ["2030-03-11"]


def test_a_day_stored_on_the_legs_clock_before_still_reads_ticked(db: None) -> None:
    """Rows the page wrote before (the host's day on the leg's clock) read as they did."""
    event = _with_bay_host(make_mission(), core.TimeWindow(houston(12, 8, 30), houston(12, 18)))
    assert ticked(signed_in("sam@example.org"), event) == ["2030-03-12"]
