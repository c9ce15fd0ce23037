"""An Arabic outcomes sheet written of visits: a زيارة is feminine, so the organizer writes
that it was held, that she did not come or that it was cancelled in the feminine (انعقدت،
تمت، لم تحضر، ملغاة، أُلغيت). Before, only the masculine words were known and every such
row was refused ("'انعقدت' is not a known status")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from liqa.core.model import OutcomeKind
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from tests.core.spreadsheets.factories import mission, workbook


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("انعقدت", OutcomeKind.HELD),
        ("عُقدت", OutcomeKind.HELD),
        ("منعقدة", OutcomeKind.HELD),
        ("تمّت", OutcomeKind.HELD),
        ("لم تحضر", OutcomeKind.NO_SHOW),
        ("تغيّبت", OutcomeKind.NO_SHOW),
        ("غائب", OutcomeKind.NO_SHOW),
        ("غائبة", OutcomeKind.NO_SHOW),
        ("أُلغيت", OutcomeKind.CANCELLED),
        ("ملغاة", OutcomeKind.CANCELLED),
        ("ملغية", OutcomeKind.CANCELLED),
    ],
)
def test_feminine_arabic_statuses_are_read(word: str, kind: OutcomeKind, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "نتائج.xlsx",
        {"نتائج اللقاءات": [["اللقاء", "النتيجة"], ["r-1", word]]},
    )
    imported = import_event([path], mission(), ImportSettings(missing=Missing.KEEP))
    assert [(o.assignment, o.kind) for o in imported.event.outcomes] == [("r-1", kind)]


def test_the_masculine_words_still_read(tmp_path: Path) -> None:
    event = mission()
    base = replace(event, requests=(*event.requests, replace(event.requests[1], id="r-3")))
    path = workbook(
        tmp_path / "نتائج.xlsx",
        {
            "نتائج اللقاءات": [
                ["اللقاء", "النتيجة"],
                ["r-1", "انعقد"],
                ["r-2", "لم يحضر"],
                ["r-3", "أُلغي"],
            ]
        },
    )
    imported = import_event([path], base, ImportSettings(missing=Missing.KEEP))
    assert [o.kind for o in imported.event.outcomes] == [
        OutcomeKind.HELD,
        OutcomeKind.NO_SHOW,
        OutcomeKind.CANCELLED,
    ]
