"""The organizer's editing pages: list, add, change and delete an event's records.

Glue only: the organizer check, the form, :mod:`liqa.web.events.editing` (which has the
core judge every change), then the accounts that follow people and hosts.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.outputs.labels import (
    at_zone,
    city_label,
    comma,
    date_range,
    org_name,
    person_name,
    venue_name,
)
from liqa.web.accounts import permissions
from liqa.web.accounts import services as account_services
from liqa.web.accounts.models import Membership, Role
from liqa.web.events import editing, forgotten_keys
from liqa.web.events.domain import country_names
from liqa.web.events.editing.kinds import (
    AVAILABILITY,
    BROKERAGE,
    LEGS,
    ORGANIZATIONS,
    PEOPLE,
    PROFILES,
    PROGRAMME,
    SESSIONS,
    VENUES,
    VISITS,
    Kind,
    local_time,
)
from liqa.web.events.editing.profiles import found_themes
from liqa.web.events.forms import FORMS
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record
from liqa.web.pages import page
from liqa.web.templating import current_language


def _organizer_event(request: HttpRequest, slug: str) -> Event:
    event = get_object_or_404(Event, slug=slug)
    if not permissions.is_organizer(request.user, event):
        raise PermissionDenied
    return event


def _kind(name: str) -> Kind:
    kind = editing.KINDS.get(name)
    if kind is None:
        raise Http404(name)
    return kind


def _index(request: HttpRequest, event: Event, refused: list[str], status: int) -> HttpResponse:
    core_event = event_record(event)
    sections = [
        (kind, editing.kinds.records_of(core_event, kind))
        for kind in editing.KINDS.values()
        if kind is not BROKERAGE and not kind.aspect_of
    ]
    context: dict[str, Any] = {
        "event": event,
        "sections": sections,
        "brokerage": core_event.brokerage,
        "refused": refused,
        "local": lambda instant, *places: editing.kinds.local_time(core_event, instant, *places),
        "country_names": country_names(
            {o.country for o in core_event.organizations}, current_language()
        ),
    }
    return page(request, "events/edit/index.html", context, status=status)


def edit_index(request: HttpRequest, slug: str) -> HttpResponse:
    """Every record of the event by kind, with links to add, change and delete."""
    return _index(request, _organizer_event(request, slug), [], 200)


def _after_save(event: Event, kind: Kind, key: str) -> None:
    """People with an e-mail address get their participant account; an old address loses it.
    An organization no longer a host loses its host administrators."""
    if kind.name == "organizations":
        account_services.withdraw_stale_hosts(event)
    if kind.name != "people":
        return
    person = Person.objects.get(event=event, key=key)
    old = _addresses(event, key)
    account_services.withdraw_person(event, key, keep_email=person.email)
    if person.email:
        account_services.enrol_participant(event, person)
    _enrol_again(event, old - {person.email.strip().lower()})


def _addresses(event: Event, key: str) -> set[str]:
    """The addresses (lower case) of the accounts taking part as person ``key``."""
    members = Membership.objects.filter(event=event, role=Role.PARTICIPANT, person=key)
    return {email.strip().lower() for email in members.values_list("user__email", flat=True)}


def _enrol_again(event: Event, addresses: set[str]) -> None:
    """Give each account whose person left it (deleted, or given another address) the
    participant role of the event's first other person with its address, if any: one
    account takes part as one person, so the person it served last is the one it lost."""
    for address in addresses:
        people = Person.objects.filter(event=event, email__iexact=address).order_by("pk")
        other = people.first()
        if other is not None:
            account_services.enrol_participant(event, other)


@require_http_methods(["GET", "POST"])
def edit_record(request: HttpRequest, slug: str, kind: str, key: str | None = None) -> HttpResponse:
    """Add (no key) or change one record; the brokerage setup has no key (an event without
    one gets it here); an aspect of a record (availability, profile) is only changed."""
    event = _organizer_event(request, slug)
    what = _kind(kind)
    if what.aspect_of and key is None:
        raise Http404(kind)
    existing = key is not None or (what is BROKERAGE and event.brokerage is not None)
    try:
        initial = editing.initial(event, what, key) if existing else {}
    except editing.NoSuchRecord:
        raise Http404(key) from None
    form = FORMS[what.name](
        request.POST if request.method == "POST" else None,
        initial=initial,
        event=event_record(event),
        existing=existing,
        record_key=key,
    )
    general: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = editing.save(event, what, key, form.cleaned_data)
        except editing.EditRefused as refused:
            for name, messages in refused.fields.items():
                for message in messages:
                    form.add_error(name if name in form.fields else None, message)
            general = refused.general
        else:
            _after_save(event, what, saved)
            if what is PROFILES:  # the organizer sees the themes the core found
                return redirect(reverse("events:edit_record", args=[event.slug, kind, saved]))
            anchor = what.aspect_of or what.name
            return redirect(reverse("events:edit", args=[event.slug]) + f"#{anchor}")
    context = {
        "event": event,
        "kind": what,
        "key": key,
        "form": form,
        "general": general,
        "themes": _themes(event, what, key),
        "subject": _subject(event, what, key),
    }
    status = 400 if request.method == "POST" else 200
    return page(request, "events/edit/form.html", context, status=status)


def _subject(event: Event, kind: Kind, key: str | None) -> str:
    """What the page changes, by the name the reader knows it by, not by the file's key: a
    person (their details, their availability) by their name (the Arabic one on an Arabic
    page, when given), an organization (its details, its matchmaking profile) and a visit
    (by its host, as the list names it) by the organization's name in the reader's language
    or script, a venue by its name so read, a leg by its city and dates, a brokerage
    session by its day and hours on the hall's clock, a programme item by its title in the
    reader's language; ``""`` when adding a record, and on the other pages."""
    if key is None:
        return ""
    lang = current_language()
    record = event_record(event)
    if kind in (PEOPLE, AVAILABILITY):
        return person_name(record.person(key), lang)
    if kind in (ORGANIZATIONS, PROFILES):
        return org_name(record.organization(key), lang)
    if kind is VISITS:
        host = next(visit.host for visit in record.visits if visit.id == key)
        return org_name(record.organization(host), lang)
    if kind is VENUES:
        return venue_name(record.venue(key), lang)
    if kind is LEGS:
        leg = next(leg for leg in record.legs if leg.id == key)
        return city_label(leg.city, lang) + comma(lang) + date_range(leg.start, leg.end, lang)
    if kind is SESSIONS and record.brokerage is not None:
        return _session_words(record, key, lang)
    if kind is PROGRAMME:
        return core.pick(next(item.title for item in record.programme if item.id == key), lang)
    return ""


def _session_words(record: core.Event, key: str, lang: str) -> str:
    """Brokerage session ``key`` by its day and hours on the hall's clock (``December 3,
    2026, 9:00 AM–12:00 PM``), the zone after the hours when the event spans zones."""
    assert record.brokerage is not None
    session = next(s for s in record.brokerage.sessions if s.id == key)
    hall = record.brokerage.venue
    start, end = local_time(record, session.start, hall), local_time(record, session.end, hall)
    words = translator(lang)
    hours = f"{words.format_time(start)}–{words.format_time(end)}"
    if record.spans_zones:
        hours = at_zone(hours, start, lang)
    return words.format_date(start, "long") + comma(lang) + hours


def _themes(event: Event, kind: Kind, key: str | None) -> Any:
    """The themes the core finds in a stored profile (``None`` on other pages)."""
    if kind is not PROFILES or key is None:
        return None
    return found_themes(event_record(event), key, current_language())


@require_POST
def delete_record(request: HttpRequest, slug: str, kind: str, key: str) -> HttpResponse:
    """Delete one record, unless something still refers to it (then say what)."""
    event = _organizer_event(request, slug)
    what = _kind(kind)
    addresses = _addresses(event, key) if what.name == "people" else set()
    try:
        editing.delete(event, what, key)
    except editing.NoSuchRecord:
        raise Http404(key) from None
    except editing.EditRefused as refused:
        return _index(request, event, refused.general, 409)
    forgotten_keys.forget(event, what.name, [key])  # what names it by key, not foreign key
    if what.name == "people":
        account_services.withdraw_person(event, key)
        _enrol_again(event, addresses)
    elif what.name == "organizations":
        account_services.withdraw_host(event, key)
    return redirect(reverse("events:edit", args=[event.slug]) + f"#{what.name}")
