"""Participants book accepted brokerage meetings into free slots, checked by the core.

:func:`book` judges a booking with the core's own rules: the event's brokerage problem
(``event_problem``) and its independent ``check_schedule`` over every meeting already
fixed in time (booked, or fixed in the mission file) plus the new one. It then writes the
booking and one seat per party in one transaction; the database's unique constraints
refuse a table or a seat that a concurrent booking took first, and the booking is judged
again against what that winner wrote, so the loser gets a :class:`SlotTaken` naming who
holds the slot. Booked meetings reach the scheduler as fixed in time (``records``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.problems import InputError
from liqa.core.scheduling.brokerage import Meeting, Placement, Problem, Timetable, check_schedule
from liqa.core.scheduling.brokerage.constraints import (
    overlap,
    placement,
    precedence,
    session_limit,
    tables,
)
from liqa.core.scheduling.brokerage.from_event import event_problem
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest, Person
from liqa.web.events.records import event_record
from liqa.web.templating import current_language

ATTEMPTS = 20
"""Tries of one booking under contention; each failed try means another booking succeeded."""


class BookingError(Exception):
    """A booking the rules refuse; ``str()`` is the message for the participant."""


class SlotTaken(BookingError):
    """The slot is no longer free for this meeting: someone or every table is taken (409)."""


class NotBookable(BookingError):
    """Not a slot, not an accepted brokerage meeting, or a party is unavailable (400)."""


class NotYourRequest(Exception):
    """The person is not a party to this request (neither directly nor by organization)."""


@dataclass(frozen=True)
class Board:
    """An event's brokerage problem and the meetings already fixed in time."""

    event: core.Event
    problem: Problem
    slots: list[core.Slot]
    fixed: dict[str, Placement]
    """Meetings fixed in time (booked or fixed in the file), by request key."""
    bookings: dict[str, Booking]
    """Bookings by request key."""
    zone: ZoneInfo

    def slot_at(self, start: datetime) -> core.Slot | None:
        """The slot starting at ``start``, if any."""
        return next((s for s in self.slots if s.start == start), None)

    def local(self, start: datetime) -> str:
        """An instant as the venue's local time of day, in the active language."""
        try:
            return translator(current_language()).format_time(start.astimezone(self.zone))
        except OverflowError:  # an instant at the edge of the calendar, given by a client
            return start.isoformat()

    def name(self, key: str) -> str:
        """A person's or an organization's display name."""
        names = {o.id: o.name for o in self.event.organizations}
        names.update({p.id: p.name for p in self.event.people})
        return names.get(key, key)


@dataclass(frozen=True)
class Option:
    """A participant's accepted brokerage request: its booking, or the slots still free."""

    request: core.MeetingRequest
    booking: Booking | None
    booked_at: str
    """The booked slot's local time ("" when not booked)."""
    free: list[tuple[str, str]]
    """Free slots as (ISO start, local time), in time order."""


def board(row: Event) -> Board:
    """The booking board of a brokerage event (:class:`NotBookable` for other events)."""
    event = event_record(row)
    if event.kind is not core.EventKind.BROKERAGE or event.brokerage is None:
        raise NotBookable(_("This event has no brokerage slots to book."))
    try:
        problem = event_problem(event)
    except InputError as error:
        raise NotBookable(str(error)) from None
    bookings = {
        b.request.key: b for b in Booking.objects.filter(event=row).select_related("request")
    }
    fixed = {
        m.id: Placement(m.id, m.fixed_slot, _table_of(bookings.get(m.id)))
        for m in problem.meetings
        if m.fixed_slot is not None
    }
    venue = next((v for v in event.venues if v.id == event.brokerage.venue), None)
    zone = ZoneInfo(venue.timezone if venue else event.legs[0].timezone if event.legs else "UTC")
    return Board(event, problem, event.brokerage.slots(), fixed, bookings, zone)


def _table_of(booking: Booking | None) -> int | None:
    return booking.table if booking is not None else None


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


def _table(b: Board, meeting: Meeting, t: int) -> int | None:
    """The table the meeting takes in slot ``t``: a party's own, else the first free shared."""
    own = tables.own_table(b.problem, meeting)
    if own is not None:
        return own
    used = {p.table for p in b.fixed.values() if p.slot == t and p.meeting != meeting.id}
    return next((k for k in tables.shared_tables(b.problem) if k not in used), None)


def refusal(b: Board, meeting: Meeting, slot: core.Slot) -> BookingError | None:
    """Why ``meeting`` cannot be booked at ``slot`` (the core's checker decides), or ``None``."""
    time = b.local(slot.start)
    booked = b.bookings.get(meeting.id)
    if booked is not None:
        return SlotTaken(
            _("This meeting is already booked at %(time)s, table %(table)s.")
            % {"time": b.local(booked.slot_start), "table": booked.table}
        )
    table = _table(b, meeting, slot.index)
    others = tuple(p for p in b.fixed.values() if p.meeting != meeting.id)
    trial = Timetable((*others, Placement(meeting.id, slot.index, table)))
    labels = [
        v.label
        for v in check_schedule(b.problem, trial)
        if meeting.id in v.meetings and v.label != "fairness"
    ]
    if overlap.LABEL in labels:
        return _busy(b, meeting, slot, time)
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
            % {"time": time, "limit": b.problem.max_meetings_per_session}
        )
    if precedence.LABEL in labels:
        return SlotTaken(
            _("%(time)s is not possible: the order of the meetings it follows does not allow it.")
            % {"time": time}
        )
    if labels:
        return NotBookable(_("%(time)s is not possible for this meeting.") % {"time": time})
    return None


def _names(b: Board, keys: list[str]) -> str:
    return translator(current_language()).format_list([b.name(k) for k in keys])


def _busy(b: Board, meeting: Meeting, slot: core.Slot, time: str) -> SlotTaken:
    """The overlap refusal, naming the busy party and whom they already meet."""
    for pid in meeting.people:
        holders = [
            b.problem.meeting(p.meeting)
            for p in b.fixed.values()
            if p.slot == slot.index
            and p.meeting != meeting.id
            and pid in b.problem.meeting(p.meeting).people
        ]
        if len(holders) >= b.problem.participant(pid).capacity:
            met = [k for m in holders for k in m.parties if k != pid]
            return SlotTaken(
                _("%(time)s is no longer free: %(who)s already meets %(others)s at that time.")
                % {"time": time, "who": b.name(pid), "others": _names(b, met)}
            )
    return SlotTaken(_("%(time)s is no longer free for this meeting.") % {"time": time})


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
    out = []
    for request in b.event.requests:
        if {request.requester, request.target}.isdisjoint(mine):
            continue
        try:
            meeting = b.problem.meeting(request.id)
        except KeyError:
            continue
        booking = b.bookings.get(request.id)
        if booking is not None:
            out.append(Option(request, booking, b.local(booking.slot_start), []))
            continue
        free = [
            (s.start.isoformat(), b.local(s.start))
            for s in b.slots
            if refusal(b, meeting, s) is None
        ]
        out.append(Option(request, None, "", free))
    return out


def _check_party(row: Event, person: str, key: str) -> None:
    request = MeetingRequest.objects.get(event=row, key=key)
    if {request.requester, request.target}.isdisjoint(_parties(row, person)):
        raise NotYourRequest(key)


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
    _check_party(row, person, key)
    for _attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return _book_once(row, person, key, start, user)
        except IntegrityError:
            continue  # a concurrent booking took a table or a seat first: judge again
    raise SlotTaken(_("Too many bookings at once for this slot; please try again."))


def _book_once(
    row: Event,
    person: str,
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
    table = _table(b, meeting, slot.index)
    assert table is not None  # refusal() said a table is free
    booking = Booking.objects.create(
        event=row,
        request=MeetingRequest.objects.get(event=row, key=key),
        slot_start=slot.start,
        table=table,
        booked_by=user if isinstance(user, User) else None,
        booked_as=person,
    )
    BookingSeat.objects.bulk_create(
        BookingSeat(event=row, party=pid, seat=seat, slot_start=slot.start, booking=booking)
        for pid, seat in _seats(row, b.problem, meeting, slot.start)
    )
    return booking


def _seats(
    row: Event, problem: Problem, meeting: Meeting, start: datetime
) -> list[tuple[str, int]]:
    """A free seat per party, in key order (a fixed order: no two bookings wait on each other)."""
    out = []
    for pid in sorted(meeting.people):
        taken = set(
            BookingSeat.objects.filter(event=row, party=pid, slot_start=start).values_list(
                "seat", flat=True
            )
        )
        capacity = problem.participant(pid).capacity
        out.append((pid, next((n for n in range(1, capacity + 1) if n not in taken), 1)))
    return out


def cancel(row: Event, person: str, key: str) -> None:
    """Cancel the booking of request ``key`` (either party may); :class:`NotBookable` if none."""
    _check_party(row, person, key)
    deleted, _counts = Booking.objects.filter(event=row, request__key=key).delete()
    if not deleted:
        raise NotBookable(_("Request %(key)s has no booking to cancel.") % {"key": key})
