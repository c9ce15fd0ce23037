"""A new version's entry in the history counts what its labels say: the meetings and
visits it places, as the mission report counts them scheduled. On the demo it read
"Rendez-vous et visites placés : — → 43" (programme items and lunch breaks counted too)
where the report says 23, and "Rendez-vous épinglés : — → 9" (nine programme items,
no meeting). Entries recorded before say what they counted."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from liqa.core.outputs.labels import colon
from liqa.core.outputs.report import compute_figures
from liqa.web.audit.wording import Clock, Wording
from liqa.web.demo import load_demo
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record
from tests.web.factories import DEMO

SLUG = "morocco-us-digital-2024"


def _changes(page: str) -> list[str]:
    """Each change the history page lists, as read (tags dropped)."""
    found = re.findall(r"<li>(.*?)</li>", page.split('class="history"', 1)[1], re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", line)).strip() for line in found]


@pytest.mark.django_db
def test_the_history_counts_the_meetings_the_report_counts_scheduled(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        links = load_demo(DEMO, time_limit=1.0, base_url="http://testserver")
    version = ScheduleVersion.objects.get(event__slug=SLUG)
    figures = compute_figures(event_record(version.event), schedule_record(version), "fr")
    assert 0 < figures.meetings < version.assignments.count()  # programme items placed too
    organizer = Client()
    organizer.post(links["organizer"].removeprefix("http://testserver"))
    page = organizer.get(f"/organize/{SLUG}/history/", HTTP_ACCEPT_LANGUAGE="fr")
    lines = _changes(page.content.decode())
    # the demo pins its programme items (a flight, a dinner), no meeting: 0 pinned
    placed, pinned = (
        f"Rendez-vous et visites placés{colon('fr')}",
        f"Rendez-vous épinglés{colon('fr')}",
    )
    assert f"{placed} — → {figures.meetings}" in lines
    assert f"{pinned} — → 0" in lines


def test_an_entry_recorded_before_says_it_counted_programme_items_too() -> None:
    words = Wording("en", Clock([], "en"), {}, {})
    recorded = {"assignments": [None, 43], "pinned": [None, 9], "method": [None, "ils"]}
    with translation.override("en"):
        lines = words.changes("schedule", recorded)
    assert lines == [
        ("Pinned, programme items included", "—", "9"),
        ("Placed, programme items included", "—", "43"),
        ("Method", "—", "itinerary search"),
    ]
