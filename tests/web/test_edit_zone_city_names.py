"""Every edit form names the clock its times are typed on as the availability form does
(92096de): by the city of the place whose clock it is, ``San Francisco time (PDT)``, the
leg's city when the times are the leg's; the other forms named the zone by its long name
and its database id, ``Central Daylight Time (America/Chicago)``."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from liqa.core import model as core
from liqa.web.events.forms import FORMS
from tests.web.editing_factories import make_mission, organizer_of, post
from tests.web.test_edit_availability_place_clock import BAY, SAM, SAN_FRANCISCO, bay
from tests.web.test_edit_zone_travel_day import zone_shown

__all__ = ["bay"]  # the fixture, used by name

CASABLANCA = core.Venue("v-casa", "Casablanca Hall", "Casablanca", "Africa/Casablanca")


def _trade_mission() -> core.Event:
    """The Houston mission (leg on Chicago's clock) with a host in San Francisco."""
    event = make_mission()
    return replace(
        event,
        venues=(*event.venues, SAN_FRANCISCO),
        organizations=(*event.organizations, BAY),
        people=(*event.people, SAM),
    )


def _brokerage() -> core.Event:
    """A brokerage event in Casablanca whose leg is on Houston's clock (as if the organizer
    kept the leg of another event): its sessions are on the venue's clock."""
    event = _trade_mission()
    start = datetime(2030, 3, 11, 9, tzinfo=ZoneInfo("Africa/Casablanca"))
    session = core.Session("morning", start, start.replace(hour=12))
    return replace(
        event,
        kind=core.EventKind.BROKERAGE,
        venues=(*event.venues, CASABLANCA),
        brokerage=core.BrokerageSetup("v-casa", 20, 5, (session,)),
    )


def _zone(event: core.Event, kind: str, field: str, values: dict[str, Any], lang: str) -> str:
    """The clock named next to ``field`` of the ``kind`` form showing ``values``."""
    form = FORMS[kind](event=event, existing=True, initial=values, record_key=values.get("key"))
    with translation.override(lang):
        return form.zone_name(field)


@pytest.mark.parametrize(
    ("kind", "field", "values", "named"),
    [
        (
            "visits",
            "windows",
            {"key": "vis-bay", "host": "o-bay", "windows": "2030-03-11 09:00-12:00"},
            "San Francisco time (PDT)",
        ),
        (
            "visits",
            "windows",
            {"key": "vis-port", "host": "o-port", "windows": "2030-03-11 09:00-12:00"},
            "Houston time (CDT)",
        ),
        (
            "programme",
            "start",
            {"key": "prog-call", "start": "2030-03-11 09:00", "venue": "v-sf"},
            "San Francisco time (PDT)",
        ),
        (
            "programme",
            "end",
            {"key": "prog-call", "end": "2030-03-11 10:00", "venue": "v-port", "end_venue": ""},
            "Houston time (CDT)",
        ),
        (
            "programme",
            "start",
            {"key": "prog-call", "start": "2030-03-11 09:00", "venue": ""},
            "Houston time (CDT)",
        ),
        (
            "programme",
            "start",
            {"key": "prog-call", "start": "2030-03-10 01:00", "venue": ""},
            "Houston time (CST)",
        ),
    ],
)
def test_trade_mission_forms_name_the_clock_by_its_city(
    kind: str, field: str, values: dict[str, Any], named: str
) -> None:
    assert _zone(_trade_mission(), kind, field, values, "en") == named


def test_a_session_is_named_by_the_brokerage_venues_city() -> None:
    values = {"key": "morning", "start": "2030-03-11 09:00", "end": "2030-03-11 12:00"}
    assert _zone(_brokerage(), "sessions", "start", values, "en") == "Casablanca time (UTC+1)"
    assert _zone(_brokerage(), "sessions", "start", values, "fr") == "heure de Casablanca (UTC+1)"


def test_a_new_brokerage_setups_first_session_is_on_its_venues_clock() -> None:
    event = replace(_trade_mission(), venues=(*_trade_mission().venues, CASABLANCA))
    values = {"venue": "v-casa", "session_start": "2030-03-11 09:00"}
    assert _zone(event, "brokerage", "session_start", values, "en") == "Casablanca time (UTC+1)"


def test_the_arabic_page_isolates_the_latin_zone() -> None:
    values = {"key": "vis-bay", "host": "o-bay", "windows": "2030-03-11 09:00-12:00"}
    named = _zone(_trade_mission(), "visits", "windows", values, "ar")
    assert named.startswith("توقيت ")
    assert named.endswith("(\u2066PDT\u2069)")


def test_the_visit_page_names_the_hosts_city(bay: Any) -> None:
    client = organizer_of(bay)
    visit = {
        "key": "vis-bay",
        "host": "o-bay",
        "duration_minutes": "60",
        "windows": "2030-03-11 09:00-12:00",
        "priority": "1",
    }
    assert post(client, bay, "visits/_add/", visit).status_code == 302
    assert zone_shown(client, bay, "visits/vis-bay/", "windows") == (
        "Time zone: San Francisco time (PDT)"
    )
