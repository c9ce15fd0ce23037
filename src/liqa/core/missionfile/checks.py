"""Checks the JSON Schema cannot express: real dates and zones, legs, instants, time order.

Ids and references are checked in :mod:`liqa.core.missionfile.references`.

Every check reads the raw data defensively: a value of the wrong type is skipped here
because the schema has already reported it, so each mistake is reported exactly once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import pairwise
from typing import Any

from liqa.core.missionfile.checker import Checker, records, text_of
from liqa.core.missionfile.cities import missing_zone_hint, needs_zone
from liqa.core.missionfile.reading import Document, Path
from liqa.core.missionfile.references import (
    check_ids,
    check_outcomes,
    check_precedences,
    check_references,
    check_requests,
    check_tables,
)
from liqa.core.missionfile.values import (
    LegSpan,
    ValueProblem,
    parse_date,
    parse_instant,
    parse_time,
    parse_timezone,
    places_of,
    span,
    within_legs,
)
from liqa.core.problems import Message, Problem

_LEG_KEYS = ("id", "city", "timezone", "start", "end")


def semantic_problems(document: Document, filename: str) -> list[Problem]:
    """Every problem the schema cannot see, in a fixed order (legs first)."""
    checker = Checker(document, filename)
    data = document.data if isinstance(document.data, dict) else {}
    _check_legs(checker, data)
    check_ids(checker, data)
    _check_zones(checker, data)
    check_references(checker, data)
    check_outcomes(checker, data)
    check_requests(checker, data)
    check_precedences(checker, data)
    check_tables(checker, data)
    _check_instants(checker, data)
    _check_event_kind(checker, data)
    _check_subgroup_sizes(checker, data)
    return checker.problems


def _check_legs(checker: Checker, data: dict[str, Any]) -> None:
    legs = data.get("legs")
    checker.legs_complete = isinstance(legs, list) and all(
        isinstance(leg, dict) and all(isinstance(leg.get(key), str) for key in _LEG_KEYS)
        for leg in legs
    )
    for path, leg in records(data, "legs"):
        zone = _zone(checker, (*path, "timezone"), text_of(leg, "timezone"))
        start = _date(checker, (*path, "start"), text_of(leg, "start"))
        end = _date(checker, (*path, "end"), text_of(leg, "end"))
        for part, (first, last) in (("day", ("start", "end")), ("lunch", ("start", "end"))):
            block = leg.get(part)
            if isinstance(block, dict):
                _time_order(checker, (*path, part), block, first, last)
        if start is None or end is None:
            checker.legs_complete = False
            continue
        if end < start:
            checker.legs_complete = False
            checker.add(
                (*path, "end"),
                Message("the leg ends ({end}) before it starts ({start})", end=end, start=start),
                "end_before_start",
                Message("swap the dates or fix the typo"),
            )
            continue
        leg_id = text_of(leg, "id")
        if zone is not None and leg_id is not None:
            checker.legs.append(LegSpan(leg_id, zone, start, end))
        else:
            checker.legs_complete = False
    ordered = sorted(
        enumerate(checker.legs), key=lambda pair: (pair[1].start, pair[1].end, pair[0])
    )
    for (_, before), (_, after) in pairwise(ordered):
        if after.start <= before.end:
            index = _index_of(data, "legs", after.id)
            checker.add(
                ("legs", index, "start"),
                Message(
                    "leg '{id}' ({start}..{end}) overlaps leg '{id2}' ({start2}..{end2})",
                    id=after.id,
                    start=after.start,
                    end=after.end,
                    id2=before.id,
                    start2=before.start,
                    end2=before.end,
                ),
                "overlapping_legs",
                Message(
                    "start '{id}' after {end} (a travel day belongs to one leg only)",
                    id=after.id,
                    end=before.end,
                ),
            )


def _index_of(data: dict[str, Any], section: str, record_id: str) -> int:
    for (_, index), record in records(data, section):
        if record.get("id") == record_id:
            return int(index)
    return 0


def _time_order(checker: Checker, path: Path, block: dict[str, Any], first: str, last: str) -> None:
    try:
        start = parse_time(block[first]) if isinstance(block.get(first), str) else None
        end = parse_time(block[last]) if isinstance(block.get(last), str) else None
    except ValueProblem:
        return  # the schema's pattern reports it
    if start is not None and end is not None and end <= start:
        checker.add(
            (*path, last),
            Message("ends ({end:%H:%M}) before it starts ({start:%H:%M})", end=end, start=start),
            "end_before_start",
        )


def _zone(checker: Checker, path: Path, name: str | None) -> str | None:
    if name is None:
        return None
    try:
        parse_timezone(name)
    except ValueProblem as exc:
        checker.value_problem(path, exc)
        return None
    return name


def _date(checker: Checker, path: Path, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueProblem as exc:
        if exc.code != "bad_format":  # the schema's pattern reports bad formats
            checker.value_problem(path, exc)
        return None


def _check_zones(checker: Checker, data: dict[str, Any]) -> None:
    """Venues' zones: a real one when given; when not, the legs in the venue's city must
    give one (the same zone), else the venue must say it."""
    for path, venue in records(data, "venues"):
        _zone(checker, (*path, "timezone"), text_of(venue, "timezone"))
        if needs_zone(venue, data):
            checker.add(
                path,
                Message("missing required field '{name}'", name="timezone"),
                "missing_field",
                missing_zone_hint(venue, data),
            )


def _check_instants(checker: Checker, data: dict[str, Any]) -> None:
    places = places_of(data)  # the records' places; no zone in a version-1 file
    for path, person in records(data, "people"):
        zone = places.meeting(person.get("id"))
        _windows(checker, (*path, "availability"), person.get("availability"), "availability", zone)
    for path, visit in records(data, "visits"):
        zone = places.zone(visit.get("venue"), visit.get("host"))
        _windows(checker, (*path, "windows"), visit.get("windows"), "visit window", zone)
    for path, item in records(data, "programme"):
        start_zone = places.zone(item.get("venue"))
        end_zone = places.zone(item.get("end_venue"), item.get("venue"))
        _window(checker, path, item, "programme item", (start_zone, end_zone))
    brokerage = data.get("brokerage")
    if isinstance(brokerage, dict):
        hall = places.zone(brokerage.get("venue"))
        for path, session in records(brokerage, "sessions"):
            _window(checker, ("brokerage", *path), session, "session", (hall, hall))
    for path, request in records(data, "requests"):
        text = request.get("fixed_start")
        zone = places.meeting(request.get("to"), request.get("from"))
        if _instant(checker, (*path, "fixed_start"), text, zone) is _OUTSIDE:
            checker.add(
                (*path, "fixed_start"),
                Message(
                    "fixed start {text} is outside the event's legs ({value})",
                    text=text,
                    value=span(checker.legs),
                ),
                "outside_legs",
                _OUTSIDE_HINT,
            )
        _timestamp(checker, (*path, "created_at"), request.get("created_at"))
    for path, outcome in records(data, "outcomes"):
        _timestamp(checker, (*path, "recorded_at"), outcome.get("recorded_at"))


def _windows(
    checker: Checker, path: Path, windows: Any, what: str, zone: str | None = None
) -> None:
    if isinstance(windows, list):
        for index, window in enumerate(windows):
            if isinstance(window, dict):
                _window(checker, (*path, index), window, what, (zone, zone))


def _window(
    checker: Checker,
    path: Path,
    record: dict[str, Any],
    what: str,
    zones: tuple[str | None, str | None] = (None, None),
) -> None:
    """A ``{start, end}`` record; ``zones``: where its start and its end are local time."""
    start = _instant(checker, (*path, "start"), record.get("start"), zones[0])
    end = _instant(checker, (*path, "end"), record.get("end"), zones[1])
    if start is _OUTSIDE or end is _OUTSIDE:
        given = " – ".join(str(record[key]) for key in ("start", "end") if key in record)
        checker.add(
            path,
            _outside_legs(what, given, span(checker.legs)),
            "outside_legs",
            _OUTSIDE_HINT,
        )
    elif isinstance(start, datetime) and isinstance(end, datetime) and end <= start:
        checker.add(
            (*path, "end"),
            _ends_before(what, record["end"], record["start"]),
            "end_before_start",
            Message("swap the times or fix the typo"),
        )


def _outside_legs(what: str, given: str, value: str) -> Message:
    """A window of kind ``what`` outside the legs: one whole message per kind, so that a
    translation names the record in its own words (not the English key)."""
    if what == "availability":
        return Message(
            "availability {given} is outside the event's legs ({value})", given=given, value=value
        )
    if what == "visit window":
        return Message(
            "visit window {given} is outside the event's legs ({value})", given=given, value=value
        )
    if what == "programme item":
        return Message(
            "programme item {given} is outside the event's legs ({value})", given=given, value=value
        )
    return Message(
        "session {given} is outside the event's legs ({value})", given=given, value=value
    )


def _ends_before(what: str, end: object, start: object) -> Message:
    """A window of kind ``what`` that ends before it starts (see :func:`_outside_legs`)."""
    if what == "availability":
        return Message(
            "the availability ends ({end}) before it starts ({start})", end=end, start=start
        )
    if what == "visit window":
        return Message(
            "the visit window ends ({end}) before it starts ({start})", end=end, start=start
        )
    if what == "programme item":
        return Message(
            "the programme item ends ({end}) before it starts ({start})", end=end, start=start
        )
    return Message("the session ends ({end}) before it starts ({start})", end=end, start=start)


_OUTSIDE = object()
"""Marks an instant that falls on no day of any leg."""
_OUTSIDE_HINT = Message("fix the date, add a leg that covers it, or give an explicit offset")


def _instant(
    checker: Checker, path: Path, text: Any, zone: str | None = None
) -> datetime | object | None:
    """An instant (without an offset: local time of ``zone``, else of its leg), ``_OUTSIDE``
    when on no leg day, ``None`` when unreadable (reported)."""
    if not isinstance(text, str):
        return None
    try:
        instant = parse_instant(text, checker.legs, zone)
    except ValueProblem as exc:
        if exc.code == "outside_legs":
            if checker.legs_complete:
                return _OUTSIDE
            # A broken leg is reported already and its days cannot be judged; read the
            # time in UTC so that start/end order can still be checked.
            return datetime.fromisoformat(text.replace(" ", "T", 1)).replace(tzinfo=UTC)
        if exc.code != "bad_format":  # the schema's pattern reports bad formats
            checker.value_problem(path, exc)
        return None
    if checker.legs_complete and not within_legs(instant, checker.legs):
        return _OUTSIDE
    return instant


def _timestamp(checker: Checker, path: Path, text: Any) -> None:
    """A record-keeping instant: any date; without an offset, local time of the leg
    covering its day, else of the event's first leg (an event without legs has no zone)."""
    if not isinstance(text, str):
        return
    try:
        parse_instant(text, checker.legs, stamp=True)
    except ValueProblem as exc:
        if exc.code == "outside_legs" and checker.legs_complete:
            checker.add(
                path,
                Message("{text} has no offset and no leg covers its day", text=text),
                "outside_legs",
                Message("give an explicit offset, e.g. 2024-02-01T09:00:00+01:00"),
            )
        elif exc.code not in ("outside_legs", "bad_format"):
            checker.value_problem(path, exc)


def _check_event_kind(checker: Checker, data: dict[str, Any]) -> None:
    event = data.get("event")
    if isinstance(event, dict) and event.get("kind") == "brokerage" and "brokerage" not in data:
        checker.add(
            ("event", "kind"),
            Message(
                "a brokerage event needs a 'brokerage' section (venue, slot_minutes, tables, "
                "sessions)"
            ),
            "missing_field",
            Message("add 'brokerage:' or set kind: trade_mission"),
        )


def _check_subgroup_sizes(checker: Checker, data: dict[str, Any]) -> None:
    event = data.get("event")
    subgroups = event.get("subgroups") if isinstance(event, dict) else None
    if not isinstance(subgroups, dict):
        return
    low, high = subgroups.get("min_size", 1), subgroups.get("max_size")
    if isinstance(low, int) and isinstance(high, int) and high < low:
        checker.add(
            ("event", "subgroups", "max_size"),
            Message(
                "subgroups: max_size ({high}) is smaller than min_size ({low})", high=high, low=low
            ),
            "out_of_range",
            Message("raise max_size or lower min_size"),
        )
