"""Agenda reads at scale: a fixed, small number of queries, and never a stale agenda.

The participant's page, .ics and schedule API read the event's records from a per-process
store keyed by the database's own change stamp (``liqa.web.agendas.domain.data_stamp``),
so a read does not reread every row of the event, and any write, by any code path (even
``QuerySet.update``, which sends no signal), shows at the next read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from liqa.web.agendas import domain
from liqa.web.events import bookings
from liqa.web.events.models import Event, Person, Venue
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import at, person_user

PAGE_QUERIES = 9
"""Session, user, event, membership, person check, latest version, stamp, feed, outcomes."""
RECORD_QUERIES = 11
"""Reading the records once: bookings and the event's eight tables, the version, assignments."""


@pytest.fixture(autouse=True)
def _empty_store() -> Iterator[None]:
    domain.EVENTS.clear()
    domain.SCHEDULES.clear()
    yield
    domain.EVENTS.clear()
    domain.SCHEDULES.clear()


@pytest.fixture
def amina(event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]) -> Client:
    publish(draft, notify=False)
    return client_for(person_user("amina@example.org"))


def _queries(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_agenda_page_reads_no_event_rows_once_kept(amina: Client, event: Event) -> None:
    first = _queries(amina, f"/me/{event.slug}/")
    again = _queries(amina, f"/me/{event.slug}/")
    assert (len(first) > len(again), len(again)) == (True, PAGE_QUERIES)
    assert [q for q in again if '"events_person"' in q and "email" not in q] == []
    assert [q for q in again if '"events_meetingrequest"' in q] == []


def test_agenda_page_queries_do_not_grow_with_the_schedule(amina: Client, event: Event) -> None:
    url = f"/me/{event.slug}/"
    counts = [len(_queries(amina, url)), len(_queries(amina, url))]
    Person.objects.bulk_create(
        Person(event=event, key=f"p-x{n}", name=f"X {n}", organization="o-beta") for n in range(40)
    )
    counts += [len(_queries(amina, url)), len(_queries(amina, url))]
    assert counts == [
        PAGE_QUERIES + RECORD_QUERIES,
        PAGE_QUERIES,
        PAGE_QUERIES + RECORD_QUERIES,  # read again once: the event changed
        PAGE_QUERIES,
    ]


@pytest.mark.parametrize(
    ("write", "shown"),
    [
        (lambda e: Venue.objects.filter(event=e).update(address="7 New Street"), "7 New Street"),
        (
            lambda e: Person.objects.filter(event=e, key="p-bruno").update(name="Bruno Neuf"),
            "Bruno Neuf",
        ),
    ],
)
def test_agenda_page_shows_a_write_made_without_signals(
    amina: Client, event: Event, write: Callable[[Event], Any], shown: str
) -> None:
    url = f"/me/{event.slug}/"
    assert shown not in amina.get(url).text
    write(event)
    assert shown in amina.get(url).text


def test_calendar_and_api_follow_the_same_stamp(amina: Client, event: Event) -> None:
    amina.get(f"/me/{event.slug}/agenda.ics")
    Person.objects.filter(event=event, key="p-bruno").update(name="Bruno Neuf")
    assert "Bruno Neuf" in amina.get(f"/me/{event.slug}/agenda.ics").text


def test_data_stamp_changes_with_each_agenda_table(event: Event) -> None:
    stamps = [domain.data_stamp(event)]
    for model in domain.AGENDA_TABLES:
        row = model.objects.filter(event=event).first()
        if row is None:
            continue
        row.save()
        stamps.append(domain.data_stamp(event))
    Event.objects.filter(pk=event.pk).update(public=False)
    stamps.append(domain.data_stamp(event))
    assert len(set(stamps)) == len(stamps)


def test_data_stamp_ignores_bookings_on_postgresql(event: Event) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's stamp counts every write of the database")
    before = domain.data_stamp(event)
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    assert domain.data_stamp(event) == before
