"""Participant and host pages: next meeting first, agenda by day, calendar downloads."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from liqa.web.accounts import permissions
from liqa.web.agendas import domain
from liqa.web.events.models import Event
from liqa.web.pages import page
from liqa.web.templating import current_language


def me(request: HttpRequest, slug: str) -> HttpResponse:
    """The participant's own page: next meeting on top, then the agenda by day."""
    event = get_object_or_404(Event, slug=slug)
    person = permissions.participant_key(request.user, event)
    if person is None:
        raise PermissionDenied
    agenda = domain.agenda_of(event, person, current_language())
    upcoming = domain.next_entry(agenda, timezone.now()) if agenda is not None else None
    return page(
        request,
        "agendas/me.html",
        {"event": event, "person": person, "agenda": agenda, "next": upcoming},
    )


def host(request: HttpRequest, slug: str) -> HttpResponse:
    """The host administrator's page: venue, staff, and who is coming."""
    event = get_object_or_404(Event, slug=slug)
    organization = permissions.host_key(request.user, event)
    if organization is None:
        raise PermissionDenied
    return page(
        request,
        "agendas/host.html",
        {"event": event, **domain.host_view(event, organization, current_language())},
    )
