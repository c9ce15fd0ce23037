"""The overview and the published version's page say when a mission's published itinerary
no longer fits the event as it is now (a host's window or day, a delegate's availability, a
visit withdrawn, a venue moved, a new required visit), naming each visit and the rule the
itinerary checker finds broken. The demo mission is planned as ``liqa demo`` plans it,
stored and published; each change is made after the pages were read once, so a check kept
per process under the event's data stamp is shown to follow the change."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db.models import F
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile import load_event
from liqa.core.outputs.planfile import read_plan
from liqa.web.events.models import CandidateVisit, Event, Person, Venue
from liqa.web.events.records import windows_to_json
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from liqa.web.scheduling.staleness import CHECKS
from tests.web.factories import DEMO
from tests.web.stale_pages import organizer_reading_english
from tests.web.stale_pages import pages as pages  # (the edges tests import these from here)
from tests.web.stale_pages import stale_section as stale_section

VISIT = "vis-tx-cyber"
"""A visit of the stored plan (Houston, Wednesday 14 February, 9:00 on Houston's clock)."""


PLAN = Path(__file__).parent / "data" / "demo_mission_plan.json"
"""The demo mission planned once by ``liqa plan`` (5 s) and stored: the optimizing search
within a time limit finds other plans on a loaded machine, and these tests name a visit,
its attendees and its time. Plan it again (``write_plan``) when the demo mission changes: the
no-notice test fails then."""


@cache
def demo_schedule() -> core.Schedule:
    """The stored plan of the demo mission."""
    return read_plan(PLAN, load_event(DEMO)).schedule


def published_visit(key: str = VISIT) -> core.Assignment:
    """The visit ``key`` as the published version holds it."""
    return next(a for a in demo_schedule().assignments if a.id == key)


@pytest.fixture
def published(db: None) -> Event:
    """The demo mission imported, its plan stored and published as version 1."""
    CHECKS.clear()
    row = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    publish(store_schedule(row, demo_schedule()), notify=False)
    return row


@pytest.fixture
def client(published: Event, client_for: Callable[[User | None], Client]) -> Client:
    """The organizer, reading English."""
    return organizer_reading_english(published, client_for)


def set_windows(event: Event, key: str, *windows: core.TimeWindow) -> None:
    CandidateVisit.objects.filter(event=event, key=key).update(windows=windows_to_json(windows))


def test_no_notice_for_the_freshly_planned_demo_mission(client: Client, published: Event) -> None:
    for html in pages(client, published):
        assert 'id="stale"' not in html
        assert "no longer fits" not in html


def test_a_host_window_moved_later_that_day_is_told(client: Client, published: Event) -> None:
    pages(client, published)  # read (and kept) before the change
    visit = published_visit()
    later = visit.start + timedelta(hours=2)
    set_windows(published, VISIT, core.TimeWindow(later, later + timedelta(hours=4)))
    for html in pages(client, published):
        section = stale_section(html)
        assert re.search(
            r"The published itinerary \(v1\) no longer fits the event: "
            r"\d+ visits? breaks? (its|their) rules now\.",
            section,
        )
        assert f'<li data-key="{VISIT}" data-rule="window">' in section
        assert "Texas Statewide Cyber Resilience Office" in section
        assert "starts at Wed, Feb 14, 9:00" in section
        assert "outside its host&#39;s window now" in section
        assert 'name="base" value="1"' in section
        assert 'name="keep_published"' not in section


def test_a_host_receiving_on_another_day_only_is_told(client: Client, published: Event) -> None:
    pages(client, published)
    start = published_visit().start + timedelta(days=1)
    set_windows(published, VISIT, core.TimeWindow(start, start + timedelta(hours=4)))
    for html in pages(client, published):
        section = stale_section(html)
        assert f'<li data-key="{VISIT}" data-rule="not_allowed">' in section
        assert "its host does not receive visitors that day now" in section


def test_a_delegate_no_longer_available_is_told(client: Client, published: Event) -> None:
    """One of the visit's attendees is available only from the visit's end now."""
    pages(client, published)
    visit = published_visit()
    after = windows_to_json([core.TimeWindow(visit.end, visit.end + timedelta(days=30))])
    person = Person.objects.get(event=published, key=visit.attendees[0])
    Person.objects.filter(pk=person.pk).update(availability=after)
    for html in pages(client, published):
        section = stale_section(html)
        assert f'<li data-key="{VISIT}" data-rule="availability">' in section
        assert f"{person.name}: not available at Wed, Feb 14, 9:00" in section


def test_a_visit_the_event_no_longer_has_is_told(client: Client, published: Event) -> None:
    pages(client, published)
    CandidateVisit.objects.filter(event=published, key=VISIT).delete()
    for html in pages(client, published):
        section = stale_section(html)
        assert (
            "The published itinerary (v1) no longer fits the event: "
            "1 visit is no longer in the event." in section
        )
        assert f'<li data-key="{VISIT}" data-rule="gone">' in section
        assert "No longer in the event: the visit was withdrawn." in section


def test_a_venue_moved_further_is_told_as_travel_that_no_longer_fits(
    client: Client, published: Event
) -> None:
    """The visit's venue 0.2 degrees (about 22 km) further north."""
    pages(client, published)
    Venue.objects.filter(event=published, key="v-tx-cyber").update(latitude=F("latitude") + 0.2)
    for html in pages(client, published):
        section = stale_section(html)
        assert f'<li data-key="{VISIT}" data-rule="window">' in section
        assert "the way there takes longer now: the delegation arrives at" in section
        assert "after its start at Wed, Feb 14, 9:00" in section


def test_a_new_required_visit_not_in_the_itinerary_is_told(
    client: Client, published: Event
) -> None:
    pages(client, published)
    visit = CandidateVisit.objects.get(event=published, key=VISIT)
    visit.pk, visit.key = None, "vis-tx-cyber-2"
    visit.save()
    for html in pages(client, published):
        section = stale_section(html)
        assert (
            "The published itinerary (v1) no longer fits the event: "
            "1 required visit is not in it." in section
        )
        assert '<li data-key="vis-tx-cyber-2" data-rule="missing">' in section
        assert "Required, but not in the published itinerary." in section
