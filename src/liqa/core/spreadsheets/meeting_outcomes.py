"""Rows of the outcomes table to meeting outcomes: what came of each meeting, recorded after it.

``meeting`` is the id of a meeting request, a visit or a programme item of the imported
event; ``owner`` (who follows up) a person's id, e-mail or name; ``parties`` is written on
export for reading and not read back. A meeting has one outcome: a second row for it is a
``duplicate_outcome``, as in the mission file. Every row with a problem is reported and
none is returned for it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Set
from pathlib import PurePath

from liqa.core.model import FollowUp, Outcome, OutcomeKind
from liqa.core.problems import Message
from liqa.core.spreadsheets import cells, words
from liqa.core.spreadsheets.cells import Cell, CellError, text
from liqa.core.spreadsheets.context import Context
from liqa.core.spreadsheets.ids import Directory, row_words
from liqa.core.spreadsheets.rows import Row


def outcomes(
    rows: list[Row],
    ctx: Context,
    meetings: Directory,
    persons: Directory,
    refused: Set[str] = frozenset(),
) -> list[Outcome]:
    """Outcomes; ``meetings`` knows the ids of the event's requests, visits and programme
    items, ``persons`` finds people; ``refused``: the ids of request rows refused for a
    problem of their own (an outcome naming one is not checked further)."""
    report, out = ctx.report, list[Outcome]()
    first: dict[str, Row] = {}
    for row in rows:
        before, unchecked = len(report.problems), len(report.unchecked)
        meeting = _meeting(row, meetings, refused, ctx)
        if meeting is not None:
            earlier = first.setdefault(meeting, row)
            if earlier is not row:
                _duplicate(row, earlier, meeting, ctx)
        kind = _status(row, ctx)
        follow_up = report.cell(row, "follow_up", _follow_up)
        owner = _owner(row, persons, ctx)
        recorded = report.cell(row, "recorded_at", lambda v: ctx.instant(v, during_legs=False))
        if meeting is None or kind is None or len(report.problems) > before:
            continue
        if len(report.unchecked) > unchecked:  # names a refused row: not checked further
            continue
        out.append(
            Outcome(
                assignment=meeting,
                kind=kind,
                follow_up=follow_up or FollowUp.NONE,
                owner=owner,
                notes=text(row.cells.get("notes")),
                recorded_at=recorded,
            )
        )
    return out


def _meeting(row: Row, meetings: Directory, refused: Set[str], ctx: Context) -> str | None:
    """The id of the meeting the row records, or ``None`` (reported, or not checked)."""
    ref = text(row.cells.get("meeting"))
    if not ref:
        if "meeting" in row.headers:  # else the missing column is reported once
            ctx.report.add(
                row,
                "meeting",
                Message("no meeting given"),
                Message(
                    "write the id of the meeting request (the id column of the requests "
                    "table), visit or programme item"
                ),
                code="missing_value",
            )
        return None
    if ref in meetings.ids:
        return ref
    if ref in refused:
        ctx.report.unchecked.append(row)  # its own row is reported already
        return None
    ctx.report.add(
        row,
        "meeting",
        Message("unknown meeting, visit or programme item '{value}'", value=ref),
        Message(
            "{suggestion}write the id of a meeting request (the id column of the requests "
            "table), a visit or a programme item of the mission",
            suggestion=meetings.suggest(ref),
        ),
        code="unknown_reference",
    )
    return None


def _duplicate(row: Row, earlier: Row, meeting: str, ctx: Context) -> None:
    """A second row for one meeting: the problem at this row, naming the earlier one."""
    first = row_words(earlier)
    if earlier.file != row.file:
        first = Message("{where} in {file}", where=first, file=PurePath(earlier.file).name)
    ctx.report.add(
        row,
        "meeting",
        Message(
            "two outcomes for '{meeting}': {first} and {second}",
            meeting=meeting,
            first=first,
            second=row_words(row),
        ),
        Message("a meeting has one outcome: keep one of the two entries and delete the other"),
        code="duplicate_outcome",
    )


def _status(row: Row, ctx: Context) -> OutcomeKind | None:
    """What happened at the meeting (required): held, no-show or cancelled."""
    if not row.has("status"):
        if "status" in row.headers:  # else the missing column is reported once
            ctx.report.add(
                row,
                "status",
                Message("no status given"),
                Message("write held, no_show or cancelled"),
                code="missing_value",
            )
        return None
    return ctx.report.cell(row, "status", _kind)


def _kind(value: Cell) -> OutcomeKind:
    """A status word; one that is none says so in the reader's words, with the nearest."""
    return _word(
        value,
        words.OUTCOME_KINDS,
        "status",
        lambda raw: Message("{raw!r} is not a known status", raw=raw),
        lambda near: Message("{suggestion}use one of: cancelled, held, no_show", suggestion=near),
    )


def _follow_up(value: Cell) -> FollowUp:
    """A follow-up word; one that is none says so in the reader's words, with the nearest."""
    return _word(
        value,
        words.FOLLOW_UPS,
        "follow-up",
        lambda raw: Message("{raw!r} is not a known follow-up", raw=raw),
        lambda near: Message(
            "{suggestion}use one of: call, investment_lead, mou, none, partnership, "
            "proposal, visit",
            suggestion=near,
        ),
    )


def _word[T](
    value: Cell,
    known: dict[str, T],
    what: str,
    unknown: Callable[[str], Message],
    hint: Callable[[str], Message],
) -> T:
    """The choice a cell's word means; else ``unknown(raw)``, hinted with the nearest."""
    try:
        return cells.choice(value, known, what)
    except CellError:
        raw = text(value)
        raise CellError(unknown(raw), hint(_nearest(raw, known))) from None


def _nearest(raw: str, known: Mapping[str, object]) -> str:
    """``did you mean 'X'? `` for the known word nearest a misspelt one, else ``""``."""
    close = difflib.get_close_matches(cells.fold(raw), list(known), n=1, cutoff=0.75)
    return Message("did you mean {name!r}? ", name=close[0]) if close else ""


def _owner(row: Row, persons: Directory, ctx: Context) -> str | None:
    """The person who follows the meeting up, or ``None`` (none given, or reported)."""
    ref = text(row.cells.get("owner"))
    if not ref:
        return None
    found, candidates = persons.find(ref)
    if found is not None:
        return found
    if not candidates and ctx.was_rejected(ref):
        ctx.report.unchecked.append(row)  # the person's own row is reported already
        return None
    ctx.report.add(
        row,
        "owner",
        (
            Message("{ref!r} could mean {value}", ref=ref, value=", ".join(candidates))
            if candidates
            else Message("unknown person {ref!r}", ref=ref)
        ),
        (
            Message("write the person's id or e-mail")
            if candidates
            else Message(
                "{suggestion}write the id, e-mail or name of a person of the people table "
                "(or of the base mission)",
                suggestion=persons.suggest(ref),
            )
        ),
        code="ambiguous_reference" if candidates else "unknown_reference",
    )
    return None
