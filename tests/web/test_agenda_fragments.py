"""The participant page's kept agenda HTML (``liqa.web.agendas.fragments``) is never stale.

It is kept by the agenda's own key (event data stamp, version, person, language, base URL)
and the meetings that have ended, so an outcome recorded, a meeting that ends, an edit or a
new version all show on the next read; the CSRF field in it is each request's own.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client, RequestFactory

from liqa.web.agendas import domain, fragments
from liqa.web.events.models import Event, Outcome, Person
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule, person_user

ENDED = datetime(2020, 3, 14, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _empty_store(empty_caches: None) -> None:
    """Each test starts with nothing kept (tests/web/conftest.py)."""


@pytest.fixture
def ended(event: Event, draft: ScheduleVersion) -> ScheduleVersion:
    """A published version where Chen's meeting r-2 ended in 2020."""
    AssignmentRow.objects.filter(version=draft, key="r-2").update(
        start=ENDED, end=ENDED + timedelta(minutes=20)
    )
    publish(draft, notify=False)
    return draft


def _chen(enforce_csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(person_user("chen@example.org"))
    return client


def test_an_outcome_recorded_after_the_page_was_kept_shows(
    event: Event, ended: ScheduleVersion
) -> None:
    url = f"/me/{event.slug}/"
    chen = _chen()
    before = chen.get(url).text
    chen.get(url)  # served from the kept HTML
    Outcome.objects.create(event=event, position=0, assignment="r-2", kind="held", follow_up="mou")
    after = chen.get(url).text
    selected = '<option value="mou" selected>'
    assert (selected in before, selected in after) == (False, True)


def test_an_edit_and_a_new_version_show_on_the_next_read(
    event: Event, ended: ScheduleVersion
) -> None:
    url = f"/me/{event.slug}/"
    chen = _chen()
    chen.get(url)
    Person.objects.filter(event=event, key="p-amina").update(name="Amina Nouvelle")
    edited = chen.get(url).text
    second = store_schedule(event, make_schedule(make_core_event()))  # r-2 in 2030 again
    publish(second, notify=False)
    republished = chen.get(url).text
    assert ("Amina Nouvelle" in edited, edited.count('class="outcome"')) == (True, 1)
    assert republished.count('class="outcome"') == 0


def test_a_meeting_that_ends_gets_its_outcome_form(event: Event, draft: ScheduleVersion) -> None:
    publish(draft, notify=False)
    agenda, key = domain.kept_agenda(event, "p-chen", "en")
    assert agenda is not None
    ends = sorted(e.end for day in agenda.days for e in day.entries if e.kind != "programme")
    request = RequestFactory().get("/")
    context = {"event": event, "lang": "en", "dir": "ltr"}
    forms = [
        fragments.days_html(request, agenda, key, now, context, dict).count('class="outcome"')
        for now in (ends[0] - timedelta(minutes=1), ends[0] + timedelta(minutes=1), ends[0])
    ]
    assert forms == [0, 1, 0]


def test_the_kept_html_carries_each_requests_own_csrf_token(
    event: Event, ended: ScheduleVersion
) -> None:
    url = f"/me/{event.slug}/"
    first, second = _chen(enforce_csrf=True), _chen(enforce_csrf=True)
    first.get(url)  # kept now
    page = second.get(url).text
    value = re.search(
        r'/outcome/"><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">', page
    )
    assert value is not None
    assert fragments.MARKER not in page
    answer = second.post(
        f"/me/{event.slug}/outcome/",
        {"csrfmiddlewaretoken": value.group(1), "assignment": "r-2", "kind": "held"},
    )
    refused = first.post(f"/me/{event.slug}/outcome/", {"assignment": "r-2", "kind": "held"})
    assert (answer.status_code, refused.status_code) == (302, 403)
