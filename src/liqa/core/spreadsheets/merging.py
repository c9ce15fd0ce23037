"""What becomes of the base mission's records that a table given leaves out.

A table given with a base mission either holds all of the base's records of its kind
(each row an id the base has, or a new one), or it leaves some out: an empty table, a
partial sheet of late registrations, an exported sheet with rows deleted. Which one the
organizer meant is theirs to say (:class:`Missing`); nothing the base holds is dropped
unless they asked for it. A row is the base record whose id it has: its ``id`` cell, or
the id made from its name, except with :data:`Missing.KEEP`, where a row without an id is
always a new record (a made-up id must not replace a base record by chance).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from liqa.core.model import Event
from liqa.core.problems import Message, Names, Problem

SHOWN = 5
"""Ids named in a message before "…"."""


class Missing(StrEnum):
    """What becomes of the base mission's records a table given leaves out."""

    REFUSE = "refuse"
    """Nothing is imported; one problem per table says which records and how to choose."""
    KEEP = "keep"
    """They are kept: the rows given change the base's records of the same id, or add."""
    REMOVE = "remove"
    """They are removed: the table replaces the base's (a note says how many)."""


class Record(Protocol):
    """An organization, person, request or venue: what a table's rows become (an outcome,
    known by its meeting, is counted by that id)."""

    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class Source:
    """Where a table's rows were read: file and sheet of each part."""

    parts: tuple[tuple[str, str | None], ...]

    def problem(self, message: str, hint: str, code: str) -> Problem:
        """A problem about the whole table, at its file (and sheet) or files."""
        files = list(dict.fromkeys(file for file, _ in self.parts))
        sheets = [sheet for _, sheet in self.parts if sheet]
        sheet = sheets[0] if len(self.parts) == 1 and sheets else None
        return Problem(", ".join(files), message, hint, sheet=sheet, code=code)


def table_word(table: str) -> Message:
    """The table's records as one word: organizations, people, requests, venues or
    outcomes."""
    if table == "organizations":
        return Message("organizations")
    if table == "people":
        return Message("people")
    if table == "venues":
        return Message("venues")
    if table == "outcomes":
        return Message("outcomes")
    return Message("requests")


def shown(ids: Sequence[str]) -> str:
    """The first :data:`SHOWN` of ``ids``, then ``…`` when there are more."""
    return Names([*ids[:SHOWN], *(["…"] if len(ids) > SHOWN else [])])


def left_out(
    table: str, base: Sequence[Record], given: Sequence[Record], rows: int, source: Source
) -> Problem | None:
    """The problem of a table that leaves out records of the base (:data:`Missing.REFUSE`)."""
    ids = {record.id for record in given}
    missing = [record.id for record in base if record.id not in ids]
    if not missing:
        return None
    word = table_word(table)
    if rows == 0:
        return source.problem(
            Message(
                "the table has no rows; leave it out to keep the base mission's {count} {table}",
                count=len(base),
                table=word,
            ),
            Message("to remove them all, give --missing remove"),
            "empty_table",
        )
    return source.problem(
        Message(
            "the table leaves out {count} of the base mission's {total} {table}: {ids}",
            count=len(missing),
            total=len(base),
            table=word,
            ids=shown(missing),
        ),
        Message(
            "give --missing keep to keep them (the rows given then change the records of "
            "the same id or add new ones), or --missing remove to remove them"
        ),
        "rows_left_out",
    )


def merged[R: Record](base: Sequence[R], given: Sequence[R]) -> tuple[R, ...]:
    """The base's records, each replaced by the given one of the same id, then the new ones
    in the order given (:data:`Missing.KEEP`)."""
    return merged_by(base, given, lambda record: record.id)


def merged_by[T](base: Sequence[T], given: Sequence[T], key: Callable[[T], str]) -> tuple[T, ...]:
    """:func:`merged` for records known by ``key`` (an outcome by its meeting)."""
    by_key = {key(record): record for record in given}
    kept = tuple(by_key.pop(key(record), record) for record in base)
    return kept + tuple(by_key.values())


def note(
    table: str, base: Sequence[Record], given: Sequence[Record], missing: Missing
) -> Message | None:
    """What became of the base's records of a table given, when it left some out."""
    ids = {record.id for record in given}
    gone = [record.id for record in base if record.id not in ids]
    if not gone or not given:  # an empty table has its own note (see importing)
        return None
    if missing is Missing.KEEP:
        return Message(
            "the {table} table leaves out {count} of the base mission's {total} {table}: "
            "they are kept",
            table=table_word(table),
            count=len(gone),
            total=len(base),
        )
    return Message(
        "the {table} table leaves out {count} of the base mission's {total} {table}: "
        "they are removed ({ids})",
        table=table_word(table),
        count=len(gone),
        total=len(base),
        ids=shown(gone),
    )


def _venue_uses(event: Event) -> list[tuple[str, str, set[str]]]:
    """Where the event names a venue (a venues table may have left it out)."""
    venues = {v.id for v in event.venues}
    named: list[tuple[str, str | None]] = []
    for leg in event.legs:
        named += [
            (f"legs[{leg.id}].hotel", leg.hotel),
            (f"legs[{leg.id}].lunch_venue", leg.lunch_venue),
        ]
    named += [(f"organizations[{o.id}].venue", o.venue) for o in event.organizations]
    named += [(f"visits[{v.id}].venue", v.venue) for v in event.visits]
    for item in event.programme:
        named += [
            (f"programme[{item.id}].venue", item.venue),
            (f"programme[{item.id}].end_venue", item.end_venue),
        ]
    if event.brokerage is not None:
        named.append(("brokerage.venue", event.brokerage.venue))
    return [(where, ref, venues) for where, ref in named if ref is not None]


def dangling_references(event: Event) -> list[Problem]:
    """References from the base mission's kept sections to records the imported tables
    no longer have (e.g. a base request naming a person missing from the new people table):
    one problem per section of the mission file (``requests``, ``visits``...), never one
    per reference (an empty people table under the brokerage demo's 476 requests made 942)."""
    people = {p.id for p in event.people}
    parties = people | {o.id for o in event.organizations}
    hosts = {o.id for o in event.organizations}
    meetings = {r.id for r in event.requests} | {v.id for v in event.visits}
    meetings |= {item.id for item in event.programme}
    uses: list[tuple[str, str, set[str]]] = []
    uses += [(f"people[{p.id}].organization", p.organization, hosts) for p in event.people]
    for r in event.requests:
        uses += [
            (f"requests[{r.id}].from", r.requester, parties),
            (f"requests[{r.id}].to", r.target, parties),
        ]
        uses += [(f"requests[{r.id}].attendees", a, people) for a in r.attendees]
    for v in event.visits:
        uses.append((f"visits[{v.id}].host", v.host, hosts))
        uses += [(f"visits[{v.id}].required_attendees", a, people) for a in v.required_attendees]
    for item in event.programme:
        uses += [(f"programme[{item.id}].attendees", a, people) for a in item.attendees]
    for name, groups in (("together", event.together), ("apart", event.apart)):
        uses += [(f"event.subgroups.{name}", a, people) for group in groups for a in group]
    for index, outcome in enumerate(event.outcomes):
        uses.append((f"outcomes[{index}].assignment", outcome.assignment, meetings))
        if outcome.owner is not None:
            uses.append((f"outcomes[{index}].owner", outcome.owner, people))
    uses += _venue_uses(event)
    broken = [(where, ref) for where, ref, known in uses if ref not in known]
    sections: dict[str, list[tuple[str, str]]] = {}
    for where, ref in broken:  # one problem per section, not one per reference
        sections.setdefault(where.split("[")[0], []).append((where, ref))
    problems = []
    for section, found in sections.items():
        where, ref = found[0]
        if len(found) == 1:
            message = Message(
                "{where} names {ref!r}, which the imported tables do not have", where=where, ref=ref
            )
            hint = Message(
                "add it back to the spreadsheet, or remove the reference from the base mission"
            )
        else:
            message = Message(
                "references in {section} of the base mission to what the imported tables do "
                "not have: {count} ({examples})",
                section=section,
                count=len(found),
                examples=shown([f"{where} → {ref}" for where, ref in found]),
            )
            hint = (
                Message(
                    "give the requests table too, add them back to the spreadsheets, or "
                    "remove the references from the base mission"
                )
                if section == "requests"
                else Message(
                    "add them back to the spreadsheets, or remove the references from the "
                    "base mission"
                )
            )
        path = where if len(found) == 1 else section
        problems.append(
            Problem("the base mission", message, hint, path=path, code="unknown_reference")
        )
    return problems
