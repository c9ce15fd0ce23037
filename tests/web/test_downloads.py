"""Downloads: the participant's PDF, the organizer's mission file and all outputs (PDFs too)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.http import FileResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django_tasks_db.models import DBTaskResult

from liqa.core.missionfile.loading import parse_event
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.pdfs import pdf_text
from tests.web.factories import person_user, run_worker

pytestmark = pytest.mark.usefixtures("data_dir")  # built outputs go to the test's own


@pytest.mark.slow  # WeasyPrint's first render takes tens of seconds on a loaded machine
def test_participant_pdf_agenda(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    chen = client_for(person_user("chen@example.org"))
    assert chen.get(f"/me/{event.slug}/agenda.pdf").status_code == 404  # not published yet
    publish(draft, notify=False)
    response = chen.get(f"/me/{event.slug}/agenda.pdf")
    assert (response["Content-Type"], response.content[:5]) == ("application/pdf", b"%PDF-")


def test_mission_file_download_reads_back_equal(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    response = client_for(organizer).get(f"/organize/{event.slug}/mission.yaml")
    assert response.status_code == 200
    assert parse_event(response.content.decode(), "download.yaml") == event_record(event)


def _zip(response: HttpResponseBase) -> zipfile.ZipFile:
    assert (response.status_code, response["Content-Type"]) == (200, "application/zip")
    assert isinstance(response, FileResponse)
    return zipfile.ZipFile(io.BytesIO(response.getvalue()))


def test_all_outputs_of_a_version_as_a_zip_with_pdfs(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> None:
    archive = _zip(client_for(organizer).get(f"/organize/{event.slug}/versions/1/outputs.zip"))
    names = set(archive.namelist())
    pdfs = sorted(name for name in names if name.endswith(".pdf"))
    assert {"index.html", "ar/agendas/p-amina.ics", "en/grid.xlsx"} <= names
    assert pdfs == [
        f"{lang}/{name}.pdf"
        for lang in ("ar", "en", "fr")
        for name in (
            "agendas/p-amina",
            *(["host-sheets"] if lang != "ar" else []),
            "organizations/o-alpha",
            "report",
            "run-sheet",
            "table-plan",
        )
    ]
    assert {archive.read(name)[:5] for name in pdfs} == {b"%PDF-"}
    agenda = pdf_text(archive.read("fr/agendas/p-amina.pdf"), tmp_path, layout=True)
    assert ("Amina Idrissi" in agenda, "Bruno Martin" in agenda) == (True, True)


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_outputs_zip_built_by_a_worker_then_kept_until_the_event_changes(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[..., Client],
    settings: Any,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/outputs.zip"
    waiting = client.get(url)
    assert (waiting.status_code, 'id="outputs-building"' in waiting.content.decode()) == (
        202,
        True,
    )
    assert client.get(url).status_code == 202  # asked again: still one build queued
    assert DBTaskResult.objects.count() == 1
    run_worker("test-outputs")
    assert "en/agendas/p-amina.pdf" in _zip(client.get(url)).namelist()
    assert (_zip(client.get(url)).testzip(), DBTaskResult.objects.count()) == (None, 1)  # kept
    event.people.filter(key="p-chen").update(name="Chen Li-Wei")
    assert (client.get(url).status_code, DBTaskResult.objects.count()) == (202, 2)  # rebuilt


def test_outputs_zip_refused_to_other_roles(
    event: Event,
    draft: ScheduleVersion,
    host_admin: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> None:
    url = f"/organize/{event.slug}/versions/1/outputs.zip"
    statuses = [
        client_for(user).get(url).status_code
        for user in (person_user("amina@example.org"), host_admin)
    ]
    assert (statuses, client_for(None).get(url).status_code) == ([403, 403], 302)
    assert not (tmp_path / "data" / "outputs").exists()
