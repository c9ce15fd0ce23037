"""Participant and host pages: next meeting first, agenda by day, calendar downloads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from liqa.core.matching.workflow import DuplicateRequest, RequestError, RequestPolicy, side
from liqa.core.model import MeetingRequest as CoreRequest
from liqa.core.model import RequestStatus
from liqa.core.outputs.agenda import Agenda, Entry
from liqa.core.outputs.labels import display_names, isolate
from liqa.web.accounts import permissions
from liqa.web.accounts.access import Access, access
from liqa.web.agendas import bookings, domain, followups, fragments, hosting, profile, services
from liqa.web.events import requests as event_requests
from liqa.web.events.models import Event, MeetingRequest
from liqa.web.events.records import event_record
from liqa.web.pages import page
from liqa.web.templating import current_direction, current_language, in_language


def participant_access(request: HttpRequest, slug: str) -> tuple[Access, str]:
    """The event with the user's roles and its state (one query on PostgreSQL), and the
    person the user takes part as; 404 for no such event, 403 when not a participant."""
    found = access(request.user, slug)
    if found is None:
        raise Http404("no such event")
    if found.roles.person is None:
        raise PermissionDenied
    return found, found.roles.person


def participant(request: HttpRequest, slug: str) -> tuple[Event, str]:
    """The event and the person the user takes part as; 403 when not a participant."""
    found, person = participant_access(request, slug)
    return found.event, person


def me(request: HttpRequest, slug: str) -> HttpResponse:
    """The participant's own page: next meeting on top, then the agenda by day."""
    found, person = participant_access(request, slug)
    event = found.event
    lang = current_language()
    agenda, key = domain.kept_agenda(event, person, lang, found.state)
    now = timezone.now()
    upcoming = domain.next_entry(agenda, now) if agenda is not None else None
    # a meeting under way is "Now"; what comes after it is shown too (a delegate at lunch
    # looks for the visit after it, and where to go)
    then = None
    if agenda is not None and upcoming is not None and upcoming.start <= now:
        then = following(agenda, upcoming, now)
    days = (
        fragments.days_html(
            request,
            agenda,
            key,
            now,
            {"event": event, "lang": lang, "dir": current_direction()},
            # outcome forms are shown under meetings that ended: read outcomes only then
            lambda: {o.assignment: o for o in event.outcomes.all()},
        )
        if agenda is not None
        else ""
    )
    return page(
        request,
        "agendas/me.html",
        {
            "event": event,
            "person": person,
            "agenda": agenda,
            "days": days,
            "next": upcoming,
            "then": then,
            "now": now,
            "feed_url": request.session.pop("feed_url", ""),
            "has_feed": services.has_feed(event, person),
            # a host administrator's way back to the host page (confirm staff, set days)
            "host_page": found.roles.organization is not None,
        },
    )


def following(agenda: Agenda, current: Entry, now: datetime) -> Entry | None:
    """The first entry after ``current`` (one under way) that starts after ``now``."""
    entries = [e for day in agenda.days for e in day.entries]
    later = next((i for i, e in enumerate(entries) if e is current), len(entries)) + 1
    return next((e for e in entries[later:] if e.start > now), None)


def _ics(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ics(request: HttpRequest, slug: str) -> HttpResponse:
    """Download the participant's published agenda as an .ics file."""
    found, person = participant_access(request, slug)
    event = found.event
    data = domain.calendar_bytes(event, person, current_language(), found.state)
    if data is None:
        raise Http404("no published agenda yet")
    return _ics(data, f"{event.slug}-{person}.ics")


def pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """Download the participant's published agenda as a PDF."""
    event, person = participant(request, slug)
    data = domain.agenda_pdf(event, person, current_language())
    if data is None:
        raise Http404("no published agenda yet")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-{person}.pdf"'
    return response


def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The private calendar feed (no sign-in: the secret in the URL is the key)."""
    owner = services.feed_owner(secret)
    if owner is None:
        raise Http404("unknown or revoked feed")
    data = domain.calendar_bytes(owner.event, owner.person, request.GET.get("lang", "en"))
    if data is None:
        data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//liqa//EN\r\nEND:VCALENDAR\r\n"
    return _ics(data, f"{owner.event.slug}.ics")


@require_POST
def feed_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """Create (replacing any old one) or revoke the participant's private feed."""
    event, person = participant(request, slug)
    if request.POST.get("action") == "revoke":
        services.revoke_feeds(event, person)
    else:
        secret = services.create_feed(event, person)
        url = reverse("agendas:feed", args=[secret]) + f"?lang={current_language()}"
        request.session["feed_url"] = request.build_absolute_uri(url)
    return redirect("agendas:me", event.slug)


def _refusal(event: Event, person: str, action: str, failure: RequestError) -> str:
    """Why ``action`` (propose, accept or decline) was refused, in the reader's words, naming
    people and organizations by their names (the core's message names them by their keys,
    and requests by their ids): already asked or met, too many requests waiting, or a
    request that can no longer be accepted or declined."""
    lang = current_language()
    names = {**event_requests.party_names(event), **display_names(event_record(event), lang)}

    def name(key: str) -> str:
        return isolate(names.get(key, key), lang)  # Latin in Arabic

    if isinstance(failure, event_requests.UnknownTarget):
        return _("Choose whom to meet from the list.")
    if isinstance(failure, DuplicateRequest):
        return _duplicate(failure.existing, person, event_requests.organization_of(event), name)
    reason = {"reason": in_language(failure.naming(name))}
    if action == "accept":
        return _("This request cannot be accepted: %(reason)s") % reason
    if action != "propose":  # the page answers any other action as a decline
        return _("This request cannot be declined: %(reason)s") % reason
    sent = [r for r in event_requests.requests_of(event, person).sent if r.requester == person]
    waiting = sum(r.status.value == "proposed" for r in sent)
    limit = RequestPolicy().max_pending_per_requester
    if limit is not None and waiting >= limit:
        return ngettext(
            "You have %(num)d request waiting for an answer, the most allowed: wait for an "
            "answer before asking again.",
            "You have %(num)d requests waiting for an answer, the most allowed: wait for "
            "answers before asking again.",
            waiting,
        ) % {"num": waiting}
    return _("This request cannot be sent: %(reason)s") % reason


def _duplicate(
    existing: CoreRequest, person: str, members: dict[str, str], name: Callable[[str], str]
) -> str:
    """Why a second request between the same parties is refused (a person and their
    organization are one): ``existing`` is the request that already stands."""
    own = members.get(person, person)
    ours = side(existing.requester, members) == own
    if existing.status is RequestStatus.ACCEPTED:
        other = existing.target if ours else existing.requester
        if person in (existing.requester, existing.target):
            return _("You already have a meeting with %(name)s: see your requests.") % {
                "name": name(other)
            }
        return _(
            "Your organization already has a meeting with %(name)s (request accepted): see "
            "your requests."
        ) % {"name": name(other)}
    if not ours:
        return _("%(name)s already asked to meet you: answer their request under Received.") % {
            "name": name(existing.requester)
        }
    if existing.requester == person:
        return _("You already asked to meet %(name)s: see your sent requests.") % {
            "name": name(existing.target)
        }
    return _("Your organization already asked to meet %(name)s: see your sent requests.") % {
        "name": name(existing.target)
    }


def _booking(request: HttpRequest, event: Event, person: str, action: str) -> None:
    """Book the posted slot for the posted request, or cancel its booking."""
    key = request.POST.get("key", "")
    if action == "unbook":
        bookings.cancel(event, person, key)
        return
    try:
        start = datetime.fromisoformat(request.POST.get("slot", ""))
    except ValueError:
        raise bookings.NotBookable(_("Choose one of the free slots.")) from None
    if start.tzinfo is None:
        raise bookings.NotBookable(_("Choose one of the free slots."))
    bookings.book(event, person, key, start, request.user)


def requests_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Requests received and sent, with accept / decline, a form to send one, and bookings.

    A participant of a brokerage event books each accepted meeting into a free slot; when
    someone else was faster the page says who holds the slot (status 409).
    """
    event, person = participant(request, slug)
    error = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action in {"book", "unbook"}:
                _booking(request, event, person, action)
            elif action == "propose":
                event_requests.propose(
                    event, person, request.POST.get("target", ""), request.POST.get("message", "")
                )
            else:
                event_requests.answer(
                    event,
                    person,
                    request.POST.get("key", ""),
                    accept=request.POST.get("action") == "accept",
                )
            # said once on top: on a phone the list that changed is screens below
            messages.success(request, _done(action))
            return redirect("agendas:requests", event.slug)
        except (event_requests.NotYours, bookings.NotYourRequest, MeetingRequest.DoesNotExist):
            raise PermissionDenied from None
        except RequestError as failure:
            error, status = _refusal(event, person, action, failure), 400
        except bookings.SlotTaken as failure:
            error, status = str(failure), 409
        except bookings.NotBookable as failure:
            error, status = str(failure), 400
    mine = event_requests.requests_of(event, person)
    names = {
        **event_requests.party_names(event),
        **display_names(event_record(event), current_language()),
    }
    # a refused request keeps what was typed and chosen (the form is at the page's end)
    typed = request.POST if error and request.POST.get("action") == "propose" else {}
    return page(
        request,
        "agendas/requests.html",
        {
            "event": event,
            "person": person,
            "mine": mine,
            "names": names,
            "targets": [
                (key, names.get(key, name))
                for key, name in event_requests.possible_targets(event, person)
            ],
            "chosen": typed.get("target", ""),
            "typed": typed.get("message", ""),
            "suggestions": domain.suggestions(event, person, current_language()),
            "bookings": bookings.options(event, person),
            "notices": messages.get_messages(request),
            "error": error,
        },
        status=status,
    )


def _done(action: str) -> str:
    """What the requests page says once ``action`` succeeded."""
    done = {
        "propose": _("Request sent."),
        "accept": _("Request accepted."),
        "book": _("Slot booked."),
        "unbook": _("Booking cancelled."),
    }
    return done.get(action, _("Request declined."))


def host(request: HttpRequest, slug: str) -> HttpResponse:
    """The host administrator's page: venue, staff, who is coming; confirm who attends.

    A signed-in user who administers no host of the event is told whom to ask (403)."""
    found = access(request.user, slug)
    if found is None:
        raise Http404("no such event")
    event, organization = found.event, found.roles.organization
    if not isinstance(request.user, User):
        raise PermissionDenied  # anonymous: sent to sign in first
    if organization is None:
        return hosting.refused(request, found)
    error = ""
    settings = hosting.host_settings(event, organization, current_language())
    if request.method == "POST" and request.POST.get("action") == "settings":
        address = request.POST.get("address", "")
        capacity = request.POST.get("capacity", "")
        days = request.POST.getlist("days")
        try:
            hosting.update_host(event, organization, address=address, capacity=capacity, days=days)
            messages.success(request, _("Saved."))  # said in the settings' card, where it opens
            return redirect(reverse("agendas:host", args=[event.slug]) + "#host-settings")
        except profile.ProfileError as failure:
            error = str(failure)
            settings = hosting.as_typed(settings, address, capacity, days)  # as sent
    elif request.method == "POST":
        try:
            services.confirm_attendees(
                event,
                organization,
                request.POST.get("assignment", ""),
                request.POST.getlist("attendee"),
                request.user,
            )
        except services.NotHostsMeeting:
            raise PermissionDenied from None
        # back to the visit just confirmed, not to the top of the page (on a phone)
        assignment = request.POST.get("assignment", "")
        return redirect(reverse("agendas:host", args=[event.slug]) + f"#entry-{assignment}")
    return page(
        request,
        "agendas/host.html",
        {
            "event": event,
            "confirmed": services.confirmations_of(event, organization),
            "participant": found.roles.person is not None,  # a link to their own agenda
            "settings": settings,
            "organizers": hosting.organizers_to_write(event),  # whom the host asks
            "notices": messages.get_messages(request),
            "error": error,
            **domain.host_view(event, organization, current_language()),
        },
        status=400 if error else 200,
    )


@require_POST
def outcome(request: HttpRequest, slug: str) -> HttpResponse:
    """Record what came of one of the participant's past meetings."""
    event, person = participant(request, slug)
    try:
        services.record_outcome(
            event,
            person,
            request.POST.get("assignment", ""),
            request.POST.get("kind", ""),
            request.POST.get("follow_up", "none"),
            request.POST.get("notes", ""),
        )
    except services.NotYourMeeting:
        raise PermissionDenied from None
    except services.NotYetHeld:
        return HttpResponse(
            str(services.NOT_YET_HELD),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    except ValueError:  # not one of the form's choices (a hand-made or stale request)
        return HttpResponse(
            _("Choose what happened and the follow-up from the lists: nothing was saved."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    # back to the meeting just answered, not to the top of a long agenda (on a phone)
    assignment = request.POST.get("assignment", "")
    return redirect(reverse("agendas:me", args=[event.slug]) + f"#entry-{assignment}")


@require_http_methods(["GET", "POST"])
def follow_ups(request: HttpRequest, slug: str) -> HttpResponse:
    """The organizer's follow-up pipeline: every published meeting, its outcome and owner.

    A POST records or corrects one meeting's outcome for its participants (their form's
    fields and validation), then comes back to that meeting's row, saying it was saved;
    refused, the page says why with the row's form open as it was sent (status 400).
    """
    event = get_object_or_404(Event, slug=slug)
    if not permissions.is_organizer(request.user, event):
        raise PermissionDenied
    typed: followups.Typed | None = None
    error = ""
    if request.method == "POST":
        typed = followups.Typed(
            request.POST.get("assignment", ""),
            request.POST.get("kind", ""),
            request.POST.get("follow_up", "none"),
            request.POST.get("notes", ""),
            request.POST.get("owner"),  # absent: the owner already recorded is kept
        )
        try:
            followups.record_for_participants(event, typed)
        except followups.OutcomeRefused as refused:
            error = str(refused)
        else:
            query = urlencode({"saved": typed.assignment})
            anchor = f"#outcome-{typed.assignment}"
            return redirect(f"{reverse('agendas:follow_ups', args=[event.slug])}?{query}{anchor}")
    rows = followups.pipeline(event, current_language())
    return page(
        request,
        "agendas/followups.html",
        {
            "event": event,
            "rows": rows,
            "counts": followups.tally(rows),
            "saved": request.GET.get("saved", "") if typed is None else "",
            "typed": typed,
            "error": error,
        },
        status=400 if error else 200,
    )


@require_http_methods(["GET", "POST"])
def profile_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The participant's profile: languages, interests, phone, available days."""
    event, person = participant(request, slug)
    error = ""
    shown = profile.profile(event, person, current_language())
    if request.method == "POST":
        languages = request.POST.getlist("languages")
        themes = request.POST.getlist("themes")
        days = request.POST.getlist("days")
        phone = request.POST.get("phone", "")
        try:
            profile.update_profile(
                event, person, languages=languages, themes=themes, days=days, phone=phone
            )
            messages.success(request, _("Saved."))  # said once, above the form
            return redirect("agendas:profile", event.slug)
        except profile.ProfileError as failure:
            error = str(failure)
            shown = profile.as_typed(shown, languages, themes, days, phone)  # as sent
    return page(
        request,
        "agendas/profile.html",
        {
            "event": event,
            "profile": shown,
            "notices": messages.get_messages(request),
            "error": error,
        },
        status=400 if error else 200,
    )
