"""Writers of an event's rows take the event row's lock first, so two of them never deadlock.

On PostgreSQL every write to an event's rows also locks its event row (the data-version
trigger). A participant answering a request while an organizer's transaction holds the
event row must therefore wait *before* it locks the request: were it to lock the request
first, the organizer's next write to that request would close a cycle. The test holds the
event row in one connection, lets ``answer`` run in another until PostgreSQL reports it
waiting for a lock, and then checks from a third that the request row is still free.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import OperationalError, connection, connections, transaction

from liqa.core import model as core
from liqa.web.events import requests
from liqa.web.events.locking import lock_event
from liqa.web.events.models import Event, MeetingRequest
from liqa.web.events.records import store_event
from tests.web.factories import make_core_event

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and the data-version trigger exist only on PostgreSQL; run with "
        "DATABASE_URL=postgres://... as .ci/run does",
    ),
    pytest.mark.django_db(transaction=True),
]

PATIENCE = 30.0
"""Seconds to wait for the other connection to reach its lock wait (a failsafe only)."""


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    """Run ``work`` in a thread with its own database connection; its result or error."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = work()
        except BaseException as error:  # reported by the test, not swallowed
            out["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def _waiting_for_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


@pytest.fixture
def event_row(db: None) -> Event:
    return store_event(make_core_event("lock-order-2030"))


def test_answering_a_request_waits_for_the_event_row_before_locking_the_request(
    event_row: Event,
) -> None:
    held, release = threading.Event(), threading.Event()

    def organizer() -> None:
        with transaction.atomic():
            lock_event(event_row)
            held.set()
            release.wait(PATIENCE)

    organizer_thread, organizer_out = _in_thread(organizer)
    assert held.wait(PATIENCE), organizer_out

    pid: dict[str, int] = {}

    def participant() -> core.MeetingRequest:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid["value"] = cursor.fetchone()[0]
        return requests.answer(event_row, "p-chen", "r-3", accept=True)

    participant_thread, participant_out = _in_thread(participant)
    deadline = time.monotonic() + PATIENCE
    while not (pid and _waiting_for_a_lock(pid["value"])):
        assert participant_thread.is_alive(), participant_out
        assert time.monotonic() < deadline, "answer() never waited for the event row"
        time.sleep(0.05)

    request_row = MeetingRequest.objects.get(event=event_row, key="r-3")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM events_meetingrequest WHERE id = %s FOR UPDATE NOWAIT",
                [request_row.pk],
            )
    except OperationalError as error:
        pytest.fail(f"answer() locked the request before the event row: {error}")
    finally:
        release.set()
        organizer_thread.join(PATIENCE)
        participant_thread.join(PATIENCE)

    assert "error" not in organizer_out, organizer_out
    assert "error" not in participant_out, participant_out
    assert participant_out["result"].status is core.RequestStatus.ACCEPTED
    request_row.refresh_from_db()
    assert request_row.status == core.RequestStatus.ACCEPTED.value
