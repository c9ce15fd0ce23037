"""The work done on the web that replacing an event by its mission file carries over.

A replacement deletes the event row (and with it every row under it) and stores the file's
event again. The work done on the web that the file does not hold is read before the delete
as a backup dumps it (the :mod:`liqa.web.backup` sections, in memory), and written back
after the store by the same sections, except what refers to records the file no longer has
(people, organizations, requests, visits, programme items: by key). ``events`` sends
:data:`~liqa.web.events.signals.replacing` before the delete, and :func:`carried_work`
answers it (connected in :class:`~liqa.web.backup.apps.BackupConfig`); the outcomes
recorded on the web are ``events``' own (:func:`liqa.web.events.replacing.outcomes`):

* a follow-up reminder recorded as sent is kept while the file still has its person (so it
  is not sent again);
* a booking (with its seats) is kept while the file has its request between the same two
  parties, in the same format, neither declined, cancelled nor expired, its slot is still a
  slot of the file's brokerage with that table, and every party seated is in the file; the
  person it was booked as is cleared when the file no longer has them (as ``forgotten_keys``
  does when a person is removed). A booking whose slot has started stands, as the booking
  path lets it stand (it is no longer cancelled nor booked again): it is carried over as it
  was, the meeting under way or over, and holds its slot for the others. The bookings left
  are then judged as :func:`liqa.web.agendas.bookings.book` judges one (``booking.broken``
  of the core over the file's brokerage problem, with its meetings fixed in time and the
  meetings of the published version carried over holding their slots and tables, by the
  booking path's own ``published_holding``): one the rules no longer allow (a party
  unavailable then, a session limit, a party's other meeting, a fixed meeting, a table,
  the order of meetings, a request no longer accepted) is dropped, and so is one that only
  the published version's meetings leave no room for (a party busy then, the table taken);
  when bookings break a rule together, the earlier one made stands (:func:`_allowed`);
* a host's confirmation of who attends is kept while the file has its meeting and its host
  organization, still on a host's side (one of an organization the file puts on the
  delegation's side is dropped: it is no longer a host); the attendees the file no longer
  has are taken out of it, and one left with nobody is dropped (the host is asked again,
  as ``forgotten_keys`` does);
* every schedule version, draft or published, is kept as it was (its assignments, pins,
  notifications, who it affected, its moves made by hand): a published version is what
  people received, and a draft the organizer's work; one that names people or meetings the
  file no longer has is kept too, as a spreadsheet upload removing them keeps it, and the
  preview counts it (:attr:`Work.outdated`);
* every finished run is kept, with the versions it started from and made; a run not
  finished (queued or running) is dropped, as a backup leaves it out.

Whatever is left out is counted by :class:`Work` with the reason, for the preview.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from liqa.core import model as core
from liqa.core.problems import InputError
from liqa.core.scheduling.brokerage import Placement
from liqa.core.scheduling.brokerage import booking as check
from liqa.core.scheduling.brokerage.from_event import event_problem
from liqa.web.agendas.bookings import published_holding, published_meetings
from liqa.web.backup.bookings import BOOKINGS
from liqa.web.backup.extras import CONFIRMATIONS, REMINDERS
from liqa.web.backup.schedules import FINAL, RUNS, VERSIONS
from liqa.web.backup.section import Restoring, Section, Users, parse_instant
from liqa.web.events import models as rows
from liqa.web.events.previews import HOST_SIDES
from liqa.web.events.records import stored_event
from liqa.web.events.replacing import Work, meetings
from liqa.web.scheduling.models import Run


@dataclass(frozen=True)
class Carry:
    """What a replacement carries over to the event stored again, and what it drops: the
    ``backup`` app's answer to :data:`liqa.web.events.signals.replacing`."""

    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Per backup section (its member name), the records kept, as the section dumped them."""
    users: dict[str, User] = field(default_factory=dict)
    """The accounts those records name, by username."""
    kept: Work = field(default_factory=Work)
    dropped: Work = field(default_factory=Work)
    accounts: None = None
    """No change to the accounts with access."""

    def restore(self, row: rows.Event) -> None:
        """Write what :func:`plan` kept under ``row``, the event stored again (the backup's
        restore)."""
        state = Restoring(row, users=dict(self.users))
        for section in SECTIONS:
            section.restore(state, self.data.get(section.member, []))


Keeper = Callable[[dict[str, Any]], dict[str, Any] | None]
"""A dumped record as carried over (changed or not), or ``None`` when it is dropped."""

SECTIONS: tuple[Section, ...] = (VERSIONS, RUNS, CONFIRMATIONS, REMINDERS, BOOKINGS)
"""The backup sections carried over, in the order a restore writes them."""


def _split(items: Iterable[dict[str, Any]], keep: Keeper) -> tuple[list[dict[str, Any]], int]:
    """The items ``keep`` gives back (changed or not), and how many it drops (``None``)."""
    kept, dropped = [], 0
    for item in items:
        carried = keep(item)
        if carried is None:
            dropped += 1
        else:
            kept.append(carried)
    return kept, dropped


_GONE = frozenset(
    {core.RequestStatus.DECLINED, core.RequestStatus.CANCELLED, core.RequestStatus.EXPIRED}
)
"""A request in one of these states has no meeting to hold a booking."""


def _booking_keeper(stored: core.Event, event: core.Event) -> Keeper:
    """Whether a dumped booking still applies to the file's ``event`` (:func:`plan`)."""
    before = {r.id: r for r in stored.requests}
    after = {r.id: r for r in event.requests}
    parties = {p.id for p in event.people} | {o.id for o in event.organizations}
    people = {p.id for p in event.people}
    setup = event.brokerage
    slots = {slot.start for slot in setup.slots()} if setup is not None else set()
    tables = setup.tables if setup is not None else 0

    def keep(item: dict[str, Any]) -> dict[str, Any] | None:
        old, new = before.get(item["request"]), after.get(item["request"])
        if old is None or new is None or new.status in _GONE:
            return None
        if (old.requester, old.target, old.format) != (new.requester, new.target, new.format):
            return None
        if parse_instant(item["slot_start"]) not in slots or not 1 <= item["table"] <= tables:
            return None
        if any(seat["party"] not in parties for seat in item["seats"]):
            return None
        booked_as = item["booked_as"] if item["booked_as"] in people else ""
        return {**item, "booked_as": booked_as}

    return keep


@dataclass(frozen=True)
class _Verdict:
    """Of the dumped bookings judged by :func:`_allowed`, the requests of those kept and of
    those dropped for the published version alone."""

    allowed: frozenset[str] = frozenset()
    published: frozenset[str] = frozenset()


def _started(items: list[dict[str, Any]]) -> set[str]:
    """The requests of the dumped bookings ``items`` whose slot has started (it is before
    ``django.utils.timezone.now()``, as the booking path reads it): those bookings stand."""
    now = timezone.now()
    return {item["request"] for item in items if parse_instant(item["slot_start"]) < now}


def _allowed(row: rows.Event, event: core.Event, items: list[dict[str, Any]]) -> _Verdict:
    """Which of the dumped bookings ``items`` (each at a slot of the file's brokerage) the
    file's ``event`` allows, judged as :func:`liqa.web.agendas.bookings.book` judges a
    booking: ``check.broken`` over the file's brokerage problem, against the meetings the
    file fixes in time, the meetings of the published version of ``row`` (carried over)
    that hold their slots on the booking board (``published_holding``), and the other
    bookings kept.

    A booking whose slot has started stands (:func:`_started`): it is kept as it was and
    holds its slot, as a meeting under way or over is never booked again. Every other
    booking is judged against all the others first; those breaking a rule are judged again
    one by one, in the order they were made, against the ones kept (of bookings breaking a
    rule together, the earlier one stands, as the first booking made holds its slot on the
    web). One dropped that the rules would allow without the published version's meetings
    is dropped for them (:attr:`_Verdict.published`). A request that is not an accepted
    one-to-one meeting has none to book, and none is allowed when the file has no valid
    brokerage problem."""
    if not items:
        return _Verdict()
    stood = _started(items)
    try:
        problem = event_problem(event)
    except InputError:
        return _Verdict(frozenset(stood))
    assert event.brokerage is not None  # event_problem refuses an event without one
    rules = check.rules(problem)
    starts = {slot.start: slot.index for slot in event.brokerage.slots()}
    meetings = {m.id for m in problem.meetings}
    fixed = {
        m.id: Placement(m.id, m.fixed_slot, None)
        for m in problem.meetings
        if m.fixed_slot is not None
    }
    placed = {
        item["request"]: Placement(
            item["request"], starts[parse_instant(item["slot_start"])], item["table"]
        )
        for item in items
        if item["request"] in meetings
    }
    booked = {key: at for key, at in placed.items() if key not in stood}
    if not booked:
        return _Verdict(frozenset(stood))
    base = {**fixed, **{key: at for key, at in placed.items() if key in stood}}
    sides = {r.id: frozenset((r.requester, r.target)) for r in event.requests}
    holding = published_holding(published_meetings(row, sides), starts, problem, base | booked)
    context = {**base, **holding}

    def breaks(key: str, board: check.Fixed) -> bool:
        at = booked[key]
        return bool(check.broken(board, problem.meeting(key), at.slot, at.table))

    def alone(key: str, around: dict[str, Placement], kept: set[str]) -> check.Fixed:
        """The board of ``around`` with the bookings ``kept`` and ``key``'s."""
        return check.fixed(
            rules, {**around, **{k: booked[k] for k in kept}, key: booked[key]}.values()
        )

    everyone = check.fixed(rules, {**context, **booked}.values())
    allowed = {key for key in booked if not breaks(key, everyone)}
    made = {
        item["request"]: (parse_instant(item["created_at"]), item["slot_start"]) for item in items
    }
    published: set[str] = set()
    for key in sorted(booked.keys() - allowed, key=lambda k: (made[k], k)):
        if not breaks(key, alone(key, context, allowed)):
            allowed.add(key)
        elif holding and not breaks(key, alone(key, base, allowed)):
            published.add(key)
    return _Verdict(frozenset(allowed | stood), frozenset(published))


@dataclass(frozen=True)
class _Booked:
    """The dumped bookings carried over, and how many are dropped, by reason."""

    kept: list[dict[str, Any]]
    gone: int
    """Of meetings the file no longer has as they were booked (:func:`_booking_keeper`)."""
    disallowed: int
    """That the file's booking rules no longer allow (:func:`_allowed`)."""
    published: int
    """That the published version's meetings leave no room for (:func:`_allowed`)."""


def _bookings(
    row: rows.Event, stored: core.Event, event: core.Event, items: list[dict[str, Any]]
) -> _Booked:
    """The dumped bookings ``items`` of ``row`` (read as ``stored``) carried over to the
    file's ``event``, and those dropped, by reason."""
    kept, gone = _split(items, _booking_keeper(stored, event))
    verdict = _allowed(row, event, kept)
    carried = [item for item in kept if item["request"] in verdict.allowed]
    published = len(verdict.published)
    return _Booked(carried, gone, len(kept) - len(carried) - published, published)


def _confirmation_keeper(event: core.Event) -> Keeper:
    """Whether a dumped host's confirmation still applies to the file's ``event``, with the
    attendees it still has (:func:`plan`)."""
    known = meetings(event)
    hosts = {o.id for o in event.organizations}
    people = {p.id for p in event.people}

    def keep(item: dict[str, Any]) -> dict[str, Any] | None:
        attendees = [person for person in item["attendees"] if person in people]
        if item["assignment"] not in known or item["organization"] not in hosts:
            return None
        return {**item, "attendees": attendees} if attendees else None

    return keep


def _confirmations(
    event: core.Event, items: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], int, int]:
    """The dumped hosts' confirmations ``items`` carried over to the file's ``event``; how
    many are dropped as the file no longer has their meeting, host or attendees
    (:func:`_confirmation_keeper`), and how many as the file puts their organization on
    the delegation's side (no longer a host: ``events.previews.HOST_SIDES``)."""
    delegation = {o.id for o in event.organizations if o.side.value not in HOST_SIDES}
    hosting = [item for item in items if item["organization"] not in delegation]
    kept, gone = _split(hosting, _confirmation_keeper(event))
    return kept, gone, len(items) - len(hosting)


def _outdated(version: dict[str, Any], stored: core.Event, event: core.Event) -> bool:
    """Whether a dumped version names a meeting (request, visit, programme item) of the
    ``stored`` event, or a person or organization, that the file's ``event`` no longer has
    (a lunch, say, is no record of either)."""
    gone = meetings(stored) - meetings(event)
    parties = {p.id for p in event.people} | {o.id for o in event.organizations}
    return any(
        a["key"] in gone or not {*a["attendees"], *a["parties"]} <= parties
        for a in version["assignments"]
    )


def plan(row: rows.Event, event: core.Event) -> Carry:
    """What replacing the stored event ``row`` by the mission file's ``event`` carries over
    and drops (reading the database only)."""
    stored = stored_event(row)
    users = Users()
    dumped = {section.member: section.dump(row, users) for section in SECTIONS}
    people = {p.id for p in event.people}
    keepers: dict[str, Keeper] = {
        VERSIONS.member: lambda item: item,
        RUNS.member: lambda item: item,
        REMINDERS.member: lambda item: item if item["person"] in people else None,
    }
    data, dropped = {}, {}
    for member, keep in keepers.items():
        data[member], dropped[member] = _split(dumped[member], keep)
    booked = _bookings(row, stored, event, dumped[BOOKINGS.member])
    data[BOOKINGS.member], dropped[BOOKINGS.member] = booked.kept, booked.gone
    data[CONFIRMATIONS.member], dropped[CONFIRMATIONS.member], not_host = _confirmations(
        event, dumped[CONFIRMATIONS.member]
    )
    versions = data[VERSIONS.member]
    return Carry(
        data=data,
        users=users.found(),
        kept=Work(
            versions=len(versions),
            published=sum(1 for v in versions if v["published_at"] is not None),
            runs=len(data[RUNS.member]),
            bookings=len(data[BOOKINGS.member]),
            confirmations=len(data[CONFIRMATIONS.member]),
            reminders=len(data[REMINDERS.member]),
            outdated=sum(1 for version in versions if _outdated(version, stored, event)),
        ),
        dropped=Work(
            runs=Run.objects.filter(event=row).exclude(state__in=FINAL).count(),
            bookings=dropped[BOOKINGS.member],
            bookings_disallowed=booked.disallowed,
            bookings_published=booked.published,
            confirmations=dropped[CONFIRMATIONS.member],
            confirmations_not_host=not_host,
            reminders=dropped[REMINDERS.member],
        ),
    )


def carried_work(sender: object, row: rows.Event, event: core.Event, **kwargs: object) -> Carry:
    """Receiver of :data:`liqa.web.events.signals.replacing`: :func:`plan`."""
    return plan(row, event)
