"""The history names how a version was made and an assignment's subgroup in the reader's
words: it showed the planner's codes (``Method: — → ils``, ``brokerage/cpsat``,
``Subgroup: group-a → group-b``) in every language; a subgroup reads as the itinerary
and the agendas call it ("subgroup A", "the whole delegation", "the other members")."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation
from django.utils.translation import pgettext

from liqa.core.outputs.labels import subgroup_label
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import history_changes as _changes
from tests.web.factories import history_entry, make_schedule

SLUG = "tunis-b2b-2030"
URL = f"/organize/{SLUG}/history/"
LANGUAGES = ("en", "fr", "ar")


def _words(lang: str, context: str, text: str, **values: str) -> str:
    """``text`` as the page reads it in ``lang``."""
    with translation.override(lang):
        return pgettext(context, text) % values if values else pgettext(context, text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_new_versions_method_reads_in_words(
    event: Event,
    organizer: User,
    client_for: Callable[..., Client],
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
    lang: str,
) -> None:
    """Stored as the planner does; recorded when the version's transaction commits."""
    schedule = make_schedule(event_record(event))
    provenance = dataclasses.replace(schedule.provenance, method="brokerage/cpsat")
    with django_capture_on_commit_callbacks(execute=True):
        store_schedule(event, dataclasses.replace(schedule, provenance=provenance))
    page = client_for(organizer).get(URL, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    method = _words(lang, "scheduling method", "optimal search (CP-SAT)")
    arrow = "←" if lang == "ar" else "→"
    assert any(line.endswith(f" {arrow} {method}") for line in _changes(page)), _changes(page)
    assert "cpsat" not in page.split('class="history"')[1].replace("CP-SAT", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_method_and_subgroup_reads_in_words(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    for n, method in enumerate(("ils", "greedy", "replan", "brokerage/lns"), start=1):
        history_entry("schedule", f"v{n}", "created", {"method": [None, method]})
    history_entry("assignment", "v4/vis-nasa", "changed", {"group": ["group-a", "all"]})
    page = client_for(organizer).get(URL, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    arrow, colon = ("←", ":") if lang == "ar" else ("→", " :" if lang == "fr" else ":")
    field = _words(lang, "audit field", "Method") + colon
    method = "scheduling method"
    assert _changes(page)[:5] == [
        _words(lang, "audit field", "Subgroup")
        + f"{colon} {subgroup_label('group-a', lang)} {arrow} "
        + subgroup_label("all", lang),
        f"{field} — {arrow} {_words(lang, method, 'search for large events (LNS)')}",
        f"{field} — {arrow} {_words(lang, method, 're-plan, changing as little as possible')}",
        f"{field} — {arrow} {_words(lang, method, 'quick plan (greedy)')}",
        f"{field} — {arrow} {_words(lang, method, 'itinerary search')}",
    ]


def test_a_method_the_page_does_not_know_shows_as_recorded_and_free_members_in_words(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    unknown = {"group": ["group-a-group-b-others", "group-c"], "method": [None, "hand"]}
    history_entry("assignment", "v1/vis-nasa", "changed", unknown)
    page = client_for(organizer).get(URL).content.decode()
    assert _changes(page)[:2] == [
        "Subgroup: the other members → subgroup C",
        "Method: — → hand",
    ]
