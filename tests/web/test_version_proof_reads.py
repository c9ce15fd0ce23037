"""The version's proof of quality on the grid and the report: the version's count of moves
made by hand is read with the version the page loaded, not once more from the database
per call (it was read two to three times a view); a move made through another instance is
still seen (``proofs.terms_now`` and ``proofs.hand_moves`` read the database). Before any
move, the version's figures now are the run's own terms, table changes included: the
figure the draft shows after a move is the scheduler's term, measured the same way."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from liqa.web.events.models import Event
from liqa.web.scheduling import proofs, services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from tests.web.factories import at

SLOTS = (at(9), at(9, 20), at(9, 40))
"""The starts of the test event's three slots (Tunis time)."""
COUNT_READ = 'SELECT "scheduling_scheduleversion"."hand_moves"'
"""How the count alone is read (``proofs.hand_moves``); the version's own row is read
from its ``id`` on."""


def _done_run(event: Event, organizer: User) -> tuple[Run, ScheduleVersion]:
    run = services.start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert run.result is not None
    return run, run.result


def _move(client: Client, event: Event, version: ScheduleVersion, table: str) -> None:
    """r-2 moved to the slot neither meeting uses (Amina attends both), at ``table``."""
    starts = {row.start for row in version.assignments.all()}
    [free] = [i for i, start in enumerate(SLOTS) if start not in starts]
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    moved = client.post(f"{grid}move/", {"key": "r-2", "slot": str(free), "table": table})
    assert moved.status_code == 302, moved.content.decode()


def test_the_grid_and_the_report_read_the_count_with_the_version(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    _run, version = _done_run(event, organizer)
    client = client_for(organizer)
    _move(client, event, version, "4")
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    report = f"/organize/{event.slug}/report/?version={version.number}"
    for url in (grid, report):
        client.get(url, HTTP_ACCEPT_LANGUAGE="en")  # the terms now measured and kept
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "before 1 move made by hand" in page
        assert [q["sql"] for q in queries if q["sql"].startswith(COUNT_READ)] == []

    # another move, through the page's own instance of the version: the next view sees it
    r2 = version.assignments.get(key="r-2")
    moved = client.post(
        f"{grid}move/",
        {"key": "r-2", "slot": str(SLOTS.index(r2.start)), "table": "5"},
    )
    assert moved.status_code == 302, moved.content.decode()
    for url in (grid, report):
        assert "before 2 moves made by hand" in client.get(url).content.decode()
    # an instance loaded before the moves is told them by the database
    assert (version.hand_moves, proofs.hand_moves(version)) == (0, 2)


def test_before_any_move_the_versions_figures_are_the_runs_terms(
    organizer: User, event: Event
) -> None:
    run, version = _done_run(event, organizer)
    assert set(run.objective) >= {"scheduled_priority", "breaks", "table_changes"}
    assert proofs.terms_now(version, run) == run.objective
