"""The history gives each meeting a version did not place with its reason in words, in the
reader's language, as the version's page and the report do (``reasons.reason_words``):
"Not placed: Bruno Martin ↔ Chen Li (no slot where all can attend), …". Before, it listed
their names alone, so the trail of a deleted draft said what was left out but never why.

Reasons are compared with the catalog's words in the page's language, so that the tests hold
before and after the catalog changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.problems import translated
from liqa.core.scheduling.reasons import reason_words
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import history_changes, make_schedule

URL = "/organize/tunis-b2b-2030/history/"
LEFT_OUT = (
    core.Unplaced("r-3", "no_common_slot"),
    core.Unplaced("r-1", "lost_to_higher_priority", blocking=("r-2",)),
)
"""Bruno Martin ↔ Chen Li, with nowhere all can attend; Amina Idrissi ↔ Bruno Martin, whose
slots went to Amina Idrissi ↔ Chen Li."""


def _deleted_draft(event: Event, left_out: tuple[core.Unplaced, ...]) -> None:
    """A draft with ``left_out`` not placed, deleted: the trail keeps what it held."""
    schedule = make_schedule(event_record(event), version=2)
    store_schedule(event, dataclasses.replace(schedule, unplaced=left_out)).delete()


def _not_placed(client: Client, lang: str) -> list[str]:
    """The history's lines of the versions' meetings not placed, newest first, in ``lang``."""
    with translation.override(lang):
        label = translation.gettext("Not placed")
    lines = history_changes(client.get(URL, HTTP_ACCEPT_LANGUAGE=lang).content.decode())
    return [line for line in lines if line.startswith(label)]


def _words(code: str, lang: str) -> str:
    return str(translated(reason_words(code), translator(lang).gettext))


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_each_meeting_not_placed_reads_with_its_reason(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    """Two drafts deleted, each with one meeting left out for its own reason."""
    for unplaced in LEFT_OUT:
        _deleted_draft(event, (unplaced,))
    lost, common = _not_placed(client_for(organizer), lang)
    if lang == "en":
        assert common == "Not placed: Bruno Martin ↔ Chen Li (no slot where all can attend) → —"
        assert lost == (
            "Not placed: Amina Idrissi ↔ Bruno Martin (the slots went to other meetings) → —"
        )
    assert f"({_words('no_common_slot', lang)})" in common
    assert f"({_words('lost_to_higher_priority', lang)})" in lost
    for raw in ("r-3", "r-1", "r-2", "no_common_slot", "lost_to_higher_priority", "{"):
        assert raw not in common + lost


def test_meetings_not_placed_with_their_reasons_name_the_first_and_count_the_others(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    _deleted_draft(event, LEFT_OUT)
    assert _not_placed(client_for(organizer), "en") == [
        "Not placed: Bruno Martin ↔ Chen Li (no slot where all can attend) and 1 more → —"
    ]
