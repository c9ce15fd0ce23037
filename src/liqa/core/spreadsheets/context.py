"""What converting rows needs besides the rows themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from liqa.core.missionfile.values import Places
from liqa.core.model import Leg
from liqa.core.problems import Message
from liqa.core.spreadsheets import cells
from liqa.core.spreadsheets.cells import Cell, CellError
from liqa.core.spreadsheets.ids import Directory, Ids
from liqa.core.spreadsheets.rows import Report

STAMP_HINT = Message(
    "write the date as 2024-02-12, or the date and time as 2024-02-12 09:00 (read in the "
    "event's time zone) or with its UTC offset, e.g. 2024-02-12T09:00-06:00"
)
"""How to write a time stamp (``created_at``) that could not be read."""


@dataclass(frozen=True)
class Context:
    """What converting rows needs besides the rows: legs, date order, ids, the report."""

    legs: tuple[Leg, ...]
    day_first: bool
    ids: Ids
    report: Report
    venues: Directory
    """The event's venues (the venues table's, else the base's), by id and names."""
    sessions: frozenset[str]
    """Brokerage session ids (none when the event has no brokerage setup)."""
    tables: int | None
    """Number of brokerage tables (``None`` without a brokerage setup)."""
    places: Places = field(default_factory=lambda: Places({}))
    """Where a request's meeting and a person's own times happen, by the mission file's
    rule: a time without an offset is read on that place's clock (see :meth:`instant`)."""
    rejected: set[str] = field(default_factory=set)
    """Folded ids and names of rows already reported as wrong: references to them are
    not reported again (one wrong person row is one problem, not one per request)."""

    def reject(self, *names: str) -> None:
        """Remember the id and names of a row that was reported and left out."""
        self.rejected.update(cells.fold(name) for name in names if name)

    def was_rejected(self, reference: str) -> bool:
        """Whether ``reference`` names a row already reported and left out."""
        return bool(reference) and cells.fold(reference) in self.rejected

    def instant(
        self, value: Cell, *, during_legs: bool = True, zone: str | None = None
    ) -> datetime:
        """An aware instant from a cell (see :func:`cells.parse_instant`; without an offset,
        local time of ``zone``, the place's, else of the leg), during a leg unless
        ``during_legs`` is False: a time stamp such as ``created_at`` may fall on any day,
        and without an offset it is read in the event's own zone (:func:`cells.stamp_zone`);
        one that cannot be read says how to write it."""
        if during_legs:
            instant = cells.parse_instant(value, self.legs, day_first=self.day_first, zone=zone)
            return self.during_legs(instant)
        try:
            return cells.parse_instant(
                value, self.legs, day_first=self.day_first, zone=zone, stamp=True
            )
        except cells.OutOfYears:
            raise  # read, and the message says which years
        except CellError as error:
            if not self.legs:
                raise  # no zone to read it in: the message says how to give one
            said = Message(
                "{value!r} is not a date and time: {reason}",
                value=cells.text(value),
                reason=error.message,
            )
            raise CellError(said, STAMP_HINT) from None

    def during_legs(self, instant: datetime) -> datetime:
        """``instant`` when it falls on a day of a leg (in that leg's time), else an error."""
        if self.legs and not any(
            leg.start <= instant.astimezone(leg.tz).date() <= leg.end for leg in self.legs
        ):
            spans = ", ".join(f"{leg.start}..{leg.end}" for leg in self.legs)
            raise CellError(
                Message(
                    "{value} is outside every leg of the event ({spans})",
                    value=instant.isoformat(),
                    spans=spans,
                ),
                Message("check the date and the UTC offset"),
            )
        return instant
