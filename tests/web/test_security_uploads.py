"""Upload limits: mission files and spreadsheets above LIQA_MAX_UPLOAD_MB are refused clearly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.web.events.models import Event, Person
from tests.web.factories import DEMO

MB = 1024 * 1024


def _oversized(name: str, megabytes: float) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"#" * int(megabytes * MB))


def test_mission_file_above_the_limit_is_refused_with_its_name(
    organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    before = Event.objects.count()
    response = client_for(organizer).post(
        "/events/import/", {"mission": _oversized("huge-mission.yaml", 10.5)}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "1 problem in huge-mission.yaml: nothing was imported" in page
    assert "the file is 10.5 MB; at most 10 MB is accepted" in page
    assert Event.objects.count() == before


def test_mission_file_under_the_limit_is_imported(
    organizer: User, client_for: Callable[[User | None], Client], settings: pytest.FixtureRequest
) -> None:
    settings.LIQA_SCHEDULER_SECONDS = 1.0  # type: ignore[attr-defined]
    upload = SimpleUploadedFile("mission.yaml", DEMO.read_bytes())
    response = client_for(organizer).post("/events/import/", {"mission": upload})
    assert (response.status_code, response["Location"]) == (
        302,
        "/organize/morocco-us-digital-2024/?imported=mission.yaml",
    )


def test_spreadsheets_above_the_limit_are_each_named_in_french(
    event: Event,
    organizer: User,
    client_for: Callable[[User | None], Client],
    settings: pytest.FixtureRequest,
) -> None:
    settings.LIQA_MAX_UPLOAD_MB = 1  # type: ignore[attr-defined]
    settings.LIQA_MAX_UPLOAD_BYTES = MB  # type: ignore[attr-defined]
    people = Person.objects.filter(event=event).count()
    client = client_for(organizer)
    client.cookies["django_language"] = "fr"
    response = client.post(
        f"/events/{event.slug}/spreadsheets/",
        {
            "sheets": [
                _oversized("people.csv", 1.5),
                SimpleUploadedFile("requests.csv", b"from,to\n"),
                _oversized("orgs.xlsx", 2),
            ]
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert [name in page for name in ("people.csv", "orgs.xlsx", "requests.csv")] == [
        True,
        True,
        False,
    ]
    assert page.count("au plus 1 Mo sont acceptés") == 2
    assert "le fichier fait 1,5 Mo" in page
    assert Person.objects.filter(event=event).count() == people


def test_form_fields_beyond_the_memory_limit_are_refused(db: None) -> None:
    response = Client().post("/accounts/signin/", {"email": "a" * (3 * MB)})
    assert response.status_code == 400
