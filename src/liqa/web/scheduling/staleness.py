"""Whether the published schedule still fits the event as it is now.

An import, a mission-file replace or an edit can change a fixed start, a person's
availability, a request or the hall's tables after a version is published: people then
hold an agenda that breaks the event's own rules. :func:`staleness` checks the latest
published version of a brokerage event with the core's independent checker
(``brokerage.check_schedule``, the one manual moves answer to) against the event's record
as it is now, and lists the meetings that break a rule, the meetings the event no longer
has and the accepted requests the version does not hold. The result is kept per process
under the event's :func:`~liqa.web.events.snapshots.data_stamp`, the version and the
bookings (which change without the stamp), so the overview stays fast.
:func:`stale_notice` words it for the overview and the version's page.

A mission's published itinerary is checked the same way by the itinerary checker
(:func:`~liqa.core.scheduling.itinerary.from_schedule.check_published`: each visit at its
published start, by its subgroup's route of the day): visits that break a rule (their
host's window or day, an attendee no longer available, travel that no longer fits), visits
the event no longer has and required visits not in it, but for those the version already
left out when it was published (``ScheduleVersion.missing_required``, recorded then): a
visit made required since, or listed as not made while optional, is told.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, ngettext, pgettext

from liqa.core import model as core
from liqa.core.local_time import LocalTime
from liqa.core.outputs.labels import isolate, item_titles
from liqa.core.outputs.timeline import zone_at
from liqa.core.problems import InputError, Message, Names, translated
from liqa.web.events.models import Booking, Event
from liqa.web.events.records import event_record
from liqa.web.events.snapshots import Snapshots, data_stamp
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record
from liqa.web.scheduling.services import latest_published

CHECKS = Snapshots(32)
""":class:`Staleness` of published versions, by event stamp, version and bookings."""


@dataclass(frozen=True)
class Broken:
    """One rule published meetings break now, as the core's checker words it."""

    meetings: tuple[str, ...]
    """The meetings concerned (the first one named; none for a rule of the whole event)."""
    label: str
    """The checker's label of the rule (``availability``, ``tables``...)."""
    message: str
    """The checker's words (a core :class:`~liqa.core.problems.Message`)."""


@dataclass(frozen=True)
class Staleness:
    """How a published version departs from the event as it is now."""

    version: int
    """The version's number."""
    broken: tuple[Broken, ...] = ()
    gone: tuple[str, ...] = ()
    """Meetings of the version the event no longer has."""
    missing: tuple[str, ...] = ()
    """Accepted requests the version neither holds nor lists as not placed (a mission:
    required visits)."""
    mission: bool = False
    """True for a mission's itinerary (its items are visits)."""
    unchecked: tuple[str, ...] = ()
    """Why a mission's itinerary could not be checked: the problems of the event's own
    records (core messages) that keep it from being planned now; empty when checked."""

    @property
    def fits(self) -> bool:
        """True when the version still fits the event (and could be checked)."""
        return not (self.broken or self.gone or self.missing or self.unchecked)


def check_version(
    event: core.Event,
    schedule: core.Schedule,
    number: int,
    booked: Collection[str] = (),
    excused: Collection[str] | None = None,
) -> Staleness:
    """:class:`Staleness` of ``schedule`` (version ``number``) against ``event``; the
    requests ``booked`` by their parties since (in slots the version left free) are held
    by their bookings, not missing. A mission's ``excused``: the required visits the
    version left out when it was published (``ScheduleVersion.missing_required``), not
    told as missing; ``None`` (not recorded) excuses as the check did before it was
    recorded (:func:`~liqa.core.scheduling.itinerary.from_schedule.check_published`)."""
    from liqa.core.scheduling.brokerage import Placement, Timetable, check_schedule
    from liqa.core.scheduling.brokerage.constraints.placement import REQUIRED
    from liqa.core.scheduling.brokerage.from_event import event_problem

    if event.kind is not core.EventKind.BROKERAGE:
        return _check_mission(event, schedule, number, excused)
    if event.brokerage is None:
        return Staleness(number)
    try:
        problem = event_problem(event)
    except InputError:  # the event's own problems are reported where it is edited
        return Staleness(number)
    meetings = {m.id: m for m in problem.meetings}
    slot_of = {s.start: s.index for s in event.brokerage.slots()}
    placements: list[Placement] = []
    gone: list[str] = []
    broken: list[Broken] = []
    for a in sorted(schedule.assignments, key=lambda a: (a.start, a.id)):
        meeting = meetings.get(a.id)
        if meeting is None or set(meeting.parties) != set(a.parties):
            gone.append(a.id)
        elif a.start not in slot_of:
            broken.append(Broken((a.id,), "once", _no_slot(event, problem.label(a.id), a.start)))
        else:
            placements.append(Placement(a.id, slot_of[a.start], a.table))
    for v in check_schedule(problem, Timetable(tuple(placements))):
        if v.label != REQUIRED:  # counted below, as the accepted requests left out
            broken.append(Broken(v.meetings, v.label, v.message))
    held = {a.id for a in schedule.assignments} - set(gone)
    held |= {u.id for u in schedule.unplaced}  # left out when planned, and said so then
    held |= set(booked)
    missing = tuple(m.id for m in problem.meetings if m.id not in held)
    return Staleness(number, tuple(broken), tuple(gone), missing)


def _check_mission(
    event: core.Event, schedule: core.Schedule, number: int, excused: Collection[str] | None
) -> Staleness:
    """:class:`Staleness` of a mission's itinerary, by the itinerary checker."""
    from liqa.core.scheduling.itinerary.from_schedule import check_published

    found = check_published(event, schedule, excused)
    broken = tuple(Broken((f.visit,) if f.visit else (), f.rule, f.message) for f in found.broken)
    return Staleness(
        number, broken, found.gone, found.missing, mission=True, unchecked=found.unchecked
    )


def _no_slot(event: core.Event, meeting: str, start: Any) -> Message:
    """A meeting whose time is no longer one of the event's slots, its time on the hall's
    clock."""
    assert event.brokerage is not None
    hall = next((v for v in event.venues if v.id == event.brokerage.venue), None)
    local = LocalTime(start.astimezone(zone_at(event, start, hall)), dated=True)
    return Message("meeting {meeting}: slot {slot} does not exist", meeting=meeting, slot=local)


def staleness(row: Event) -> Staleness | None:
    """How the event's latest published version departs from the event now (None when
    nothing is published); kept per process while the event, the version and the bookings
    hold."""
    version = latest_published(row)
    if version is None:
        return None
    stamp = data_stamp(row)
    booked = tuple(
        sorted(Booking.objects.filter(event=row).values_list("request__key", "slot_start"))
    )
    key = ("staleness", *stamp, version.pk, booked) if stamp is not None else None
    return CHECKS.get(
        key,
        lambda: _check(row, version, [key for key, _start in booked]),
        still=lambda: data_stamp(row) == stamp,
    )


def _check(row: Event, version: ScheduleVersion, booked: list[str]) -> Staleness:
    schedule, excused = schedule_record(version), version.missing_required
    return check_version(event_record(row), schedule, version.number, booked, excused)


def isolated(message: str, lang: str) -> str:
    """A core message in ``lang`` with each name it gives isolated (U+2066…U+2069) where it
    runs against the language (a Latin name in Arabic)."""
    if not isinstance(message, Message):
        return isolate(str(translated(message, gettext, lang)), lang)
    params = {}
    for key, value in message.params.items():
        if isinstance(value, Message):
            params[key] = isolated(value, lang)
        elif isinstance(value, Names):
            words = [isolate(str(translated(item, gettext, lang)), lang) for item in value.items]
            params[key] = ("، " if lang == "ar" and value.sep == ", " else value.sep).join(words)
        elif isinstance(value, (str, LocalTime)):
            params[key] = isolate(str(translated(value, gettext, lang)), lang)
        else:
            params[key] = value
    try:
        return gettext(message.template).format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: keep the English
        return message.template.format(**params)


def stale_notice(row: Event, lang: str) -> dict[str, Any] | None:
    """The notice that the published version no longer fits the event (None when it
    fits): ``version``, ``summary`` (one sentence) and ``items`` (each meeting's ``key``,
    ``title``, rule ``label`` and ``words``), ``mission`` and ``unchecked`` (a mission's
    itinerary the event's own problems keep from being checked: they are the items)."""
    found = staleness(row)
    if found is None or found.fits:
        return None
    event = event_record(row)
    keys = {m for b in found.broken for m in b.meetings} | set(found.gone) | set(found.missing)
    titles = item_titles(event, keys, lang)
    items = [
        {
            "key": b.meetings[0] if b.meetings else "",
            # the brokerage checker's words name the meeting; the itinerary's do not
            "title": isolate(titles[b.meetings[0]], lang) if found.mission and b.meetings else "",
            "label": b.label,
            "words": isolated(b.message, lang),
        }
        for b in found.broken
    ]
    items.extend(
        {"key": "", "title": "", "label": "unchecked", "words": isolated(problem, lang)}
        for problem in found.unchecked
    )
    if found.mission:
        gone_words = gettext("No longer in the event: the visit was withdrawn.")
        missing_words = gettext("Required, but not in the published itinerary.")
    else:
        gone_words = gettext("No longer in the event: its request was withdrawn or changed.")
        missing_words = gettext("Accepted, but not in the published schedule.")
    for keys_of, label, words in (
        (found.gone, "gone", gone_words),
        (found.missing, "missing", missing_words),
    ):
        items.extend(
            {"key": k, "title": isolate(titles[k], lang), "label": label, "words": words}
            for k in keys_of
        )
    return {
        "version": found.version,
        "summary": _summary(found),
        "items": items,
        "mission": found.mission,
        "unchecked": bool(found.unchecked),
    }


def _summary(found: Staleness) -> str:
    """One sentence: how many meetings (a mission: visits) break a rule, are gone, are
    missing; or that the itinerary could not be checked."""
    if found.unchecked:
        return gettext(
            "The published itinerary (v%(number)s) could not be checked against the event: "
            "its records have problems to fix first."
        ) % {"number": found.version}
    if found.mission:
        return _assembled(
            found,
            gettext("The published itinerary (v%(number)s) no longer fits the event: %(parts)s."),
            lambda n: ngettext(
                "%(num)d visit breaks its rules now", "%(num)d visits break their rules now", n
            ),
            lambda n: ngettext(
                "%(num)d visit is no longer in the event",
                "%(num)d visits are no longer in the event",
                n,
            ),
            lambda n: ngettext(
                "%(num)d required visit is not in it", "%(num)d required visits are not in it", n
            ),
        )
    return _assembled(
        found,
        gettext("The published schedule (v%(number)s) no longer fits the event: %(parts)s."),
        lambda n: ngettext(
            "%(num)d meeting breaks its rules now", "%(num)d meetings break its rules now", n
        ),
        lambda n: ngettext(
            "%(num)d meeting is no longer in the event",
            "%(num)d meetings are no longer in the event",
            n,
        ),
        lambda n: ngettext(
            "%(num)d accepted request is not in it", "%(num)d accepted requests are not in it", n
        ),
    )


def _assembled(
    found: Staleness,
    sentence: str,
    broken_words: Callable[[int], str],
    gone_words: Callable[[int], str],
    missing_words: Callable[[int], str],
) -> str:
    """``sentence`` (translated, with ``%(number)s`` and ``%(parts)s``) with its parts: the
    count of items that break a rule, are gone, are missing, each in its words (the
    translated plural for that count), the counts that are zero left out."""
    broken = len({m for b in found.broken for m in b.meetings}) or len(found.broken)
    counts = [(broken, broken_words), (len(found.gone), gone_words)]
    counts.append((len(found.missing), missing_words))
    parts = [words(n) % {"num": n} for n, words in counts if n]
    return sentence % {
        "number": found.version,
        "parts": pgettext("between the parts of a sentence", "; ").join(parts),
    }
