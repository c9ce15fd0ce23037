"""What must not keep the key of a person or organization removed from an event.

Some records name people and organizations by key rather than by a foreign key, so the
database deletes nothing with them. When a record is removed (by an upload or on the
editing pages), each of these forgets it as its users expect:

* a booking stays (the meeting still happens), but no longer says which removed person
  booked it (``Booking.booked_as`` is cleared; who signed in to book, ``booked_by``, stays);
* what the apps above ``events`` name by key is forgotten by their receivers of
  :data:`~liqa.web.events.signals.keys_removed` (``agendas.forgotten_keys``: a host's
  confirmation of attendance no longer lists a removed person, one listing nobody any more
  or by a removed host organization is deleted; a removed person's sent follow-up
  reminders are forgotten).

A backup refuses to restore any of these keys naming nobody, so none is left behind.
Memberships and calendar feeds are withdrawn by ``accounts.services``.
"""

from __future__ import annotations

from collections.abc import Collection

from liqa.web.events.models import Booking, Event
from liqa.web.events.signals import keys_removed, keys_touched


def forget_people(event: Event, people: Collection[str]) -> None:
    """Take the keys ``people``, removed from ``event``, out of what named them."""
    if not people:
        return
    Booking.objects.filter(event=event, booked_as__in=people).update(booked_as="")
    keys_removed.send(sender=Event, event=event, table="people", keys=people)


def forget_organizations(event: Event, organizations: Collection[str]) -> None:
    """Take the keys ``organizations``, removed from ``event``, out of what named them."""
    if organizations:
        keys_removed.send(sender=Event, event=event, table="organizations", keys=organizations)


def confirmations_touched(
    event: Event, people: Collection[str], organizations: Collection[str]
) -> int:
    """How many hosts' attendance confirmations :func:`forget_people` and
    :func:`forget_organizations` would change or delete (for a preview)."""
    if not people and not organizations:
        return 0
    answers = keys_touched.send(
        sender=Event, event=event, people=people, organizations=organizations
    )
    return sum(int(count or 0) for _receiver, count in answers)


def forget(event: Event, table: str, keys: Collection[str]) -> None:
    """Forget ``keys`` removed from ``event``'s ``table`` (people, organizations; the
    other tables' keys are not named outside the event's records)."""
    if table == "people":
        forget_people(event, keys)
    elif table == "organizations":
        forget_organizations(event, keys)
