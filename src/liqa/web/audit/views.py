"""The organizer's history page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from liqa.core.i18n import translator
from liqa.web.audit import domain
from liqa.web.audit.actor import ANONYMOUS, SYSTEM
from liqa.web.audit.models import AuditEntry
from liqa.web.pages import page
from liqa.web.scheduling.views import organizer_event
from liqa.web.templating import current_language

ACTIONS = {
    "created": pgettext_lazy("audit", "created"),
    "changed": pgettext_lazy("audit", "changed"),
    "deleted": pgettext_lazy("audit", "deleted"),
    "published": pgettext_lazy("audit", "published"),
    "imported": pgettext_lazy("audit", "imported"),
}
MODELS = {
    "person": _("Person"),
    "organization": _("Organization"),
    "request": _("Request"),
    "booking": _("Booking"),
    "schedule": _("Schedule version"),
    "assignment": _("Assignment"),
    "event": _("Event"),
}
ACTORS = {
    SYSTEM: pgettext_lazy("audit actor", "System"),
    ANONYMOUS: pgettext_lazy("audit actor", "Anonymous"),
}
"""The names recorded when no signed-in user acted, as the reader reads them."""
SHORT = 120
"""Longer values are cut in the page (the admin shows them whole)."""


@dataclass(frozen=True)
class Row:
    """One entry as the page shows it."""

    when: str
    actor: str
    model: str
    key: str
    action: str
    changes: list[tuple[str, str, str]]


def _text(value: object) -> str:
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _actor(entry: AuditEntry) -> str:
    """The user's name, or "system" / "anonymous" in the reader's language."""
    if entry.user_id is None and entry.actor in ACTORS:
        return str(ACTORS[entry.actor])
    return entry.actor


def _row(entry: AuditEntry, zone: ZoneInfo) -> Row:
    when = translator(current_language()).format_datetime(entry.at.astimezone(zone), "short")
    return Row(
        when=when,
        actor=_actor(entry),
        model=str(MODELS.get(entry.model, entry.model)),
        key=entry.key,
        action=str(ACTIONS.get(entry.action, entry.action)),
        changes=[(field, _text(old), _text(new)) for field, (old, new) in entry.changes.items()],
    )


def history(request: HttpRequest, slug: str) -> HttpResponse:
    """Every recorded change of the event, newest first, filtered by person on demand."""
    event = organizer_event(request, slug)
    found = domain.history(
        event, person=request.GET.get("person", ""), page=_int(request.GET.get("page", "1"))
    )
    leg = event.legs.first()
    zone = ZoneInfo(leg.timezone if leg is not None else "UTC")
    return page(
        request,
        "audit/history.html",
        {
            "event": event,
            "history": found,
            "rows": [_row(e, zone) for e in found.entries],
            "people": [  # as read in the page's language (Arabic names in Arabic)
                (key, name_ar if current_language() == "ar" and name_ar else name)
                for key, name, name_ar in event.people.values_list("key", "name", "name_ar")
            ],
            "zone": zone.key,
        },
    )


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 1
