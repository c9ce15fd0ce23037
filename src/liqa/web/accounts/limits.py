"""The limit of sign-in requests per address over the last hour, shared by every web process.

A sliding hour, estimated from two counts, as rate limiters commonly do: the requests let
through in the current clock hour (``requests``) and in the hour before (``previous``).
At a moment ``x`` of the way into the current hour, the last sixty minutes hold the
requests of the current hour and, estimated, the share ``1 - x`` of the hour before:
``requests + previous × (1 - x)``. A request is let through when that estimate, with it,
stays within the limit. A fixed hour started again at zero at its end, so an address
could ask for the limit at the end of one hour and the limit again at the start of the
next (twice the limit within a minute); with the sliding estimate the requests of the hour
before still count at the start of the next and their weight falls as the hour goes by.
It is an estimate: taking the hour before as evenly spread, after a burst at its very end
the next hour lets through about its share of the limit as it goes (a quarter of it after
a quarter of the hour), never the limit at once.

Each request reads and updates its address's row in one statement (``INSERT … ON CONFLICT
… DO UPDATE … RETURNING``, on SQLite and PostgreSQL alike; the database locks the row for
it): two processes counting the same address at once each see the other's request, and a
process's memory holds nothing that another would miss. The decision is made in that
statement, so a refused request adds nothing to the counts (an address asked again and
again by someone who was refused is let through again as the hour slides on);
``refused`` counts the refusals since the last request let through, which tells the
caller whether this one was. Rows whose two hours are over are deleted at most once
every :data:`SWEEP_SECONDS` per process, so that a request usually costs that one
statement.
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime, timedelta
from functools import cache

from django.conf import settings
from django.db import connection

from liqa.web.accounts.models import SignInRequest

WINDOW = timedelta(hours=1)
"""The sliding span the limit counts requests over; its counts are kept per clock hour."""

SWEEP_SECONDS = 600.0
"""At most one deletion of finished hours per process in this many seconds."""

_next_sweep = 0.0  # time.monotonic() after which this process deletes finished hours


def window_start(now: datetime) -> datetime:
    """The start of the clock hour (of :data:`WINDOW`, in UTC) that ``now`` falls in."""
    span = WINDOW.total_seconds()
    return datetime.fromtimestamp(now.timestamp() // span * span, tz=UTC)


@cache
def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(SignInRequest._meta.db_table)
    address, at, requests, previous, refused = (
        quote(name) for name in ("address", "at", "requests", "previous", "refused")
    )
    row = f"{table}.{{}}".format
    # the row's counts as of now: its hour is this one, the one before, or older
    current = f"(CASE WHEN {row(at)} >= %s THEN {row(requests)} ELSE 0 END)"
    before = (
        f"(CASE WHEN {row(at)} >= %s THEN {row(previous)}"
        f" WHEN {row(at)} >= %s THEN {row(requests)} ELSE 0 END)"
    )
    admitted = f"({current} + 1 + {before} * %s <= %s)"
    return (
        f"INSERT INTO {table} ({address}, {at}, {requests}, {previous}, {refused})"
        " VALUES (%s, %s, %s, 0, %s)"
        f" ON CONFLICT ({address}) DO UPDATE SET"
        f" {requests} = CASE WHEN {admitted} THEN {current} + 1 ELSE {current} END,"
        f" {previous} = {before},"
        f" {refused} = CASE WHEN {admitted} THEN 0 ELSE {row(refused)} + 1 END,"
        f" {at} = excluded.{at}"
        f" RETURNING {requests}, {previous}, {refused}"
    )


def count_request(address: str, now: datetime, limit: int | None = None) -> int:
    """Count a request for ``address`` (a digest) at ``now`` against ``limit`` requests in a
    sliding hour (``LIQA_MAGIC_LINKS_PER_HOUR`` when not given); the requests of the last
    hour as estimated (rounded up), this one included: above ``limit`` when it is refused,
    in which case it is not counted."""
    if limit is None:
        limit = int(settings.LIQA_MAGIC_LINKS_PER_HOUR)
    _sweep(now)
    start = window_start(now)
    weight = 1 - (now - start) / WINDOW  # the share of the hour before still in the last hour
    this_hour, hour_before = (
        connection.ops.adapt_datetimefield_value(moment) for moment in (start, start - WINDOW)
    )
    current, before = [this_hour], [this_hour, hour_before]  # the parameters of each CASE
    admitted: list[str | float | None] = [*current, *before, weight, limit]
    first = 1 if limit >= 1 else 0  # a first request is let through, unless the limit is 0
    params: list[str | float | None] = [address, this_hour, first, 1 - first]  # VALUES
    params += [*admitted, *current, *current]  # requests
    params += [*before, *admitted]  # previous, refused
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), params)
        row = cursor.fetchone()
    requests, previous, refused = (int(value) for value in row)
    estimate = requests + previous * weight
    if refused:
        return max(math.ceil(estimate + 1), limit + 1)
    return min(math.ceil(estimate), limit)


def _sweep(now: datetime) -> None:
    """Delete the rows whose two hours are over, unless this process did so lately."""
    global _next_sweep
    if time.monotonic() < _next_sweep:
        return
    _next_sweep = time.monotonic() + SWEEP_SECONDS
    SignInRequest.objects.filter(at__lt=window_start(now) - WINDOW).delete()
