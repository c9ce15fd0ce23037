"""The hourly count of sign-in requests per address, shared by every web process.

Each request adds one to its address's row and reads the new count back in one statement
(``INSERT … ON CONFLICT … DO UPDATE … RETURNING``, on SQLite and PostgreSQL alike): two
processes counting the same address at once each get their own number, and a process's
memory (a local cache) holds nothing that another would miss. A row whose hour is over
starts again at 1; rows of hours long over are deleted at most once every
:data:`SWEEP_SECONDS` per process, so that a request usually costs that one statement.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from functools import cache

from django.db import connection

from liqa.web.accounts.models import SignInRequest

WINDOW = timedelta(hours=1)
"""How long a count lasts, from the first request it counts."""

SWEEP_SECONDS = 600.0
"""At most one deletion of finished hours per process in this many seconds."""

_next_sweep = 0.0  # time.monotonic() after which this process deletes finished hours


@cache
def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(SignInRequest._meta.db_table)
    address, at, requests = (quote(name) for name in ("address", "at", "requests"))
    return (
        f"INSERT INTO {table} ({address}, {at}, {requests}) VALUES (%s, %s, 1)"
        f" ON CONFLICT ({address}) DO UPDATE SET"
        f" {requests} = CASE WHEN {table}.{at} <= %s THEN 1 ELSE {table}.{requests} + 1 END,"
        f" {at} = CASE WHEN {table}.{at} <= %s THEN excluded.{at} ELSE {table}.{at} END"
        f" RETURNING {requests}"
    )


def count_request(address: str, now: datetime) -> int:
    """Count one request for ``address`` (a digest) at ``now``; the requests in its hour,
    this one included."""
    _sweep(now)
    stamp = connection.ops.adapt_datetimefield_value(now)
    over = connection.ops.adapt_datetimefield_value(now - WINDOW)
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), [address, stamp, over, over])
        row = cursor.fetchone()
    return int(row[0])


def _sweep(now: datetime) -> None:
    """Delete the rows whose hour is over, unless this process did so lately."""
    global _next_sweep
    if time.monotonic() < _next_sweep:
        return
    _next_sweep = time.monotonic() + SWEEP_SECONDS
    SignInRequest.objects.filter(at__lte=now - WINDOW).delete()
