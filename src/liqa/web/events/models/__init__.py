"""Rows mapping the core's records (``liqa.core.model``); translations live in ``records``."""

from liqa.web.events.models.bookings import Booking, BookingSeat
from liqa.web.events.models.event import Event, EventRecord, Leg, Venue
from liqa.web.events.models.parties import Organization, Person
from liqa.web.events.models.plans import CandidateVisit, MeetingRequest, Outcome, ProgrammeItem

__all__ = [
    "Booking",
    "BookingSeat",
    "CandidateVisit",
    "Event",
    "EventRecord",
    "Leg",
    "MeetingRequest",
    "Organization",
    "Outcome",
    "Person",
    "ProgrammeItem",
    "Venue",
]
