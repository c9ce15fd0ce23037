"""Participant and host write operations: private calendar feeds, host confirmations."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from liqa.core import model as core
from liqa.web.accounts.models import CalendarFeed
from liqa.web.accounts.services import digest
from liqa.web.agendas import domain
from liqa.web.agendas.models import HostConfirmation
from liqa.web.events.locking import lock_event
from liqa.web.events.models import Event, Outcome, Person


def create_feed(event: Event, person: str) -> str:
    """A new feed secret for ``person`` (any previous feed of theirs is revoked)."""
    revoke_feeds(event, person)
    secret = secrets.token_urlsafe(24)
    CalendarFeed.objects.create(
        event=event, person=person, digest=digest(secret), created_at=timezone.now()
    )
    return secret


def revoke_feeds(event: Event, person: str) -> int:
    """Revoke every live feed of ``person``; returns how many were live."""
    return CalendarFeed.objects.filter(event=event, person=person, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def has_feed(event: Event, person: str) -> bool:
    """True when ``person`` has a live feed (asked on every agenda page: plain SQL, as the
    ORM's query building cost several times the query's own CPU)."""
    with connection.cursor() as cursor:
        cursor.execute(_HAS_FEED, [event.pk, person])
        found = cursor.fetchone()
    return bool(found and found[0])


_HAS_FEED = (
    f"SELECT EXISTS(SELECT 1 FROM {CalendarFeed._meta.db_table}"
    f" WHERE event_id = %s AND person = %s AND revoked_at IS NULL)"
)


def feed_owner(secret: str) -> CalendarFeed | None:
    """The live feed with this secret, or ``None``."""
    return (
        CalendarFeed.objects.select_related("event")
        .filter(digest=digest(secret), revoked_at__isnull=True)
        .first()
    )


class NotHostsMeeting(Exception):
    """The assignment is not one of this host's published meetings or visits."""


def confirm_attendees(
    event: Event, organization: str, assignment: str, people: list[str], user: User
) -> HostConfirmation:
    """Record which of the host's staff attend one of the host's published meetings."""
    agenda = domain.agenda_of(event, organization, "en")
    entries = {e.id for day in agenda.days for e in day.entries} if agenda else set()
    if assignment not in entries:
        raise NotHostsMeeting(assignment)
    staff = set(
        Person.objects.filter(event=event, organization=organization).values_list("key", flat=True)
    )
    unknown = sorted(set(people) - staff)
    if unknown:
        raise NotHostsMeeting(f"not staff of {organization}: {', '.join(unknown)}")
    confirmation, _created = HostConfirmation.objects.update_or_create(
        event=event,
        assignment=assignment,
        organization=organization,
        defaults={
            "attendees": sorted(people),
            "confirmed_by": user,
            "confirmed_at": timezone.now(),
        },
    )
    return confirmation


def confirmations_of(event: Event, organization: str) -> dict[str, list[str]]:
    """Confirmed staff by assignment key for one host."""
    return {
        c.assignment: list(c.attendees)
        for c in HostConfirmation.objects.filter(event=event, organization=organization)
    }


class NotYourMeeting(Exception):
    """The person does not attend this published meeting."""


class NotAnAttendee(ValueError):
    """The owner named for a meeting's follow-up does not attend that meeting."""


class NotYetHeld(Exception):
    """A meeting that has not started yet cannot be recorded as held or as a no-show."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start.isoformat())
        self.start = start


NOT_YET_HELD = gettext_lazy(
    "This meeting has not started yet: record it as held or as a no-show once it has; "
    "nothing was saved."
)
"""Why :class:`NotYetHeld` was refused, in the reader's language (pages say it)."""

WHEN_HELD = frozenset({core.OutcomeKind.HELD, core.OutcomeKind.NO_SHOW})
"""Outcomes that say what happened at the meeting: recorded once it has started (a
cancellation may be recorded before)."""


def record_outcome(
    event: Event,
    person: str | None,
    assignment: str,
    kind: str,
    follow_up: str = "none",
    notes: str = "",
    owner: str | None = None,
) -> core.Outcome:
    """Record what came of a published meeting; ``person=None`` is an organizer.

    A participant may only record outcomes of meetings they attend; they become the
    follow-up's owner. An organizer's correction keeps the owner already recorded, unless
    ``owner`` names another: one of the meeting's attendees (either side), or ``""`` for
    none (:class:`NotAnAttendee` for anyone else). Invalid kinds raise ``ValueError`` from
    the core's enums; "held" or "no-show" before the meeting's start, :class:`NotYetHeld`.
    """
    found = domain.published(event)
    attended = {a.id: a for a in (found.schedule.assignments if found is not None else ())}
    if assignment not in attended:
        raise NotYourMeeting(assignment)
    if person is not None and person not in attended[assignment].attendees:
        raise NotYourMeeting(assignment)
    if person is None and owner and owner not in attended[assignment].attendees:
        raise NotAnAttendee(owner)
    kind_of = core.OutcomeKind(kind)
    starts = attended[assignment].start
    if kind_of in WHEN_HELD and starts > timezone.now():
        raise NotYetHeld(starts)
    record = core.Outcome(
        assignment=assignment,
        kind=kind_of,
        follow_up=core.FollowUp(follow_up),
        owner=person,
        notes=notes,
        recorded_at=timezone.now(),
    )
    with transaction.atomic():
        lock_event(event)  # the event row first, as every writer of the event's rows
        if person is None and owner is not None:  # the organizer named the owner
            record = replace(record, owner=owner or None)
        elif person is None:  # an organizer records it for the participants: owner kept
            kept = Outcome.objects.filter(event=event, assignment=assignment)
            record = replace(record, owner=kept.values_list("owner", flat=True).first() or None)
        Outcome.objects.update_or_create(
            event=event,
            assignment=assignment,
            defaults={
                "kind": record.kind.value,
                "follow_up": record.follow_up.value,
                "owner": record.owner or "",
                "notes": record.notes,
                "recorded_at": record.recorded_at,
            },
        )
    return record
