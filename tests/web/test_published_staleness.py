"""The overview and the published version's page say when the published schedule no longer
fits the event as it is now (a person's availability changed, a table gone, a request newly
accepted), naming each meeting and the rule it breaks, with a keep re-plan of that version.
Each change is made after the pages were read once, so a check kept per process under the
event's data stamp is shown to follow the change. Real database, real pages."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Booking, Event, MeetingRequest, Person
from liqa.web.events.records import store_event, windows_to_json
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from liqa.web.scheduling.staleness import CHECKS
from tests.web.factories import at, make_core_event, make_schedule
from tests.web.stale_pages import organizer_reading_english, pages, stale_section


@pytest.fixture
def published(db: None) -> Event:
    """The test event whose version 1 (r-1 09:00 table 1, r-2 Amina – Chen 09:20 table 2)
    is published; it fits the event as stored."""
    CHECKS.clear()
    row = store_event(make_core_event())
    publish(store_schedule(row, make_schedule(make_core_event())), notify=False)
    return row


@pytest.fixture
def client(published: Event, client_for: Callable[[User | None], Client]) -> Client:
    """The organizer, reading English."""
    return organizer_reading_english(published, client_for)


def test_no_notice_when_the_published_schedule_fits(client: Client, published: Event) -> None:
    for html in pages(client, published):
        assert 'id="stale"' not in html
        assert "no longer fits" not in html


def test_no_notice_for_a_meeting_the_version_could_not_place(
    db: None, client_for: Callable[[User | None], Client]
) -> None:
    """A published version that lists r-2 as not placed (it was already accepted then)."""
    CHECKS.clear()
    row = store_event(make_core_event(slug="unplaced-b2b"))
    planned = make_schedule(make_core_event(slug="unplaced-b2b"))
    schedule = dataclasses.replace(
        planned,
        assignments=planned.assignments[:1],
        unplaced=(core.Unplaced("r-2", "no_common_slot"),),
    )
    publish(store_schedule(row, schedule), notify=False)
    for html in pages(organizer_reading_english(row, client_for), row):
        assert 'id="stale"' not in html


def test_an_availability_change_is_told_naming_the_meeting_and_rule(
    client: Client, published: Event
) -> None:
    pages(client, published)  # read (and kept) before the change
    late = windows_to_json([core.TimeWindow(at(9, 40), at(10))])
    Person.objects.filter(event=published, key="p-chen").update(availability=late)
    for html in pages(client, published):
        section = stale_section(html)
        assert (
            "The published schedule (v1) no longer fits the event: "
            "1 meeting breaks its rules now." in section
        )
        assert "Re-plan keeping the published meetings to fix it." in section
        assert '<li data-key="r-2" data-rule="availability">' in section
        assert "Amina Idrissi – Chen Li" in section
        assert "Chen Li not available in slot" in section
        assert 'name="base" value="1"' in section
        assert 'name="keep_published" value="1"' in section
        assert 'data-key="r-1"' not in section


def test_a_removed_table_is_told(client: Client, published: Event) -> None:
    pages(client, published)
    brokerage = Event.objects.get(pk=published.pk).brokerage
    assert brokerage is not None
    Event.objects.filter(pk=published.pk).update(brokerage={**brokerage, "tables": 1})
    for html in pages(client, published):
        section = stale_section(html)
        assert "1 meeting breaks its rules now" in section
        assert '<li data-key="r-2" data-rule="tables">' in section


def test_a_meeting_whose_slot_is_gone_is_told(client: Client, published: Event) -> None:
    """The morning session now starts at 09:30: r-1's 09:00 and r-2's 09:20 are no slots."""
    brokerage = Event.objects.get(pk=published.pk).brokerage
    assert brokerage is not None
    sessions = [{**s, "start": at(9, 30).isoformat()} for s in brokerage["sessions"]]
    Event.objects.filter(pk=published.pk).update(brokerage={**brokerage, "sessions": sessions})
    for html in pages(client, published):
        section = stale_section(html)
        assert "2 meetings break its rules now" in section
        assert '<li data-key="r-1" data-rule="once">' in section
        assert "does not exist" in section


def test_a_new_accepted_request_not_in_the_schedule_is_told(
    client: Client, published: Event
) -> None:
    pages(client, published)
    MeetingRequest.objects.filter(event=published, key="r-3").update(status="accepted")
    for html in pages(client, published):
        section = stale_section(html)
        assert (
            "The published schedule (v1) no longer fits the event: "
            "1 accepted request is not in it." in section
        )
        assert '<li data-key="r-3" data-rule="missing">' in section
        assert "Bruno Martin – Chen Li" in section


def test_a_request_booked_after_publication_is_not_missing(
    client: Client, published: Event
) -> None:
    """r-3, accepted since and booked by its parties at 09:40, table 3."""
    MeetingRequest.objects.filter(event=published, key="r-3").update(status="accepted")
    request = MeetingRequest.objects.get(event=published, key="r-3")
    Booking.objects.create(event=published, request=request, slot_start=at(9, 40), table=3)
    for html in pages(client, published):
        assert 'id="stale"' not in html


def test_latin_names_are_isolated_in_arabic(client: Client, published: Event) -> None:
    late = windows_to_json([core.TimeWindow(at(9, 40), at(10))])
    Person.objects.filter(event=published, key="p-chen").update(availability=late)
    client.cookies["django_language"] = "ar"
    section = stale_section(client.get(f"/organize/{published.slug}/").content.decode())
    assert "\u2066Chen Li\u2069" in section
