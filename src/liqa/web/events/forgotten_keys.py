"""What must not keep the key of a person or organization removed from an event.

Some records name people and organizations by key rather than by a foreign key, so the
database deletes nothing with them. When a record is removed (by an upload or on the
editing pages), each of these forgets it as its users expect:

* a booking stays (the meeting still happens), but no longer says which removed person
  booked it (``Booking.booked_as`` is cleared; who signed in to book, ``booked_by``, stays);
* a host's confirmation of attendance no longer lists a removed person; one listing nobody
  any more is deleted, so the host is asked again who attends; one by a removed host
  organization is deleted;
* a removed person's sent follow-up reminders are forgotten (a new person given that key
  later gets their own).

A backup refuses to restore any of these keys naming nobody, so none is left behind.
Memberships and calendar feeds are withdrawn by ``accounts.services``.
"""

from __future__ import annotations

from collections.abc import Collection

from liqa.web.agendas.models import HostConfirmation, ReminderSent
from liqa.web.events.models import Booking, Event


def forget_people(event: Event, people: Collection[str]) -> None:
    """Take the keys ``people``, removed from ``event``, out of what named them."""
    if not people:
        return
    Booking.objects.filter(event=event, booked_as__in=people).update(booked_as="")
    ReminderSent.objects.filter(event=event, person__in=people).delete()
    for confirmation in HostConfirmation.objects.filter(event=event):
        staying = [p for p in confirmation.attendees if p not in people]
        if len(staying) == len(confirmation.attendees):
            continue
        if staying:
            confirmation.attendees = staying
            confirmation.save(update_fields=["attendees"])
        else:
            confirmation.delete()


def forget_organizations(event: Event, organizations: Collection[str]) -> None:
    """Delete the attendance confirmations of host ``organizations`` removed from ``event``."""
    if organizations:
        HostConfirmation.objects.filter(event=event, organization__in=organizations).delete()


def confirmations_touched(
    event: Event, people: Collection[str], organizations: Collection[str]
) -> int:
    """How many hosts' attendance confirmations :func:`forget_people` and
    :func:`forget_organizations` would change or delete (for a preview)."""
    if not people and not organizations:
        return 0
    return sum(
        1
        for c in HostConfirmation.objects.filter(event=event)
        if c.organization in organizations or any(p in people for p in c.attendees)
    )


def forget(event: Event, table: str, keys: Collection[str]) -> None:
    """Forget ``keys`` removed from ``event``'s ``table`` (people, organizations; the
    other tables' keys are not named outside the event's records)."""
    if table == "people":
        forget_people(event, keys)
    elif table == "organizations":
        forget_organizations(event, keys)
