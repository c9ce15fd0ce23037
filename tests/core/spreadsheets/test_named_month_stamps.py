"""A day written with its month's name and no time (``16 octobre 2025``, ``17 oct. 2025``,
``Feb 12, 2024``) in a time-stamp cell: an outcome's ``recorded_at``, a request's
``created_at``. The day is read at midnight, as ``16/10/2025`` is; before, the split of a
date from its time cut the day at its first space and said ``'16' is not a date``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from liqa.core.model import OutcomeKind
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from liqa.core.spreadsheets.cells import parse_instant
from tests.core.spreadsheets.factories import CHICAGO, mission, workbook
from tests.core.spreadsheets.test_cells import LEGS


@pytest.mark.parametrize(
    "cell", ["12 février 2024", "12 fév. 2024", "Feb 12, 2024", "12 فبراير 2024", "12/02/2024"]
)
def test_a_day_with_its_months_name_is_an_instant_at_midnight(cell: str) -> None:
    parsed = parse_instant(cell, LEGS)
    assert (parsed, parsed.utcoffset()) == (
        datetime(2024, 2, 12, tzinfo=CHICAGO),
        datetime(2024, 2, 12, tzinfo=CHICAGO).utcoffset(),
    )


def test_a_day_with_its_months_name_and_a_time_still_reads_the_time() -> None:
    assert parse_instant("12 février 2024 à 14h30", LEGS) == datetime(
        2024, 2, 12, 14, 30, tzinfo=CHICAGO
    )


def test_outcomes_recorded_on_days_typed_with_the_months_name(tmp_path: Path) -> None:
    """A French organizer's outcomes sheet, the days typed as people write them, any day
    (a time stamp may fall after the event: in the event's own zone)."""
    path = workbook(
        tmp_path / "suivi.xlsx",
        {
            "Suivi des RDV": [
                ["Rendez-vous", "Résultat", "Enregistré le"],
                ["r-1", "tenu", "13 février 2024"],
                ["r-2", "absence", "1er mars 2024"],
            ]
        },
    )
    imported = import_event([path], mission(), ImportSettings(missing=Missing.KEEP))
    assert [(o.assignment, o.kind, o.recorded_at) for o in imported.event.outcomes] == [
        ("r-1", OutcomeKind.HELD, datetime(2024, 2, 13, tzinfo=CHICAGO)),
        ("r-2", OutcomeKind.NO_SHOW, datetime(2024, 3, 1, tzinfo=CHICAGO)),
    ]
