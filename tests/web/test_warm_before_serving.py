"""Kept agendas built before serving (``liqa.web.agendas.warm``, ``liqa serve --production``).

A worker forked after :func:`warm` answers a participant's first page, ``.ics`` and schedule
API read from what was built, with the same queries as any later read, and the answers are
the ones a read would have built itself; a write made after warming still shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from liqa.web.agendas import domain
from liqa.web.agendas.warm import warm
from liqa.web.events.models import Event, Person
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import api_client_for, person_user
from tests.web.test_scale_agenda_reads import PAGE_QUERIES


@pytest.fixture(autouse=True)
def _empty_store(empty_caches: None) -> None:
    """Each test starts with nothing kept (tests/web/conftest.py)."""


@pytest.fixture
def published(event: Event, draft: ScheduleVersion) -> Event:
    publish(draft, notify=False)
    return event


def _api(email: str) -> APIClient:
    return api_client_for(person_user(email))


@pytest.fixture
def clients(published: Event, client_for: Callable[..., Client]) -> tuple[Client, APIClient]:
    """Amina signed in (session and API token: written before warming, as on SQLite the
    stamp changes with any write)."""
    return client_for(person_user("amina@example.org")), _api("amina@example.org")


def _reads(
    published: Event, clients: tuple[Client, APIClient], lang: str
) -> tuple[list[int], dict[str, Any]]:
    """Query counts and answers of Amina's page, .ics and schedule API."""
    amina, api = clients
    slug = published.slug
    counts, answers = [], {}
    for name, send in (
        ("page", lambda: amina.get(f"/me/{slug}/", HTTP_ACCEPT_LANGUAGE=lang)),
        ("ics", lambda: amina.get(f"/me/{slug}/agenda.ics", HTTP_ACCEPT_LANGUAGE=lang)),
        ("api", lambda: api.get(f"/api/events/{slug}/schedules/")),
    ):
        with CaptureQueriesContext(connection) as captured:
            response = send()
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
        answers[name] = response.json() if name == "api" else response.content
    return counts, answers


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_first_reads_after_warming_build_nothing(
    published: Event,
    clients: tuple[Client, APIClient],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    done = warm(60)
    assert (done.events, done.participants, done.complete) == (
        1,
        Person.objects.filter(event=published, email__gt="").count(),
        True,
    )

    def never(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("built while serving")

    monkeypatch.setattr(domain, "build_agenda", never)
    monkeypatch.setattr(domain, "build_calendar", never)
    counts, answers = _reads(published, clients, lang)
    api_queries = 2 if connection.vendor == "postgresql" else 5
    assert counts == [PAGE_QUERIES, PAGE_QUERIES - 1, api_queries]  # .ics: no feed query
    assert b'id="agenda"' in answers["page"]
    assert b"BEGIN:VCALENDAR" in answers["ics"]


def test_warmed_answers_are_the_ones_a_read_builds(
    published: Event, clients: tuple[Client, APIClient]
) -> None:
    _counts, cold = _reads(published, clients, "fr")
    for store in (domain.OUTPUTS, domain.SCHEDULES):
        store.clear()
    from liqa.web.agendas import fragments
    from liqa.web.api import views as api_views

    fragments.DAYS.clear()
    api_views.PARTICIPANT_SCHEDULES.clear()
    warm(60)
    _counts, warmed = _reads(published, clients, "fr")
    assert (warmed["ics"], warmed["api"]) == (cold["ics"], cold["api"])
    section = cold["page"].split(b'id="agenda"')[1].split(b"<form")[0]
    assert len(section) > 100
    assert section in warmed["page"]


def test_a_write_after_warming_shows(published: Event, clients: tuple[Client, APIClient]) -> None:
    warm(60)
    Person.objects.filter(event=published, key="p-bruno").update(name="Bruno Neuf")
    amina = clients[0]
    assert "Bruno Neuf" in amina.get(f"/me/{published.slug}/").text
    assert "Bruno Neuf" in amina.get(f"/me/{published.slug}/agenda.ics").text


def test_warming_stops_at_its_time_budget(published: Event) -> None:
    done = warm(0)
    assert (done.participants, done.complete) == (0, False)


def test_no_published_schedule_nothing_to_warm(event: Event, draft: ScheduleVersion) -> None:
    done = warm(60)
    assert (done.events, done.participants, done.complete) == (0, 0, True)
