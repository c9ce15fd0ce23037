"""The history reads a version's status and a record's own key in words: a provenance
whose status was ``infeasible`` or ``unknown`` showed the solver's code ("…, infeasible,
…"), and a new person, organization or request showed its key ("Key: — → p-nadia")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation
from django.utils.translation import pgettext

from liqa.web.audit.actor import acting
from liqa.web.events.models import Event, MeetingRequest, Organization, Person
from tests.web.factories import history_changes, history_entry

SLUG = "tunis-b2b-2030"
URL = f"/organize/{SLUG}/history/"
LANGUAGES = ("en", "fr", "ar")


def _changes(client: Client, lang: str) -> list[str]:
    """Each change line of the page as read in ``lang`` (tags dropped)."""
    return history_changes(client.get(URL, HTTP_ACCEPT_LANGUAGE=lang).content.decode())


def _words(lang: str, text: str, context: str = "") -> str:
    with translation.override(lang):
        return pgettext(context, text) if context else translation.gettext(text)


def _version(status: str, number: int) -> None:
    """A deleted version that had ``status`` (the trail keeps its provenance)."""
    provenance = {"method": "brokerage/greedy", "status": status}
    history_entry("schedule", f"v{number}", "deleted", {"provenance": [provenance, None]})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_status_a_version_can_have_reads_in_words(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    statuses = ("optimal", "feasible", "infeasible", "unknown", "missing required visits")
    for number, status in enumerate(statuses, start=1):
        _version(status, number)
    lines = _changes(client_for(organizer), lang)[: len(statuses)]
    comma = "، " if lang == "ar" else ", "
    said = [line.split(comma, 1)[1].rsplit(" ", 2)[0] for line in lines]
    expected = [
        "required visits missing",
        "not compared with the best possible",
        "not every requirement could be met",
        "not proven the best possible",
        "proven the best possible",
    ]
    assert said == [_words(lang, text, "schedule status") for text in expected]
    if lang == "en":
        assert lines[2] == (
            "How it was made: quick plan (greedy), not every requirement could be met → —"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_new_records_key_reads_as_what_it_names(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    with acting(organizer):
        Organization.objects.create(
            event=event, key="o-delta", name="Delta Ports", side="host", position=9
        )
        Person.objects.create(
            event=event, key="p-nadia", name="Nadia Brooks", organization="o-delta", position=9
        )
        MeetingRequest.objects.create(
            event=event, key="r-9", requester="p-amina", target="p-nadia", position=9
        )
    key = _words(lang, "Key")
    colon = " :" if lang == "fr" else ":"
    arrow = "←" if lang == "ar" else "→"
    keys = [line for line in _changes(client_for(organizer), lang) if line.startswith(key)]
    assert keys == [
        f"{key}{colon} — {arrow} \u2066Amina Idrissi\u2069 ↔ \u2066Nadia Brooks\u2069"
        if lang == "ar"
        else f"{key}{colon} — {arrow} Amina Idrissi ↔ Nadia Brooks",
        f"{key}{colon} — {arrow} Nadia Brooks",
        f"{key}{colon} — {arrow} Delta Ports",
    ]


def test_a_deleted_persons_key_reads_as_the_name_the_entry_kept(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    with acting(organizer):
        Person.objects.filter(event=event, key="p-chen").delete()
    lines = _changes(client_for(organizer), "en")
    assert "Key: Chen Li → —" in lines
    assert not any("p-chen" in line for line in lines)


def test_a_key_the_page_cannot_name_shows_as_recorded(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    history_entry(
        "assignment", "v1/lunch-2030-03-14", "deleted", {"key": ["lunch-2030-03-14", None]}
    )
    assert _changes(client_for(organizer), "en")[0] == "Key: lunch-2030-03-14 → —"
