"""What every fuzzed input must give: a result, or problems that say where and what.

Any exception other than :class:`~liqa.core.problems.InputError` fails the calling test
by itself; these helpers check the problems' contents.
"""

from __future__ import annotations

from collections.abc import Iterable

from liqa.core.problems import Problem

WHOLE_FILE_CODES = frozenset(
    {
        # mission files
        "empty_file",
        "file_too_large",
        "no_file",
        # spreadsheets
        "bad_encoding",
        "bad_csv",
        "bad_xlsx",
        "zip_bomb",
        "xml_entities",
        "unknown_format",
        "unreadable",
        "too_large",
    }
)
"""Problems about a file as a whole: they name the file, and no line or row exists."""

CELL_IN_MESSAGE_CODES = frozenset({"uncomputed_formula"})
"""Problems found in a workbook's XML before it is opened: the message names the cell
(``cell B2 of xl/worksheets/sheet1.xml``), the sheet's name is not known yet."""

CATCH_ALL = "invalid"
"""The code of the loader's safety net ("the mission cannot be built: ..."): reaching it
means a check is missing, and the message names no field."""


def problems_are_located(problems: Iterable[Problem], files: Iterable[str]) -> None:
    """Each problem names one of ``files`` and, unless it is about a whole file, a line,
    row, column or field path; and none comes from the loader's safety net."""
    names = set(files)
    listed = list(problems)
    assert listed, "an InputError without problems"
    for problem in listed:
        assert problem.file in names, f"{problem} names none of {sorted(names)}"
        assert problem.message.strip(), f"{problem!r} has no message"
        assert problem.code != CATCH_ALL, f"safety net reached: {problem}"
        where = (problem.line, problem.row, problem.column or None, problem.path or None)
        located = any(part is not None for part in where)
        assert located or problem.code in WHOLE_FILE_CODES | CELL_IN_MESSAGE_CODES, (
            f"{problem} (code {problem.code!r}) says neither line, row, column nor field"
        )
