"""An outcome the report will count nowhere is imported with a note saying so: one of a
request not accepted (never scheduled) or of a programme item (the report counts meetings
and visits). Before, such a row was imported without a word and the organizer's "held"
count came out one short of what they had typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from liqa.core.model import (
    Event,
    Outcome,
    OutcomeKind,
    ProgrammeItem,
    ProgrammeKind,
    RequestStatus,
)
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from tests.core.spreadsheets.factories import CHICAGO, csv_file, mission

HEADERS = ["meeting", "status"]
BRIEFING = ProgrammeItem(
    "prog-briefing",
    ProgrammeKind.BRIEFING,
    {"en": "Briefing"},
    datetime(2024, 2, 12, 8, tzinfo=CHICAGO),
    datetime(2024, 2, 12, 9, tzinfo=CHICAGO),
)


def _notes(base: Event, rows: list[list[str]], tmp_path: Path) -> list[str]:
    sheet = csv_file(tmp_path / "outcomes.csv", [HEADERS, *rows])
    imported = import_event([sheet], base, ImportSettings(missing=Missing.KEEP))
    return [str(w) for w in imported.warnings]


def test_an_outcome_of_a_request_not_accepted_is_kept_with_a_note(tmp_path: Path) -> None:
    base = mission()  # r-1 accepted, r-2 proposed
    assert [r.status for r in base.requests] == [RequestStatus.ACCEPTED, RequestStatus.PROPOSED]
    notes = _notes(base, [["r-1", "held"], ["r-2", "held"]], tmp_path)
    assert notes == [
        "outcomes of requests not accepted are kept but counted by no figure of the report "
        "until the request is accepted and placed: r-2"
    ]
    imported = import_event([tmp_path / "outcomes.csv"], base, ImportSettings(missing=Missing.KEEP))
    assert [o.assignment for o in imported.event.outcomes] == ["r-1", "r-2"]


def test_an_outcome_of_a_programme_item_is_kept_with_a_note(tmp_path: Path) -> None:
    base = replace(mission(), programme=(BRIEFING,))
    notes = _notes(base, [["prog-briefing", "held"]], tmp_path)
    assert notes == [
        "outcomes of programme items are kept but counted by no figure of the report "
        "(it counts meetings and visits): prog-briefing"
    ]


def test_outcomes_of_accepted_requests_only_get_no_note(tmp_path: Path) -> None:
    base = replace(  # r-2's outcome is the base's, kept: not given by the sheet
        mission(), outcomes=(Outcome("r-2", OutcomeKind.NO_SHOW),)
    )
    assert _notes(base, [["r-1", "held"]], tmp_path) == [
        "the outcomes table leaves out 1 of the base mission's 1 outcomes: they are kept"
    ]
