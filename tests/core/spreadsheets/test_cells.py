"""Cells as organizers type them: dates, times, instants, numbers and flags."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from liqa.core.model import Leg
from liqa.core.spreadsheets.cells import (
    Cell,
    CellError,
    flag,
    format_instant,
    integer,
    parse_date,
    parse_instant,
    parse_time,
    text,
)

CHICAGO = ZoneInfo("America/Chicago")
LEGS = (
    Leg("houston", "Houston", "America/Chicago", date(2024, 2, 11), date(2024, 2, 15)),
    Leg("sv", "San Jose", "America/Los_Angeles", date(2024, 2, 16), date(2024, 2, 21)),
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-02-12", date(2024, 2, 12)),
        ("12/02/2024", date(2024, 2, 12)),
        ("12.02.2024", date(2024, 2, 12)),
        ("12-02-2024", date(2024, 2, 12)),
        ("12/2/24", date(2024, 2, 12)),
        ("2024/02/12", date(2024, 2, 12)),
        ("12 February 2024", date(2024, 2, 12)),
        ("12 février 2024", date(2024, 2, 12)),
        ("1er mars 2024", date(2024, 3, 1)),
        ("Feb 12, 2024", date(2024, 2, 12)),
        ("12 فبراير 2024", date(2024, 2, 12)),
        (45334, date(2024, 2, 12)),
        (45334.0, date(2024, 2, 12)),
        ("45334", date(2024, 2, 12)),
        (datetime(2024, 2, 12, 0, 0), date(2024, 2, 12)),
        (date(2024, 2, 12), date(2024, 2, 12)),
    ],
)
def test_parse_date_common_formats(cell: Cell, expected: date) -> None:
    assert parse_date(cell) == expected


def test_parse_date_month_first_when_asked() -> None:
    assert parse_date("02/12/2024", day_first=False) == date(2024, 2, 12)


def test_parse_date_dotted_is_always_day_first() -> None:
    assert parse_date("12.02.2024", day_first=False) == date(2024, 2, 12)


def test_parse_date_impossible_day_names_the_cause() -> None:
    with pytest.raises(CellError) as caught:
        parse_date("31/02/2024")
    assert caught.value.message == "'31/02/2024' is not a real date (day is out of range for month)"
    assert caught.value.hint == "write the date as 2024-02-12, 12/02/2024 or 12.02.2024"


def test_parse_date_words_are_refused() -> None:
    with pytest.raises(CellError) as caught:
        parse_date("next Monday")
    assert caught.value.message == "'next Monday' is not a date"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("9:00", time(9, 0)),
        ("09:00", time(9, 0)),
        ("09h00", time(9, 0)),
        ("9h", time(9, 0)),
        ("14h30", time(14, 30)),
        ("9:00 AM", time(9, 0)),
        ("9:30 pm", time(21, 30)),
        ("12:00 AM", time(0, 0)),
        ("12:15 PM", time(12, 15)),
        ("9 AM", time(9, 0)),
        ("09:00:30", time(9, 0, 30)),
        ("9.30", time(9, 30)),
        (time(9, 0), time(9, 0)),
        (0.375, time(9, 0)),
        (datetime(1899, 12, 30, 9, 0), time(9, 0)),
    ],
)
def test_parse_time_common_formats(cell: Cell, expected: time) -> None:
    assert parse_time(cell) == expected


@pytest.mark.parametrize("cell", ["25:00", "9:75", "13:00 PM", "9", "noon"])
def test_parse_time_refuses_impossible_times(cell: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_time(cell)
    assert caught.value.message == f"{cell!r} is not a time of day"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-02-12 09:00", datetime(2024, 2, 12, 9, 0, tzinfo=CHICAGO)),
        ("2024-02-12T09:00", datetime(2024, 2, 12, 9, 0, tzinfo=CHICAGO)),
        ("12/02/2024 09h00", datetime(2024, 2, 12, 9, 0, tzinfo=CHICAGO)),
        ("12.02.2024 9:00 AM", datetime(2024, 2, 12, 9, 0, tzinfo=CHICAGO)),
        ("12 février 2024 à 14h30", datetime(2024, 2, 12, 14, 30, tzinfo=CHICAGO)),
        (datetime(2024, 2, 12, 9, 0), datetime(2024, 2, 12, 9, 0, tzinfo=CHICAGO)),
        (45334.375, datetime(2024, 2, 12, 9, 0, tzinfo=CHICAGO)),
        (
            "2024-02-17 10:00",
            datetime(2024, 2, 17, 10, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
        ),
    ],
)
def test_parse_instant_is_local_to_the_covering_leg(cell: Cell, expected: datetime) -> None:
    parsed = parse_instant(cell, LEGS)
    assert (parsed, parsed.utcoffset()) == (expected, expected.utcoffset())


def test_parse_instant_keeps_an_explicit_offset() -> None:
    parsed = parse_instant("2024-02-12T09:00:00+01:00", LEGS)
    assert parsed.isoformat() == "2024-02-12T09:00:00+01:00"


def test_parse_instant_outside_every_leg_is_an_error() -> None:
    with pytest.raises(CellError) as caught:
        parse_instant("2024-03-01 09:00", LEGS)
    assert caught.value.message == (
        "2024-03-01 is outside every leg of the event "
        "(2024-02-11..2024-02-15, 2024-02-16..2024-02-21)"
    )


def test_format_instant_reads_back_exactly() -> None:
    instant = datetime(2024, 2, 17, 10, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    shown = format_instant(instant, LEGS)
    assert (shown, parse_instant(shown, LEGS)) == ("2024-02-17 10:00", instant)


def test_format_instant_with_seconds_keeps_the_offset() -> None:
    instant = datetime(2024, 2, 12, 9, 0, 5, tzinfo=CHICAGO)
    assert format_instant(instant, LEGS) == "2024-02-12T09:00:05-06:00"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("yes", True),
        ("Oui", True),
        ("نعم", True),
        ("x", True),
        (True, True),
        ("", False),
        (None, False),
        ("non", False),
        ("لا", False),
        ("0", False),
    ],
)
def test_flag_words(cell: Cell, expected: bool) -> None:
    assert flag(cell) is expected


def test_integer_accepts_whole_floats_and_refuses_fractions() -> None:
    with pytest.raises(CellError) as caught:
        integer("12.5")
    assert (integer(12.0), integer(" 7 "), caught.value.message) == (
        12,
        7,
        "'12.5' is not a whole number",
    )


def test_text_trims_and_drops_dot_zero() -> None:
    assert (text("  Casablanca "), text(212600000000.0), text(None)) == (
        "Casablanca",
        "212600000000",
        "",
    )
