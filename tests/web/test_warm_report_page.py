"""The warm step (``liqa serve --production``, before gunicorn forks its workers) builds each
event's report page of its latest published version in every language, so that a worker's
first report page draws no chart; an outcome recorded after warming still shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.agendas.services import record_outcome
from liqa.web.agendas.warm import warm
from liqa.web.events.models import Event
from liqa.web.scheduling import report_views
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish


@pytest.fixture(autouse=True)
def _empty_store(empty_caches: None) -> None:
    report_views.REPORTS.clear()
    report_views.DRAWINGS.clear()


@pytest.fixture
def published(event: Event, draft: ScheduleVersion) -> ScheduleVersion:
    publish(draft, notify=False)
    draft.refresh_from_db()
    return draft


def _main(page: bytes) -> bytes:
    """The page's main part, its CSRF tokens masked (each answer has its own)."""
    main = page.split(b'id="content"')[1].split(b"</main>")[0]
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", main)


def _never(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("built while serving")


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_first_report_page_after_warming_builds_nothing(
    published: ScheduleVersion,
    organizer: User,
    client_for: Callable[[User | None], Client],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    client = client_for(organizer)  # signed in before warming (a write on SQLite)
    cold = client.get(f"/organize/{published.event.slug}/report/", HTTP_ACCEPT_LANGUAGE=lang)
    report_views.REPORTS.clear()
    report_views.DRAWINGS.clear()
    warm(60)
    monkeypatch.setattr(report_views, "report_context", _never)
    monkeypatch.setattr(report_views, "charts", _never)
    warmed = client.get(f"/organize/{published.event.slug}/report/", HTTP_ACCEPT_LANGUAGE=lang)
    assert (cold.status_code, warmed.status_code) == (200, 200)
    body = _main(cold.content)
    assert len(body) > 1000
    assert _main(warmed.content) == body  # the page a read builds


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_an_outcome_recorded_after_warming_shows(
    published: ScheduleVersion, organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    client = client_for(organizer)
    warm(60)
    url = f"/organize/{published.event.slug}/report/"
    before = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content
    meeting = published.assignments.order_by("start", "key").first()
    assert meeting is not None
    record_outcome(published.event, None, meeting.key, "held", "mou")
    after = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content
    assert b"memorandum of understanding" not in before
    assert b"memorandum of understanding" in after
