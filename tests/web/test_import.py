"""Importing a mission file: all or nothing, every problem listed with where and how to fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core.missionfile.loading import load_event
from liqa.core.problems import InputError
from liqa.web.accounts.models import Membership
from liqa.web.events import models as rows
from liqa.web.events.records import event_record
from liqa.web.events.services import import_event, import_mission_file
from tests.web.factories import make_core_event

DEMO = Path(__file__).resolve().parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"

BROKEN = b"""liqa: 1
event: {id: broken, kind: trade_mission, title: Broken}
legs:
  - {id: houston, city: Houston, timezone: America/Chicago, start: 2024-02-11, end: 2024-02-15}
organizations:
  - {id: o1, name: One, side: delegation}
people:
  - {id: p1, name: Person One, organization: o-missing}
"""


@pytest.mark.django_db
def test_demo_mission_imports_and_reads_back_equal() -> None:
    row = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    assert event_record(row) == load_event(DEMO)


@pytest.mark.django_db
def test_broken_file_writes_nothing_and_names_the_field() -> None:
    with pytest.raises(InputError) as caught:
        import_mission_file(BROKEN, "broken.yaml")
    assert [(p.line, p.path, p.code) for p in caught.value.problems] == [
        (8, "people[0].organization", "unknown_reference")
    ]
    assert (rows.Event.objects.count(), rows.Person.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_same_event_twice_is_refused_unless_replacing() -> None:
    event = make_core_event()
    import_event(event, filename="a.yaml")
    with pytest.raises(InputError) as caught:
        import_event(event, filename="a.yaml")
    assert [p.code for p in caught.value.problems] == ["duplicate_event"]
    import_event(event, filename="a.yaml", replace=True)
    assert (rows.Event.objects.count(), rows.Person.objects.count()) == (1, 3)


@pytest.mark.django_db
def test_not_utf8_is_reported_with_its_line() -> None:
    with pytest.raises(InputError) as caught:
        import_mission_file(b"liqa: 1\nevent:\n  id: caf\xe9\n", "latin1.yaml")
    assert [(p.line, p.code) for p in caught.value.problems] == [(3, "not_utf8")]


def test_import_page_lists_problems_and_keeps_nothing(
    organizer: User, client_for: Callable[..., Client]
) -> None:
    upload = SimpleUploadedFile("broken.yaml", BROKEN, content_type="application/yaml")
    response = client_for(organizer).post("/events/import/", {"mission": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "broken.yaml:8" in page
    assert "<code>people[0].organization</code>" in page
    assert rows.Event.objects.filter(slug="broken").exists() is False


def test_import_page_makes_the_importer_organizer_and_enrols_people(
    organizer: User, client_for: Callable[..., Client]
) -> None:
    upload = SimpleUploadedFile("mission.yaml", DEMO.read_bytes())
    response = client_for(organizer).post("/events/import/", {"mission": upload})
    assert response.status_code == 302
    assert response["Location"] == "/organize/morocco-us-digital-2024/?imported=mission.yaml"
    event = rows.Event.objects.get(slug="morocco-us-digital-2024")
    with_email = rows.Person.objects.filter(event=event).exclude(email="").count()
    roles = Membership.objects.filter(event=event)
    assert (roles.filter(role="organizer").count(), roles.filter(role="participant").count()) == (
        1,
        with_email,
    )


def test_the_overview_after_an_import_says_the_file_is_imported(
    organizer: User, client_for: Callable[..., Client]
) -> None:
    """Importing landed on the overview without a word; it now says which file it stored
    (its name escaped: it is the uploader's text)."""
    client = client_for(organizer)
    upload = SimpleUploadedFile("<i>mission.yaml", DEMO.read_bytes())
    response = client.post("/events/import/", {"mission": upload}, HTTP_ACCEPT_LANGUAGE="fr")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert (
        '<p class="notice" role="status" id="imported">&lt;i&gt;mission.yaml est '
        "importé : les chiffres ci-dessous sont ce qu'il contient.</p>"
    ) in page.replace("&#39;", "'")
    assert 'id="imported"' not in client.get("/organize/morocco-us-digital-2024/").content.decode()
