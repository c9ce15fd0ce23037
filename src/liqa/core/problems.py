"""Problems found in user input, reported all at once with where and how to fix them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in a mission file or spreadsheet.

    ``path`` is the field path inside a mission file (``people[3].availability[0].end``)
    or the column name in a spreadsheet; ``line`` is 1-based (mission files) and ``row``
    is the spreadsheet row number as the organizer sees it (header = row 1).
    """

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    path: str = ""
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    code: str = ""
    """A stable machine-readable code, e.g. ``unknown_reference``, ``duplicate_id``."""

    def location(self) -> str:
        """``file:line`` or ``file [sheet] row N, column C`` for messages."""
        where = self.file
        if self.sheet:
            where += f" [{self.sheet}]"
        if self.row is not None:
            where += f" row {self.row}"
            if self.column:
                where += f", column {self.column!r}"
        elif self.line is not None:
            where += f":{self.line}"
        return where

    def __str__(self) -> str:
        text = f"{self.location()}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class InputError(Exception):
    """Raised with every problem found when input cannot be turned into a model."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
