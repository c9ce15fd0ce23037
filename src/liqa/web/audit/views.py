"""The organizer's history page."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from liqa.core.model import pick
from liqa.core.outputs.labels import colon, comma
from liqa.web.audit import domain, wording
from liqa.web.audit.actor import ANONYMOUS, SYSTEM
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import (
    CandidateVisit,
    Event,
    MeetingRequest,
    Organization,
    Person,
    Venue,
)
from liqa.web.pages import page
from liqa.web.scheduling.views import organizer_event
from liqa.web.templating import current_language

ACTIONS = {
    "created": pgettext_lazy("audit", "created"),
    "changed": pgettext_lazy("audit", "changed"),
    "deleted": pgettext_lazy("audit", "deleted"),
    "published": pgettext_lazy("audit", "published"),
    "imported": pgettext_lazy("audit", "imported"),
    "sent": pgettext_lazy("audit", "sent"),
    "downloaded": pgettext_lazy("audit", "downloaded"),
}
MODELS = {
    "person": _("Person"),
    "organization": _("Organization"),
    "request": _("Request"),
    "booking": _("Booking"),
    "schedule": _("Schedule version"),
    "assignment": _("Assignment"),
    "outcome": _("Outcome"),
    "event": _("Event"),
    "invitations": _("Invitations"),
    "backup": _("Event backup"),
}
ACTORS = {
    SYSTEM: pgettext_lazy("audit actor", "System"),
    ANONYMOUS: pgettext_lazy("audit actor", "Anonymous"),
}
"""The names recorded when no signed-in user acted, as the reader reads them."""


@dataclass(frozen=True)
class Row:
    """One entry as the page shows it."""

    when: str
    city: str
    actor: str
    model: str
    key: str
    subject: str
    """What the key names, in words (a person's name, a request's two parties); "" when
    the page cannot tell."""
    action: str
    changes: list[tuple[str, str, str]]


def _actor(entry: AuditEntry) -> str:
    """The user's name, or "system" / "anonymous" in the reader's language."""
    if entry.user_id is None and entry.actor in ACTORS:
        return str(ACTORS[entry.actor])
    return entry.actor


def _wording(event: Event, lang: str) -> tuple[wording.Wording, dict[str, tuple[str, str]]]:
    """The event's words as read in ``lang`` (names, requests' parties, visits' hosts,
    brokerage sessions), and each request's two parties."""
    arabic = lang == "ar"
    names: dict[str, str] = {}
    for model in (Organization, Person):
        for key, name, name_ar in model.objects.filter(event=event).values_list(
            "key", "name", "name_ar"
        ):
            names[key] = name_ar if arabic and name_ar else name
    if lang == "fr":  # organizations' French names, where given
        names |= dict(
            Organization.objects.filter(event=event)
            .exclude(name_fr="")
            .values_list("key", "name_fr")
        )
    venues = {
        key: name_ar if arabic and name_ar else name_fr if lang == "fr" and name_fr else name
        for key, name, name_ar, name_fr in Venue.objects.filter(event=event).values_list(
            "key", "name", "name_ar", "name_fr"
        )
    }
    places = [
        wording.Place(leg.start, leg.end, leg.city, ZoneInfo(leg.timezone))
        for leg in event.legs.all()
    ]
    requests = {
        key: (requester, target)
        for key, requester, target in MeetingRequest.objects.filter(event=event).values_list(
            "key", "requester", "target"
        )
    }
    visits = dict(CandidateVisit.objects.filter(event=event).values_list("key", "host"))
    sessions = {
        str(s.get("id")): (str(s.get("start")), str(s.get("end")))
        for s in (event.brokerage or {}).get("sessions", [])
        if isinstance(s, dict)
    }
    clock = wording.Clock(places, lang)
    words = wording.Wording(lang, clock, names, venues, requests, visits, sessions)
    return words, requests


def _subject(
    entry: AuditEntry, words: wording.Wording, requests: dict[str, tuple[str, str]], title: str
) -> str:
    """The entry's record by the names people know."""
    held = entry.changes.get("name")
    if entry.model in ("person", "organization"):
        if entry.key in words.names:
            return words.names[entry.key]
        return str(held[0] or held[1]) if isinstance(held, list) and len(held) == 2 else ""
    key = entry.key.partition("/")[2] if entry.model == "assignment" else entry.key
    if entry.model in ("request", "booking", "assignment", "outcome") and key in requests:
        return " – ".join(words.party(k) for k in requests[key])
    if entry.model in ("assignment", "outcome") and key in words.visits:  # a visit: its host
        return words.party(words.visits[key])
    if entry.model == "event":
        return title
    return ""


def _row(
    entry: AuditEntry, words: wording.Wording, requests: dict[str, tuple[str, str]], title: str
) -> Row:
    when, city = words.clock.text(entry.at, "long", zone=True)
    return Row(
        when=when,
        city=city,
        actor=_actor(entry),
        model=str(MODELS.get(entry.model, entry.model)),
        key=entry.key,
        subject=_subject(entry, words, requests, title),
        action=str(ACTIONS.get(entry.action, entry.action)),
        changes=words.changes(entry.model, entry.changes),
    )


def history(request: HttpRequest, slug: str) -> HttpResponse:
    """Every recorded change of the event, newest first, filtered by person on demand."""
    event = organizer_event(request, slug)
    found = domain.history(
        event, person=request.GET.get("person", ""), page=_int(request.GET.get("page", "1"))
    )
    lang = current_language()
    words, requests = _wording(event, lang)
    title = pick(event.title or {}, lang) or event.slug
    rows = [_row(e, words, requests, title) for e in found.entries]
    return page(
        request,
        "audit/history.html",
        {
            "event": event,
            "history": found,
            "rows": rows,
            "people": [  # as read in the page's language (Arabic names in Arabic)
                (key, name_ar if lang == "ar" and name_ar else name)
                for key, name, name_ar in event.people.values_list("key", "name", "name_ar")
            ],
            "places": comma(lang).join(f"{city} ({zone})" for city, zone in words.clock.note()),
            "colon": colon(lang),
            "several": len(words.clock.used) > 1,
        },
    )


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 1
