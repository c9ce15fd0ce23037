"""API representations of the core's records (read from rows through ``records``)."""

from __future__ import annotations

from rest_framework import serializers

from liqa.core.model import FollowUp, Gender

GENDERS = [g.value for g in Gender]
"""A person's ``gender``: what their role's French and Arabic forms agree with."""


class EventSerializer(serializers.Serializer[object]):
    """An event's public fields."""

    id = serializers.CharField()
    kind = serializers.CharField()
    title = serializers.DictField(child=serializers.CharField())
    start = serializers.DateField()
    end = serializers.DateField()
    cities = serializers.ListField(child=serializers.CharField())
    organizers = serializers.ListField(
        child=serializers.CharField(),
        help_text="Each organizer's name in the request's language (Accept-Language), "
        "else in English, else as first given.",
    )
    organizers_localized = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text='Each organizer\'s names per language ({"en": ..., "fr": ..., "ar": ...}).',
    )
    themes = serializers.ListField(child=serializers.CharField())


class OrganizationSerializer(serializers.Serializer[object]):
    """A participating organization (public)."""

    id = serializers.CharField()
    name = serializers.CharField()
    name_ar = serializers.CharField()
    name_fr = serializers.CharField()
    side = serializers.CharField()
    kind = serializers.CharField()
    country = serializers.CharField()
    sector = serializers.CharField()
    themes = serializers.ListField(child=serializers.CharField())


class VenueSerializer(serializers.Serializer[object]):
    """A place where meetings, visits or brokerage sessions happen (organizers and
    participants: a hotel's or an office's address is not public)."""

    id = serializers.CharField()
    name = serializers.CharField()
    name_ar = serializers.CharField()
    name_fr = serializers.CharField()
    city = serializers.CharField()
    address = serializers.CharField()
    timezone = serializers.CharField(help_text="IANA time zone, e.g. America/Chicago")
    latitude = serializers.FloatField(allow_null=True, help_text="decimal degrees, or null")
    longitude = serializers.FloatField(allow_null=True, help_text="decimal degrees, or null")


class PersonSerializer(serializers.Serializer[object]):
    """A participant; ``email`` and ``phone`` only for organizers and the person."""

    id = serializers.CharField()
    name = serializers.CharField()
    organization = serializers.CharField()
    role = serializers.CharField()
    gender = serializers.ChoiceField(
        choices=GENDERS, allow_null=True, help_text="female, male or null (not given)"
    )
    languages = serializers.ListField(child=serializers.CharField())
    email = serializers.CharField(required=False)
    phone = serializers.CharField(required=False)


class RequestSerializer(serializers.Serializer[object]):
    """A meeting request."""

    id = serializers.CharField()
    requester = serializers.CharField()
    target = serializers.CharField()
    priority = serializers.IntegerField()
    status = serializers.CharField()
    format = serializers.CharField()
    message = serializers.CharField()


class AssignmentSerializer(serializers.Serializer[object]):
    """One placed meeting or visit."""

    id = serializers.CharField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    venue = serializers.CharField(allow_null=True)
    attendees = serializers.ListField(child=serializers.CharField())
    format = serializers.CharField()
    table = serializers.IntegerField(allow_null=True)
    parties = serializers.ListField(child=serializers.CharField())
    pinned = serializers.BooleanField()


class ScheduleSerializer(serializers.Serializer[object]):
    """A schedule version (participants: the latest published one, their assignments only)."""

    version = serializers.IntegerField()
    published = serializers.BooleanField()
    assignments = AssignmentSerializer(many=True)


class OutcomeSerializer(serializers.Serializer[object]):
    """What came of a meeting."""

    assignment = serializers.CharField()
    kind = serializers.ChoiceField(choices=["held", "no_show", "cancelled"])
    follow_up = serializers.ChoiceField(choices=[f.value for f in FollowUp], default="none")
    owner = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class AnswerSerializer(serializers.Serializer[object]):
    """Accept or decline a request."""

    action = serializers.ChoiceField(choices=["accept", "decline"])


class ProfileSerializer(serializers.Serializer[object]):
    """A person's public profile (no e-mail, phone or availability)."""

    id = serializers.CharField()
    name = serializers.CharField()
    name_ar = serializers.CharField()
    organization = serializers.CharField()
    role = serializers.CharField()
    gender = serializers.ChoiceField(
        choices=GENDERS, allow_null=True, help_text="female, male or null (not given)"
    )
    languages = serializers.ListField(child=serializers.CharField())


class HostMeetingSerializer(serializers.Serializer[object]):
    """One published meeting or visit of a host: who comes, which staff attend."""

    id = serializers.CharField()
    title = serializers.CharField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    place = serializers.CharField()
    incoming = ProfileSerializer(many=True)
    staff = serializers.ListField(child=serializers.CharField())
    confirmed = serializers.ListField(child=serializers.CharField(), allow_null=True)


class HostSerializer(serializers.Serializer[object]):
    """A host administrator's view: their organization, staff and published meetings."""

    organization = OrganizationSerializer()
    staff = ProfileSerializer(many=True)
    meetings = HostMeetingSerializer(many=True)


class ConfirmationSerializer(serializers.Serializer[object]):
    """Which of the host's staff attend one of its published meetings."""

    assignment = serializers.CharField()
    attendees = serializers.ListField(child=serializers.CharField(), allow_empty=True)


class BookingRequestSerializer(serializers.Serializer[object]):
    """The slot to book: its start as an ISO 8601 instant with a UTC offset."""

    slot = serializers.CharField(max_length=64)


class BookingSerializer(serializers.Serializer[object]):
    """A booked meeting: its request, slot start and table."""

    request = serializers.CharField()
    slot = serializers.DateTimeField()
    table = serializers.IntegerField()


class DetailSerializer(serializers.Serializer[object]):
    """Why a request was refused, in words."""

    detail = serializers.CharField()
