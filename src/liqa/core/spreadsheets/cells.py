"""Reading one spreadsheet cell: dates, times, instants, numbers, flags and lists.

Cells arrive as openpyxl gives them (``str``, ``int``, ``float``, ``bool``,
``datetime``, ``date``, ``time``) or as CSV text. Each parser returns a Python value or
raises :class:`CellError` with what is wrong and how to fix it; the caller adds the file,
sheet, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from liqa.core.missionfile.values import YEARS, date_error
from liqa.core.model import Leg
from liqa.core.problems import Message

Cell = str | int | float | bool | datetime | date | time | None
"""A raw cell value as a reader yields it."""

EXCEL_EPOCH = datetime(1899, 12, 30)
"""Day 0 of Excel's 1900 date system (serial 1 = 1900-01-01, counting the 1900 leap bug)."""


class CellError(ValueError):
    """A cell cannot be read; ``hint`` tells the organizer how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class OutOfYears(CellError):
    """A date read, but in a year a mission file does not accept (:data:`YEARS`)."""


def text(value: Cell) -> str:
    """The cell as trimmed text; whole numbers lose their ``.0``; empty cells give ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def fold(word: str) -> str:
    """Lower-case, accent-free, single-spaced form of a word, for matching synonyms."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("ـ", "")  # Arabic tatweel (kashida) is decoration only
    return " ".join(re.sub(r"[\s_\-./:*()\[\]'’]+", " ", bare).split())


def split_list(value: Cell) -> tuple[str, ...]:
    """Items separated by commas, semicolons or line breaks (Arabic comma too)."""
    return tuple(item.strip() for item in re.split(r"[,;\n،؛]", text(value)) if item.strip())


_TRUE = {"yes", "y", "true", "1", "x", "oui", "o", "vrai", "نعم"}
_FALSE = {"no", "n", "false", "0", "non", "faux", "لا", ""}


def flag(value: Cell) -> bool:
    """A yes/no cell (``yes``, ``oui``, ``نعم``, ``x``, ``true``, ``1``; empty is no)."""
    if isinstance(value, bool):
        return value
    word = fold(text(value))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellError(
        Message("{value!r} is not yes or no", value=text(value)),
        Message("write yes or no (oui/non, نعم/لا)"),
    )


def integer(value: Cell) -> int:
    """A whole number (``12``, ``12.0``)."""
    if isinstance(value, bool):
        raise CellError(
            Message("{value!r} is not a whole number", value=text(value)),
            Message("write a number such as 12"),
        )
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raw = text(value)
    if re.fullmatch(r"[+-]?\d+(\.0+)?", raw):
        return int(float(raw))
    raise CellError(
        Message("{raw!r} is not a whole number", raw=raw), Message("write a number such as 12")
    )


def coordinate(value: Cell, limit: int) -> float:
    """A latitude (``limit`` 90) or longitude (180) in decimal degrees: ``29.5519``,
    ``-95,0979`` (a decimal comma)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        raw = text(value)
        if not re.fullmatch(r"[+-]?\d+([.,]\d+)?([eE][+-]?\d+)?", raw):
            raise CellError(
                Message("{raw!r} is not a number of degrees", raw=raw),
                Message("write decimal degrees such as 29.5519 or -95.0979"),
            )
        number = float(raw.replace(",", "."))
    if not -limit <= number <= limit:
        raise CellError(
            Message("{value} is not between -{limit} and {limit}", value=text(value), limit=limit),
            Message("latitudes go from -90 to 90 and longitudes from -180 to 180 degrees"),
        )
    return number


def choice[T](value: Cell, words: dict[str, T], what: str) -> T:
    """One of a fixed set of words (matched without case or accents)."""
    raw = text(value)
    key = fold(raw)
    if key in words:
        return words[key]
    allowed = sorted({str(v) for v in words.values()})
    raise CellError(
        Message("{raw!r} is not a known {what}", raw=raw, what=what),
        Message("use one of: {value}", value=", ".join(allowed)),
    )


_MONTHS = {
    **dict.fromkeys(["jan", "january", "janvier", "janv", "يناير", "جانفي"], 1),
    **dict.fromkeys(["feb", "february", "fevrier", "fevr", "fev", "فبراير", "فيفري"], 2),
    **dict.fromkeys(["mar", "march", "mars", "مارس"], 3),
    **dict.fromkeys(["apr", "april", "avril", "avr", "أبريل", "ابريل", "أفريل"], 4),
    **dict.fromkeys(["may", "mai", "ماي", "مايو"], 5),
    **dict.fromkeys(["jun", "june", "juin", "يونيو", "جوان"], 6),
    **dict.fromkeys(["jul", "july", "juillet", "juil", "يوليوز", "يوليو", "جويلية"], 7),
    **dict.fromkeys(["aug", "august", "aout", "غشت", "أغسطس", "اوت"], 8),
    **dict.fromkeys(["sep", "sept", "september", "septembre", "شتنبر", "سبتمبر"], 9),
    **dict.fromkeys(["oct", "october", "octobre", "أكتوبر", "اكتوبر"], 10),
    **dict.fromkeys(["nov", "november", "novembre", "نونبر", "نوفمبر"], 11),
    **dict.fromkeys(["dec", "december", "decembre", "دجنبر", "ديسمبر"], 12),
}

_DATE_HINT = "write the date as 2024-02-12, 12/02/2024 or 12.02.2024"
_TIME_HINT = "write the time as 09:00, 9:00, 09h00 or 9:00 AM"


def excel_serial(serial: float) -> datetime:
    """The naive date-time of an Excel serial number (1900 date system)."""
    if not 1 <= serial < 2958466:  # 1900-01-01 .. 9999-12-31
        raise CellError(Message("{serial!r} is not a date", serial=serial), _DATE_HINT)
    return EXCEL_EPOCH + timedelta(days=serial)


_NAMED_DAY_FIRST = re.compile(r"(\d{1,2})(?:er)?\s+([^\W\d]+)\.?,?\s+(\d{4})")
"""``12 février 2024``, ``1er oct. 2025``, ``12 فبراير 2024``."""
_NAMED_MONTH_FIRST = re.compile(r"([^\W\d]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
"""``Feb 12, 2024``."""


def _date_from_text(raw: str, day_first: bool) -> date:
    """``2024-02-12``, ``12/02/2024``, ``12.02.2024``, ``12-02-2024``, ``12 Feb 2024``."""
    try:
        if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", raw):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})", raw):
            first, second, year = int(m[1]), int(m[3]), int(m[4])
            year += 2000 if len(m[4]) == 2 else 0
            dotted = m[2] == "."  # 12.02.2024 is always day first
            day, month = (first, second) if day_first or dotted else (second, first)
            return date(year, month, day)
        if m := _NAMED_DAY_FIRST.fullmatch(raw):
            named = _MONTHS.get(fold(m[2]))
            if named is not None:
                return date(int(m[3]), named, int(m[1]))
        if m := _NAMED_MONTH_FIRST.fullmatch(raw):
            named = _MONTHS.get(fold(m[1]))
            if named is not None:
                return date(int(m[3]), named, int(m[2]))
        if re.fullmatch(r"\d{5}(\.\d+)?", raw):
            return excel_serial(float(raw)).date()
    except ValueError as exc:
        raise CellError(
            Message("{raw!r} is not a real date ({exc})", raw=raw, exc=date_error(exc)),
            _DATE_HINT,
        ) from exc
    raise CellError(Message("{raw!r} is not a date", raw=raw), _DATE_HINT)


def _in_years[D: date](day: D) -> D:
    """``day`` when its year is one a mission file accepts (:data:`YEARS`), else an error."""
    if day.year not in YEARS:
        raise OutOfYears(
            Message(
                "{value} is not between {start} and {value2}",
                value=day.isoformat(),
                start=YEARS.start,
                value2=YEARS.stop - 1,
            ),
            Message("check the year"),
        )
    return day


def parse_date(value: Cell, *, day_first: bool = True) -> date:
    """A calendar day from a date cell, an Excel serial number or text in common formats."""
    if isinstance(value, datetime):
        return _in_years(value.date())
    if isinstance(value, date):
        return _in_years(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _in_years(excel_serial(float(value)).date())
    return _in_years(_date_from_text(text(value), day_first))


_TIME_RE = re.compile(
    r"(?P<h>\d{1,2})(?:\s*(?:[:hH.])\s*(?P<m>\d{2})?(?::(?P<s>\d{2}))?)?\s*(?P<ampm>[aApP]\.?[mM]\.?)?"
)


def parse_time(value: Cell) -> time:
    """A time of day: ``09:00``, ``9:00``, ``09h00``, ``9h``, ``9:00 AM``, a time cell, 0.375."""
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        seconds = min(round(float(value) * 86400), 86399)  # 0.999999 is 23:59:59, not 24:00
        return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    raw = text(value)
    m = _TIME_RE.fullmatch(raw)
    if m is None or (m["m"] is None and m["ampm"] is None and not re.search("[hH]", raw)):
        raise CellError(Message("{raw!r} is not a time of day", raw=raw), _TIME_HINT)
    hour, minute, second = int(m["h"]), int(m["m"] or 0), int(m["s"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            raise CellError(Message("{raw!r} is not a time of day", raw=raw), _TIME_HINT)
        hour = hour % 12 + (12 if m["ampm"][0] in "pP" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise CellError(Message("{raw!r} is not a time of day", raw=raw), _TIME_HINT)
    return time(hour, minute, second)


def zone_for(day: date, legs: Sequence[Leg]) -> tzinfo:
    """The time zone of the leg covering ``day``; an error when no leg covers it."""
    for leg in legs:
        if leg.start <= day <= leg.end:
            return leg.tz
    if not legs:
        raise CellError(
            Message("no time zone for {value}: the event has no legs", value=day.isoformat()),
            Message("give a base mission file or --event-timezone, or write the offset (+01:00)"),
        )
    spans = ", ".join(f"{leg.start.isoformat()}..{leg.end.isoformat()}" for leg in legs)
    raise CellError(
        Message(
            "{value} is outside every leg of the event ({spans})",
            value=day.isoformat(),
            spans=spans,
        ),
        Message(
            "check the date, or write the time with its UTC offset, e.g. 2024-02-12T09:00-06:00"
        ),
    )


def stamp_zone(day: date, legs: Sequence[Leg]) -> tzinfo:
    """The time zone of a time stamp (a request's ``created_at``) written without an offset:
    the leg covering ``day``, else the event's own (its first leg's): a request made weeks
    before the event is read on the event's clock. An error only when there is no leg."""
    for leg in legs:
        if leg.start <= day <= leg.end:
            return leg.tz
    if legs:
        return min(legs, key=lambda leg: leg.start).tz
    return zone_for(day, legs)


type ZonePicker = Callable[[date, Sequence[Leg]], tzinfo]
"""The time zone of a local time on a day: :func:`zone_for` or :func:`stamp_zone`."""


def _aware(
    naive: datetime, legs: Sequence[Leg], zone: str | None = None, pick: ZonePicker = zone_for
) -> datetime:
    """``naive`` as local time of ``zone`` (the place's), else of the leg ``pick`` gives for
    its day (the covering leg)."""
    return naive.replace(tzinfo=ZoneInfo(zone) if zone else pick(naive.date(), legs))


_DT_SPLIT = re.compile(
    r"^(?P<d>\S+(?:\s+\S+\.?,?\s+\d{4})?)(?:\s+(?:à|a|at|@)\s+|\s*[T ]\s*)(?P<t>.+)$"
)


def parse_instant(
    value: Cell,
    legs: Sequence[Leg],
    *,
    day_first: bool = True,
    zone: str | None = None,
    stamp: bool = False,
) -> datetime:
    """An aware instant: ISO 8601 with offset, or a local date and time of ``zone`` (the
    place's, as the mission file reads it: :class:`~liqa.core.missionfile.values.Places`),
    else of the covering leg; a time ``stamp`` (any date) without a leg covering its day
    in the event's own zone (:func:`stamp_zone`)."""
    pick = stamp_zone if stamp else zone_for
    return _in_years(_instant(value, legs, day_first, zone, pick))


def _instant(
    value: Cell, legs: Sequence[Leg], day_first: bool, zone: str | None, pick: ZonePicker
) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value
        return _aware(value, legs, zone, pick)
    if isinstance(value, date):
        return _aware(datetime.combine(value, time()), legs, zone, pick)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _aware(excel_serial(float(value)), legs, zone, pick)
    raw = text(value)
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        pass
    else:
        if parsed.tzinfo is not None:
            return parsed
        return _aware(parsed, legs, zone, pick)
    m = _DT_SPLIT.match(raw)
    if m is None or _NAMED_DAY_FIRST.fullmatch(raw) or _NAMED_MONTH_FIRST.fullmatch(raw):
        # a day alone; one with a month's name has spaces the split would cut it at
        day = _date_from_text(raw, day_first)
        return _aware(datetime.combine(day, time()), legs, zone, pick)
    day = _date_from_text(m["d"].rstrip(","), day_first)
    return _aware(datetime.combine(day, parse_time(m["t"])), legs, zone, pick)


def combine(
    day: Cell,
    clock: Cell,
    legs: Sequence[Leg],
    *,
    day_first: bool = True,
    zone: str | None = None,
) -> datetime:
    """An aware instant from a date cell and a time cell, local to ``zone`` (the place's),
    else to the covering leg."""
    naive = datetime.combine(parse_date(day, day_first=day_first), parse_time(clock))
    return _aware(naive, legs, zone)


def format_instant(instant: datetime, legs: Sequence[Leg], zone: str | None = None) -> str:
    """``2024-02-12 09:00`` local to ``zone`` (the place's), else to the covering leg, when
    that reads back the same (:func:`parse_instant` with ``zone``), else ISO."""
    if zone:
        return _local_or_iso(instant, instant.astimezone(ZoneInfo(zone)), legs, zone)
    for leg in legs:
        local = instant.astimezone(leg.tz)
        if leg.start <= local.date() <= leg.end:
            return _local_or_iso(instant, local, legs, None)
    return instant.isoformat()


def _local_or_iso(instant: datetime, local: datetime, legs: Sequence[Leg], zone: str | None) -> str:
    naive = local.replace(tzinfo=None)
    if naive.second == 0 and naive.microsecond == 0:
        shown = naive.strftime("%Y-%m-%d %H:%M")
        if _readback(shown, legs, zone) == instant:
            return shown
    return instant.isoformat()


def _readback(shown: str, legs: Sequence[Leg], zone: str | None) -> datetime | None:
    try:
        return parse_instant(shown, legs, zone=zone)
    except CellError:
        return None
