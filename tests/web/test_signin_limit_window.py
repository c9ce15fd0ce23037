"""The limit of sign-in requests per address holds over a sliding hour.

The count was per fixed hour, started by an address's first request and starting again at
zero when it ended: the limit asked for at the end of one hour and the limit again at the
start of the next went through, twice the limit within a minute. ``limits.count_request``
now estimates the requests of the last sixty minutes from the current clock hour's count
and the hour before's, weighted by how much of it is still in the last sixty minutes.
Times are explicit (no sleeps); the concurrent cases run on PostgreSQL (DATABASE_URL).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, connections

from liqa.web.accounts import limits
from liqa.web.accounts.models import SignInRequest

ADDRESS = "0" * 64  # a digest
LIMIT = 5
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads share the test database only on PostgreSQL (DATABASE_URL)",
)


def at(hour: int, minute: int, second: int = 0) -> datetime:
    """An instant of 11 March 2030, UTC."""
    return datetime(2030, 3, 11, hour, minute, second, tzinfo=UTC)


def ask(moment: datetime, address: str = ADDRESS) -> tuple[int, bool]:
    """One request at ``moment``: the count it gets and whether it is let through."""
    count = limits.count_request(address, moment, LIMIT)
    return count, count <= LIMIT


def row() -> tuple[datetime, int, int, int]:
    """The address's row: the hour it counts, requests in it, in the hour before, refused."""
    found = SignInRequest.objects.get(address=ADDRESS)
    return found.at, found.requests, found.previous, found.refused


@pytest.mark.django_db
def test_the_limit_at_the_end_of_an_hour_is_not_let_through_again_at_the_start_of_the_next() -> (
    None
):
    # the fixed hour began at 10:00:00 with the first request and ended at 11:00:00
    answers = [ask(at(10, 0)), *(ask(at(10, 59, 30)) for _ in range(4))]
    assert answers == [(1, True), (2, True), (3, True), (4, True), (5, True)]
    # a minute later: the five of 10:59:30 are within the last hour (the fixed hour let
    # five more through here)
    assert ask(at(11, 0, 30)) == (6, False)
    assert ask(at(11, 0, 31)) == (6, False)
    assert row() == (at(11, 0), 0, 5, 2)  # the refused requests are not counted


@pytest.mark.django_db
def test_the_hour_before_weighs_less_as_the_hour_goes_by() -> None:
    for _ in range(LIMIT):
        ask(at(10, 30))
    # 11:06 is a tenth of the way into the hour: 5 × 0.9 = 4.5 of the hour before remain
    assert ask(at(11, 6)) == (6, False)
    # 11:12:01: just past a fifth: 5 × 0.7997 = 3.999; one more makes 4.999
    assert ask(at(11, 12, 1)) == (5, True)
    assert ask(at(11, 12, 2)) == (6, False)
    # half way: 2.5 of the hour before and the one of 11:12:01; one more makes 4.5
    assert ask(at(11, 30)) == (5, True)
    assert ask(at(11, 30, 1)) == (6, False)
    # 12:00: the hour before is now 11:00-12:00 (its two requests), weighing them whole
    assert [ask(at(12, 0)) for _ in range(4)] == [(3, True), (4, True), (5, True), (6, False)]
    assert row() == (at(12, 0), 3, 2, 1)


@pytest.mark.django_db
def test_an_address_refused_again_and_again_is_let_through_as_the_hour_slides() -> None:
    """Refused requests add nothing: asking every five minutes after reaching the limit is
    let through again once enough of the hour before has slid away (a fixed hour counting
    refusals would have kept refusing)."""
    for _ in range(LIMIT):
        ask(at(10, 55))
    answers = [ask(at(11, 0) + timedelta(minutes=5 * n))[1] for n in range(6)]
    # 11:00 … 11:25: the hour before weighs 5, 4.58, 4.17, 3.75, 3.33, 2.92; with the one
    # let through at 11:15 and this one: 6, 5.58, 5.17, 4.75, then 5.33, 4.92
    assert answers == [False, False, False, True, False, True]
    assert row() == (at(11, 0), 2, 5, 0)


@pytest.mark.django_db
def test_requests_two_hours_old_count_no_more() -> None:
    for _ in range(LIMIT + 1):
        ask(at(10, 59, 59))
    assert ask(at(12, 0)) == (1, True)
    assert row() == (at(12, 0), 1, 0, 0)


@pytest.mark.django_db
def test_other_addresses_keep_their_own_counts() -> None:
    for _ in range(LIMIT):
        ask(at(10, 59, 59))
    assert ask(at(11, 0), "1" * 64) == (1, True)
    assert ask(at(11, 0)) == (6, False)


@pytest.mark.django_db
def test_a_limit_of_zero_lets_nothing_through() -> None:
    assert limits.count_request(ADDRESS, at(10, 0), 0) == 1
    assert limits.count_request(ADDRESS, at(10, 1), 0) == 1
    assert row() == (at(10, 0), 0, 0, 2)


@pytest.mark.django_db
def test_a_row_of_the_fixed_hours_counts_in_the_hour_it_began() -> None:
    """A row written before the upgrade (its hour began at its first request, refusals
    counted) is read as the count of the clock hour it began in."""
    for address in (ADDRESS, "1" * 64):
        SignInRequest.objects.create(address=address, at=at(10, 45, 12), requests=LIMIT + 2)
    assert ask(at(10, 50), "1" * 64) == (8, False)  # the same clock hour: 7 already
    assert ask(at(11, 30)) == (5, True)  # half of 7 from the hour before: 3.5, and this one
    assert row() == (at(11, 0), 1, LIMIT + 2, 0)


def _ask_in_threads(moment: datetime, requests: int) -> list[int]:
    """``requests`` counted at once from 8 threads (each with its own connection)."""

    def count(_n: int) -> int:
        try:
            return limits.count_request(ADDRESS, moment, LIMIT)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        return sorted(pool.map(count, range(requests)))


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_requests_at_once_let_exactly_the_limit_through() -> None:
    assert _ask_in_threads(at(10, 20), 16) == [1, 2, 3, 4, 5] + [6] * 11
    assert row() == (at(10, 0), 5, 0, 11)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_requests_at_once_half_an_hour_after_the_limit_let_its_share_through() -> None:
    SignInRequest.objects.create(address=ADDRESS, at=at(10, 0), requests=LIMIT)
    # 11:30: 2.5 of the hour before remain, so two more fit (3.5, 4.5) and no third (5.5)
    assert _ask_in_threads(at(11, 30), 16) == [4, 5] + [6] * 14
    assert row() == (at(11, 0), 2, LIMIT, 14)
