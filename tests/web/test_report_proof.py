"""The report page and the report's PDF state the proof of quality the version's grid
states (``scheduling.proofs.version_proof``): the run that made the version, what it
proved, and, once meetings were moved by hand, "before N moves made by hand" with the
version's figures now. An organizer printing the report reads what the grid says."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling import services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from tests.web.factories import at

SLOTS = (at(9), at(9, 20), at(9, 40))
"""The starts of the test event's three slots (Tunis time)."""


def _shown(page: str, element: str) -> str | None:
    """The text of the element with id ``element`` (tags dropped), None when absent."""
    found = re.search(rf'id="{element}"[^>]*>(.*?)</p>', page, re.S)
    if found is None:
        return None
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def _done_run(event: Event, organizer: User) -> tuple[Run, ScheduleVersion]:
    run = services.start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert run.result is not None
    return run, run.result


def _moved_once(client: Client, event: Event, version: ScheduleVersion) -> None:
    """r-2 moved to the slot neither meeting uses (Amina attends both)."""
    starts = {row.start for row in version.assignments.all()}
    free = [i for i, start in enumerate(SLOTS) if start not in starts]
    assert len(free) == 1, starts
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    moved = client.post(f"{grid}move/", {"key": "r-2", "slot": str(free[0]), "table": "4"})
    assert moved.status_code == 302, moved.content.decode()


def _pdf_text(data: bytes, folder: Path) -> str:
    path = folder / "report.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return " ".join(done.stdout.decode().split())


@pytest.mark.django_db
def test_the_report_page_and_pdf_state_the_grids_proof_after_moves_by_hand(
    organizer: User,
    event: Event,
    client_for: Callable[[User | None], Client],
    tmp_path: Path,
) -> None:
    run, version = _done_run(event, organizer)
    client = client_for(organizer)
    grid_url = f"/organize/{event.slug}/versions/{version.number}/"
    report_url = f"/organize/{event.slug}/report/?version={version.number}"
    pdf_url = f"/organize/{event.slug}/report.pdf?version={version.number}"

    # as the run made it: the same proof on the grid, the report page and in the PDF
    grid = client.get(grid_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    proved = _shown(grid, "version-proof")
    assert proved is not None
    assert proved.startswith(f"Proof of quality (run #{run.pk}): ")
    page = client.get(report_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert _shown(page, "report-proof") == proved
    assert _shown(page, "report-now") is None
    pdf = client.get(pdf_url, HTTP_ACCEPT_LANGUAGE="en")
    assert pdf.status_code == 200
    assert proved in _pdf_text(pdf.content, tmp_path)

    # one meeting moved by hand: "before 1 move made by hand" and the figures now, as the grid
    _moved_once(client, event, version)
    grid = client.get(grid_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    proved = _shown(grid, "version-proof")
    now = _shown(grid, "version-now")
    assert proved is not None
    assert proved.startswith(f"Proof of quality (run #{run.pk}, before 1 move made by hand): ")
    assert now is not None
    assert now.startswith("This version now, after these moves: ")
    page = client.get(report_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert _shown(page, "report-proof") == proved
    assert _shown(page, "report-now") == now
    printed = _pdf_text(client.get(pdf_url, HTTP_ACCEPT_LANGUAGE="en").content, tmp_path)
    assert proved in printed
    assert now in printed


@pytest.mark.django_db
def test_a_version_no_run_made_states_no_proof(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[[User | None], Client],
    tmp_path: Path,
) -> None:
    client = client_for(organizer)
    page = client.get(
        f"/organize/{event.slug}/report/?version={draft.number}", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert _shown(page, "report-proof") is None
    pdf = client.get(f"/organize/{event.slug}/report.pdf?version={draft.number}")
    assert pdf.status_code == 200
    assert "Proof of quality" not in _pdf_text(pdf.content, tmp_path)


@pytest.mark.django_db
def test_the_terms_now_are_measured_once_per_version_moves_and_data(
    organizer: User,
    event: Event,
    client_for: Callable[[User | None], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A second view of a version moved by hand does not build the brokerage problem again
    (counted around the real builder); another move, or a change to the event's data,
    measures again."""
    from liqa.core.scheduling.brokerage import from_event
    from liqa.web.events.models import Person
    from liqa.web.scheduling import proofs

    run, version = _done_run(event, organizer)
    client = client_for(organizer)
    _moved_once(client, event, version)
    proofs.TERMS.clear()
    built: list[int] = []
    real = from_event.event_problem

    def counted(*args: object, **kwargs: object) -> object:
        built.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(from_event, "event_problem", counted)
    measured = proofs.terms_now(version, run)
    per_measure = len(built)  # the problem, and the version's meetings placed in it
    assert per_measure >= 1
    assert proofs.terms_now(version, run) == measured
    assert len(built) == per_measure
    assert measured["breaks"] >= 0

    # the grid: its other parts may build the problem too, the proof's terms once
    proofs.TERMS.clear()
    grid_url = f"/organize/{event.slug}/versions/{version.number}/"
    built.clear()
    first = client.get(grid_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    first_view = len(built)
    built.clear()
    second = client.get(grid_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert len(built) == first_view - per_measure
    assert _shown(second, "version-now") == _shown(first, "version-now") is not None

    # moved again (another table): measured again, not read from the first answer
    r2 = version.assignments.get(key="r-2")
    slot = SLOTS.index(r2.start)
    table = next(t for t in (4, 5) if t != r2.table)
    moved = client.post(f"{grid_url}move/", {"key": "r-2", "slot": str(slot), "table": str(table)})
    assert moved.status_code == 302, moved.content.decode()
    built.clear()
    proofs.terms_now(version, run)
    assert len(built) == per_measure

    # the event's data changed (a person renamed): its data stamp too, measured again
    person = Person.objects.filter(event=event).first()
    assert person is not None
    person.name = person.name + " Jr"
    person.save()
    built.clear()
    proofs.terms_now(version, run)
    assert len(built) == per_measure


def _proof_and_waiting(client: Client, event: Event, number: int) -> tuple[str | None, list[str]]:
    """The report's proof line of version ``number`` and its waiting figures (English)."""
    page = client.get(
        f"/organize/{event.slug}/report/?version={number}", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    rows = re.findall(r'<tr><th>(.*?)</th><td class="num">(.*?)</td></tr>', page)
    headings = {
        "Waiting between meetings (travel not counted)",
        "Breaks between meetings (free slots)",
    }
    waiting = [html.unescape(v) for name, v in rows if name in headings]
    return _shown(page, "report-proof"), waiting


@pytest.mark.django_db
def test_a_replanned_itinerary_version_states_its_own_runs_figures(
    client_for: Callable[[User | None], Client],
) -> None:
    """Three of the demo's visits cancelled, version 1 re-planned: version 2's grid and
    report state the re-plan's run and figures, version 1's still its own run's."""
    from liqa.core.i18n import translator
    from liqa.web.accounts import services as accounts
    from liqa.web.accounts.models import Role
    from liqa.web.events.models import CandidateVisit
    from liqa.web.events.services import import_mission_file
    from liqa.web.scheduling.proofs import proof_words
    from tests.web.factories import DEMO

    demo = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    user = accounts.user_for_email("organizer@example.org")
    accounts.grant(user, demo, Role.ORGANIZER)
    client = client_for(user)
    first, v1 = _done_run(demo, user)
    visits = [row.key for row in v1.assignments.filter(format="site_visit")]
    CandidateVisit.objects.filter(event=demo, key__in=visits[:3]).delete()
    started = client.post(f"/organize/{demo.slug}/runs/", {"base": str(v1.number)})
    assert started.status_code == 302
    again = Run.objects.exclude(pk=first.pk).get(event=demo)
    assert again.state == RunState.DONE, again.message
    assert again.base == v1
    assert again.result is not None
    v2 = again.result
    assert again.objective["idle_minutes"] != first.objective["idle_minutes"] or (
        again.objective["value"] != first.objective["value"]
    )
    for run, version in ((first, v1), (again, v2)):
        proof, waiting = _proof_and_waiting(client, demo, version.number)
        assert proof == f"Proof of quality (run #{run.pk}): {proof_words(run, 'en')}"
        idle = timedelta(minutes=round(run.objective["idle_minutes"]))
        assert waiting == [translator("en").format_duration(idle)]
        grid = client.get(
            f"/organize/{demo.slug}/versions/{version.number}/", HTTP_ACCEPT_LANGUAGE="en"
        ).content.decode()
        assert _shown(grid, "version-proof") == proof


@pytest.mark.django_db
def test_a_replanned_brokerage_version_states_its_own_runs_figures(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    from liqa.web.scheduling.proofs import proof_words

    client = client_for(organizer)
    first, v1 = _done_run(event, organizer)
    started = client.post(f"/organize/{event.slug}/runs/", {"base": str(v1.number)})
    assert started.status_code == 302
    again = Run.objects.exclude(pk=first.pk).get(event=event)
    assert again.state == RunState.DONE, again.message
    assert again.result is not None
    assert again.result != v1
    for run, version in ((first, v1), (again, again.result)):
        proof, waiting = _proof_and_waiting(client, event, version.number)
        assert proof == f"Proof of quality (run #{run.pk}): {proof_words(run, 'en')}"
        assert waiting == [f"{run.objective['breaks']:g}"]
        grid = client.get(
            f"/organize/{event.slug}/versions/{version.number}/", HTTP_ACCEPT_LANGUAGE="en"
        ).content.decode()
        assert _shown(grid, "version-proof") == proof
