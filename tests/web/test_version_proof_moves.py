"""The organizer's run and version pages after a run: the proof of quality says when
meetings were moved by hand since (the version is no longer what the run proved) with the
version's figures now; in Arabic its figures and run number are isolated left to right;
the finished run page leads to the version's grid and report at its top."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from liqa.web.events.models import Event
from liqa.web.scheduling import services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.proofs import proof_words
from tests.web.factories import at

LRI, PDI = "\u2066", "\u2069"
SLOTS = (at(9), at(9, 20), at(9, 40))
"""The starts of the test event's three slots (Tunis time)."""


def _shown(page: str, element: str) -> str | None:
    """The text of the element with id ``element`` (tags dropped), None when absent."""
    found = re.search(rf'id="{element}"[^>]*>(.*?)</(p|dd|h1)>', page, re.S)
    if found is None:
        return None
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def _done_run(event: Event, organizer: User) -> tuple[Run, ScheduleVersion]:
    run = services.start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert run.result is not None
    return run, run.result


def _since(term: str, ran: int, now: int) -> str:
    """A figure of the "now" line: from the run's to the version's, or alone if the same."""
    return f"{term} {ran} → {now}" if ran != now else f"{term} {now}"


def _free_slot(version: ScheduleVersion) -> int:
    """The slot (of the test event's three, 09:00, 09:20, 09:40) neither meeting uses:
    Amina attends both, so the run put them in two different slots."""
    starts = {row.start for row in version.assignments.all()}
    free = [i for i, start in enumerate(SLOTS) if start not in starts]
    assert len(free) == 1, starts
    return free[0]


def test_the_grid_says_the_proof_is_of_the_run_before_the_moves_made_by_hand(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    run, version = _done_run(event, organizer)
    client = client_for(organizer)
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    first = client.get(grid, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    proved = _shown(first, "version-proof")
    assert proved is not None
    assert proved.startswith(f"Proof of quality (run #{run.pk}): ")
    said = proved.removeprefix(f"Proof of quality (run #{run.pk}): ")
    assert _shown(first, "version-now") is None

    # a pin moves nothing: the version is still the run's
    pinned = client.post(f"{grid}pin/", {"key": "r-1", "pinned": "1"})
    assert pinned.status_code == 302
    page = client.get(grid, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert _shown(page, "version-proof") == proved
    assert _shown(page, "version-now") is None

    # r-2 moved away from r-1 (Amina's two meetings): one move, a break for Amina now
    r1 = version.assignments.get(key="r-1")
    slot = _free_slot(version)
    moved = client.post(f"{grid}move/", {"key": "r-2", "slot": str(slot), "table": "4"})
    assert moved.status_code == 302, moved.content.decode()
    page = client.get(grid, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert _shown(page, "version-proof") == (
        f"Proof of quality (run #{run.pk}, before 1 move made by hand): {said}"
    )
    r1_slot = SLOTS.index(r1.start)
    breaks = abs(slot - r1_slot) - 1  # Amina's slots between her two meetings
    ran = {k: int(v) for k, v in run.objective.items()}
    assert _shown(page, "version-now") == (
        "This version now, after these moves: priority scheduled 4, "
        f"{_since('breaks', ran['breaks'], breaks)}, "
        f"{_since('table changes', ran['table_changes'], 0 if r1.table == 4 else 1)}"
    )

    # moved again, to another table in the same slot: two moves, as the history says
    again = client.post(f"{grid}move/", {"key": "r-2", "slot": str(slot), "table": "5"})
    assert again.status_code == 302, again.content.decode()
    page = client.get(grid, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert _shown(page, "version-proof") == (
        f"Proof of quality (run #{run.pk}, before 2 moves made by hand): {said}"
    )
    changes = 0 if r1.table == 5 else 1
    assert _shown(page, "version-now") == (
        "This version now, after these moves: priority scheduled 4, "
        f"{_since('breaks', ran['breaks'], breaks)}, "
        f"{_since('table changes', ran['table_changes'], changes)}"
    )


def test_the_next_version_of_the_same_number_does_not_count_an_older_ones_moves(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    _run, version = _done_run(event, organizer)
    client = client_for(organizer)
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    slot = _free_slot(version)
    assert client.post(f"{grid}move/", {"key": "r-2", "slot": str(slot)}).status_code == 302
    version.delete()  # as an import replaces the event's versions
    again, renewed = _done_run(event, organizer)
    assert renewed.number == version.number
    page = client.get(grid, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    proved = _shown(page, "version-proof")
    assert proved is not None
    assert proved.startswith(f"Proof of quality (run #{again.pk}): ")


def test_the_arabic_proof_isolates_its_figures() -> None:
    run = Run(
        state=RunState.DONE,
        objective={"scheduled_priority": 751.0, "breaks": 12.0},
        bound=5.0,
        gap=0.583,
        bound_term="breaks",
        message="feasible",
    )
    with translation.override("ar"):
        words = proof_words(run, "ar")
    assert f"{LRI}751{PDI}" in words
    assert f"{LRI}12{PDI}" in words
    assert f"{LRI}5{PDI}" in words
    assert f"{LRI}58,3%{PDI}" in words
    # nothing isolated in French or English, where figures run with the text
    with translation.override("en"):
        english = proof_words(run, "en")
    assert LRI not in english
    assert "58.3%" in english


def test_the_live_proof_and_the_grid_isolate_figures_and_run_number_in_arabic(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    run, version = _done_run(event, organizer)
    client = client_for(organizer)
    status = client.get(f"/organize/{event.slug}/runs/{run.pk}/status/", HTTP_ACCEPT_LANGUAGE="ar")
    live = json.loads(status.content)
    assert LRI in live["proof"], live["proof"]
    assert PDI in live["proof"], live["proof"]
    assert re.search(f"{LRI}[0-9][0-9,]*{PDI}", live["objective"]), live["objective"]
    run_page = client.get(
        f"/organize/{event.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert f'<bdi class="ltr">#{run.pk}</bdi>' in run_page
    assert html.unescape(_shown(run_page, "run-proof") or "") == live["proof"]
    grid = client.get(
        f"/organize/{event.slug}/versions/{version.number}/", HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert f"{LRI}{run.pk}{PDI}" in (_shown(grid, "version-proof") or "")


def test_a_finished_run_leads_to_its_grid_and_report_at_the_top(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    client = client_for(organizer)
    queued = Run.objects.create(event=event, state=RunState.QUEUED)
    waiting = client.get(f"/organize/{event.slug}/runs/{queued.pk}/").content.decode()
    assert 'id="grid"' not in waiting
    assert 'id="report"' not in waiting
    run, version = _done_run(event, organizer)
    page = client.get(f"/organize/{event.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    top = text.split('id="run"', 1)[0]  # before the progress card
    grid = f'href="/organize/{event.slug}/versions/{version.number}/" id="grid"'
    report = f'href="/organize/{event.slug}/report/?version={version.number}" id="report"'
    assert grid in top
    assert report in top
    assert client.get(f"/organize/{event.slug}/report/?version={version.number}").status_code == 200
