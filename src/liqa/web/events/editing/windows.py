"""Time windows typed by the organizer, one a line: ``2030-03-11 09:00-12:00``.

A window over midnight is written as its two instants (``2030-03-11 22:00 – 2030-03-12
01:00``), as is one kept with an explicit offset.

Each line is a day and two local times (the mission file's ``YYYY-MM-DD HH:MM``) of the
record's place (a visit's venue), else of the leg that covers that day; it becomes a
``{start, end}`` window of mission data that the core's validator turns into aware
instants through that zone, and judges (outside the legs' days, ending before it starts).
What only the text can tell is said here, with the line: a line that is not a window, a
time that is not ``HH:MM``, a local time that does not exist in that zone (clocks moved
forward that night).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from babel import dates as babel_dates
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.problems import Message, PluralMessage

_LINE = re.compile(
    r"^(?P<day>\d{4}-\d{2}-\d{2})\s+(?P<start>\d{1,2}:\d{2})\s*[-–]\s*(?P<end>\d{1,2}:\d{2})$"
)
_PAIR = re.compile(r"^(?P<start>\S+(?: \d{2}:\d{2})?)\s+[-–]\s+(?P<end>\S+(?: \d{2}:\d{2})?)$")
"""Two instants (``2030-03-11 22:00 – 2030-03-12 01:00``, or ISO 8601 with offsets)."""
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_INSTANT = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})[ T](?P<time>\d{2}:\d{2})$")

Window = dict[str, str]


class WindowError(ValueError):
    """Lines that cannot be read, each message naming its line."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def format_windows(windows: Iterable[Window]) -> str:
    """Windows of mission data (local text) as lines, read back by :func:`read_windows`."""
    lines = []
    for window in windows:
        start, end = window["start"], window["end"]
        same_day = start[:10] == end[:10] and len(start) == len(end) == 16
        lines.append(f"{start}-{end[11:]}" if same_day else f"{start} – {end}")
    return "\n".join(lines)


def read_windows(text: str, legs: Sequence[core.Leg], zone: str | None = None) -> list[Window]:
    """Every window of ``text`` (local time of ``zone``, else of the leg that day);
    :class:`WindowError` with one message per bad line."""
    windows: list[Window] = []
    messages: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _LINE.match(line)
        pair = _PAIR.match(line) if match is None else None
        if pair is not None:
            problem = local_time_problem(pair["start"], legs, zone) or local_time_problem(
                pair["end"], legs, zone
            )
            if problem:
                messages.append(
                    _("line %(line)d: %(problem)s") % {"line": number, "problem": problem}
                )
            else:
                windows.append({"start": pair["start"], "end": pair["end"]})
            continue
        if match is None:
            messages.append(
                _("line %(line)d: '%(text)s' is not a window: write YYYY-MM-DD HH:MM-HH:MM")
                % {"line": number, "text": line}
            )
            continue
        problem = _line_problem(match["day"], (match["start"], match["end"]), legs, zone)
        if problem:
            messages.append(_("line %(line)d: %(problem)s") % {"line": number, "problem": problem})
            continue
        start, end = (f"{match['day']} {_hhmm(match[part])}" for part in ("start", "end"))
        windows.append({"start": start, "end": end})
    if messages:
        raise WindowError(messages)
    return windows


def local_time_problem(text: str, legs: Sequence[core.Leg], zone: str | None = None) -> str:
    """Why a ``YYYY-MM-DD HH:MM`` local time of ``zone`` (else of the leg that day) cannot
    be an instant (``""`` when it can, or when it is not such a text: the core reads
    offsets and says what is wrong)."""
    match = _INSTANT.match(text.strip())
    if match is None:
        return ""
    return _line_problem(match["day"], (match["time"],), legs, zone)


def _hhmm(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours):02d}:{minutes}"


def day_zone(day: date, legs: Sequence[core.Leg], zone: str | None = None) -> str | None:
    """``zone`` (the record's place), else the zone of the leg covering ``day``."""
    if zone is not None:
        return zone
    return next((leg.timezone for leg in legs if leg.start <= day <= leg.end), None)


def _line_problem(
    day_text: str, times: tuple[str, ...], legs: Sequence[core.Leg], zone: str | None
) -> str:
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        return _("%(day)s is not a real date") % {"day": day_text}
    for text in times:
        match = _TIME.match(text)
        if match is None:
            return _("%(time)s is not a time of day (HH:MM, 24 h)") % {"time": text}
        where = day_zone(day, legs, zone)
        local = datetime.combine(day, time(int(match[1]), int(match[2])))
        if where is not None and not _exists(local, ZoneInfo(where)):
            return _(
                "%(day)s %(time)s does not exist in %(zone)s: the clocks move forward that night"
            ) % {"day": day_text, "time": _hhmm(text), "zone": where}
    return ""


def _exists(local: datetime, zone: ZoneInfo) -> bool:
    """True when the wall-clock time ``local`` happens in ``zone``."""
    aware = local.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == local


_ISO = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})"
_ISO_SPAN = re.compile(rf"(?P<start>{_ISO})(?:\s+[-–]\s+(?P<end>{_ISO}))?")
"""An ISO 8601 instant with its offset (as the event's stored records are judged), or two
of them as a window (``start – end``)."""


def moment_words(at: datetime, lang: str) -> str:
    """``at`` (aware) as a reader of ``lang`` reads a date and a time on its own clock
    ("Thu, Dec 3, 2026, 9:00 AM", "jeu. 3 déc. 2026, 09:00")."""
    t = translator(lang)
    day = babel_dates.format_skeleton("yMMMEd", at.date(), locale=t.locale)
    glue = str(babel_dates.get_datetime_format("medium", locale=t.locale))
    return glue.replace("{1}", day).replace("{0}", t.format_time(at))


def _span_words(match: re.Match[str], lang: str) -> str:
    start = datetime.fromisoformat(match["start"])
    if match["end"] is None:
        return moment_words(start, lang)
    end = datetime.fromisoformat(match["end"])
    if end.date() == start.date() and end.utcoffset() == start.utcoffset():
        return f"{moment_words(start, lang)} – {translator(lang).format_time(end)}"
    return f"{moment_words(start, lang)} – {moment_words(end, lang)}"


def instants_in_words(message: str, lang: str) -> str:
    """``message`` (a core :class:`Message`) with each ISO 8601 instant among its fields
    (a stored record's window, written with its offset for the core to judge) as a date and
    a time in ``lang`` on the clock it was written on: the organizer typed ``2026-12-03
    09:00``, not ``2026-12-03T09:00:00+01:00``. Other text is returned as it is."""
    if not isinstance(message, Message):
        return message
    params = {
        key: _ISO_SPAN.sub(lambda found: _span_words(found, lang), value)
        if type(value) is str
        else value
        for key, value in message.params.items()
    }
    if params == message.params:
        return message
    if isinstance(message, PluralMessage):
        return PluralMessage.rebuilt_plural(message.template, message.plural, params)
    return Message.rebuilt(message.template, params)
