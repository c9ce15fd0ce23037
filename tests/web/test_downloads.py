"""Downloads: the participant's PDF, the organizer's mission file and all outputs."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core.missionfile.loading import parse_event
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user


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


def test_all_outputs_of_a_version_as_a_zip(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    response = client_for(organizer).get(f"/organize/{event.slug}/versions/1/outputs.zip")
    names = set(zipfile.ZipFile(io.BytesIO(response.content)).namelist())
    assert {"index.html", "ar/agendas/p-amina.ics", "en/grid.xlsx"} <= names
    assert not any(name.endswith(".pdf") for name in names)
