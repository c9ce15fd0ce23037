"""A host administrator's "Days we receive visitors" are whole days on the clock of the
host's venue, where the core reads a visit's windows (``values.places_of``: the visit's
venue, else its host's), as the organizer's visit form and a participant's "Days I am
available" do. The host page built them on the leg's clock, so a San Francisco host who
ticked a day the delegation is in Houston was stored receiving 08:30-18:00 Houston time,
06:30-16:00 in San Francisco. The page also names the clock the days are on."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.events.models import CandidateVisit, Event
from liqa.web.events.records import event_record, store_event
from tests.web.editing_factories import houston, make_mission
from tests.web.test_edit_availability_place_clock import _with_bay_host

TOKYO = core.Venue("v-tokyo", "Tokyo Office", "Tokyo", "Asia/Tokyo")


def sf(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant of March 2030 on San Francisco's clock."""
    return datetime(2030, 3, day, hour, minute, tzinfo=ZoneInfo("America/Los_Angeles"))


def _visits(*windows: core.TimeWindow) -> core.Event:
    """The Houston mission with a visit to the Port (Houston) and one to Bay Digital (its
    venue in San Francisco), the latter receiving at ``windows``."""
    event = make_mission()
    return replace(
        event,
        visits=(
            core.CandidateVisit("visit-port", "o-port", "v-port"),
            core.CandidateVisit("visit-bay", "o-bay", "v-sf", windows=windows),
        ),
    )


def host_admin(event: Event, organization: str, person: str, email: str) -> Client:
    """A client signed in as ``person``, named administrator of host ``organization``."""
    accounts.grant_host(event, organization, person)
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def save_days(client: Client, event: Event, *days: str) -> None:
    """Send the host settings with ``days`` ticked."""
    sent = {"action": "settings", "address": "1 Market St", "capacity": "", "days": list(days)}
    response = client.post(f"/host/{event.slug}/", sent)
    assert response.status_code == 302, response.content.decode()


def ticked(client: Client, event: Event) -> list[str]:
    """The receiving days the host page shows ticked."""
    page = client.get(f"/host/{event.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    return re.findall(r'name="days" value="([0-9-]+)" checked>', page.content.decode())


def clock_shown(client: Client, event: Event, lang: str = "en") -> str:
    """The clock the host page names beside the receiving days (``""``: none)."""
    client.cookies["django_language"] = lang
    page = client.get(f"/host/{event.slug}/").content.decode()
    found = re.search(r'<small class="zone" id="days-zone">(.*?)</small>', page)
    return html.unescape(found.group(1)) if found else ""


@pytest.fixture
def bay(db: None) -> Event:
    """The Houston mission (leg on Chicago's clock) with visits to a Houston host and to a
    San Francisco host."""
    return _with_bay_host(_visits())


def bay_windows(event: Event) -> tuple[core.TimeWindow, ...]:
    """The windows the core reads for the visit to Bay Digital."""
    return next(v for v in event_record(event).visits if v.id == "visit-bay").windows


def test_a_san_francisco_host_receives_whole_days_in_san_francisco(bay: Event) -> None:
    sam = host_admin(bay, "o-bay", "p-sam", "sam@example.org")
    save_days(sam, bay, "2030-03-11", "2030-03-12")
    assert bay_windows(bay) == (
        core.TimeWindow(sf(11, 8, 30), sf(11, 18)),
        core.TimeWindow(sf(12, 8, 30), sf(12, 18)),
    )
    row = CandidateVisit.objects.get(event=bay, key="visit-bay")
    assert row.windows[0] == ["2030-03-11T08:30:00-07:00", "2030-03-11T18:00:00-07:00"]
    assert ticked(sam, bay) == ["2030-03-11", "2030-03-12"]
    save_days(sam, bay, *ticked(sam, bay))  # saving unchanged moves nothing
    assert bay_windows(bay)[0] == core.TimeWindow(sf(11, 8, 30), sf(11, 18))
    assert CandidateVisit.objects.get(event=bay, key="visit-port").windows == []


def test_the_page_names_the_clock_of_the_days(bay: Event) -> None:
    sam = host_admin(bay, "o-bay", "p-sam", "sam@example.org")
    assert clock_shown(sam, bay) == "Time zone: San Francisco time (PDT)"
    assert clock_shown(sam, bay, "fr") == "Fuseau horaire : heure de San Francisco (PDT)"
    assert "(\u2066PDT\u2069)" in clock_shown(sam, bay, "ar")


def test_a_houston_host_keeps_houstons_clock(bay: Event) -> None:
    hank = host_admin(bay, "o-port", "p-hank", "hank@example.org")
    save_days(hank, bay, "2030-03-11")
    port = next(v for v in event_record(bay).visits if v.id == "visit-port")
    assert port.windows == (core.TimeWindow(houston(11, 8, 30), houston(11, 18)),)
    assert ticked(hank, bay) == ["2030-03-11"]
    assert clock_shown(hank, bay) == "Time zone: Houston time (CDT)"
    assert bay_windows(bay) == ()


def test_an_event_in_one_zone_names_no_clock(db: None) -> None:
    event = store_event(replace(make_mission(), visits=_visits().visits[:1]))
    accounts.enrol_everyone(event)
    hank = host_admin(event, "o-port", "p-hank", "hank@example.org")
    assert clock_shown(hank, event) == ""
    assert 'name="days"' in hank.get(f"/host/{event.slug}/").content.decode()


def test_a_day_stored_on_the_legs_clock_before_still_reads_ticked(db: None) -> None:
    """Rows the page wrote before (the host's day on the leg's clock) read as they did."""
    event = _with_bay_host(_visits(core.TimeWindow(houston(12, 8, 30), houston(12, 18))))
    assert ticked(host_admin(event, "o-bay", "p-sam", "sam@example.org"), event) == ["2030-03-12"]


def test_a_legs_clock_day_reads_ticked_at_a_host_half_a_day_away(db: None) -> None:
    """A host in Tokyo (14 hours ahead of Houston): the leg's working hours of 12 March
    fall in its night, overlapping none of its days' hours, yet the page wrote that day so
    before, and it reads ticked; a day written on Tokyo's clock reads as that day only."""
    tokyo = replace(_visits().visits[1], venue="v-tokyo")
    leg_day = core.TimeWindow(houston(12, 8, 30), houston(12, 18))
    base = make_mission()
    event = _with_bay_host(
        replace(
            base,
            venues=(*base.venues, TOKYO),
            visits=(replace(tokyo, windows=(leg_day,)),),
        )
    )
    sam = host_admin(event, "o-bay", "p-sam", "sam@example.org")
    assert ticked(sam, event) == ["2030-03-12"]
    assert clock_shown(sam, event) == "Time zone: Tokyo time (JST)"
    save_days(sam, event, "2030-03-11")
    at_tokyo = ZoneInfo("Asia/Tokyo")
    assert bay_windows(event) == (
        core.TimeWindow(
            datetime(2030, 3, 11, 8, 30, tzinfo=at_tokyo),
            datetime(2030, 3, 11, 18, tzinfo=at_tokyo),
        ),
    )
    assert ticked(sam, event) == ["2030-03-11"]
