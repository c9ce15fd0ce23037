"""The brokerage slots as the grid's columns (:func:`liqa.core.outputs.grid.slot_columns`),
the one slot list the master grid and the web's table plan, run sheet and Move form read."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from liqa.core.model import (
    BrokerageSetup,
    Event,
    EventKind,
    Leg,
    Provenance,
    Schedule,
    Session,
    Venue,
)
from liqa.core.outputs.grid import Column, build_grid, slot_columns

DAY = date(2030, 3, 14)
PARIS = ZoneInfo("Europe/Paris")
DUBAI = ZoneInfo("Asia/Dubai")  # UTC+4 all year; Paris is UTC+1 on that day


def _utc(hour: int, minute: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=UTC)


def _fair() -> Event:
    """A brokerage day whose leg is in Paris and whose hall is in Dubai: a morning session
    (05:00–06:30 UTC), lunch, an afternoon one (09:00–10:00 UTC), in 30-minute slots;
    the sessions are listed afternoon first."""
    return Event(
        id="dubai-b2b-2030",
        kind=EventKind.BROKERAGE,
        title={"en": "Dubai B2B 2030"},
        legs=(Leg("paris", "Paris", "Europe/Paris", DAY, DAY),),
        venues=(
            Venue("v-hotel", "Hôtel", "Paris", "Europe/Paris"),
            Venue("v-hall", "Expo Hall", "Dubai", "Asia/Dubai"),
        ),
        brokerage=BrokerageSetup(
            venue="v-hall",
            slot_minutes=30,
            tables=4,
            sessions=(
                Session("afternoon", _utc(9), _utc(10)),
                Session("morning", _utc(5), _utc(6, 30)),
            ),
        ),
    )


def _local(columns: list[Column]) -> list[tuple[int | None, str, str, str | None]]:
    return [
        (c.index, c.start.strftime("%H:%M"), c.end.strftime("%H:%M"), c.start.tzname())
        for c in columns
    ]


def test_the_slots_of_a_brokerage_day_run_across_sessions_skip_lunch_in_the_halls_zone() -> None:
    event = _fair()
    columns = slot_columns(event)
    assert _local(columns) == [
        (0, "09:00", "09:30", "+04"),
        (1, "09:30", "10:00", "+04"),
        (2, "10:00", "10:30", "+04"),
        (3, "13:00", "13:30", "+04"),  # lunch 10:30–13:00: no column
        (4, "13:30", "14:00", "+04"),
    ]
    assert all(c.start.tzinfo == DUBAI and c.end.tzinfo == DUBAI for c in columns)
    assert event.brokerage is not None
    assert [c.index for c in columns] == [s.index for s in event.brokerage.slots()]
    assert not any(c.is_break or c.during for c in columns)


def test_the_master_grid_reads_the_same_slots() -> None:
    event = _fair()
    made = Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC))
    grid = build_grid(event, Schedule(event.id, 1, (), made), "en")
    assert list(grid.columns) == slot_columns(event)


def test_a_hall_outside_the_venues_reads_the_legs_zone_and_no_brokerage_has_no_slot() -> None:
    event = _fair()
    elsewhere = replace(event, venues=event.venues[:1])  # the hall is not one of them
    columns = slot_columns(elsewhere)
    assert [c.start.tzinfo for c in columns] == [PARIS] * 5
    assert _local(columns)[0] == (0, "06:00", "06:30", "CET")
    assert slot_columns(replace(event, kind=EventKind.TRADE_MISSION, brokerage=None)) == []
