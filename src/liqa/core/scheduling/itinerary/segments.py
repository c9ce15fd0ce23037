"""A mission's days cut into segments: from a hotel (or an arrival) to a hotel (or a departure).

A day without a flight is one segment in its leg, from the hotel at the day's start to the
hotel by its end (local times). A flight or transfer that leaves or arrives that day cuts
it: hotel to the departure venue by the departure, then the arrival venue from the arrival
to the next leg's hotel. An arrival from outside on the first day opens the mission, a
departure to outside on the last day closes it; a flight between two legs is neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from liqa.core.model import Event, Leg, ProgrammeItem, ProgrammeKind, Venue


@dataclass(frozen=True)
class Segment:
    """Part of one day in one leg: from a venue at ``start`` to a venue by ``end``."""

    day: date
    leg: Leg
    start_venue: str
    end_venue: str
    start: datetime
    end: datetime

    @property
    def key(self) -> tuple[date, str]:
        """The local day and the leg: what names a segment across re-plans."""
        return (self.day, self.leg.id)

    @property
    def label(self) -> str:
        """``<day> <leg id>``, as in the tours' labels."""
        return f"{self.day.isoformat()} {self.leg.id}"


def is_move(item: ProgrammeItem) -> bool:
    return item.kind in (ProgrammeKind.FLIGHT, ProgrammeKind.TRANSFER) and bool(
        item.end_venue and item.venue and item.end_venue != item.venue
    )


def _leg_for(event: Event, venue: Venue, near: date) -> Leg | None:
    matching = [leg for leg in event.legs if leg.timezone == venue.timezone]
    if not matching:
        return None
    return min(matching, key=lambda leg: min(abs((d - near).days) for d in leg.days()))


def _local_day(instant: datetime, venue: Venue) -> date:
    return instant.astimezone(venue.tz).date()


def day_segments(event: Event, venues: dict[str, Venue]) -> list[Segment]:
    """Each day's segments: cut by flights and transfers that leave or arrive that day."""
    moves = sorted((p for p in event.programme if is_move(p)), key=lambda p: p.start)
    hotels = {leg.hotel for leg in event.legs}
    # An arrival on the first day from outside (not from a hotel) opens the mission; a
    # departure on the last day to outside ends it.
    # A flight within the mission (between two legs' zones) is neither.
    zones = {leg.timezone for leg in event.legs}
    opening = closing = None
    if moves:
        first, last = moves[0], moves[-1]
        start_venue, end_venue = venues[first.venue or ""], venues[last.end_venue or ""]
        if (
            (first.kind is ProgrammeKind.TRANSFER and first.venue not in hotels)
            or start_venue.timezone not in zones
        ) and _local_day(first.end, venues[first.end_venue or ""]) <= event.start:
            opening = first
        if (
            (last.kind is ProgrammeKind.TRANSFER and last.end_venue not in hotels)
            or end_venue.timezone not in zones
        ) and _local_day(last.start, venues[last.venue or ""]) >= event.end:
            closing = last
    out: list[Segment] = []
    for leg in sorted(event.legs, key=lambda leg: leg.start):
        for day in leg.days():
            here_leg: Leg | None = leg
            here, at = leg.hotel or "", leg.local_datetime(day, leg.day_start)
            if opening is not None and day < _local_day(
                opening.end, venues[opening.end_venue or ""]
            ):
                continue
            if closing is not None and day > _local_day(closing.start, venues[closing.venue or ""]):
                continue
            for move in moves:
                dep, arr = venues[move.venue or ""], venues[move.end_venue or ""]
                if day not in (_local_day(move.start, dep), _local_day(move.end, arr)):
                    continue
                if (
                    move is not opening
                    and here_leg is not None
                    and dep.timezone == here_leg.timezone
                    and move.start > at
                ):
                    out.append(Segment(day, here_leg, here, dep.id, at, move.start))
                here_leg = None if move is closing else _leg_for(event, arr, day)
                if here_leg is None:
                    break
                here = arr.id
                at = max(move.end, here_leg.local_datetime(day, here_leg.day_start))
            if here_leg is None:
                continue
            end_of_day = here_leg.local_datetime(day, here_leg.day_end)
            if at < end_of_day:
                out.append(Segment(day, here_leg, here, here_leg.hotel or "", at, end_of_day))
    return out
