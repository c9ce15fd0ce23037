"""The mission staleness notice on the pages, at its edges: a visit that breaks two rules
is listed under each; an optional visit the version lists as not made, made required
since, is told as missing; an itinerary the event's own problems keep from being checked
says so, names the problem and offers no re-plan (before: no notice at all). The set-up
is the mission staleness tests' own (the demo's stored plan, published)."""

from __future__ import annotations

import re
from datetime import timedelta

from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import CandidateVisit, Event, Leg, Person
from liqa.web.events.records import windows_to_json
from tests.web import test_published_staleness_mission as mission
from tests.web.test_published_staleness_mission import (
    VISIT,
    pages,
    published_visit,
    set_windows,
    stale_section,
)

published = mission.published
"""The demo mission, its stored plan published as version 1 (the mission tests' fixture)."""
client = mission.client
"""The organizer, reading English (the mission tests' fixture)."""

NOT_MADE = "vis-baylink"
"""The one optional visit the stored plan lists as not made."""


def test_a_visit_breaking_two_rules_is_listed_under_both(client: Client, published: Event) -> None:
    pages(client, published)  # read (and kept) before the change
    visit = published_visit()
    later = visit.start + timedelta(hours=2)
    set_windows(published, VISIT, core.TimeWindow(later, later + timedelta(hours=4)))
    after = windows_to_json([core.TimeWindow(visit.end, visit.end + timedelta(days=30))])
    Person.objects.filter(event=published, key=visit.attendees[0]).update(availability=after)
    for html in pages(client, published):
        section = stale_section(html)
        # one item per rule, the visit counted once (the delegate's earlier visits too)
        assert re.search(
            r"no longer fits the event: \d+ visits? breaks? (its|their) rules", section
        )
        assert f'<li data-key="{VISIT}" data-rule="window">' in section
        assert f'<li data-key="{VISIT}" data-rule="availability">' in section


def test_an_optional_visit_not_made_then_made_required_is_told(
    client: Client, published: Event
) -> None:
    pages(client, published)
    CandidateVisit.objects.filter(event=published, key=NOT_MADE).update(required=True)
    for html in pages(client, published):
        section = stale_section(html)
        assert (
            "The published itinerary (v1) no longer fits the event: "
            "1 required visit is not in it." in section
        )
        assert f'<li data-key="{NOT_MADE}" data-rule="missing">' in section


def test_an_itinerary_that_cannot_be_checked_says_why_without_a_replan(
    client: Client, published: Event
) -> None:
    """A leg without its hotel: the routing problem cannot be built from the event now."""
    pages(client, published)
    leg = Leg.objects.filter(event=published).order_by("pk").first()
    assert leg is not None
    Leg.objects.filter(pk=leg.pk).update(hotel="")
    for html in pages(client, published):
        section = stale_section(html)
        assert (
            "The published itinerary (v1) could not be checked against the event: "
            "its records have problems to fix first." in section
        )
        assert '<li data-key="" data-rule="unchecked">' in section
        assert leg.key in section
        assert 'id="stale-replan"' not in section
        assert "Re-plan from the published itinerary" not in section
