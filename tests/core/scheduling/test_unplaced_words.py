"""Why a meeting or visit was not placed, in the reader's language."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from liqa.core.i18n import translator
from liqa.core.problems import (
    Message,
    Name,
    Names,
    joined,
    message_from_json,
    message_json,
    translated,
)
from liqa.core.scheduling.brokerage import Settings
from liqa.core.scheduling.brokerage.from_event import plan_brokerage
from liqa.core.scheduling.planning import PlanSettings, plan_event
from tests.core.scheduling.brokerage.test_from_event import accepted, at, event


def _unplaced_r3() -> Message:
    ev = event(
        accepted("r1", "p-amal", "p-chen", priority=3),
        accepted("r2", "p-bruno", "p-chen", priority=1),
        accepted("r3", "p-bruno", "p-chen", priority=1, fixed_start=at(9, 40)),
    )
    schedule, _ = plan_brokerage(ev, Settings(time_limit=20, workers=1))
    (unplaced,) = schedule.unplaced
    assert isinstance(unplaced.detail, Message)
    return unplaced.detail


def test_a_brokerage_explanation_reads_in_french_and_arabic() -> None:
    detail = _unplaced_r3()
    assert detail == "Bruno and Chen have no slot in common where all can attend"
    assert detail.in_language(translator("fr").gettext) == (
        "Bruno et Chen n'ont aucun créneau commun où tous peuvent venir"
    )
    arabic = detail.in_language(translator("ar").gettext)
    assert arabic == "لا توجد لدى Bruno وChen فترة مشتركة يستطيع الجميع الحضور فيها"


def test_an_explanation_survives_storage_as_json() -> None:
    detail = _unplaced_r3()
    stored = message_json(detail)
    assert stored is not None
    again = message_from_json(str(detail), stored)
    assert isinstance(again, Message)
    assert again.in_language(translator("fr").gettext) == detail.in_language(
        translator("fr").gettext
    )


@pytest.mark.parametrize(
    "data",
    [None, {}, {"template": "{who} left"}, {"template": "{who} left", "params": {}}, "text"],
)
def test_stored_words_that_do_not_rebuild_the_text_leave_the_english(data: object) -> None:
    assert message_from_json("p-bruno left", data) == "p-bruno left"
    assert not isinstance(message_from_json("p-bruno left", data), Message)


def test_stored_words_giving_another_text_are_not_trusted() -> None:
    data = {"template": "{who} left", "params": {"who": "p-chen"}}
    assert not isinstance(message_from_json("p-bruno left", data), Message)


@pytest.mark.parametrize(
    ("items", "conjunction", "english", "french"),
    [
        ((), "and", "", ""),
        (("a",), "and", "a", "a"),
        (("a", "b"), "and", "a and b", "a et b"),
        (("a", "b", "c"), "or", "a, b or c", "a, b ou c"),
    ],
)
def test_joined_lists_translate_their_last_link(
    items: tuple[str, ...], conjunction: str, english: str, french: str
) -> None:
    phrase = joined(items, conjunction)
    assert phrase == english
    assert Message("{x}", x=phrase).in_language(translator("fr").gettext) == french


def test_the_plan_report_names_what_was_not_placed_and_why_in_words() -> None:
    ev = event(
        accepted("r1", "p-amal", "p-chen", priority=3),
        accepted("r3", "p-bruno", "p-chen", priority=1, fixed_start=at(9, 40)),
    )
    report = plan_event(ev, PlanSettings(time_limit=20, workers=1)).report
    assert (
        "  - Bruno – Chen (r3): no slot where all can attend — "
        "Bruno and Chen have no slot in common where all can attend"
    ) in report.splitlines()


def test_an_arabic_reader_sees_the_names_in_arabic_script_after_storage() -> None:
    ev = event(
        accepted("r1", "p-amal", "p-chen", priority=3),
        accepted("r3", "p-bruno", "p-chen", priority=1, fixed_start=at(9, 40)),
    )
    arabic_names = {"p-bruno": "برونو", "p-chen": "تشن"}
    people = tuple(replace(p, name_ar=arabic_names.get(p.id, "")) for p in ev.people)
    schedule, _ = plan_brokerage(replace(ev, people=people), Settings(time_limit=20, workers=1))
    (unplaced,) = schedule.unplaced
    detail = unplaced.detail
    assert detail == "Bruno and Chen have no slot in common where all can attend"  # English
    ar, fr = translator("ar").gettext, translator("fr").gettext
    expected = "لا توجد لدى برونو وتشن فترة مشتركة يستطيع الجميع الحضور فيها"
    assert translated(detail, ar, "ar") == expected
    assert translated(detail, fr, "fr").startswith("Bruno et Chen n'ont")  # Latin for French
    stored = message_json(detail)
    again = message_from_json(str(detail), json.loads(json.dumps(stored)))
    assert translated(again, ar, "ar") == expected


def test_names_in_lists_keep_their_forms() -> None:
    names = Names([Name("Karim", ar="كريم"), "DGSSI", Name("Sara", ar="سارة")], " – ")
    assert names == "Karim – DGSSI – Sara"
    assert translated(names, translator("ar").gettext, "ar") == "كريم – DGSSI – سارة"
    phrase = joined([Name("Karim", ar="كريم"), Name("Sara", ar="سارة"), "Chen"])
    assert phrase == "Karim, Sara and Chen"
    assert translated(phrase, translator("ar").gettext, "ar") == "كريم، سارة وChen"
    assert joined([Name("Karim", ar="كريم")]).in_script("ar") == "كريم"  # type: ignore[attr-defined]
