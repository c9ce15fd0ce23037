"""REST API views: the same permission functions as the pages, the core's records as JSON."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404
from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from liqa.core import model as core
from liqa.core.matching.workflow import RequestError
from liqa.web.accounts import permissions
from liqa.web.accounts.access import Access, access
from liqa.web.agendas import bookings
from liqa.web.agendas import domain as agendas
from liqa.web.agendas import services as agenda_services
from liqa.web.api import serializers as s
from liqa.web.events import requests as event_requests
from liqa.web.events.domain import public_view
from liqa.web.events.models import Event, MeetingRequest
from liqa.web.events.records import event_record, outcome_record, request_record
from liqa.web.events.snapshots import Snapshots
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record
from liqa.web.templating import current_language


def _event(slug: str) -> Event:
    return get_object_or_404(Event, slug=slug, public=True)


def _role(request: Request, event: Event) -> tuple[bool, str | None]:
    """(organizer?, participant person key); 403 for users with neither role."""
    return _allowed(permissions.roles(request.user, event))


def _allowed(found: permissions.Roles) -> tuple[bool, str | None]:
    if not found.organizer and found.person is None:
        raise PermissionDenied("no role in this event")
    return found.organizer, found.person


def _access(request: Request, slug: str) -> tuple[Access, bool, str | None]:
    """The public event with the user's roles and its state, read together (one query on
    PostgreSQL), and (organizer?, person key) as :func:`_role`; 404 or 403 as it does."""
    found = access(request.user, slug, public_only=True)
    if found is None:
        raise NotFound("no such event")
    return found, *_allowed(found.roles)


def _event_data(row: Event) -> dict[str, Any]:
    view = public_view(row, translation.get_language() or "en")
    return {
        "id": row.slug,
        "kind": row.kind,
        "title": view["title"],
        "start": view["start"],
        "end": view["end"],
        "cities": view["cities"],
        "organizers": view["organizers"],
        "organizers_localized": view["organizers_localized"],
        "themes": view["themes"],
    }


class EventList(APIView):
    """Public events."""

    permission_classes = (AllowAny,)

    @extend_schema(responses=s.EventSerializer(many=True))
    def get(self, request: Request) -> Response:
        """Every public event."""
        data = [_event_data(e) for e in Event.objects.filter(public=True)]
        return Response(s.EventSerializer(data, many=True).data)


class EventDetail(APIView):
    """One public event."""

    permission_classes = (AllowAny,)

    @extend_schema(responses=s.EventSerializer)
    def get(self, request: Request, slug: str) -> Response:
        """The event's public fields."""
        return Response(s.EventSerializer(_event_data(_event(slug))).data)


class OrganizationList(APIView):
    """Participating organizations (public, as on the mission page)."""

    permission_classes = (AllowAny,)

    @extend_schema(responses=s.OrganizationSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        """Every organization of the event."""
        event = event_record(_event(slug))
        return Response(s.OrganizationSerializer(event.organizations, many=True).data)


class VenueList(APIView):
    """Venues: for the event's organizers and participants (addresses are not public)."""

    @extend_schema(responses=s.VenueSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        """Every venue of the event."""
        row = _event(slug)
        _role(request, row)
        return Response(s.VenueSerializer(event_record(row).venues, many=True).data)


class VenueDetail(APIView):
    """One venue, for the event's organizers and participants."""

    @extend_schema(responses=s.VenueSerializer)
    def get(self, request: Request, slug: str, key: str) -> Response:
        """The venue with this id; 404 when the event has none."""
        row = _event(slug)
        _role(request, row)
        found = next((v for v in event_record(row).venues if v.id == key), None)
        if found is None:
            raise NotFound("no such venue")
        return Response(s.VenueSerializer(found).data)


class PersonList(APIView):
    """People: organizers see everything; participants see contact details only for themselves."""

    @extend_schema(responses=s.PersonSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        """The event's people."""
        row = _event(slug)
        organizer, me = _role(request, row)
        out = []
        for person in event_record(row).people:
            item: dict[str, Any] = {
                "id": person.id,
                "name": person.name,
                "organization": person.organization,
                "role": person.role,
                "gender": person.gender.value if person.gender else None,
                "languages": list(person.languages),
            }
            if organizer or person.id == me:
                item.update(email=person.email, phone=person.phone)
            out.append(item)
        return Response(s.PersonSerializer(out, many=True).data)


class RequestList(APIView):
    """Requests: all for organizers, those involving them for participants."""

    @extend_schema(responses=s.RequestSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        """The visible requests."""
        row = _event(slug)
        organizer, me = _role(request, row)
        if organizer:
            records = [request_record(r) for r in MeetingRequest.objects.filter(event=row)]
        else:
            assert me is not None
            mine = event_requests.requests_of(row, me)
            records = list({r.id: r for r in mine.received + mine.sent}.values())
        return Response(s.RequestSerializer(records, many=True).data)


class RequestAnswer(APIView):
    """Accept or decline a request addressed to the participant."""

    @extend_schema(request=s.AnswerSerializer, responses=s.RequestSerializer)
    def post(self, request: Request, slug: str, key: str) -> Response:
        """Answer one request (the core's workflow decides what is legal)."""
        row = _event(slug)
        _organizer, me = _role(request, row)
        answer = s.AnswerSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        if me is None:
            raise PermissionDenied("only the participant addressed may answer")
        try:
            updated = event_requests.answer(
                row, me, key, accept=answer.validated_data["action"] == "accept"
            )
        except MeetingRequest.DoesNotExist:
            raise NotFound(key) from None
        except event_requests.NotYours:
            raise PermissionDenied("this request is not addressed to you") from None
        except RequestError as error:
            raise ValidationError({"detail": str(error)}) from None
        return Response(s.RequestSerializer(updated).data)


def _schedule_data(schedule: core.Schedule, published: bool, person: str | None) -> dict[str, Any]:
    assignments = schedule.for_person(person) if person is not None else schedule.assignments
    return {"version": schedule.version, "published": published, "assignments": assignments}


PARTICIPANT_SCHEDULES = Snapshots(4096)
"""A participant's serialized schedule by the published schedule's key and the person: a
published version never changes, and a new one gets a new key."""


class ScheduleList(APIView):
    """Schedules: every version for organizers; the latest published one for participants."""

    @extend_schema(responses=s.ScheduleSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        """Visible schedule versions."""
        read, organizer, me = _access(request, slug)
        row = read.event
        if organizer:
            versions = ScheduleVersion.objects.filter(event=row)
            data = [_schedule_data(schedule_record(v), v.published, None) for v in versions]
            return Response(s.ScheduleSerializer(data, many=True).data)
        found, key = agendas.kept_schedule(row, read.state)
        if found is None:
            return Response([])
        return Response(participant_schedule(found, key, me))


def participant_schedule(
    schedule: core.Schedule, key: Hashable | None, person: str | None
) -> list[Any]:
    """The API's answer for a participant: the published ``schedule`` (kept under ``key``,
    from :func:`~liqa.web.agendas.domain.kept_schedule`) serialized for ``person``, kept
    in :data:`PARTICIPANT_SCHEDULES`."""

    def serialized() -> list[Any]:
        return list(s.ScheduleSerializer([_schedule_data(schedule, True, person)], many=True).data)

    return PARTICIPANT_SCHEDULES.get(None if key is None else (key, person), serialized)


class OutcomeList(APIView):
    """Outcomes: organizers see all and record any; participants their own meetings'."""

    @extend_schema(responses=s.OutcomeSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        """Visible outcomes."""
        row = _event(slug)
        organizer, me = _role(request, row)
        records = [outcome_record(o) for o in row.outcomes.all()]
        if not organizer:
            found = agendas.published(row)
            mine = {a.id for a in found.schedule.for_person(me)} if found and me else set()
            records = [r for r in records if r.assignment in mine]
        return Response(s.OutcomeSerializer(records, many=True).data)

    @extend_schema(request=s.OutcomeSerializer, responses={201: s.OutcomeSerializer})
    def post(self, request: Request, slug: str) -> Response:
        """Record (or update) the outcome of one published meeting."""
        row = _event(slug)
        organizer, me = _role(request, row)
        given = s.OutcomeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        try:
            record = agenda_services.record_outcome(
                row,
                None if organizer else me,
                data["assignment"],
                data["kind"],
                data["follow_up"],
                data["notes"],
            )
        except agenda_services.NotYourMeeting:
            raise PermissionDenied("not one of your published meetings") from None
        except agenda_services.NotYetHeld as early:
            raise ValidationError(
                {"kind": [f"the meeting starts at {early.start.isoformat()}: not held yet"]}
            ) from None
        return Response(s.OutcomeSerializer(record).data, status=201)


def _host(request: Request, slug: str) -> tuple[Event, str]:
    """The event and the organization the user administers (as the host page); 403 otherwise."""
    row = get_object_or_404(Event, slug=slug)
    organization = permissions.host_key(request.user, row)
    if organization is None:
        raise PermissionDenied("you administer no host organization of this event")
    return row, organization


class HostView(APIView):
    """A host administrator's organization, staff and published meetings with who comes."""

    @extend_schema(responses=s.HostSerializer)
    def get(self, request: Request, slug: str) -> Response:
        """What the host page shows: incoming people with their public profile only."""
        row, organization = _host(request, slug)
        event = event_record(row)
        data = {
            "organization": event.organization(organization),
            "staff": event.members(organization),
            "meetings": agendas.host_meetings(row, organization, current_language()),
        }
        return Response(s.HostSerializer(data).data)


class HostConfirmations(APIView):
    """Confirm which of the host's staff attend one of its published meetings."""

    @extend_schema(request=s.ConfirmationSerializer, responses={201: s.ConfirmationSerializer})
    def post(self, request: Request, slug: str) -> Response:
        """Record the attending staff (replacing an earlier confirmation of that meeting)."""
        row, organization = _host(request, slug)
        given = s.ConfirmationSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        user = request.user
        if not isinstance(user, User):
            raise PermissionDenied("sign in as the host administrator")
        try:
            saved = agenda_services.confirm_attendees(
                row,
                organization,
                given.validated_data["assignment"],
                list(given.validated_data["attendees"]),
                user,
            )
        except agenda_services.NotHostsMeeting as error:
            raise PermissionDenied(f"not yours to confirm: {error}") from None
        data = {"assignment": saved.assignment, "attendees": saved.attendees}
        return Response(s.ConfirmationSerializer(data).data, status=201)


def _instant(text: str) -> datetime:
    """An ISO 8601 instant with a UTC offset, else a 400 naming the field."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError({"slot": [f"not an ISO 8601 date and time: {text!r}"]}) from None
    if value.tzinfo is None:
        raise ValidationError({"slot": ["give the UTC offset, e.g. 2030-03-14T10:20:00+01:00"]})
    return value


class RequestBooking(APIView):
    """Book an accepted brokerage meeting into a free slot (either party), or cancel it."""

    def _person(self, request: Request, slug: str) -> tuple[Event, str]:
        read, _organizer, me = _access(request, slug)
        if me is None:
            raise PermissionDenied("only a party to the request may book it")
        return read.event, me

    @extend_schema(
        request=s.BookingRequestSerializer,
        responses={201: s.BookingSerializer, 409: s.DetailSerializer},  # 400: see api/schema.py
    )
    def post(self, request: Request, slug: str, key: str) -> Response:
        """Book the slot (the service picks a free table); 409 when it is no longer free."""
        row, me = self._person(request, slug)
        given = s.BookingRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        start = _instant(given.validated_data["slot"])
        try:
            booking = bookings.book(row, me, key, start, request.user)
        except MeetingRequest.DoesNotExist:
            raise NotFound(key) from None
        except bookings.NotYourRequest:
            raise PermissionDenied("this request is not yours to book") from None
        except bookings.SlotTaken as error:
            return Response({"detail": str(error)}, status=409)
        except bookings.NotBookable as error:
            return Response({"detail": str(error)}, status=400)
        data = {"request": key, "slot": booking.slot_start, "table": booking.table}
        return Response(s.BookingSerializer(data).data, status=201)

    @extend_schema(responses={204: None, 400: s.DetailSerializer})
    def delete(self, request: Request, slug: str, key: str) -> Response:
        """Cancel the request's booking (either party)."""
        row, me = self._person(request, slug)
        try:
            bookings.cancel(row, me, key)
        except MeetingRequest.DoesNotExist:
            raise NotFound(key) from None
        except bookings.NotYourRequest:
            raise PermissionDenied("this request is not yours") from None
        except bookings.NotBookable as error:
            return Response({"detail": str(error)}, status=400)
        return Response(status=204)
