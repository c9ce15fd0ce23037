"""What the agendas name by key forgets a person or organization removed from an event.

Receivers of :data:`~liqa.web.events.signals.keys_removed` and ``keys_touched``
(connected in :class:`~liqa.web.agendas.apps.AgendasConfig`), moved up from
``events.forgotten_keys``, which sends them:

* a host's confirmation of attendance no longer lists a removed person; one listing nobody
  any more is deleted, so the host is asked again who attends; one by a removed host
  organization is deleted;
* a removed person's sent follow-up reminders are forgotten (a new person given that key
  later gets their own).
"""

from __future__ import annotations

from collections.abc import Collection

from liqa.web.agendas.models import HostConfirmation, ReminderSent
from liqa.web.events.models import Event


def forget_people(event: Event, people: Collection[str]) -> None:
    """Take the keys ``people``, removed from ``event``, out of the reminders sent and the
    hosts' confirmations."""
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
    HostConfirmation.objects.filter(event=event, organization__in=organizations).delete()


def keys_removed(
    sender: object, event: Event, table: str, keys: Collection[str], **kwargs: object
) -> None:
    """Receiver of ``keys_removed``: forget the ``keys`` removed from ``table``."""
    if not keys:
        return
    if table == "people":
        forget_people(event, keys)
    elif table == "organizations":
        forget_organizations(event, keys)


def keys_touched(
    sender: object,
    event: Event,
    people: Collection[str],
    organizations: Collection[str],
    **kwargs: object,
) -> int:
    """Receiver of ``keys_touched``: how many hosts' attendance confirmations forgetting
    ``people`` and ``organizations`` would change or delete."""
    return sum(
        1
        for c in HostConfirmation.objects.filter(event=event)
        if c.organization in organizations or any(p in people for p in c.attendees)
    )
