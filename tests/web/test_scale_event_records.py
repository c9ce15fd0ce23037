"""Event records kept per process: the stamp sees every write, bookings are always current."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection, transaction

from liqa.web.agendas import bookings
from liqa.web.events import snapshots
from liqa.web.events.models import Event, Outcome, Person
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


def test_data_stamp_ignores_bookings(event: Event) -> None:
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


@pytest.mark.django_db
def test_every_stamped_table_has_its_data_version_triggers() -> None:
    """A table added to ``snapshots.TABLES`` needs its triggers (a new migration); on
    SQLite a table that a later migration rebuilds loses them, and this test says so."""
    ops = ("insert", "update", "delete")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c"
                " ON c.oid = t.tgrelid"
                " WHERE t.tgname LIKE 'liqa_data_version_%%' AND NOT t.tgisinternal"
            )
            expected = {
                (model._meta.db_table, f"liqa_data_version_{op}")
                for model in snapshots.TABLES
                for op in ops
            } | {(Event._meta.db_table, "liqa_data_version_event")}
        else:
            cursor.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'liqa_data_version_%%'"
            )
            expected = {
                (model._meta.db_table, f"liqa_data_version_{op}_{model._meta.db_table}")
                for model in snapshots.TABLES
                for op in ops
            } | {
                (Event._meta.db_table, "liqa_data_version_event"),
                (Event._meta.db_table, "liqa_data_version_event_insert"),
                (Event._meta.db_table, "liqa_data_version_event_delete"),
            }
        found = set(cursor.fetchall())
    assert expected - found == set()


def test_bulk_writes_and_deletes_change_the_stamp(event: Event) -> None:
    """Statements that send no signal (bulk insert, ``update``, ``delete``) on a table the
    event fixture leaves empty each give a new stamp; a bookings write gives none."""
    stamps = [snapshots.data_stamp(event)]
    Outcome.objects.bulk_create([Outcome(event=event, assignment="r-1", kind="held")])
    stamps.append(snapshots.data_stamp(event))
    Outcome.objects.filter(event=event).update(notes="Signed")
    stamps.append(snapshots.data_stamp(event))
    Outcome.objects.filter(event=event).delete()
    stamps.append(snapshots.data_stamp(event))
    Outcome.objects.filter(event=event).update(notes="nothing to update")
    unchanged_by_an_empty_update = snapshots.data_stamp(event)
    assert len(set(stamps)) == 4
    assert unchanged_by_an_empty_update == stamps[-1]


def test_each_write_of_one_transaction_changes_the_stamp(event: Event) -> None:
    """The event row's ``xmin`` stays the same within a transaction: its counter does not."""
    stamps = [snapshots.data_stamp(event)]
    with transaction.atomic():
        for title in ("One", "Two"):
            Event.objects.filter(pk=event.pk).update(title={"en": title})
            stamps.append(snapshots.data_stamp(event))
        event.save()
        stamps.append(snapshots.data_stamp(event))
    assert len(set(stamps)) == 4


def test_a_rolled_back_write_leaves_the_stamp_as_it_was(event: Event) -> None:
    before = snapshots.data_stamp(event)
    seen_by_the_writer = []

    def write_and_fail() -> None:
        with transaction.atomic():
            Person.objects.filter(event=event, key="p-bruno").update(name="Bruno Neuf")
            seen_by_the_writer.append(snapshots.data_stamp(event))
            raise RuntimeError("roll back")

    with pytest.raises(RuntimeError):
        write_and_fail()
    assert (seen_by_the_writer[0] != before, snapshots.data_stamp(event)) == (True, before)


def test_a_write_to_another_event_leaves_the_stamp_as_it_was(event: Event) -> None:
    other = Event.objects.create(slug="other-event", kind=event.kind)
    before = snapshots.data_stamp(event)
    Person.objects.create(event=other, key="p-x", name="X", organization="o-x")
    assert snapshots.data_stamp(event) == before


@pytest.mark.django_db
def test_an_event_id_that_comes_back_gets_another_stamp(event: Event) -> None:
    """SQLite gives a rolled-back event's id to the next one: their stamps must differ."""
    seen = []

    def create_and_roll_back() -> None:
        with transaction.atomic():
            other = Event.objects.create(slug="comes-back", kind=event.kind)
            seen.append((other.pk, snapshots.data_stamp(other)))
            raise RuntimeError("roll back")

    for _ in range(2):
        with pytest.raises(RuntimeError):
            create_and_roll_back()
    (first_pk, first), (second_pk, second) = seen
    assert first is not None
    assert second != first
    if connection.vendor == "sqlite":
        assert second_pk == first_pk  # why the token is needed
