"""Rows of the requests table to meeting requests: who asks whom, when, how.

``from`` and ``to`` may be written as an id, an e-mail or a name of a person or an
organization; every row with a problem is reported and none is returned for it.
"""

from __future__ import annotations

from datetime import datetime

from liqa.core.model import MeetingFormat, MeetingRequest, RequestStatus
from liqa.core.problems import Message
from liqa.core.spreadsheets import cells, words
from liqa.core.spreadsheets.cells import text
from liqa.core.spreadsheets.context import Context
from liqa.core.spreadsheets.ids import ID_PATTERN, Directory
from liqa.core.spreadsheets.rows import Row


def requests(
    rows: list[Row],
    ctx: Context,
    parties: Directory,
    persons: Directory,
    members: dict[str, str],
) -> list[MeetingRequest]:
    """Meeting requests; ``parties`` finds people and organizations, ``persons`` people;
    ``members`` maps each person id to its organization id."""
    report, out = ctx.report, []
    request_ids = ctx.ids.assign(rows, "r-", (), "r-", report)
    known_requests = {i for i in request_ids if i}
    for row, request_id in zip(rows, request_ids, strict=True):
        before = len(report.problems)
        ends = [_party(row, key, parties, ctx) for key in ("from", "to")]
        if ends[0] and ends[0] == ends[1]:
            report.add(
                row,
                "to",
                Message("a request from {value!r} to itself", value=ends[0]),
                Message("a request needs two different parties"),
                code="self_request",
            )
        elif (
            ends[0]
            and ends[1]
            and (members.get(ends[0]) == ends[1] or members.get(ends[1]) == ends[0])
        ):
            report.add(
                row,
                "to",
                Message(
                    "a request within one organization: {value!r} and {value2!r}",
                    value=ends[0],
                    value2=ends[1],
                ),
                Message("the other side must be another organization or one of its people"),
                code="self_request",
            )
        priority = report.cell(
            row, "priority", lambda v: cells.choice(v, words.PRIORITIES, "priority")
        )
        status = report.cell(row, "status", lambda v: cells.choice(v, words.STATUSES, "status"))
        fmt = report.cell(row, "format", lambda v: cells.choice(v, words.FORMATS, "format"))
        duration = report.cell(row, "duration_minutes", cells.integer)
        if duration is not None and duration <= 0:
            report.add(
                row,
                "duration_minutes",
                Message("duration {duration} is not positive", duration=duration),
                Message("write the meeting length in minutes, e.g. 20"),
                code="bad_value",
            )
        session = text(row.cells.get("session")) or None
        if session is not None and not ID_PATTERN.fullmatch(session):
            report.add(
                row,
                "session",
                Message("{session!r} is not a session id", session=session),
                Message("write the id of a session, e.g. morning"),
                code="bad_id",
            )
        elif session is not None and session not in ctx.sessions:
            report.add(
                row,
                "session",
                Message("unknown session {session!r}", session=session),
                (
                    Message("use one of: {value}", value=", ".join(sorted(ctx.sessions)))
                    if ctx.sessions
                    else Message("the event has no brokerage sessions; leave the cell empty")
                ),
                code="unknown_reference",
            )
        fixed = _fixed_start(row, ctx, ctx.places.meeting(ends[1], ends[0]))
        attendees = _references(row, "attendees", persons, ctx)
        after = tuple(cells.split_list(row.cells.get("after")))
        for ref in after:
            if ref not in known_requests:
                report.add(
                    row,
                    "after",
                    Message("unknown request {ref!r}", ref=ref),
                    Message("use the id of another request of this table"),
                    code="unknown_reference",
                )
        created = report.cell(row, "created_at", lambda v: ctx.instant(v, during_legs=False))
        if request_id is None or None in ends or len(report.problems) > before:
            continue
        out.append(
            MeetingRequest(
                id=request_id,
                requester=str(ends[0]),
                target=str(ends[1]),
                priority=priority or 1,
                status=status or RequestStatus.PROPOSED,
                format=fmt or MeetingFormat.ONE_TO_ONE,
                message=text(row.cells.get("message")),
                duration_minutes=duration,
                session=session,
                fixed_start=fixed,
                attendees=attendees,
                after=after,
                created_at=created,
            )
        )
    return out


def _party(row: Row, key: str, parties: Directory, ctx: Context) -> str | None:
    report = ctx.report
    ref = text(row.cells.get(key))
    if not ref and key not in row.headers:
        return None  # the missing column is reported once, at the header row
    if not ref:
        report.add(
            row,
            key,
            (Message("no requester given") if key == "from" else Message("no target given")),
            Message("write a person's or an organization's id, e-mail or name"),
            code="missing_value",
        )
        return None
    found, candidates = parties.find(ref)
    if found is None and not candidates and ctx.was_rejected(ref):
        report.unchecked.append(row)
        return None  # its own row is reported already
    if found is None:
        report.add(
            row,
            key,
            (
                Message("{ref!r} could mean {value}", ref=ref, value=", ".join(candidates))
                if candidates
                else Message("unknown person or organization {ref!r}", ref=ref)
            ),
            (
                Message("write the id")
                if candidates
                else Message(
                    "{suggestion}check the spelling, or add them to the people or "
                    "organizations table",
                    suggestion=parties.suggest(ref),
                )
            ),
            code="ambiguous_reference" if candidates else "unknown_reference",
        )
    return found


def _references(row: Row, key: str, persons: Directory, ctx: Context) -> tuple[str, ...]:
    report, out = ctx.report, []
    for ref in cells.split_list(row.cells.get(key)):
        found, candidates = persons.find(ref)
        if found is None and not candidates and ctx.was_rejected(ref):
            continue  # its own row is reported already
        if found is None:
            report.add(
                row,
                key,
                (
                    Message("unknown person {ref!r}", ref=ref)
                    if not candidates
                    else Message("{ref!r} could mean {value}", ref=ref, value=", ".join(candidates))
                ),
                Message("write the person's id or e-mail"),
                code="unknown_reference",
            )
        else:
            out.append(found)
    return tuple(out)


def _fixed_start(row: Row, ctx: Context, zone: str | None) -> datetime | None:
    """The fixed start; without an offset, local time of ``zone`` (the meeting's place, as
    the mission file reads it), else of the leg."""
    if row.has("fixed_start"):
        return ctx.report.cell(row, "fixed_start", lambda v: ctx.instant(v, zone=zone))
    if row.has("fixed_date") != row.has("fixed_time"):
        missing = "fixed_time" if row.has("fixed_date") else "fixed_date"
        ctx.report.add(
            row,
            missing,
            Message("a meeting date without a time, or a time without a date"),
            Message("fill in both the date and the time"),
            code="missing_value",
        )
        return None
    if row.has("fixed_date"):
        return ctx.report.cell(
            row,
            "fixed_date",
            lambda v: ctx.during_legs(
                cells.combine(
                    v, row.cells["fixed_time"], ctx.legs, day_first=ctx.day_first, zone=zone
                )
            ),
        )
    return None
