"""Participants book accepted brokerage meetings into free slots, checked by the core.

:func:`book` judges a booking with the core's own rules: the event's brokerage problem
(``event_problem``) and the meetings already fixed in time (booked, or fixed in the mission
file). One booking can only break the rules that involve its meeting, so it is judged by
``liqa.core.scheduling.brokerage.booking.broken`` (the same verdict as the full
``check_schedule`` on every fixed meeting plus the new one, from indexes by slot and by
participant); the problem is built once per version of the event's rows and kept per
process (:data:`BASES`), the bookings are read on every call. The booking and one seat per
party are written in one transaction; the database's unique constraints refuse a table or
a seat that a concurrent booking took first, and the booking is judged again against what
that winner wrote, so the loser gets a :class:`SlotTaken` naming who holds the slot.
Booked meetings reach the scheduler as fixed in time (``records``).

Once the organizer publishes a schedule, a meeting placed in it has its time: it is shown
read-only and cannot be booked or cancelled (the organizer moves it), and the published
meetings hold their slots and tables for the meetings still to book, and the slot of each
person the schedule sends to them (one of an organization's people at its meeting). A published
assignment is a request's meeting only when it is a meeting bookings are for
(:data:`BOOKED_FORMATS`) between the request's own parties: a programme item, lunch or
visit whose free-text id happens to be a request's is not that meeting. A slot that has
started (``django.utils.timezone.now()``) is neither offered nor booked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.local_time import local_time_words
from liqa.core.missionfile.values import places_of_event
from liqa.core.outputs import labels
from liqa.core.problems import InputError
from liqa.core.scheduling.brokerage import Meeting, Placement, Problem
from liqa.core.scheduling.brokerage import booking as check
from liqa.core.scheduling.brokerage.constraints import (
    overlap,
    placement,
    precedence,
    session_limit,
    tables,
)
from liqa.core.scheduling.brokerage.from_event import event_problem
from liqa.web.agendas.domain import kept_schedule
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest, Person
from liqa.web.events.records import stored_event
from liqa.web.events.snapshots import Snapshots, Stamp, State, data_stamp, event_state
from liqa.web.templating import current_language

ATTEMPTS = 20
"""Tries of one booking under contention; each failed try means another booking succeeded."""

BOOKED_FORMATS = frozenset({core.MeetingFormat.ONE_TO_ONE})
"""The formats of the meetings bookings are for: the 1:1 meetings at a brokerage table (the
core's brokerage problem takes the accepted one-to-one requests only)."""


class BookingError(Exception):
    """A booking the rules refuse; ``str()`` is the message for the participant."""


class SlotTaken(BookingError):
    """The slot is no longer free for this meeting: someone or every table is taken (409)."""


class NotBookable(BookingError):
    """Not a slot, not an accepted brokerage meeting, or a party is unavailable (400)."""


class NotYourRequest(Exception):
    """The person is not a party to this request (neither directly nor by organization)."""


@dataclass(frozen=True)
class Held:
    """A booking as the checks and pages need it."""

    slot_start: datetime
    table: int


@dataclass(frozen=True)
class Scheduled:
    """A meeting's time and table in the latest published schedule."""

    start: datetime
    table: int | None
    attendees: tuple[str, ...] = ()
    """Who the schedule sends to it: for an organization of several people, those of its
    people it chose."""


@dataclass(frozen=True)
class Base:
    """What a brokerage event's bookings are judged by, without the bookings themselves:
    kept per process for as long as the event's other rows do not change."""

    event: core.Event
    """The event's record without bookings."""
    problem: Problem | None
    """The brokerage problem without bookings (``None``: the event's data has problems;
    bookings are then judged the slow way, which reports them)."""
    rules: check.Rules | None
    slots: tuple[core.Slot, ...]
    starts: Mapping[datetime, int]
    """Slot numbers by start instant."""
    zone: ZoneInfo
    names: Mapping[str, str]
    """Display names of people and organizations by key."""
    sides: Mapping[str, frozenset[str]]
    """The two parties of each request, by request key."""
    dated: bool = False
    """The slots fall on more than one local day: their times say the day."""
    zoned: bool = False
    """The event spans time zones: its times name the zone."""


BASES = Snapshots(8)
"""Booking bases by the event's :func:`~liqa.web.events.snapshots.data_stamp`."""


@dataclass(frozen=True)
class Board:
    """An event's brokerage problem and the meetings already fixed in time."""

    event: core.Event
    problem: Problem
    """The brokerage problem; where a meeting is booked, ``fixed`` holds its slot."""
    slots: tuple[core.Slot, ...]
    starts: Mapping[datetime, int]
    fixed: check.Fixed
    """Meetings fixed in time (booked or fixed in the file), indexed by slot and party."""
    bookings: dict[str, Held]
    """Bookings by request key."""
    zone: ZoneInfo
    names: Mapping[str, str]
    published: Mapping[str, Scheduled]
    """Meetings of the latest published schedule by request key (empty before publication):
    their time is the organizer's, and they hold their slots in ``fixed``."""
    now: datetime
    """The instant the board was read: slots starting earlier are no longer offered."""
    dated: bool = False
    """The slots fall on more than one local day: :meth:`local` says the day."""
    zoned: bool = False
    """The event spans time zones: :meth:`local` names the zone."""
    sent: Mapping[tuple[int, str], tuple[str, ...]] = field(default_factory=dict)
    """Published meetings by slot number and a person the schedule sends to them whom the
    problem's meeting does not name (one of an organization's people at its meeting): the
    meeting holds that person's slot, as the published agenda says."""

    def slot_at(self, start: datetime) -> core.Slot | None:
        """The slot starting at ``start``, if any."""
        index = self.starts.get(start)
        return None if index is None else self.slots[index]

    def local(self, start: datetime, *, zoned: bool | None = None) -> str:
        """An instant as the venue's local time in the active language, as the agendas
        write times: the day before it when the slots span days ("Tue, Feb 19, 10:20 AM"),
        the zone's short name after it when the event spans zones, or ``zoned`` says so
        (the reader is on another clock): "10:20 AM CST"."""
        lang = current_language()
        try:
            at = start.astimezone(self.zone)
            words = local_time_words(at, lang, dated=self.dated)
        except OverflowError:  # an instant at the edge of the calendar, given by a client
            return start.isoformat()
        if not (self.zoned if zoned is None else zoned):
            return words
        if self.dated:  # the day's words carry the line's direction; the zone is isolated
            return f"{words} {labels.zone_short(at, lang)}"
        return labels.at_zone(words, at, lang)

    def reader_zoned(self, person: str) -> bool:
        """Whether ``person``'s times name the zone: the event spans zones, or the person's
        own times are on another clock than the slots' (:func:`places_of_event`)."""
        if self.zoned:
            return True
        try:
            own = places_of_event(self.event).meeting(person)
        except (KeyError, ValueError):
            return False
        return own is not None and own != self.zone.key

    def name(self, key: str) -> str:
        """A person's or an organization's display name."""
        return self.names.get(key, key)


@dataclass(frozen=True)
class Option:
    """A participant's accepted brokerage request: its booking, or the slots still free."""

    request: core.MeetingRequest
    booking: Held | None
    booked_at: str
    """The booked slot's local time ("" when not booked)."""
    free: list[tuple[str, str]]
    """Free slots as (ISO start, local time), in time order."""
    scheduled: Scheduled | None = None
    """The meeting's time in the published schedule: shown, never booked."""
    scheduled_at: str = ""
    """The published time's local time ("" when not published)."""
    started: bool = False
    """The booked slot has started: the booking stands (nothing to cancel any more)."""


def _base(row: Event, stamp: Stamp | None) -> Base:
    event = stored_event(row, stamp)
    if event.kind is not core.EventKind.BROKERAGE or event.brokerage is None:
        raise NotBookable(_("This event has no brokerage slots to book."))
    try:
        problem: Problem | None = event_problem(event)
    except InputError:
        problem = None
    slots = tuple(event.brokerage.slots())
    venue = next((v for v in event.venues if v.id == event.brokerage.venue), None)
    zone = ZoneInfo(venue.timezone if venue else event.legs[0].timezone if event.legs else "UTC")
    names = {o.id: o.name for o in event.organizations}
    names.update({p.id: p.name for p in event.people})
    days = {s.start.astimezone(zone).date() for s in slots}
    return Base(
        event,
        problem,
        None if problem is None else check.rules(problem),
        slots,
        {s.start: s.index for s in slots},
        zone,
        names,
        {r.id: frozenset((r.requester, r.target)) for r in event.requests},
        dated=len(days) > 1,
        zoned=event.spans_zones,
    )


def board(row: Event) -> Board:
    """The booking board of a brokerage event (:class:`NotBookable` for other events)."""
    state = event_state(row)
    stamp = state.stamp
    base = BASES.get(stamp, lambda: _base(row, stamp), still=lambda: data_stamp(row) == stamp)
    published = published_meetings(row, base.sides, state)
    bookings = {
        key: Held(start, table)
        for key, start, table in Booking.objects.filter(event=row).values_list(
            "request__key", "slot_start", "table"
        )
    }
    problem, rules = base.problem, base.rules
    fixed: dict[str, Placement] = {}
    if problem is not None and rules is not None:
        for m in problem.meetings:
            held = bookings.get(m.id)
            slot = m.fixed_slot if held is None else base.starts.get(held.slot_start)
            if held is not None and slot is None:
                problem = None  # booked at a time that is no longer a slot: the slow way says so
                break
            if slot is not None:
                fixed[m.id] = Placement(m.id, slot, None if held is None else held.table)
    if problem is None or rules is None:
        problem = _problem_with(base.event, bookings)
        rules = check.rules(problem)
        fixed = {
            m.id: Placement(m.id, m.fixed_slot, _table_of(bookings.get(m.id)))
            for m in problem.meetings
            if m.fixed_slot is not None
        }
    fixed.update(published_holding(published, base.starts, problem, fixed))
    sent: dict[tuple[int, str], tuple[str, ...]] = {}
    for key, placed in published.items():
        t = base.starts.get(placed.start)
        try:
            named = problem.meeting(key).people
        except KeyError:  # no meeting of the problem any more: it holds nothing
            continue
        if t is None:
            continue
        for who in placed.attendees:
            if who not in named:
                sent[t, who] = (*sent.get((t, who), ()), key)
    return Board(
        base.event,
        problem,
        base.slots,
        base.starts,
        check.fixed(rules, fixed.values()),
        bookings,
        base.zone,
        base.names,
        published,
        timezone.now(),
        dated=base.dated,
        zoned=base.zoned,
        sent=sent,
    )


def published_meetings(
    row: Event, sides: Mapping[str, frozenset[str]], state: State | None = None
) -> dict[str, Scheduled]:
    """The meetings of the event's latest published schedule by request key (``sides``:
    the requests' two parties by key; ``state``: the event's, when already read); empty
    before publication. An assignment is a request's meeting only when it is a meeting
    bookings are for (:data:`BOOKED_FORMATS`) between that request's parties: ids are the
    organizer's free text, and a programme item, lunch or visit may carry a request's."""
    schedule, _key = kept_schedule(row, state)
    if schedule is None:
        return {}
    return {
        a.id: Scheduled(a.start, a.table, a.attendees)
        for a in schedule.assignments
        if a.format in BOOKED_FORMATS and frozenset(a.parties) == sides.get(a.id)
    }


def published_holding(
    published: Mapping[str, Scheduled],
    starts: Mapping[datetime, int],
    problem: Problem,
    fixed: Mapping[str, Placement],
) -> dict[str, Placement]:
    """The meetings of the published schedule (``published``: :func:`published_meetings`)
    that hold their slots and tables for the bookings: those of the brokerage ``problem``
    at a slot (``starts``: slot numbers by start) not already fixed in time (``fixed``:
    booked, or fixed in the file)."""
    ids = {m.id for m in problem.meetings}
    return {
        key: Placement(key, starts[placed.start], placed.table)
        for key, placed in published.items()
        if key in ids and key not in fixed and placed.start in starts
    }


def _problem_with(event: core.Event, bookings: Mapping[str, Held]) -> Problem:
    """The problem of the event with each booked request fixed at its booked slot, built
    whole (the rare path: the event's data, or a booking, has problems to report)."""
    laid = replace(
        event,
        requests=tuple(
            replace(r, fixed_start=bookings[r.id].slot_start) if r.id in bookings else r
            for r in event.requests
        ),
    )
    try:
        return event_problem(laid)
    except InputError as error:
        raise NotBookable(str(error)) from None


def _table_of(held: Held | None) -> int | None:
    return held.table if held is not None else None


def _parties(row: Event, person: str) -> set[str]:
    organization = Person.objects.filter(event=row, key=person).values_list(
        "organization", flat=True
    )
    return {person, *organization}


def _meeting(b: Board, key: str) -> Meeting:
    """The accepted one-to-one meeting of request ``key`` (:class:`NotBookable` otherwise)."""
    try:
        return b.problem.meeting(key)
    except KeyError:
        raise NotBookable(
            _("Only accepted one-to-one meetings can be booked; request %(key)s is not one.")
            % {"key": key}
        ) from None


def refusal(b: Board, meeting: Meeting, slot: core.Slot) -> BookingError | None:
    """Why ``meeting`` cannot be booked at ``slot`` (the core's rules decide), or ``None``."""
    time = b.local(slot.start)
    scheduled = b.published.get(meeting.id)
    if scheduled is not None:
        return SlotTaken(_in_schedule(b, scheduled.start))
    booked = b.bookings.get(meeting.id)
    if booked is not None:
        return SlotTaken(
            _("This meeting is already booked at %(time)s, table %(table)s.")
            % {"time": b.local(booked.slot_start), "table": booked.table}
        )
    if slot.start < b.now:
        return NotBookable(_("%(time)s has already started: choose a later slot.") % {"time": time})
    table = check.table_for(b.fixed, meeting, slot.index)
    labels = check.broken(b.fixed, meeting, slot.index, table)
    if overlap.LABEL in labels:
        return _busy(b, meeting, slot, time)
    sent = _sent_elsewhere(b, meeting, slot, time)
    if sent is not None:
        return sent
    if table is None or tables.LABEL in labels:
        return SlotTaken(
            _("%(time)s is no longer free: every table is taken at that time.") % {"time": time}
        )
    if placement.AVAILABILITY in labels:
        away = [p for p in meeting.people if slot.index in b.problem.participant(p).unavailable]
        return NotBookable(
            _("%(time)s is not possible: %(who)s is not available then.")
            % {"time": time, "who": _names(b, away)}
        )
    if placement.SESSION in labels:
        return NotBookable(
            _("%(time)s is not possible: this meeting belongs to session %(session)s.")
            % {"time": time, "session": meeting.session}
        )
    if placement.FIXED in labels and meeting.fixed_slot is not None:
        return NotBookable(
            _("%(time)s is not possible: this meeting is fixed at %(fixed)s.")
            % {"time": time, "fixed": b.local(b.slots[meeting.fixed_slot].start)}
        )
    if session_limit.LABEL in labels:
        return SlotTaken(
            _("%(time)s is not possible: a party already has %(limit)s meetings in this session.")
            % {
                "time": time,
                "limit": min(
                    limit
                    for pid in meeting.people
                    if (limit := b.problem.session_limit(pid)) is not None
                ),
            }
        )
    if precedence.LABEL in labels:
        return SlotTaken(
            _("%(time)s is not possible: the order of the meetings it follows does not allow it.")
            % {"time": time}
        )
    if labels:
        return NotBookable(_("%(time)s is not possible for this meeting.") % {"time": time})
    return None


def _in_schedule(b: Board, start: datetime) -> str:
    """Why a meeting of the published schedule is neither booked nor cancelled."""
    return _(
        "This meeting is in the published schedule at %(time)s: to change its time, ask the "
        "organizer to move it."
    ) % {"time": b.local(start)}


def _names(b: Board, keys: list[str]) -> str:
    return translator(current_language()).format_list([b.name(k) for k in keys])


def _busy(b: Board, meeting: Meeting, slot: core.Slot, time: str) -> SlotTaken:
    """The overlap refusal, naming the busy party and whom they already meet.

    An organization is full when each of its people has a meeting then: its own meetings
    and its people's (:mod:`~liqa.core.scheduling.brokerage.from_event` has it attend
    those). When some are its people's, the refusal says that every one of its people (who
    is there: some may be away then) is in a meeting and names each meeting by who of it
    goes, and with whom (:func:`_in_meetings`), not its own people as whom it meets; when
    all are its own, it already meets their other parties."""
    for pid in meeting.people:
        holders = check.holders(b.fixed, pid, slot.index, meeting)
        participant = b.problem.participant(pid)
        places = participant.capacity_at(slot.index)
        if len(holders) >= places:
            members = _members(b, pid)
            if any(k in members for m in holders for k in m.people):
                full = (
                    _(
                        "%(time)s is no longer free: every person of %(organization)s is "
                        "already in a meeting at that time (%(meetings)s)."
                    )
                    if places == participant.capacity
                    else _(  # some of its people are away then
                        "%(time)s is no longer free: every person of %(organization)s who is "
                        "there at that time is already in a meeting (%(meetings)s)."
                    )
                )
                return SlotTaken(
                    full
                    % {
                        "time": time,
                        "organization": b.name(pid),
                        "meetings": _in_meetings(b, pid, members, holders),
                    }
                )
            met = [k for m in holders for k in m.parties if k != pid]
            return SlotTaken(
                _("%(time)s is no longer free: %(who)s already meets %(others)s at that time.")
                % {"time": time, "who": b.name(pid), "others": _names(b, met)}
            )
    return SlotTaken(_("%(time)s is no longer free for this meeting.") % {"time": time})


def _sent_elsewhere(b: Board, meeting: Meeting, slot: core.Slot, time: str) -> SlotTaken | None:
    """The refusal when a person of ``meeting`` is sent to another meeting of the published
    schedule at ``slot`` (:attr:`Board.sent`): their published agenda has them there."""
    for pid in meeting.people:
        for key in b.sent.get((slot.index, pid), ()):
            if key == meeting.id:
                continue
            theirs = {p.organization for p in b.event.people if p.id == pid}
            met = [k for k in b.problem.meeting(key).parties if k != pid and k not in theirs]
            return SlotTaken(
                _("%(time)s is no longer free: %(who)s already meets %(others)s at that time.")
                % {"time": time, "who": b.name(pid), "others": _names(b, met)}
            )
    return None


def _members(b: Board, pid: str) -> frozenset[str]:
    """The people of ``pid`` when it is an organization (empty for a person)."""
    if any(p.id == pid for p in b.event.people):
        return frozenset()
    return frozenset(p.id for p in b.event.members(pid))


def _in_meetings(b: Board, org: str, members: frozenset[str], holders: list[Meeting]) -> str:
    """Organization ``org``'s meetings in a slot, each as who of it goes, with whom: the
    person of its ``members`` the meeting names (a person's own meeting, or one they are
    to attend) or the published schedule sends, else the organization itself (its own
    meeting: which of its people goes is decided when the schedule is made), with the
    meeting's other parties."""
    found = []
    for m in holders:
        published = b.published.get(m.id)
        sent = published.attendees if published is not None else ()
        ours = next((k for k in (*m.people, *sent) if k in members), org)
        others = [k for k in m.parties if k not in (ours, org)]
        found.append(
            _("%(person)s with %(others)s") % {"person": b.name(ours), "others": _names(b, others)}
            if others
            else b.name(ours)
        )
    return translator(current_language()).format_list(found)


def options(row: Event, person: str) -> list[Option]:
    """The person's accepted brokerage requests with their booking or their free slots.

    Empty for an event without brokerage slots.
    """
    if row.kind != core.EventKind.BROKERAGE or not row.brokerage:
        return []
    try:
        b = board(row)
    except NotBookable:  # the event's data has problems: the organizer's pages list them
        return []
    mine = _parties(row, person)
    zoned = b.reader_zoned(person)
    out = []
    for request in b.event.requests:
        if {request.requester, request.target}.isdisjoint(mine):
            continue
        try:
            meeting = b.problem.meeting(request.id)
        except KeyError:
            continue
        scheduled = b.published.get(request.id)
        if scheduled is not None:
            out.append(
                Option(request, None, "", [], scheduled, b.local(scheduled.start, zoned=zoned))
            )
            continue
        booking = b.bookings.get(request.id)
        if booking is not None:
            started = booking.slot_start < b.now
            out.append(
                Option(
                    request, booking, b.local(booking.slot_start, zoned=zoned), [], started=started
                )
            )
            continue
        free = [
            (s.start.isoformat(), b.local(s.start, zoned=zoned))
            for s in b.slots
            if refusal(b, meeting, s) is None
        ]
        out.append(Option(request, None, "", free))
    return out


def _check_party(row: Event, person: str, key: str) -> MeetingRequest:
    """The request ``key``, if ``person`` is a party to it (:class:`NotYourRequest` if not)."""
    organization = Person.objects.filter(event=row, key=person).values("organization")[:1]
    request = (
        MeetingRequest.objects.only("pk", "key", "requester", "target")
        .annotate(organization=Subquery(organization))  # the person's, in the same query
        .get(event=row, key=key)
    )
    mine = {person, request.organization} - {None}
    if {request.requester, request.target}.isdisjoint(mine):
        raise NotYourRequest(key)
    return request


def book(
    row: Event,
    person: str,
    key: str,
    start: datetime,
    user: AbstractBaseUser | AnonymousUser | None = None,
) -> Booking:
    """Book request ``key`` at the slot starting at ``start`` for ``person`` (a party).

    Raises ``MeetingRequest.DoesNotExist``, :class:`NotYourRequest`, :class:`NotBookable`
    or :class:`SlotTaken` (whose message names who or what holds the slot).
    """
    request = _check_party(row, person, key)
    for _attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return _book_once(row, person, request, key, start, user)
        except IntegrityError:
            continue  # a concurrent booking took a table or a seat first: judge again
    raise SlotTaken(_("Too many bookings at once for this slot; please try again."))


def _book_once(
    row: Event,
    person: str,
    request: MeetingRequest,
    key: str,
    start: datetime,
    user: AbstractBaseUser | AnonymousUser | None,
) -> Booking:
    b = board(row)
    meeting = _meeting(b, key)
    slot = b.slot_at(start)
    if slot is None:
        raise NotBookable(
            _("%(time)s is not the start of a brokerage slot.") % {"time": b.local(start)}
        )
    refused = refusal(b, meeting, slot)
    if refused is not None:
        raise refused
    table = check.table_for(b.fixed, meeting, slot.index)
    assert table is not None  # refusal() said a table is free
    booking = Booking.objects.create(
        event=row,
        request=request,
        slot_start=slot.start,
        table=table,
        booked_by=user if isinstance(user, User) else None,
        booked_as=person,
    )
    BookingSeat.objects.bulk_create(
        BookingSeat(event=row, party=pid, seat=seat, slot_start=slot.start, booking=booking)
        for pid, seat in _seats(row, b.problem, meeting, slot)
    )
    return booking


def _seats(
    row: Event, problem: Problem, meeting: Meeting, slot: core.Slot
) -> list[tuple[str, int]]:
    """A free seat per party, in key order (a fixed order: no two bookings wait on each other).

    A person has one seat; only organizations meeting in parallel need to know which of
    theirs are taken (if a seat is taken meanwhile, the database refuses the second one)."""
    taken: dict[str, set[int]] = {pid: set() for pid in meeting.people}
    several = [pid for pid in taken if problem.participant(pid).capacity > 1]
    if several:
        found = BookingSeat.objects.filter(event=row, party__in=several, slot_start=slot.start)
        for pid, seat in found.values_list("party", "seat"):
            taken[pid].add(seat)
    out = []
    for pid in sorted(meeting.people):
        capacity = problem.participant(pid).capacity_at(slot.index)
        out.append((pid, next((n for n in range(1, capacity + 1) if n not in taken[pid]), 1)))
    return out


def cancel(row: Event, person: str, key: str) -> None:
    """Cancel the booking of request ``key`` (either party may); :class:`NotBookable` if
    none, or if the meeting is in the published schedule (the organizer moves it)."""
    request = _check_party(row, person, key)
    booking = Booking.objects.filter(event=row, request=request).first()
    if booking is None:
        raise NotBookable(_("Request %(key)s has no booking to cancel.") % {"key": key})
    sides = {key: frozenset((request.requester, request.target))}
    scheduled = published_meetings(row, sides).get(key)
    if scheduled is not None:
        raise NotBookable(_in_schedule(board(row), scheduled.start))
    if booking.slot_start < timezone.now():
        raise NotBookable(
            _("%(time)s has already started: the booking stands.")
            % {"time": board(row).local(booking.slot_start)}
        )
    booking.request = request  # already read: the audit trail names its parties from it
    booking.event = row  # and its event's slug
    booking.delete()
