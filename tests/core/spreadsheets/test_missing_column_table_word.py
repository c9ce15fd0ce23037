"""A missing column's problem names its table in the reader's words: "pas de colonne
'status' dans la table des résultats", "في جدول النتائج" (before: "dans la table
outcomes", the table's English key inside a French sentence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.problems import InputError, translated
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from tests.core.spreadsheets.factories import csv_file, mission


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "no 'status' column in the outcomes table"),
        ("fr", "pas de colonne 'status' dans la table des résultats"),
        ("ar", "لا يوجد عمود 'status' في جدول النتائج"),
    ],
)
def test_the_table_is_named_in_the_readers_words(lang: str, said: str, tmp_path: Path) -> None:
    sheet = csv_file(tmp_path / "outcomes.csv", [["meeting", "notes"], ["r-1", "fine"]])
    with pytest.raises(InputError) as caught:
        import_event([sheet], mission(), ImportSettings(missing=Missing.KEEP))
    [problem] = [p for p in caught.value.problems if p.code == "missing_column"]
    assert translated(problem.message, translator(lang).gettext, lang) == said
