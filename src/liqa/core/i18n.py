"""Translations and locale formatting: the one gettext catalog, Babel for dates and numbers.

The catalog lives in ``liqa/locale/<lang>/LC_MESSAGES/django.po`` (compiled ``.mo`` next
to it). The domain is ``django`` so the web app reads the very same catalog through
Django's ``LOCALE_PATHS``; the core reads it with :mod:`gettext` and never imports Django.

Typical use::

    t = translator("ar")
    t.gettext("Agenda"), t.format_time(start), t.direction   # ("جدول الأعمال", "09:30", "rtl")
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Literal

from babel import Locale
from babel import dates as _dates
from babel import lists as _lists
from babel import numbers as _numbers

from liqa.core.model import LANGUAGES

LOCALE_DIR: Path = Path(__file__).resolve().parent.parent / "locale"
"""Root of the catalog: ``LOCALE_DIR/<lang>/LC_MESSAGES/django.po``."""

DOMAIN = "django"
"""Gettext domain: the name Django looks for, so both read one catalog."""

BABEL_LOCALES: dict[str, str] = {"ar": "ar_MA", "fr": "fr_FR", "en": "en_US"}
"""Babel locale used for formatting each language (Moroccan Arabic: Latin digits, 24 h)."""

RTL_LANGUAGES: frozenset[str] = frozenset({"ar", "fa", "he", "ur"})


def is_rtl(lang: str) -> bool:
    """True when ``lang`` is written right to left."""
    return lang.split("-")[0].split("_")[0] in RTL_LANGUAGES


@cache
def translation(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog for ``lang`` (English source strings when it has none)."""
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def gettext_noop(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def pgettext_noop(context: str, message: str) -> str:
    """Mark ``message`` (with a translator context) for extraction without translating it."""
    del context
    return message


Plural = tuple[str, str, str]
"""A plural message with its context: ``(context, singular, plural)``, ``%(num)d`` its count."""


def npgettext_noop(context: str, singular: str, plural: str) -> Plural:
    """Mark a plural message (with a translator context) for extraction without translating
    it: :meth:`Translator.counted` reads it for a count."""
    return (context, singular, plural)


@dataclass(frozen=True)
class Translator:
    """Gettext and Babel formatting bound to one language.

    Every instant is shown in the time zone it carries (callers convert to the venue's zone
    first); naive datetimes are refused by the model, so none reach here.
    """

    lang: str

    @property
    def locale(self) -> Locale:
        """The Babel locale used for formatting."""
        return Locale.parse(BABEL_LOCALES.get(self.lang, self.lang))

    @property
    def rtl(self) -> bool:
        """True for right-to-left languages."""
        return is_rtl(self.lang)

    @property
    def direction(self) -> str:
        """``"rtl"`` or ``"ltr"``, for the HTML ``dir`` attribute."""
        return "rtl" if self.rtl else "ltr"

    def gettext(self, message: str) -> str:
        """Translate ``message``."""
        return translation(self.lang).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate with the plural form for ``n`` (Arabic has six)."""
        return translation(self.lang).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """Translate ``message`` in a translator context (e.g. ``"theme"``)."""
        return translation(self.lang).pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """Plural translation within a translator context."""
        return translation(self.lang).npgettext(context, singular, plural, n)

    def counted(self, message: Plural, n: int) -> str:
        """``message`` (:func:`npgettext_noop`) translated for ``n`` and said with it."""
        return self.npgettext(*message, n) % {"num": n}

    def format_date(self, value: date | datetime, form: str = "long") -> str:
        """A date, e.g. ``12 février 2024`` (``form``: short, medium, long, full or a pattern)."""
        if isinstance(value, datetime):
            value = value.date()
        return _dates.format_date(value, form, locale=self.locale)

    def format_time(self, value: datetime | time, form: str = "short") -> str:
        """A local time of day, e.g. ``09:30`` or ``9:30 AM``."""
        if isinstance(value, datetime):
            return _dates.format_time(value.timetz(), form, tzinfo=value.tzinfo, locale=self.locale)
        return _dates.format_time(value, form, locale=self.locale)

    def format_datetime(self, value: datetime, form: str = "medium") -> str:
        """Date and time in the instant's own time zone."""
        return _dates.format_datetime(value, form, tzinfo=value.tzinfo, locale=self.locale)

    def format_zone(self, value: datetime, width: Literal["long", "short"] = "long") -> str:
        """The instant's time zone named for a reader: ``long``, CLDR's name in the reader's
        language (``Central Standard Time``); ``short``, the time-zone database's letters
        (``CST``). A zone the database gives no letters, only its offset (Casablanca's
        ``+01``, Dubai's ``+04``), is named by its city in the reader's language, never by
        that offset: ``Casablanca`` (``الدار البيضاء``) short, and long the city's time with
        its offset from UTC (``Casablanca Time, UTC+1``; ``heure : Casablanca, UTC+1``; in
        Arabic the offset between left-to-right isolates, U+2066 ``UTC+1`` U+2069),
        where CLDR's name can be an hour off (Casablanca's UTC+1 is its "Western European
        Standard Time", which is UTC+0)."""
        letters = value.tzname() or ""
        if letters and letters[0] not in "+-":
            if width == "short":
                return letters
            return _dates.get_timezone_name(value, "long", locale=self.locale)
        city = _dates.get_timezone_location(value, locale=self.locale, return_city=True)
        if width == "short":
            return city
        region = str(self.locale.zone_formats["region"]) % city
        comma = "\u060c " if self.lang == "ar" else ", "
        offset = utc_offset(value)
        if self.rtl:  # the Latin offset isolated, as liqa isolates Latin runs in Arabic
            offset = f"\u2066{offset}\u2069"
        return f"{region}{comma}{offset}"

    def format_number(self, value: float, digits: int | None = None) -> str:
        """A number with the locale's separators (``digits`` fixes the decimals)."""
        if digits is None:
            return _numbers.format_decimal(value, locale=self.locale)
        pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
        return _numbers.format_decimal(value, format=pattern, locale=self.locale)

    def format_percent(self, value: float, digits: int | None = None) -> str:
        """A ratio as a percentage (``0.5`` → ``50 %``); ``digits`` fixes the decimals
        (``0.076``, 1 → ``7,6 %`` in French), keeping the locale's sign and spacing."""
        if digits is None:
            return _numbers.format_percent(value, locale=self.locale)
        pattern = self.locale.percent_formats[None].pattern  # "#,##0 %" in French
        decimals = "0." + "0" * digits if digits > 0 else "0"
        fixed = re.sub(r"0(?=[^0-9#]*$)", decimals, pattern, count=1)
        return _numbers.format_percent(value, format=fixed, locale=self.locale)

    def format_duration(self, value: timedelta) -> str:
        """A duration in words, e.g. ``1 hour 30 minutes`` (hours and minutes only)."""
        total = int(value.total_seconds() // 60)
        hours, minutes = divmod(total, 60)
        parts: list[str] = []
        if hours:
            parts.append(self.ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
        if minutes or not hours:
            parts.append(self.ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes})
        return " ".join(parts)

    def format_list(self, items: Iterable[str]) -> str:
        """``a, b and c`` with the locale's conjunction."""
        return _lists.format_list(list(items), locale=self.locale)


@cache
def translator(lang: str) -> Translator:
    """The :class:`Translator` for ``lang`` (cached)."""
    return Translator(lang)


def utc_offset(value: datetime) -> str:
    """The instant's offset from UTC as readers write it: ``UTC+1``, ``UTC-3``, ``UTC+5:30``
    (the time-zone database writes ``+01``, ``-03``)."""
    offset = value.utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'-' if minutes < 0 else '+'}{hours}" + (f":{rest:02d}" if rest else "")


def supported_languages() -> tuple[str, ...]:
    """Languages with a catalog, in liqa's order (ar, fr, en)."""
    return tuple(
        lang for lang in LANGUAGES if (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").exists()
    )
