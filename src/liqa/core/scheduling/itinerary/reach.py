"""Which visits a day segment can reach, in which window, and which subgroups can make them.

Time is minutes from the model's origin (:class:`Clock`). A visit is out of a segment's
reach (``too_far``) in another leg's time zone or more than :data:`MAX_DRIVE_FROM_HOTEL`
(plus the leg's buffer) from where the segment starts; its window in the segment is its
longest availability window there, shortened by its length so that it also ends in time.
"""

from __future__ import annotations

from datetime import datetime

from liqa.core.model import CandidateVisit, Event, Venue
from liqa.core.scheduling.itinerary.groups import Subgroup
from liqa.core.scheduling.itinerary.segments import Segment
from liqa.core.scheduling.itinerary.travel import travel_minutes

MAX_DRIVE_FROM_HOTEL = 120
"""A host more minutes than this from the leg's hotel is out of that leg's reach."""

Reach = list[tuple[str | None, tuple[float, float] | None]]
"""Per visit: why a segment cannot reach it (None: it can), and its window there."""


class Clock:
    """Whole minutes from ``origin`` to an instant."""

    def __init__(self, origin: datetime) -> None:
        self.origin = origin

    def __call__(self, instant: datetime) -> float:
        return float(round((instant - self.origin).total_seconds() / 60.0))


def reachable(event: Event, venues: dict[str, Venue], segment: Segment, minutes: Clock) -> Reach:
    """Per visit, on this segment: ``too_far`` or None, and its window (None: no window)."""
    legs_by_tz = {leg.timezone: leg for leg in event.legs}
    here = venues[segment.start_venue]
    leg_here = legs_by_tz.get(here.timezone, event.legs[0])
    out: Reach = []
    for visit in event.visits:
        venue = venues[visit.venue]
        drive = 0 if venue.id == here.id else travel_minutes(here, venue, leg_here)
        far = drive > MAX_DRIVE_FROM_HOTEL + segment.leg.buffer_minutes
        if venue.timezone != segment.leg.timezone or far:
            out.append(("too_far", None))
        else:
            out.append((None, _best_window(visit, segment, minutes)))
    return out


def capacity(group: Subgroup, visit: CandidateVisit) -> str | None:
    """``capacity`` when the group cannot make the visit: nobody, too many, someone missing."""
    if not group.members:
        return "capacity"
    if visit.max_visitors is not None and len(group.members) > visit.max_visitors:
        return "capacity"
    if not set(visit.required_attendees) <= set(group.members):
        return "capacity"
    return None


def _best_window(
    visit: CandidateVisit, segment: Segment, minutes: Clock
) -> tuple[float, float] | None:
    lo, hi = minutes(segment.start), minutes(segment.end)
    windows = [(minutes(w.start), minutes(w.end)) for w in visit.windows] or [(lo, hi)]
    best: tuple[float, float] | None = None
    for start, end in windows:
        s, e = max(start, lo), min(end, hi) - visit.duration_minutes
        if e >= s and (best is None or e - s > best[1] - best[0]):
            best = (s, e)
    return best
