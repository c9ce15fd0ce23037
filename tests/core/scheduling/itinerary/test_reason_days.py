"""The itinerary's reasons name days as the reader's language writes them (ISO 2024-02-13 in
every language before): the same short day as a dated slot time (:class:`LocalDate`)."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from liqa.core.i18n import translator
from liqa.core.local_time import LocalDate
from liqa.core.model import CandidateVisit, Event
from liqa.core.problems import Message, joined, message_from_json, message_json, translated
from liqa.core.scheduling.itinerary import plan_itinerary
from tests.core.scheduling.itinerary.factories import hou, visit, window
from tests.core.scheduling.itinerary.test_partitions import FAST, split_then_together


def _reasons(event: Event, lang: str) -> dict[str, str]:
    schedule, _ = plan_itinerary(event, FAST)
    gettext = translator(lang).gettext
    return {u.id: str(translated(u.detail, gettext, lang)) for u in schedule.unplaced}


def _with(*extra: CandidateVisit) -> Event:
    event = split_then_together()
    return replace(event, visits=(*event.visits, *extra))


SMALL = replace(
    visit("vis-small", "h-port", ("ai",), *window(hou(13, 10), hou(13, 12))), max_visitors=2
)
"""Only the 13th's split (which the plan does not take) could make it."""


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "could make it (on Tue, Feb 13); the plan"),
        ("fr", "permettrait cette visite (le mar. 13 févr.) ; le programme"),
        ("ar", "(في الثلاثاء، 13 فبراير)"),
    ],
)
def test_only_another_split_names_its_day_in_the_readers_language(lang: str, words: str) -> None:
    reason = _reasons(_with(SMALL), lang)["vis-small"]
    assert words in reason
    assert "2024" not in reason


@pytest.mark.parametrize(
    ("lang", "day"),
    [("en", "Mon, Feb 12 ("), ("fr", "lun. 12 févr. ("), ("ar", "الاثنين، 12 فبراير (")],
)
def test_a_visit_of_no_value_names_the_tour_it_fits_on_by_its_day(lang: str, day: str) -> None:
    """A visit worth nothing (priority 0) fits on the 12th: the reason names that day (it
    gave the tour's inner label before, ``2024-02-12 houston group-a``)."""
    worthless = replace(
        visit("vis-none", "h-port", ("ai",), *window(hou(12, 8), hou(12, 18))), priority=0
    )
    reason = _reasons(_with(worthless), lang)["vis-none"]
    assert day in reason
    assert "2024" not in reason
    assert "houston" not in reason


def test_several_days_read_as_one_phrase_in_each_language_and_keep_through_storage() -> None:
    days = joined([LocalDate(date(2024, 2, d)) for d in (12, 13, 14)], "or")
    message = Message("on {days}", days=days)
    assert message == "on Mon, Feb 12, Tue, Feb 13 or Wed, Feb 14"
    again = message_from_json(message, json.loads(json.dumps(message_json(message))))
    for kept in (again, pickle.loads(pickle.dumps(message))):
        assert translated(kept, translator("ar").gettext, "ar") == (
            "on الاثنين، 12 فبراير، الثلاثاء، 13 فبراير أو الأربعاء، 14 فبراير"
        )
        assert translated(kept, translator("fr").gettext, "fr").startswith(
            "on lun. 12 févr., mar. 13 févr."
        )


def test_a_local_date_is_a_calendar_day_not_a_moment() -> None:
    with pytest.raises(ValueError, match="calendar day"):
        LocalDate(datetime(2024, 2, 12, 9, tzinfo=UTC))
