"""Schedule versions (``liqa.core.model.Schedule``); a published version never changes."""

from __future__ import annotations

from django.db import models

from liqa.core.model import MeetingFormat
from liqa.web.events.models import Event


def _empty_dict() -> dict[str, object]:
    return {}


def _empty_list() -> list[object]:
    return []


class ScheduleVersion(models.Model):
    """One version of an event's schedule: a draft until published, then immutable."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    provenance = models.JSONField(default=_empty_dict)
    """``liqa.core.model.Provenance`` fields (instants as ISO strings)."""
    unplaced = models.JSONField(default=_empty_list)
    """``[{id, reason, detail, blocking}, ...]``."""
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    notified = models.BooleanField(null=True, blank=True)
    """Whether publishing was to e-mail the participants whose agenda changed (the Publish
    button: ``True``; the demo: ``False``): set in the save that publishes; ``None`` on a
    draft and on versions published before it was recorded. What each one received (sent,
    no address, the mail server's error) is in the version's ``notifications``."""
    affected = models.JSONField(null=True, blank=True)
    """Whose agenda publishing changed, and what, as the comparison found it then:
    ``{person: {"added": [ids], "moved": [ids], "removed": [ids]}}``, written in the save
    that publishes, with or without e-mails. ``None`` on a draft and on versions published
    before it was recorded (their published page compares the two stored versions with
    today's people)."""
    hand_moves = models.PositiveIntegerField(default=0)
    """How many times a meeting of this draft was moved by hand to another slot or table
    (``scheduling.moves.move`` adds one in the move's own transaction; pins move nothing
    and are not counted): the version's proof of quality is of the run's version before
    them. Versions made before it was kept were counted from the audit trail's entries
    (migration 0009)."""

    missing_required = models.JSONField(null=True, blank=True)
    """A mission's required visits the version left out, as the event stood when it was
    published (visit ids, sorted), written in the save that publishes: the staleness check
    excuses those, and only those, when they are still missing
    (:mod:`liqa.web.scheduling.staleness`). ``None`` on a draft and on a brokerage event's
    version; a mission's versions published before it was recorded hold what the check
    excused then (migration 0011: the visits the version listed as not made when it was
    planned with required visits missing, else none); one restored from a backup made
    before it was recorded has ``None``, and the check excuses for it as it did then."""

    class Meta:
        ordering = ("number",)
        constraints = (models.UniqueConstraint(fields=("event", "number"), name="version_unique"),)

    @property
    def published(self) -> bool:
        """True once published (and therefore immutable)."""
        return self.published_at is not None

    def __str__(self) -> str:
        return f"{self.event} v{self.number}"


class AssignmentRow(models.Model):
    """One placed meeting or visit (``liqa.core.model.Assignment``)."""

    version = models.ForeignKey(
        ScheduleVersion, on_delete=models.CASCADE, related_name="assignments"
    )
    key = models.CharField(max_length=100)
    start = models.DateTimeField()
    end = models.DateTimeField()
    venue = models.CharField(max_length=100, blank=True)
    attendees = models.JSONField(default=_empty_list)
    format = models.CharField(
        max_length=20,
        choices=[(f.value, f.value) for f in MeetingFormat],
        default=MeetingFormat.ONE_TO_ONE,
    )
    table = models.PositiveIntegerField(null=True, blank=True)
    parties = models.JSONField(default=_empty_list)
    group = models.CharField(max_length=100, blank=True)
    travel_minutes_before = models.PositiveIntegerField(default=0)
    pinned = models.BooleanField(default=False)

    class Meta:
        ordering = ("start", "key")
        constraints = (
            models.UniqueConstraint(fields=("version", "key"), name="assignment_unique"),
        )

    def __str__(self) -> str:
        return self.key
