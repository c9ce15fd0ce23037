"""Rows ↔ core records: an event and a schedule survive the round trip unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.web.events.records import event_record, store_event
from liqa.web.scheduling.records import schedule_record, store_schedule
from tests.web.factories import make_core_event, make_schedule

pytestmark = pytest.mark.django_db


def test_event_record_round_trip_equals_original() -> None:
    original = make_core_event()
    assert event_record(store_event(original)) == original


def test_subgroup_rules_and_lunch_venue_survive_the_round_trip() -> None:
    from dataclasses import replace

    from liqa.core.missionfile import load_event

    demo = load_event(Path(__file__).parents[2] / "examples/morocco-us-digital-2024/mission.yaml")
    hotel = demo.legs[0].hotel
    assert hotel is not None
    original = replace(
        demo,
        subgroups_max=3,
        subgroup_max_size=6,
        legs=(replace(demo.legs[0], lunch_venue=hotel), *demo.legs[1:]),
    )
    assert event_record(store_event(original)) == original


def test_schedule_record_round_trip_equals_original() -> None:
    event = make_core_event()
    row = store_event(event)
    schedule = make_schedule(event)
    version = store_schedule(row, schedule)
    assert version.number == 1
    assert schedule_record(version) == schedule


def test_store_schedule_numbers_versions_in_sequence() -> None:
    event = make_core_event()
    row = store_event(event)
    numbers = [store_schedule(row, make_schedule(event)).number for _ in range(3)]
    assert numbers == [1, 2, 3]
