"""When a person is available, as organizers write it.

Either one ``availability`` cell holding windows separated by ``;`` or line breaks, each
``start - end`` (``2024-02-12 09:00 - 2024-02-12 12:00``, ``12/02/2024 9:00-12:00``,
``12 février 2024 à 9h00 au 12 février 2024 à 12h00``), or three columns: a date
(``available_on``) and the ``available_from`` / ``available_until`` times (or full dates
and times in the two columns without a date column).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from liqa.core.model import ModelError, TimeWindow
from liqa.core.problems import Message
from liqa.core.spreadsheets import cells
from liqa.core.spreadsheets.cells import Cell, CellError, text
from liqa.core.spreadsheets.context import Context
from liqa.core.spreadsheets.rows import Row

_WINDOW_SPLIT = re.compile(r"\s*[–—]\s*|\s+(?:-|to|au|à|jusqu'à|إلى|الى)\s+")
_SHORT_WINDOW = re.compile(
    r"(.*?\d{1,2}\s*[:hH.]\s*\d{2}(?:\s*[aApP]\.?[mM]\.?)?)\s*-\s*"
    r"(\d{1,2}\s*[:hH.]\s*\d{2}(?:\s*[aApP]\.?[mM]\.?)?)"
)


def availability(row: Row, ctx: Context, zone: str | None = None) -> tuple[TimeWindow, ...] | None:
    """The person's windows (empty: always available); ``None`` when a cell is wrong. Times
    without an offset are local time of ``zone`` (the person's place), else of the leg."""
    report, windows, ok = ctx.report, list[TimeWindow](), True

    def parse_windows(value: Cell) -> list[TimeWindow]:
        parts = re.split(r"[;\n]", text(value))
        return [_window(part, ctx, zone) for part in parts if part.strip()]

    if row.has("availability"):
        found = report.cell(row, "availability", parse_windows)
        ok = found is not None
        windows.extend(found or [])
    if row.has("available_from") or row.has("available_until"):
        window = _from_until(row, ctx, zone)
        ok = ok and window is not None
        windows.extend([window] if window else [])
    elif row.has("available_on"):
        report.add(
            row,
            "available_on",
            Message("a date of availability without times"),
            Message("fill in the available from and until times"),
            code="missing_value",
        )
        ok = False
    return tuple(windows) if ok else None


def _window(raw: str, ctx: Context, zone: str | None) -> TimeWindow:
    parts = _WINDOW_SPLIT.split(raw.strip())
    if len(parts) != 2 and (m := _SHORT_WINDOW.fullmatch(raw.strip())):
        parts = [m[1], m[2]]
    if len(parts) != 2:
        raise CellError(
            Message("{raw!r} is not a time window", raw=raw),
            Message(
                "write start - end, e.g. 2024-02-12 09:00 - 2024-02-12 12:00 or 12/02/2024 "
                "9:00-12:00; separate windows with ';'"
            ),
        )
    start = ctx.instant(parts[0], zone=zone)
    end = (
        _on_day(parts[1], start.date(), ctx, zone)
        if _is_time(parts[1])
        else ctx.instant(parts[1], zone=zone)
    )
    try:
        return TimeWindow(start, end)
    except ModelError as exc:
        raise CellError(
            Message("{raw!r}: the window ends before it starts", raw=raw),
            Message("check the start and end"),
        ) from exc


def _is_time(value: Cell) -> bool:
    """True for a bare time of day (no date part)."""
    try:
        cells.parse_time(value)
    except CellError:
        return False
    return True


def _on_day(value: Cell, day: date, ctx: Context, zone: str | None) -> datetime:
    place = ZoneInfo(zone) if zone else cells.zone_for(day, ctx.legs)
    return datetime.combine(day, cells.parse_time(value), place)


def _from_until(row: Row, ctx: Context, zone: str | None) -> TimeWindow | None:
    report = ctx.report
    for key in ("available_from", "available_until"):
        if not row.has(key):
            report.add(
                row,
                key,
                Message("half of an availability window"),
                Message("fill in both from and until"),
                code="missing_value",
            )
            return None
    day: date | None = None
    if row.has("available_on"):

        def leg_day(value: Cell) -> date:
            found = cells.parse_date(value, day_first=ctx.day_first)
            cells.zone_for(found, ctx.legs)  # raises when no leg covers the day
            return found

        day = report.cell(row, "available_on", leg_day)
        if day is None:
            return None

    def point(value: Cell) -> datetime:
        if (
            day is not None
            and not isinstance(value, datetime)
            and not re.search(r"\d{4}|/", text(value))
        ):
            return _on_day(value, day, ctx, zone)
        return ctx.instant(value, zone=zone)

    start = report.cell(row, "available_from", point)
    end = report.cell(row, "available_until", point)
    if start is None or end is None:
        return None
    if end <= start:
        report.add(
            row,
            "available_until",
            Message("availability ends before it starts"),
            Message("check the from and until times"),
            code="bad_value",
        )
        return None
    return TimeWindow(start, end)
