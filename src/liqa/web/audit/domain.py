"""The read side of the audit trail: an event's history, newest first, page by page."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator

from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event, Person

PER_PAGE = 50


@dataclass(frozen=True)
class History:
    """One page of an event's history."""

    entries: list[AuditEntry]
    number: int
    pages: int
    total: int
    person: str
    """The person filtered on ("" for everyone)."""


def history(event: Event, *, person: str = "", page: int = 1, per_page: int = PER_PAGE) -> History:
    """The event's entries newest first; with ``person``, only those that concern them or
    their organization. A page number out of range gives the nearest page."""
    entries = AuditEntry.objects.filter(event=event.slug).select_related("user")
    if person:
        organization = (
            Person.objects.filter(event=event, key=person)
            .values_list("organization", flat=True)
            .first()
        )
        keys = [k for k in (person, organization) if k]
        entries = entries.filter(subjects__key__in=keys).distinct()
    paginator = Paginator(entries.prefetch_related("subjects"), per_page)
    found = paginator.get_page(page)
    return History(list(found), found.number, paginator.num_pages, paginator.count, person)
