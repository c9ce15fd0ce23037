"""The organizer's availability form reads and shows a person's hours on the clock of the
place they happen at, as the mission file does (``values.places_of``): a host's staff on
their venue's city's clock, others on the leg's. The form read and showed them on the leg's
clock, while the core read what it sent on the venue's: a host in San Francisco on a
Houston leg who typed 09:00-12:00 was stored at 09:00-12:00 Pacific only by chance of the
validator, and the form then showed 11:00-14:00, which saving unchanged moved two hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record, store_event
from tests.web.editing_factories import errors, houston, make_mission, organizer_of, post
from tests.web.test_edit_zone_travel_day import form_values, zone_shown

PACIFIC = ZoneInfo("America/Los_Angeles")
SAN_FRANCISCO = core.Venue("v-sf", "Bay Office", "San Francisco", "America/Los_Angeles")
BAY = core.Organization("o-bay", "Bay Digital", core.Side.HOST, venue="v-sf")
SAM = core.Person("p-sam", "Sam Carter", "o-bay", email="sam@example.org")


def sf(day: int, hour: int) -> datetime:
    """An instant of March 2030 on San Francisco's clock."""
    return datetime(2030, 3, day, hour, tzinfo=PACIFIC)


def _with_bay_host(event: core.Event, *availability: core.TimeWindow) -> Event:
    """``event`` with a host in San Francisco (its venue's clock is not the leg's) and its
    staff member Sam, available at ``availability``."""
    sam = replace(SAM, availability=availability)
    row = store_event(
        replace(
            event,
            venues=(*event.venues, SAN_FRANCISCO),
            organizations=(*event.organizations, BAY),
            people=(*event.people, sam),
        )
    )
    accounts.enrol_everyone(row)
    return row


@pytest.fixture
def bay(db: None) -> Event:
    """The Houston mission (leg on Chicago's clock) with the San Francisco host."""
    return _with_bay_host(make_mission())


def test_a_san_francisco_host_types_nine_to_noon_on_san_franciscos_clock(bay: Event) -> None:
    client = organizer_of(bay)
    response = post(client, bay, "availability/p-sam/", {"availability": "2030-03-11 09:00-12:00"})
    assert response.status_code == 302, errors(response, "availability")
    stored = event_record(bay).person("p-sam").availability
    assert stored == (core.TimeWindow(sf(11, 9), sf(11, 12)),)
    row = Person.objects.get(event=bay, key="p-sam")
    assert row.availability == [["2030-03-11T09:00:00-07:00", "2030-03-11T12:00:00-07:00"]]
    assert form_values(client, bay, "availability/p-sam/") == {
        "availability": "2030-03-11 09:00-12:00"
    }
    assert zone_shown(client, bay, "availability/p-sam/", "availability") == (
        "Time zone: San Francisco time (PDT)"
    )


def test_stored_hours_are_shown_on_the_venues_clock_and_saving_them_moves_nothing(
    db: None,
) -> None:
    event = _with_bay_host(make_mission(), core.TimeWindow(sf(12, 9), sf(12, 12)))
    client = organizer_of(event)
    shown = form_values(client, event, "availability/p-sam/")
    assert shown == {"availability": "2030-03-12 09:00-12:00"}
    assert post(client, event, "availability/p-sam/", shown).status_code == 302
    assert event_record(event).person("p-sam").availability == (
        core.TimeWindow(sf(12, 9), sf(12, 12)),
    )


def test_a_delegate_without_a_venue_of_their_own_keeps_the_legs_clock(bay: Event) -> None:
    client = organizer_of(bay)
    typed = {"availability": "2030-03-11 09:00-12:00"}
    assert post(client, bay, "availability/p-amina/", typed).status_code == 302
    assert event_record(bay).person("p-amina").availability == (
        core.TimeWindow(houston(11, 9), houston(11, 12)),
    )
    assert zone_shown(client, bay, "availability/p-amina/", "availability") == (
        "Time zone: Houston time (CDT)"
    )


def test_an_hour_the_venues_clocks_skip_is_refused_with_the_venues_zone(db: None) -> None:
    """On a leg on Phoenix's clock (no summer time) 02:30 on 10 March exists; at the Houston
    host's venue it does not (clocks move forward that night)."""
    base = make_mission()
    phoenix = replace(base, legs=(replace(base.legs[0], timezone="America/Phoenix"),))
    event = _with_bay_host(phoenix)
    client = organizer_of(event)
    typed = {"availability": "2030-03-10 02:30-04:00"}
    response = post(client, event, "availability/p-hank/", typed)
    assert response.status_code == 400
    assert errors(response, "availability") == [
        "line 1: 2030-03-10 02:30 does not exist in America/Chicago: "
        "the clocks move forward that night"
    ]
    assert event_record(event).person("p-hank").availability == ()
