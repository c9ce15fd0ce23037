"""Event records kept per process: the stamp sees every write, bookings are always current."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection

from liqa.web.events import bookings, snapshots
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from tests.web.factories import at


@pytest.fixture(autouse=True)
def _empty_store() -> Iterator[None]:
    snapshots.EVENTS.clear()
    yield
    snapshots.EVENTS.clear()


def test_data_stamp_changes_with_each_table_of_the_event(event: Event) -> None:
    stamps = [snapshots.data_stamp(event)]
    saved = []
    for model in snapshots.TABLES:
        row = model.objects.filter(event=event).first()
        if row is None:
            continue
        row.save()
        saved.append(model.__name__)
        stamps.append(snapshots.data_stamp(event))
    Event.objects.filter(pk=event.pk).update(public=False)
    stamps.append(snapshots.data_stamp(event))
    assert saved == ["Leg", "Venue", "Organization", "Person", "MeetingRequest"]
    assert len(set(stamps)) == len(stamps)


def test_event_record_is_kept_until_a_row_changes(event: Event) -> None:
    first = event_record(event)
    assert event_record(event) is first
    event.people.filter(key="p-bruno").update(name="Bruno Neuf")
    again = event_record(event)
    assert (again is first, again.person("p-bruno").name) == (False, "Bruno Neuf")


def test_event_record_lays_the_current_bookings_over_the_kept_record(event: Event) -> None:
    before = event_record(event)
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    during = {r.id: r.fixed_start for r in event_record(event).requests}
    bookings.cancel(event, "p-amina", "r-1")
    after = {r.id: r.fixed_start for r in event_record(event).requests}
    assert [before.requests[0].id, before.requests[0].fixed_start] == ["r-1", None]
    assert (during["r-1"], after["r-1"]) == (at(9, 20), None)


def test_data_stamp_ignores_bookings_on_postgresql(event: Event) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's stamp counts every write of the database")
    before = snapshots.data_stamp(event)
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    assert snapshots.data_stamp(event) == before


def test_event_record_reads_the_stored_event_not_the_one_in_memory(event: Event) -> None:
    event.title = {"en": "Changed in memory only"}
    assert event_record(event).title == {
        "ar": "لقاءات تونس 2030",
        "en": "Tunis B2B 2030",
        "fr": "Rencontres B2B Tunis 2030",
    }
