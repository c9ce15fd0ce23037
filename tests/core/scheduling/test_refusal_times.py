"""The times in the checker's refusals read as the rest of the page in the reader's language:
``9:20 AM`` in English, ``09:20`` in French and Arabic, with the day when the slots span
days and the zone's name when the event spans time zones (they read ``09:20`` in every
language before)."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from liqa.core.i18n import translator
from liqa.core.local_time import LocalTime
from liqa.core.model import Event, Leg, Session
from liqa.core.problems import Message, message_from_json, message_json, translated
from liqa.core.scheduling.brokerage import Placement, Timetable, check_schedule
from liqa.core.scheduling.brokerage.from_event import event_problem
from tests.core.scheduling.brokerage.test_from_event import accepted, at, event

CLASH = Timetable((Placement("r1", 1, 1), Placement("r2", 1, 7)))
"""Bruno in two meetings in the second slot (09:20)."""


def _clash_event() -> Event:
    return event(
        accepted("r1", "p-bruno", "p-chen", fixed_start=at(9, 20)),
        accepted("r2", "p-amal", "p-bruno"),
    )


def _overlap(ev: Event, lang: str) -> str:
    (overlap,) = [v for v in check_schedule(event_problem(ev), CLASH) if v.label == "overlap"]
    return str(translated(overlap.message, translator(lang).gettext, lang))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Bruno is in 2 meetings in slot 9:20\u202fAM (can attend 1)"),
        ("fr", "Bruno a 2 rendez-vous au créneau 09:20 (peut en suivre 1)"),
        ("ar", "لدى Bruno عدد 2 من اللقاءات في الفترة 09:20 (يمكنه حضور 1)"),
    ],
)
def test_a_refusals_slot_reads_in_the_readers_time_format(lang: str, expected: str) -> None:
    assert _overlap(_clash_event(), lang) == expected


@pytest.mark.parametrize(
    ("lang", "zone"),
    [
        ("en", "Casablanca Time, UTC+0"),
        ("fr", "heure : Casablanca, UTC+0"),
        ("ar", "توقيت الدار البيضاء، \u2066UTC+0\u2069"),  # the Latin offset isolated
    ],
)
def test_the_zone_is_named_when_the_event_spans_zones(lang: str, zone: str) -> None:
    """Two days in Tunis before the brokerage day in Casablanca: "09:20" alone would not
    say whose 09:20 it is; the Move form names the hall's zone the same way."""
    one_zone = _clash_event()
    tunis = Leg("l0", "Tunis", "Africa/Tunis", date(2025, 3, 12), date(2025, 3, 13))
    spanning = replace(one_zone, legs=(tunis, *one_zone.legs))
    # the hall's zone at that moment (UTC+0 in Ramadan, which CLDR called "Western European
    # Summer Time", UTC+1), as the grid's form shows it
    assert translator(lang).format_zone(at(9, 20)) == zone
    time = "9:20\u202fAM" if lang == "en" else "09:20"
    assert f"{time} {zone}" in _overlap(spanning, lang)
    assert zone not in _overlap(one_zone, lang)


@pytest.mark.parametrize(
    ("lang", "day"),
    [
        ("en", "Fri, Mar 14, 9:20\u202fAM"),
        ("fr", "ven. 14 mars, 09:20"),
        ("ar", "الجمعة، 14 مارس، 09:20"),
    ],
)
def test_the_day_is_given_when_the_slots_span_days(lang: str, day: str) -> None:
    """Slots on two days: the day before the time, as the web's lists write it (the ISO
    "2025-03-14 09:20" before, in every language)."""
    ev = _clash_event()
    assert ev.brokerage is not None
    next_day = Session(
        "next",
        datetime(2025, 3, 15, 9, tzinfo=at(9).tzinfo),
        datetime(2025, 3, 15, 10, tzinfo=at(9).tzinfo),
    )
    two_days = replace(
        ev,
        legs=(replace(ev.legs[0], end=date(2025, 3, 15)),),
        brokerage=replace(ev.brokerage, sessions=(*ev.brokerage.sessions, next_day)),
    )
    assert day in _overlap(two_days, lang)


def test_a_stored_refusal_keeps_its_time_and_zone() -> None:
    """A message stored as JSON (as the web stores explanations) and read back, or sent to
    another process, still reads each reader's way, with its zone's own name."""
    when = datetime(2030, 3, 14, 9, 20, tzinfo=ZoneInfo("America/Los_Angeles"))
    message = Message("slot {slot} is full", slot=LocalTime(when, zoned=True))
    stored = json.loads(json.dumps(message_json(message)))
    again = message_from_json(str(message), stored)
    copied = pickle.loads(pickle.dumps(message))
    fr = translator("fr").gettext
    assert str(message) == "slot 9:20\u202fAM Pacific Daylight Time is full"
    for read in (again, copied):
        assert isinstance(read, Message)
        assert translated(read, fr, "fr") == translated(message, fr, "fr")
        assert "09:20 heure d’été du Pacifique nord-américain" in translated(read, fr, "fr")


def test_a_time_without_its_zone_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="needs a time with its time zone"):
        LocalTime(datetime(2030, 3, 14, 9, 20))  # a naive time: refused
