"""Ids for imported rows and lookups of the names organizers write instead of ids."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from liqa.core.problems import Message
from liqa.core.spreadsheets.cells import fold, text
from liqa.core.spreadsheets.rows import Report, Row

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
"""ASCII letters, digits, ``-``, ``_`` and ``.`` (not first), as in the mission file."""


def slug(name: str) -> str:
    """An ASCII id fragment of a name (``Société Générale`` -> ``societe-generale``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].rstrip("-")


@dataclass
class Ids:
    """The ids in use across the whole event (one namespace), with who holds each."""

    owners: dict[str, str] = field(default_factory=dict)
    """Who claimed each id, in words the reader's language has (a :class:`Message`: "row
    2", "row 2 of sheet 'people'", "the base mission")."""
    files: dict[str, str] = field(default_factory=dict)
    """The file of the row that claimed each id (to name it when a duplicate is elsewhere)."""
    rows: dict[str, Row] = field(default_factory=dict)
    """The row each id was given to (its id cell, or made up), to say where a record came
    from."""
    avoided: set[str] = field(default_factory=set)
    """Ids a row may give in its id cell but that are never made up for a row without one
    (the base's records a table may change: a made-up id must not pick one by chance)."""

    def reserve(self, ids: Iterable[str], owner: str) -> None:
        """Mark ``ids`` as taken by ``owner`` (e.g. the base mission file; a
        :class:`Message`, to be read in the reader's language)."""
        for one in ids:
            self.owners.setdefault(one, owner)

    def _owner(self, given: str, row: Row) -> str:
        """Who claimed ``given``: its row, and its file when not ``row``'s file ("row 2 in
        organizations-2.csv"), translatable."""
        file = self.files.get(given)
        if file is None or file == row.file:
            return self.owners[given]
        return Message("{where} in {file}", where=self.owners[given], file=PurePath(file).name)

    def assign(
        self, rows: list[Row], prefix: str, labels: tuple[str, ...], fallback: str, report: Report
    ) -> list[str | None]:
        """Each row's id: its ``id`` cell, else ``prefix`` + a slug of the first non-empty
        ``labels`` cell, else ``fallback`` + the row number.

        Given ids are claimed first, so an id made up for an earlier row never collides
        with one written further down. ``None`` for a row whose id is wrong (reported).
        """
        out: list[str | None] = [None] * len(rows)
        for index, row in enumerate(rows):
            given = text(row.cells.get("id"))
            if not given:
                continue
            where = row_words(row)
            if not ID_PATTERN.fullmatch(given):
                report.add(
                    row,
                    "id",
                    Message("id {given!r} is not a valid id", given=given),
                    Message(
                        "use ASCII letters, digits, '-', '_' and '.', starting with a letter "
                        "or digit"
                    ),
                    code="bad_id",
                )
            elif given in self.owners:
                report.add(
                    row,
                    "id",
                    Message(
                        "id {given!r} is already used by {value}",
                        given=given,
                        value=self._owner(given, row),
                    ),
                    Message("give each row its own id, or delete the duplicate row"),
                    code="duplicate_id",
                )
            else:
                self.owners[given] = where
                self.files[given] = row.file
                self.rows[given] = row
                out[index] = given
        for index, row in enumerate(rows):
            if text(row.cells.get("id")):
                continue
            label = next((text(row.cells.get(k)) for k in labels if row.has(k)), "")
            base = label if ID_PATTERN.fullmatch(label) and len(label) <= 40 else slug(label)
            candidate = f"{prefix}{base}" if base else f"{fallback}{row.number}"
            made, n = candidate, 2
            while made in self.owners or made in self.avoided:
                made, n = f"{candidate}-{n}", n + 1
            self.owners[made] = row_words(row)
            self.files[made] = row.file  # a row of another file or sheet giving it names this one
            self.rows[made] = row
            out[index] = made
        return out


def row_words(row: Row) -> Message:
    """A row as a message names it ("row 2 of sheet 'people'", "row 2" of a CSV file), its
    file apart: the row that claimed an id, or the first of two rows for one meeting."""
    if row.sheet:
        return Message("row {row} of sheet {sheet!r}", row=row.number, sheet=row.sheet)
    return Message("row {row}", row=row.number)


@dataclass
class Directory:
    """Finds the id a reference cell means: an id, an e-mail or a (folded) name."""

    ids: set[str] = field(default_factory=set)
    names: dict[str, set[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    """Folded id or name -> as written, for suggestions."""
    words: dict[str, set[str]] = field(default_factory=dict)
    """Folded word of a person's name -> the people whose name has it (:meth:`add_words`)."""

    def add(self, record_id: str, *names: str) -> None:
        """Know ``record_id`` and the names (e-mails, short names...) it goes by."""
        self.ids.add(record_id)
        self.shown.setdefault(fold(record_id), record_id)
        for name in names:
            if name:
                self.names.setdefault(fold(name), set()).add(record_id)
                self.shown[fold(name)] = name  # a name reads better than an id

    def add_words(self, record_id: str, *names: str) -> None:
        """Know the words of a person's names, so that "Olivier" alone is said to mean the
        Oliviers (ambiguous) rather than no one; words under three letters are left out."""
        for name in names:
            for word in fold(name).split():
                if len(word) >= 3:
                    self.words.setdefault(word, set()).add(record_id)

    def find(self, reference: str) -> tuple[str | None, list[str]]:
        """``(id, [])`` when found; ``(None, candidates)``: several matches or none."""
        if reference in self.ids:
            return reference, []
        folded = fold(reference)
        found = sorted(self.names.get(folded, set()))
        if len(found) == 1:
            return found[0], []
        if not found:  # a person's first or last name alone: what it could mean, never taken
            found = sorted(self.words.get(folded, set()))
        return None, found

    def suggest(self, reference: str) -> str:
        """``did you mean 'X'?`` for the closest known id or name, else ``""``."""
        close = difflib.get_close_matches(fold(reference), list(self.shown), n=1, cutoff=0.75)
        return Message("did you mean {name!r}? ", name=self.shown[close[0]]) if close else ""
