"""A moment named in a sentence by its local time, written as each reader's language does.

A checker's refusal or a scheduler's explanation is made once, as a
:class:`~liqa.core.problems.Message`, and read later in Arabic, French or English; a time
among its fields must read as the rest of the page around it: ``09:00`` in French and
Arabic, ``9:00 AM`` in English, with the day when the slots span days and the zone's name
when the event spans time zones (as the grid's Move form names it). A day alone
(:class:`LocalDate`) reads as that same day before the time: ``Tue, Feb 13`` in English,
``mar. 13 févr.`` in French.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel import dates as babel_dates

from liqa.core.i18n import translator


class LocalTime(str):
    """``LocalTime(start)`` is the ``str`` of ``start``'s local time in English (``9:00 AM``)
    and knows how to read in any language (:meth:`in_language`).

    ``start`` is timezone-aware, already in the zone people read it in (the hall's);
    ``dated`` adds the day ("Mon, Feb 19, 9:00 AM"), ``zoned`` the zone's name.
    """

    at: datetime
    dated: bool
    zoned: bool

    def __new__(cls, at: datetime, dated: bool = False, zoned: bool = False) -> LocalTime:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError(f"LocalTime needs a time with its time zone, got {at.isoformat()}")
        made = super().__new__(cls, local_time_words(at, "en", dated=dated, zoned=zoned))
        made.at, made.dated, made.zoned = at, dated, zoned
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by its moment (``str``'s own way would call ``__new__`` with the text)."""
        return (LocalTime, (self.at, self.dated, self.zoned))

    def in_language(self, lang: str | None) -> str:
        """This time as a reader of ``lang`` reads it (English when ``lang`` is ``None``)."""
        return local_time_words(self.at, lang or "en", dated=self.dated, zoned=self.zoned)

    def to_json(self) -> dict[str, Any]:
        """The moment, its zone's name and its form, as JSON data (:meth:`from_json`)."""
        return {
            "time": self.at.isoformat(),
            "zone": getattr(self.at.tzinfo, "key", None),
            "dated": self.dated,
            "zoned": self.zoned,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LocalTime:
        """A time stored by :meth:`to_json`, in its own zone again when it was named."""
        at = datetime.fromisoformat(str(data["time"]))
        if data.get("zone"):
            at = at.astimezone(ZoneInfo(str(data["zone"])))
        return cls(at, bool(data.get("dated")), bool(data.get("zoned")))


class LocalDate(str):
    """``LocalDate(day)`` is the ``str`` of a local calendar day in English (``Tue, Feb 13``)
    and knows how to read in any language (:meth:`in_language`), as :class:`LocalTime`'s
    ``dated`` form writes the day."""

    day: date

    def __new__(cls, day: date) -> LocalDate:
        if isinstance(day, datetime):
            raise ValueError(f"LocalDate needs a calendar day, got the moment {day.isoformat()}")
        made = super().__new__(cls, local_date_words(day, "en"))
        made.day = day
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by its day (``str``'s own way would call ``__new__`` with the text)."""
        return (LocalDate, (self.day,))

    def in_language(self, lang: str | None) -> str:
        """This day as a reader of ``lang`` reads it (English when ``lang`` is ``None``)."""
        return local_date_words(self.day, lang or "en")

    def to_json(self) -> dict[str, Any]:
        """The day as JSON data (:meth:`from_json`)."""
        return {"date": self.day.isoformat()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LocalDate:
        """A day stored by :meth:`to_json`."""
        return cls(date.fromisoformat(str(data["date"])))


def local_date_words(day: date, lang: str) -> str:
    """``day`` in ``lang``'s short form with its weekday ("Tue, Feb 13", "mar. 13 févr."),
    as :func:`local_time_words` writes the day before a time."""
    return babel_dates.format_skeleton("MMMEd", day, locale=translator(lang).locale)


def local_time_words(at: datetime, lang: str, *, dated: bool = False, zoned: bool = False) -> str:
    """``at``'s local time of day in ``lang``'s format (``09:00``, ``9:00 AM``); with
    ``dated`` the day before it as the web's lists write it ("Mon, Feb 19, 9:00 AM"), with
    ``zoned`` the time zone's name after it ("9:00 AM Pacific Standard Time")."""
    t = translator(lang)
    text = t.format_time(at)
    if dated:
        day = local_date_words(at.date(), lang)
        glue = str(babel_dates.get_datetime_format("medium", locale=t.locale))
        text = glue.replace("{1}", day).replace("{0}", text)
    if zoned:
        text = f"{text} {t.format_zone(at)}"
    return text
