"""Meeting requests seen and answered by participants, through the core's workflow."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from liqa.core import model as core
from liqa.core.matching import workflow
from liqa.core.problems import Message
from liqa.web.events.locking import lock_event
from liqa.web.events.models import Event, MeetingRequest, Organization, Person
from liqa.web.events.records import request_fields, request_record


@dataclass(frozen=True)
class Mine:
    """A participant's requests: received (to them or their organization) and sent."""

    received: list[core.MeetingRequest]
    sent: list[core.MeetingRequest]


def _parties(event: Event, person: str) -> set[str]:
    organization = Person.objects.get(event=event, key=person).organization
    return {person, organization}


def requests_of(event: Event, person: str) -> Mine:
    """Requests that involve ``person`` directly or through their organization."""
    parties = _parties(event, person)
    records = [request_record(r) for r in MeetingRequest.objects.filter(event=event)]
    return Mine(
        received=[r for r in records if r.target in parties],
        sent=[r for r in records if r.requester in parties],
    )


class NotYours(Exception):
    """The participant is not the target of this request."""


def answer(event: Event, person: str, key: str, *, accept: bool) -> core.MeetingRequest:
    """Accept or decline a request addressed to ``person`` (or their organization).

    Raises :class:`NotYours`, or the core's ``TransitionError`` for an illegal move.
    """
    with transaction.atomic():
        lock_event(event)
        row = MeetingRequest.objects.select_for_update().get(event=event, key=key)
        record = request_record(row)
        if record.target not in _parties(event, person):
            raise NotYours(key)
        updated = workflow.accept(record) if accept else workflow.decline(record)
        row.status = updated.status.value
        row.save(update_fields=["status"])
        return updated


class UnknownTarget(workflow.RequestError):
    """The target is not an organization of the event (nor a person in one)."""


def organization_of(event: Event) -> dict[str, str]:
    """Each person's organization, by person key: a person and it are one side of a meeting."""
    return dict(Person.objects.filter(event=event).values_list("key", "organization"))


def propose(event: Event, person: str, target: str, message: str) -> workflow.Proposal:
    """Send a new request from ``person`` to ``target`` (the core checks limits, mutuality).

    A second request between the person's organization and the target's (either way, by
    a person or the organization itself) is refused: :class:`workflow.DuplicateRequest`.
    """
    with transaction.atomic():
        lock_event(event)
        members = organization_of(event)
        known = set(members) | set(
            Organization.objects.filter(event=event).values_list("key", flat=True)
        )
        if target not in known:
            raise UnknownTarget(Message("{target} is not in this event", target=target))
        rows = list(MeetingRequest.objects.select_for_update().filter(event=event))
        current = [request_record(r) for r in rows]
        taken = {r.id for r in current}
        number = len(current) + 1
        while f"r-web-{number}" in taken:
            number += 1
        new = core.MeetingRequest(f"r-web-{number}", person, target, message=message)
        proposal = workflow.propose(current, new, timezone.now(), organization_of=members)
        by_key = {r.key: r for r in rows}
        for record in proposal.requests:
            row = by_key.get(record.id)
            if row is None:
                MeetingRequest.objects.create(
                    event=event, position=len(by_key), **request_fields(record)
                )
            elif row.status != record.status.value:
                row.status = record.status.value
                row.save(update_fields=["status"])
        return proposal


def party_names(event: Event) -> dict[str, str]:
    """Display names of every person and organization, by key."""

    names = {o.key: o.name for o in Organization.objects.filter(event=event)}
    names.update({p.key: p.name for p in Person.objects.filter(event=event)})
    return names


def possible_targets(event: Event, person: str) -> list[tuple[str, str]]:
    """Organizations a participant may ask to meet (not their own), as (key, name)."""

    own = Person.objects.get(event=event, key=person).organization
    return [(o.key, o.name) for o in Organization.objects.filter(event=event).exclude(key=own)]
