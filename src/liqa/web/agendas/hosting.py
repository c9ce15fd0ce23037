"""A host administrator's settings (venue address, visit capacity and receiving days),
the page that tells a signed-in visitor without the role whom to ask, and the organizers'
page that names each host organization's administrators."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from liqa.core import model as core
from liqa.core.outputs.labels import city_label, display_names, zone_short
from liqa.core.outputs.timeline import subject, timeline
from liqa.web.accounts import permissions
from liqa.web.accounts import services as accounts
from liqa.web.accounts.access import Access
from liqa.web.agendas import domain
from liqa.web.agendas.profile import ProfileError, day_window, days_clock, on_legs_clock
from liqa.web.events.editing import kinds
from liqa.web.events.models import CandidateVisit, Event, Person, Venue
from liqa.web.events.records import event_record, windows_to_json
from liqa.web.pages import page
from liqa.web.templating import current_language


@dataclass(frozen=True)
class HostSettings:
    """What the host form shows."""

    address: str
    capacity: int | str | None
    """The capacity stored, or as typed in a refused form."""
    days: list[tuple[date, str]]
    receiving: set[date]
    has_visits: bool
    clock: str = ""
    """The clock the days are on, named by its city (``San Francisco time (PDT)``); ``""``
    when the event is in one zone."""


def _places(visit: core.CandidateVisit) -> dict[str, str]:
    """The fields naming the place of ``visit`` (:data:`kinds.PLACES`)."""
    return {"venue": visit.venue, "host": visit.host}


def visit_zone(event: core.Event, visit: core.CandidateVisit) -> str | None:
    """The zone the visit's windows are local time of, as the core and the organizer's
    visit form read them (:func:`kinds.time_zone`: the visit's venue, else its host's);
    ``None``: the leg's that day."""
    return kinds.time_zone(event, kinds.VISITS, "windows", _places(visit))


def _receives(visit: core.CandidateVisit, leg: core.Leg, day: date, zone: str | None) -> bool:
    """Whether ``visit`` receives on ``day``: it has no windows (every day), or one of them
    overlaps the leg's working hours that day on the clock of ``zone`` (the visit's place),
    or covers them on the leg's clock where this page wrote it so before it read the
    place's clock (:func:`on_legs_clock`: rows stored earlier read as they did)."""
    here, before = day_window(leg, day, zone), day_window(leg, day)
    return not visit.windows or any(
        w.overlaps(here) or (w.contains(before) and on_legs_clock(w, before, here))
        for w in visit.windows
    )


def _clock(event: core.Event, visits: list[core.CandidateVisit], lang: str) -> str:
    """The clocks the host's days are on (each visit's place, else the leg's that day),
    named by their cities in ``lang`` (:func:`days_clock`)."""
    places = [
        (visit_zone(event, v), kinds.place_venue(event, kinds.VISITS, "windows", _places(v)))
        for v in visits
    ]
    return days_clock(event, places, lang)


def host_legs(event: core.Event, zones: Iterable[str | None]) -> list[core.Leg]:
    """The legs whose days a host is offered: those on the clock of its visits' places (a
    San Jose host is not offered the days the delegation spends in Houston); every leg when
    a visit is on the leg's clock (``None``) or no leg is on its place's (a host far from
    every leg)."""
    places = set(zones)
    near = [leg for leg in event.legs if leg.timezone in places]
    return near if near and None not in places else list(event.legs)


def host_settings(row: Event, organization: str, lang: str = "en") -> HostSettings:
    """The host's current settings, read from the core's records (cities in ``lang``): the
    days of the legs on its clock (:func:`host_legs`), a day ticked when every visit to the
    host receives that day on the clock of its place (:func:`_receives`)."""
    event = event_record(row)
    org = event.organization(organization)
    visits = [v for v in event.visits if v.host == organization]
    zones = {v.id: visit_zone(event, v) for v in visits}
    days = [
        (day, city_label(leg.city, lang))
        for leg in host_legs(event, zones.values())
        for day in leg.days()
    ]
    receiving = {
        day
        for day, _city in days
        if (leg := event.leg_on(day)) is not None
        and all(_receives(v, leg, day, zones[v.id]) for v in visits)
    }
    return HostSettings(
        address=event.venue(org.venue).address if org.venue else "",
        capacity=visits[0].max_visitors if visits else None,
        days=days,
        receiving=receiving,
        has_visits=bool(visits),
        clock=_clock(event, visits, lang),
    )


MOST_VISITORS = 10_000
"""The most visitors a host can say it receives at once (the organizer's visit form's)."""


def update_host(
    row: Event, organization: str, *, address: str, capacity: str, days: list[str]
) -> None:
    """Save the venue address (on one line: the page's field wraps it), the visit capacity
    and the days the host receives visitors: each day the leg's working hours on the clock
    of each visit's place (:func:`visit_zone`)."""
    event = event_record(row)
    org = event.organization(organization)
    try:
        visitors = int(capacity) if capacity.strip() else None
    except ValueError as error:
        raise ProfileError(
            _("Visitors we can receive at once: a whole number, or empty for no limit.")
        ) from error
    if visitors is not None and visitors < 1:
        raise ProfileError(_("Visitors we can receive at once: at least 1, or empty for no limit."))
    if visitors is not None and visitors > MOST_VISITORS:  # the database's column has a bound
        raise ProfileError(
            _("Visitors we can receive at once: at most %(most)s, or empty for no limit.")
            % {"most": number_format(MOST_VISITORS, force_grouping=True)}
        )
    try:
        chosen = {date.fromisoformat(d) for d in days}
    except ValueError:
        chosen = {date.min}  # not a day of the form's: outside the event
    all_days = {d for leg in event.legs for d in leg.days()}
    if not chosen <= all_days:
        raise ProfileError(_("A chosen day is outside the event."))
    if not chosen and any(v.host == organization for v in event.visits):
        # no window at all would mean "we receive visitors every day"
        raise ProfileError(_("Days we receive visitors: choose at least one day."))
    with transaction.atomic():
        if org.venue:
            # one line, as the agendas print it: the page's field wraps the lines it shows
            one_line = " ".join(address.split())[:500]
            Venue.objects.filter(event=row, key=org.venue).update(address=one_line)
        for visit in event.visits:
            if visit.host != organization:
                continue
            windows: list[list[str]] = []
            if chosen != all_days:
                zone = visit_zone(event, visit)
                windows = windows_to_json(
                    day_window(leg, day, zone)
                    for day in sorted(chosen)
                    if (leg := event.leg_on(day)) is not None
                )
            CandidateVisit.objects.filter(event=row, key=visit.id).update(
                max_visitors=visitors, windows=windows
            )


def as_typed(shown: HostSettings, address: str, capacity: str, days: list[str]) -> HostSettings:
    """``shown`` with the values of a refused form, so that nothing typed or ticked is lost
    (days the form never offers are left out)."""
    offered = {day.isoformat(): day for day, _city in shown.days}
    receiving = {offered[d] for d in days if d in offered}
    return replace(shown, address=address, capacity=capacity, receiving=receiving)


def organizers_to_write(event: Event) -> list[User]:
    """The event's organizers a host can write to (those with an e-mail address)."""
    return [u for u in accounts.organizers_of(event) if u.email]


def refused(request: HttpRequest, found: Access) -> HttpResponse:
    """The host page for a signed-in user who administers no host of the event (403): in
    their language, saying whom to ask (the event's organizers, by name and address), with
    a link to their own agenda when they take part, and to the organizers' page of host
    administrators for an organizer. A participant of an organization that receives nobody
    (a delegate, who can never be named) is sent to their agenda, not told to ask."""
    event = found.event
    person = found.roles.person
    hosts = [o.key for o in accounts.host_organizations(event)]
    return page(
        request,
        "agendas/host_refused.html",
        {
            "event": event,
            "email": getattr(request.user, "email", ""),
            "organizers": organizers_to_write(event),
            "participant": person is not None,
            "organizer": found.roles.organizer,
            "delegate": person is not None
            and not Person.objects.filter(event=event, key=person, organization__in=hosts).exists(),
        },
        status=403,
    )


@dataclass(frozen=True)
class HostAdmins:
    """One host organization on the organizers' page: its administrators and the people
    (of the organization, with an e-mail address) who may be named one."""

    key: str
    name: str
    admins: list[tuple[int, str, str]]
    """Each administrator's account id, name and e-mail address."""
    candidates: list[tuple[str, str]]
    """Each person's key and name, the administrators left out."""
    visits: tuple[tuple[datetime, str], ...] | None = None
    """When the published programme visits it (start on the host's clock, zone's short
    name), in time order; ``None`` before publication."""


def visits_by_host(event: Event, lang: str) -> dict[str, tuple[tuple[datetime, str], ...]] | None:
    """The published visits and meetings of each host organization (start, zone's short
    name), by organization key; ``None`` before any publication."""
    found = domain.published(event)
    if found is None:
        return None
    items = [i for i in timeline(found.event, found.schedule) if i.is_meeting]
    shown: dict[str, tuple[tuple[datetime, str], ...]] = {}
    for org in found.event.organizations:
        if org.side is core.Side.DELEGATION:
            continue
        host = subject(found.event, org.id)
        shown[org.id] = tuple(
            (i.start, zone_short(i.start, lang)) for i in items if host.involved_in(i)
        )
    return shown


def host_admins_of(event: Event, lang: str) -> list[HostAdmins]:
    """Every host organization of the event with its administrators and candidates, names
    as read in ``lang``, and the visits the published programme makes to it."""
    names = display_names(event_record(event), lang)
    visits = visits_by_host(event, lang)
    held = accounts.host_administrators(event)
    people = Person.objects.filter(event=event).exclude(email="").order_by("position")
    shown = []
    for org in accounts.host_organizations(event):
        admins = held.get(org.key, [])
        emails = {m.user.email.strip().lower() for m in admins}
        shown.append(
            HostAdmins(
                org.key,
                names.get(org.key, org.name),
                [(m.user.pk, m.user.get_full_name(), m.user.email) for m in admins],
                [
                    (p.key, names.get(p.key, p.name))
                    for p in people
                    if p.organization == org.key and p.email.strip().lower() not in emails
                ],
                None if visits is None else visits.get(org.key, ()),
            )
        )
    return shown


MAILED = {
    "sent": gettext_lazy("A sign-in link to the host page was e-mailed to them."),
    "not_set_up": gettext_lazy(
        "The sign-in link was not delivered: e-mail is not set up on this server. Ask its"
        " administrator to set LIQA_EMAIL_BACKEND, then send the invitations again from the"
        " overview."
    ),
    "failed": gettext_lazy(
        "The sign-in link could not be sent: the mail server refused it or could not be"
        " reached. Send the invitations again from the overview later."
    ),
    "pending": gettext_lazy(
        "The sign-in link was not sent: their address was sent too many sign-in links in the"
        " last hour. Send the invitations again from the overview later."
    ),
}
"""What the page says of the e-mail to a newly named host administrator, by its outcome."""


@require_http_methods(["GET", "POST"])
def host_admins_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The organizers' page of host administrators: name a person of a host organization
    its administrator (they are e-mailed a sign-in link to the host page) or take the role
    back; each change is kept in the history. Refused, the page says why (status 400), in
    the card of the host the form was for, where the answer opens."""
    event = get_object_or_404(Event, slug=slug)
    if not permissions.is_organizer(request.user, event):
        raise PermissionDenied
    error = organization = ""
    if request.method == "POST":
        organization = request.POST.get("organization", "")
        mailed = ""
        try:
            if request.POST.get("action") == "revoke":
                user = request.POST.get("user", "")
                if not user.isdigit() or not accounts.revoke_host(event, organization, int(user)):
                    raise accounts.HostGrantRefused(_("This account is no host administrator."))
            else:
                mailed = accounts.grant_host(event, organization, request.POST.get("person", ""))[1]
        except accounts.HostGrantRefused as refusal:
            error = str(refusal)
        else:
            url = reverse("agendas:host_admins", args=[event.slug])
            query = urlencode(
                {"changed": organization, "mailed": mailed} if mailed else {"changed": organization}
            )
            return redirect(f"{url}?{query}#host-{organization}")
    hosts = host_admins_of(event, current_language())
    return page(
        request,
        "agendas/host_admins.html",
        {
            "event": event,
            "hosts": hosts,
            # "Revoke" asks first: its GET form opens this account's confirmation
            "revoking": _revoking(request, hosts),
            # a refusal answers the form sent, not the change before it (its address's query)
            "changed": "" if error else request.GET.get("changed", ""),
            "mailed": "" if error else MAILED.get(request.GET.get("mailed", ""), ""),
            "error": error,
            # said in that host's card; at the page's top for an organization it does not list
            "refused": organization if any(h.key == organization for h in hosts) else "",
        },
        status=400 if error else 200,
    )


def _revoking(request: HttpRequest, hosts: list[HostAdmins]) -> tuple[str, int] | None:
    """The (organization, account id) whose role the organizer asked to revoke (the
    "Revoke" button's ``?revoke=…&user=…``), to confirm; ``None`` when it names no
    administrator listed (a stale or hand-made address asks nothing)."""
    organization, user = request.GET.get("revoke", ""), request.GET.get("user", "")
    if request.method != "GET" or not user.isdigit():
        return None
    listed = any(h.key == organization and any(a[0] == int(user) for a in h.admins) for h in hosts)
    return (organization, int(user)) if listed else None
