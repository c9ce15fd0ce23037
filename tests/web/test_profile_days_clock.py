"""A participant's "Days I am available" on the clock of their place (QA walk): the
profile labelled each day with the leg's city only ("11 mars · Houston") where a San
Francisco host's days are whole days on San Francisco's clock; it names the clock now, as
the host page does. And a San Francisco host available exactly the leg's hours (06:30-16:00
on their clock, 08:30-18:00 in Houston) read available all day: the profile read every
window covering the leg's hours as a row it wrote on the leg's clock before, where only a
window written on the leg's clock is one."""

from __future__ import annotations

import html
import re

from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Event
from tests.web.editing_factories import houston, make_mission, store_mission
from tests.web.test_edit_availability_place_clock import _with_bay_host, bay
from tests.web.test_profile_place_clock import save_days, sf, signed_in, ticked

__all__ = ["bay"]  # the fixture, used by name


def clock_shown(client: Client, event: Event, lang: str = "en") -> str:
    """The clock the profile names beside the days (``""``: none)."""
    client.cookies["django_language"] = lang
    page = client.get(f"/me/{event.slug}/profile/").content.decode()
    found = re.search(r'<small class="zone" id="days-zone">(.*?)</small>', page)
    return html.unescape(found.group(1)) if found else ""


def test_a_san_francisco_hosts_profile_names_san_franciscos_clock(bay: Event) -> None:
    sam = signed_in("sam@example.org")
    assert clock_shown(sam, bay) == "Time zone: San Francisco time (PDT)"
    assert clock_shown(sam, bay, "fr") == "Fuseau horaire : heure de San Francisco (PDT)"
    assert "(\u2066PDT\u2069)" in clock_shown(sam, bay, "ar")


def test_a_delegates_profile_names_the_legs_clock(bay: Event) -> None:
    assert clock_shown(signed_in("amina@example.org"), bay) == "Time zone: Houston time (CDT)"


def test_an_event_in_one_zone_names_no_clock(db: None) -> None:
    event = store_mission()
    amina = signed_in("amina@example.org")
    assert clock_shown(amina, event) == ""
    assert 'name="days"' in amina.get(f"/me/{event.slug}/profile/").content.decode()


def test_the_legs_hours_on_san_franciscos_clock_are_not_the_whole_day(db: None) -> None:
    """06:30-16:00 in San Francisco (the leg's 08:30-18:00 in Houston, written on San
    Francisco's clock, as the organizer's availability form writes it) leaves 16:00-18:00
    of the day's hours out: not ticked; saving keeps the day that is."""
    leg_hours = core.TimeWindow(sf(11, 6, 30), sf(11, 16))
    event = _with_bay_host(make_mission(), leg_hours, core.TimeWindow(sf(12, 8), sf(12, 19)))
    sam = signed_in("sam@example.org")
    assert ticked(sam, event) == ["2030-03-12"]
    save_days(sam, event, *ticked(sam, event))
    assert ticked(sam, event) == ["2030-03-12"]


def test_a_day_written_on_the_legs_clock_still_reads_ticked(db: None) -> None:
    """The same hours written on Houston's clock are a day the page stored before."""
    event = _with_bay_host(make_mission(), core.TimeWindow(houston(11, 8, 30), houston(11, 18)))
    assert ticked(signed_in("sam@example.org"), event) == ["2030-03-11"]
