"""Requests, candidate visits, programme items and outcomes."""

from __future__ import annotations

from django.db import models

from liqa.core.model import FollowUp, MeetingFormat, OutcomeKind, ProgrammeKind, RequestStatus
from liqa.web.events.models.event import Event, EventRecord, empty_dict, empty_list


def _choices(
    enum: type[MeetingFormat | RequestStatus | ProgrammeKind | OutcomeKind | FollowUp],
) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


class MeetingRequest(EventRecord):
    """Someone asks to meet someone (``liqa.core.model.MeetingRequest``)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="requests")
    requester = models.CharField(max_length=100)
    target = models.CharField(max_length=100)
    priority = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(
        max_length=20, choices=_choices(RequestStatus), default=RequestStatus.PROPOSED
    )
    format = models.CharField(
        max_length=20, choices=_choices(MeetingFormat), default=MeetingFormat.ONE_TO_ONE
    )
    message = models.TextField(blank=True)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    session = models.CharField(max_length=100, blank=True)
    fixed_start = models.DateTimeField(null=True, blank=True)
    attendees = models.JSONField(default=empty_list)
    after = models.JSONField(default=empty_list)
    created_at = models.DateTimeField(null=True, blank=True)

    class Meta(EventRecord.Meta):
        pass


class CandidateVisit(EventRecord):
    """A host the delegation may visit (``liqa.core.model.CandidateVisit``)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="visits")
    host = models.CharField(max_length=100)
    venue = models.CharField(max_length=100)
    duration_minutes = models.PositiveIntegerField(default=60)
    windows = models.JSONField(default=empty_list)
    """``[[start, end], ...]`` as ISO 8601 instants with offsets."""
    max_visitors = models.PositiveIntegerField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(default=1)
    required = models.BooleanField(default=False)
    required_attendees = models.JSONField(default=empty_list)
    themes = models.JSONField(default=empty_list)
    topic = models.JSONField(default=empty_dict)

    class Meta(EventRecord.Meta):
        pass


class ProgrammeItem(EventRecord):
    """A fixed item of the programme (``liqa.core.model.ProgrammeItem``)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    kind = models.CharField(max_length=20, choices=_choices(ProgrammeKind))
    title = models.JSONField(default=empty_dict)
    start = models.DateTimeField()
    end = models.DateTimeField()
    venue = models.CharField(max_length=100, blank=True)
    end_venue = models.CharField(max_length=100, blank=True)
    attendees = models.JSONField(default=empty_list)

    class Meta(EventRecord.Meta):
        pass


class Outcome(models.Model):
    """What came of a meeting (``liqa.core.model.Outcome``), one per assignment key."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outcomes")
    assignment = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=_choices(OutcomeKind))
    follow_up = models.CharField(max_length=20, choices=_choices(FollowUp), default=FollowUp.NONE)
    owner = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("position",)
        constraints = (
            models.UniqueConstraint(fields=("event", "assignment"), name="outcome_unique"),
        )

    def __str__(self) -> str:
        return f"{self.assignment}: {self.kind}"
