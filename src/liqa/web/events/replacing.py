"""Replacing a stored event by its mission file: what carries over to the row stored again.

A replacement deletes the event row (and with it every row under it) and stores the file's
event again. ``events`` carries its own records over (the outcomes recorded on the web:
:func:`outcomes`); the apps above it carry theirs, answering
:data:`~liqa.web.events.signals.replacing` with a :class:`Carried` (``accounts``: roles and
calendar feeds; ``backup``: schedule versions, runs, bookings, hosts' confirmations and
reminders, :mod:`liqa.web.backup.carry_over`). Whatever is left out is counted by
:class:`Work` with the reason, for the preview.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol, cast

from liqa.core import model as core
from liqa.core.problems import Name
from liqa.web.events import models as rows
from liqa.web.events.previews import AccountChanges, HostWithdrawn
from liqa.web.events.signals import replacing


@dataclass(frozen=True)
class Work:
    """Counts of the work done on the web, by kind (what a replacement keeps, or drops)."""

    versions: int = 0
    """Schedule versions, drafts and published (with their pins and notifications)."""
    published: int = 0
    """Of :attr:`versions`, the published ones."""
    runs: int = 0
    """Scheduler runs."""
    bookings: int = 0
    """Meetings booked (with their seats); dropped: of meetings the file no longer has as
    they were booked."""
    bookings_disallowed: int = 0
    """Bookings the file's booking rules no longer allow (dropped only: judged as a booking
    is, :mod:`liqa.web.backup.carry_over`)."""
    bookings_published: int = 0
    """Bookings the meetings of the published version carried over leave no room for (a
    party busy then, the table taken; dropped only)."""
    confirmations: int = 0
    """Hosts' confirmations of who attends (``agendas.HostConfirmation``)."""
    confirmations_not_host: int = 0
    """Hosts' confirmations of an organization the file puts on the delegation's side: no
    longer a host (dropped only)."""
    reminders: int = 0
    """Follow-up reminders recorded as sent."""
    outcomes: int = 0
    """Outcomes recorded (dropped: of meetings the file no longer has)."""
    outcomes_changed: int = 0
    """Outcomes the file records otherwise (the file's are stored; dropped only)."""
    outdated: int = 0
    """Of the versions kept, those naming people, organizations or meetings the file no
    longer has (kept as they were; kept only)."""

    def __add__(self, other: Work) -> Work:
        """The counts of both, kind by kind."""
        pairs = zip(dataclasses.astuple(self), dataclasses.astuple(other), strict=True)
        return Work(*(a + b for a, b in pairs))

    def __bool__(self) -> bool:
        return any(dataclasses.astuple(self))

    def expected(self) -> dict[str, int]:
        """The counts as a JSON value (staged with the file), to compare with later ones."""
        return dataclasses.asdict(self)


class Carried(Protocol):
    """A receiver's answer to :data:`~liqa.web.events.signals.replacing`."""

    @property
    def kept(self) -> Work:
        """The work it carries over to the event stored again."""
        ...

    @property
    def dropped(self) -> Work:
        """The work it drops (what refers to records the file no longer has)."""
        ...

    @property
    def accounts(self) -> tuple[AccountChanges, tuple[HostWithdrawn, ...]] | None:
        """For the preview, what it does to the accounts with access (``None``: nothing)."""
        ...

    def restore(self, row: rows.Event) -> None:
        """Write what it keeps under ``row``, the event stored again."""
        ...


def carried(
    row: rows.Event, event: core.Event, importer: int | None, names: dict[str, Name]
) -> list[Carried]:
    """The answers to :data:`~liqa.web.events.signals.replacing` (the receivers' order):
    what replacing ``row`` by the mission file's ``event`` carries over (reading only)."""
    answers = replacing.send(
        sender=rows.Event, row=row, event=event, importer=importer, names=names
    )
    return [cast(Carried, answer) for _receiver, answer in answers]


def meetings(event: core.Event) -> set[str]:
    """The keys an outcome or a host's confirmation may be about: the file's requests,
    visits and programme items."""
    found = {r.id for r in event.requests} | {v.id for v in event.visits}
    return found | {item.id for item in event.programme}


def _outcomes(
    held: tuple[core.Outcome, ...], event: core.Event
) -> tuple[tuple[core.Outcome, ...], int, int]:
    """The stored outcomes to add to the file's; how many are dropped with their meeting,
    and how many the file records otherwise."""
    recorded = {outcome.assignment: outcome for outcome in event.outcomes}
    known, people = meetings(event), {p.id for p in event.people}
    kept, gone, changed = [], 0, 0
    for outcome in held:
        if outcome.assignment in recorded:
            changed += recorded[outcome.assignment] != outcome
        elif outcome.assignment not in known:
            gone += 1
        else:
            owner = outcome.owner if outcome.owner in people else None
            kept.append(dataclasses.replace(outcome, owner=owner))
    return tuple(kept), gone, changed


@dataclass(frozen=True)
class Outcomes:
    """The outcomes recorded on the web that a replacement carries over, stored with the
    file's own (:func:`with_outcomes`), and the counts for the preview."""

    carried: tuple[core.Outcome, ...] = ()
    kept: Work = Work()
    dropped: Work = Work()


def outcomes(stored: core.Event, event: core.Event) -> Outcomes:
    """What replacing the ``stored`` event by the file's ``event`` does to the outcomes
    recorded: one is kept while the file has its meeting and records none for it (its
    follow-up person cleared when the file no longer has them); one the file records
    otherwise is the file's (the history says what it was)."""
    kept, gone, changed = _outcomes(stored.outcomes, event)
    return Outcomes(kept, Work(outcomes=len(kept)), Work(outcomes=gone, outcomes_changed=changed))


def with_outcomes(event: core.Event, carried: Outcomes) -> core.Event:
    """The file's event with the outcomes carried over after its own."""
    if not carried.carried:
        return event
    return dataclasses.replace(event, outcomes=(*event.outcomes, *carried.carried))
