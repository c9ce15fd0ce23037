"""Slot bookings of accepted brokerage meetings, made by the participants themselves.

The database refuses double bookings on its own: a table hosts one meeting per slot, and a
party holds at most as many seats per slot as the core lets it meet in parallel (one for a
person; as many as it has people for an organization), each seat a unique row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from liqa.web.events.models.event import Event
from liqa.web.events.models.plans import MeetingRequest


class Booking(models.Model):
    """An accepted request booked at one slot and table; the scheduler keeps it there."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bookings")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="booking")
    slot_start = models.DateTimeField()
    table = models.PositiveIntegerField()
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    booked_as = models.CharField(max_length=100, blank=True)
    """The person key of the party who booked."""
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("slot_start", "table")
        constraints = (
            models.UniqueConstraint(
                fields=("event", "slot_start", "table"), name="booking_unique_table"
            ),
        )

    def __str__(self) -> str:
        return f"{self.request_id} at {self.slot_start:%Y-%m-%d %H:%M} table {self.table}"


class BookingSeat(models.Model):
    """One party of a booking busy in its slot (``seat`` numbers an organization's people)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    party = models.CharField(max_length=100)
    """A person key, or an organization key (the core's participant ids)."""
    seat = models.PositiveSmallIntegerField(default=1)
    """1 for a person; 1..n for an organization with n people (its capacity in the core)."""
    slot_start = models.DateTimeField()
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="seats")

    class Meta:
        ordering = ("slot_start", "party", "seat")
        constraints = (
            models.UniqueConstraint(
                fields=("event", "party", "slot_start", "seat"), name="booking_seat_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.party}#{self.seat} at {self.slot_start:%Y-%m-%d %H:%M}"
