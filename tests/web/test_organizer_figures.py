"""Figures and words an organizer met on the demo mission's pages that disagreed (H12).

The run page said "travel (minutes) 1,396" where the report said 16 hours 46 minutes of
travel; the public page listed every host invited where the report counted those met; the
proof of quality read "356.25, at most 392.197" with no word of what the value counts;
the history showed "11/30/26", raw ids beside names, and "System" for the organizer's
runs; the "agenda changed" e-mail's subject did not name the event. Each test fails on
the code before the fix (the new functions are imported inside the tests for that).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import translation

from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion

DEMO_TERMS = {"value": 356.25, "objective": 426.562, "travel_minutes": 1396.0}


def test_the_run_page_says_its_travel_counts_the_trips_back_in_hours_and_minutes() -> None:
    """The run's travel counts every trip of the day, back to the hotel too; the report's
    "Travel to the meetings" leaves those out and says so. Both now read in hours and
    minutes, and the run's words say what it counts."""
    from liqa.web.scheduling.proofs import objective_words

    with translation.override("en"):
        words = objective_words(DEMO_TERMS, "en")
    assert "travel, trips back to the hotel included 23 hours 16 minutes" in words
    assert "1,396" not in words
    assert "value of the visits 356.2" in words  # one decimal, as the proof has


def _demo_run(state: str = RunState.DONE) -> Run:
    """An unsaved itinerary run as the demo's ended: the bound on the visits' value."""
    return Run(
        state=state,
        message="feasible",
        objective=DEMO_TERMS,
        bound=392.197,
        gap=0.092,
        bound_term="value",
    )


def test_the_run_pages_live_figures_use_the_same_words() -> None:
    """The run page's live JSON (what run.js shows while a run goes and once it is done)
    wrote its terms itself, "travel (minutes) 1,396", after the words above were fixed."""
    from liqa.web.scheduling.views import run_status

    with translation.override("en"):
        shown = run_status(_demo_run())
    assert "travel, trips back to the hotel included 23 hours 16 minutes" in str(shown["objective"])
    assert "1,396" not in str(shown["objective"])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_proof_rounds_value_and_bound_alike_and_says_what_the_value_counts(
    lang: str,
) -> None:
    """The proof read "value of the visits 356.25, at most 392.197 (proved)": two
    precisions, and a value with no unit. Value and bound now have one decimal each, the
    value is said to be in points, and a finished itinerary run says its bound was of the
    value with fairness while it ran (the search's progress bounds that)."""
    from liqa.web.scheduling.proofs import proof_words

    with translation.override(lang):
        words = proof_words(_demo_run(), lang)
    separator = "," if lang == "fr" else r"\."
    figures = re.findall(rf"\d+{separator}\d+", words.split("(")[0])
    assert figures[:2] == (["356,2", "392,2"] if lang == "fr" else ["356.2", "392.2"])
    if lang == "en":
        assert "Value in points" in words
        assert "While it ran, the bound was of the value with fairness." in words


def test_the_public_page_says_its_hosts_are_those_invited(
    event: Event, client_for: Callable[..., Client]
) -> None:
    """The public page's "Hosts" listed every host organization (24 for the demo, Baylink
    whose visit could not be scheduled among them) where the report counts those met (23):
    the page now says it lists those invited, and how many."""
    page = client_for(None).get(f"/events/{event.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert ">Hosts invited</h2>" in html
    hosts = len(re.findall(r"<li>", html.split('id="hosts"')[1].split("</ul>")[0]))
    assert f"{hosts} host organization" in html


def test_a_run_started_by_the_organizer_is_recorded_as_theirs(
    event: Event, organizer: User, django_capture_on_commit_callbacks: Any
) -> None:
    """A worker stores a run's version with no request, so the history said "System" made
    it; the entry now names the organizer who started the run."""
    from liqa.web.scheduling.services import start_run

    with django_capture_on_commit_callbacks(execute=True):
        run = start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.result is not None, run.message
    entry = AuditEntry.objects.get(
        event=event.slug, model="schedule", key=f"v{run.result.number}", action="created"
    )
    assert entry.actor == organizer.get_username()
    assert entry.user_id == organizer.pk


def test_the_history_gives_long_dates_with_their_zone_and_names_not_ids(
    event: Event, organizer: User, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The history read "11/30/26 13:53" and "Permian Analytics vis-permian-ai": the date
    is now the long one with the time's zone, and a record named by the page shows no id."""
    client = client_for(organizer)
    html = client.get(f"/organize/{event.slug}/history/", HTTP_ACCEPT_LANGUAGE="en")
    text = html.content.decode()
    cells = re.findall(r'<tr class="entry">\s*<td>(.*?)</td>', text, re.S)
    assert cells
    for cell in cells:
        assert re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4} ", cell), cell  # "November 30, 2026"
        assert "Time" in cell or "UTC" in cell, cell  # "(Central European Standard Time)"
    named = re.findall(r"<bdi>[^<]+</bdi>\s*<small><code>", text)
    assert not named, named


def test_the_changes_e_mail_subject_names_the_event(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The subject read "Your agenda has changed" alone (the body names the event since
    95f7c12): an inbox with two events' e-mails could not tell them apart."""
    client_for(organizer).post(f"/organize/{event.slug}/versions/1/publish/")
    assert mail.outbox
    for message in mail.outbox:
        assert any(title in message.subject for title in event.title.values()), message.subject
