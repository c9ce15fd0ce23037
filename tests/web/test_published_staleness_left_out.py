"""A mission's version published with required visits missing excuses those visits, and
only those: publishing records which required visits it left out
(``ScheduleVersion.missing_required``), and the staleness notice tells every other required
visit missing now, one listed as not made while it was optional then included (before:
every visit the version listed as not made was excused, whatever became required since).
Versions published before it was recorded keep what the check excused for them (migration
scheduling 0011's ``fill_excused``). The set-up is the mission staleness tests' (the
demo's stored plan), with one required visit taken out of it before publishing."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.scheduling.itinerary.from_schedule import MISSING_REQUIRED
from liqa.web.events.models import CandidateVisit, Event
from liqa.web.events.records import store_event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from liqa.web.scheduling.staleness import CHECKS, staleness
from tests.web.factories import DEMO, make_core_event, make_schedule
from tests.web.stale_pages import organizer_reading_english, pages, stale_section
from tests.web.test_published_staleness_mission import VISIT, demo_schedule

MIGRATION = "liqa.web.scheduling.migrations.0011_version_missing_required"


def fill_excused() -> None:
    """Migration 0011's data step, on the test database with today's models."""
    importlib.import_module(MIGRATION).fill_excused(apps, "default")


NOT_MADE = "vis-baylink"
"""The one optional visit the stored plan lists as not made."""


def without_visit(key: str = VISIT) -> core.Schedule:
    """The stored plan with the required visit ``key`` left out, as a plan that could not
    make it says: listed as not made, its status "missing required visits"."""
    plan = demo_schedule()
    return dataclasses.replace(
        plan,
        assignments=tuple(a for a in plan.assignments if a.id != key),
        unplaced=(*plan.unplaced, core.Unplaced(key, "capacity")),
        provenance=dataclasses.replace(plan.provenance, status=MISSING_REQUIRED),
    )


@pytest.fixture
def left_out(db: None) -> Event:
    """The demo mission, published as version 1 without its required visit ``VISIT``."""
    CHECKS.clear()
    row = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    assert CandidateVisit.objects.get(event=row, key=VISIT).required
    publish(store_schedule(row, without_visit()), notify=False)
    return row


@pytest.fixture
def client(left_out: Event, client_for: Callable[[User | None], Client]) -> Client:
    """The organizer, reading English."""
    return organizer_reading_english(left_out, client_for)


def version_one(event: Event) -> ScheduleVersion:
    return ScheduleVersion.objects.get(event=event, number=1)


def test_publishing_records_the_required_visits_left_out(left_out: Event) -> None:
    assert version_one(left_out).missing_required == [VISIT]


def test_publishing_records_them_as_the_event_has_them_then(db: None) -> None:
    """The optional visit the plan did not make, made required before publishing: left out
    required at publication; the fully planned required visits are not listed."""
    CHECKS.clear()
    row = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    CandidateVisit.objects.filter(event=row, key=NOT_MADE).update(required=True)
    publish(store_schedule(row, demo_schedule()), notify=False)
    assert version_one(row).missing_required == [NOT_MADE]


def test_a_brokerage_version_records_nothing(db: None) -> None:
    row = store_event(make_core_event())
    publish(store_schedule(row, make_schedule(make_core_event())), notify=False)
    assert version_one(row).missing_required is None


def test_the_visit_left_out_at_publication_is_not_told(client: Client, left_out: Event) -> None:
    for html in pages(client, left_out):
        assert 'id="stale"' not in html
        assert "no longer fits" not in html


def test_a_visit_not_made_while_optional_then_made_required_is_told(
    client: Client, left_out: Event
) -> None:
    """The version lists ``NOT_MADE`` as not made, and was planned with required visits
    missing; ``NOT_MADE`` was optional then (before: excused with the others)."""
    pages(client, left_out)  # read (and kept) before the change
    CandidateVisit.objects.filter(event=left_out, key=NOT_MADE).update(required=True)
    for html in pages(client, left_out):
        section = stale_section(html)
        assert (
            "The published itinerary (v1) no longer fits the event: "
            "1 required visit is not in it." in section
        )
        assert f'<li data-key="{NOT_MADE}" data-rule="missing">' in section
        assert f'data-key="{VISIT}"' not in section


def test_the_visit_left_out_stays_excused_when_required_again(
    client: Client, left_out: Event
) -> None:
    """``VISIT``, left out required at publication, made optional and required again: still
    excused; ``NOT_MADE``, optional at publication, required now: told."""
    CandidateVisit.objects.filter(event=left_out, key=VISIT).update(required=False)
    pages(client, left_out)
    CandidateVisit.objects.filter(event=left_out, key__in=[VISIT, NOT_MADE]).update(required=True)
    found = staleness(left_out)
    assert found is not None
    assert (found.missing, found.broken, found.gone) == ((NOT_MADE,), (), ())


def test_a_version_stored_before_the_record_keeps_what_was_excused(left_out: Event) -> None:
    """Stored the old way (``missing_required`` null): the check excuses, as before, every
    visit it lists as not made (its status says required visits were missing); migration
    0011 records those, and the check then says the same."""
    ScheduleVersion.objects.filter(event=left_out).update(missing_required=None)
    CHECKS.clear()
    CandidateVisit.objects.filter(event=left_out, key=NOT_MADE).update(required=True)
    before = staleness(left_out)
    assert before is not None
    assert before.fits
    fill_excused()
    assert version_one(left_out).missing_required == sorted([VISIT, NOT_MADE])
    CHECKS.clear()
    after = staleness(left_out)
    assert after is not None
    assert after.fits


def test_the_migration_excuses_nothing_for_a_version_planned_with_every_required_visit(
    db: None,
) -> None:
    """Stored the old way, published with no required visit missing: nothing recorded as
    excused, so the visit it lists as not made, made required since, is told; a draft and
    a brokerage event's version stay null."""
    CHECKS.clear()
    mission = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    publish(store_schedule(mission, demo_schedule()), notify=False)
    store_schedule(mission, demo_schedule())  # version 2: a draft
    brokerage = store_event(make_core_event())
    publish(store_schedule(brokerage, make_schedule(make_core_event())), notify=False)
    ScheduleVersion.objects.update(missing_required=None)
    fill_excused()
    stored = ScheduleVersion.objects.order_by("event__slug", "number")
    assert sorted(stored.values_list("event__kind", "number", "missing_required")) == [
        ("brokerage", 1, None),
        ("trade_mission", 1, []),
        ("trade_mission", 2, None),
    ]
    CandidateVisit.objects.filter(event=mission, key=NOT_MADE).update(required=True)
    CHECKS.clear()
    found = staleness(mission)
    assert found is not None
    assert found.missing == (NOT_MADE,)
