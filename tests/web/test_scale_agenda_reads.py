"""Agenda reads at scale: a fixed, small number of queries, and never a stale agenda.

The participant's page, .ics and schedule API read the event's records from a per-process
store keyed by the database's own change stamp (``liqa.web.events.snapshots``), so a read
does not reread every row of the event, and any write, by any code path (even
``QuerySet.update``, which sends no signal), shows at the next read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from liqa.web.agendas import domain
from liqa.web.events import snapshots
from liqa.web.events.models import Event, Outcome, Person, Venue
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import api_client_for, make_core_event, make_schedule, person_user

PAGE_QUERIES = 4 if connection.vendor == "postgresql" else 7
"""Session, user, the event with the memberships and their person checks and the stamp with
the published versions (one query on PostgreSQL; elsewhere: the event, the memberships, the
stamp, the versions), feed (outcomes are read only when a meeting of the agenda has ended)."""
RECORD_QUERIES = 13
"""Building the agenda once: the event row and its eight tables, the stamp again (nothing is
kept if it changed meanwhile), the bookings, the version, its assignments."""


@pytest.fixture(autouse=True)
def _empty_store(empty_caches: None) -> None:
    """Each test starts with nothing kept (tests/web/conftest.py)."""


@pytest.fixture
def amina(event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]) -> Client:
    publish(draft, notify=False)
    # publishing reads the event's records to compare agendas (hosts' staff included), which
    # keeps them: start the reads from nothing kept, as a fresh process would
    snapshots.EVENTS.clear()
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
    assert [q for q in again if 'FROM "events_meetingrequest"' in q] == []


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


def _api(email: str) -> APIClient:
    return api_client_for(person_user(email))


def test_kept_schedule_answers_are_per_person_and_follow_a_new_version(
    event: Event, draft: ScheduleVersion
) -> None:
    url = f"/api/events/{event.slug}/schedules/"
    amina, chen = _api("amina@example.org"), _api("chen@example.org")
    before = amina.get(url).json()
    publish(draft, notify=False)
    first = [amina.get(url).json(), amina.get(url).json(), chen.get(url).json()]
    second = store_schedule(event, make_schedule(make_core_event()))
    AssignmentRow.objects.filter(version=second, key="r-1").delete()
    publish(second, notify=False)
    after = amina.get(url).json()
    keys = [[a["id"] for a in found[0]["assignments"]] for found in (*first, after)]
    assert (before, first[0] == first[1], first[0][0]["version"], after[0]["version"]) == (
        [],
        True,
        1,
        2,
    )
    assert ("r-1" in keys[0], keys[0] != keys[2], "r-1" in keys[3]) == (True, True, False)


def test_kept_agendas_are_per_language_and_base_url(
    amina: Client, event: Event, settings: Any
) -> None:
    url = f"/me/{event.slug}/"
    french = amina.get(url, HTTP_ACCEPT_LANGUAGE="fr").text
    english = amina.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    before = domain.agenda_of(event, "p-amina", "en")
    settings.BASE_URL = "https://missions.example.org"
    after = domain.agenda_of(event, "p-amina", "en")
    assert ("Rendez-vous avec" in french, "Meeting with" in english) == (True, True)
    assert (before and before.live_url, after and after.live_url) == (
        "http://testserver/me/tunis-b2b-2030/",
        "https://missions.example.org/me/tunis-b2b-2030/",
    )


def test_outcomes_are_read_and_shown_once_a_meeting_has_ended(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A page with nothing ended reads no outcome; a meeting that ended shows its outcome."""
    chen = client_for(person_user("chen@example.org"))
    Outcome.objects.create(event=event, position=0, assignment="r-2", kind="held", follow_up="mou")
    url = f"/me/{event.slug}/"
    publish(draft, notify=False)
    upcoming = chen.get(url).text
    before = [q for q in _queries(chen, url) if '"events_outcome"' in q]
    ended = store_schedule(event, make_schedule(make_core_event()))
    AssignmentRow.objects.filter(version=ended, key="r-2").update(
        start=datetime(2020, 3, 14, 9, tzinfo=UTC), end=datetime(2020, 3, 14, 9, 20, tzinfo=UTC)
    )
    publish(ended, notify=False)
    page = chen.get(url).text
    assert (upcoming.count('class="outcome"'), before) == (0, [])
    assert (page.count('class="outcome"'), '<option value="mou" selected>' in page) == (1, True)


def test_event_state_is_the_data_stamp_with_the_published_versions(
    event: Event, draft: ScheduleVersion
) -> None:
    before, stamp = snapshots.event_state(event), snapshots.data_stamp(event)
    publish(draft, notify=False)
    second = store_schedule(event, make_schedule(make_core_event()))
    publish(second, notify=False)
    after = snapshots.event_state(event)
    assert (before.stamp == stamp, before.published) == (True, ())
    assert (after.stamp == snapshots.data_stamp(event), after.published) == (
        True,
        (draft.pk, second.pk),
    )
