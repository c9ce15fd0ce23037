"""Organizers download an event's backup from the web (``/organize/<slug>/backup.zip``):
only they get it, no cache keeps it, it restores as ``liqa import`` restores the archive
``liqa export`` writes, and the event's history records who took it."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse
from django.test import Client

from liqa.core.missionfile import dumps_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.audit.models import AuditEntry
from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event, Outcome
from liqa.web.events.records import store_event
from tests.web.backup.conftest import Busy, busy, empty_database  # noqa: F401 (a fixture)
from tests.web.factories import make_core_event, person_user


def _url(event: Event) -> str:
    return f"/organize/{event.slug}/backup.zip"


@pytest.fixture
def other_organizer(db: None) -> User:
    """The organizer of another event, with no role in the test event."""
    user = accounts.user_for_email("other-organizer@example.org")
    accounts.grant(user, store_event(make_core_event("other-b2b-2030")), Role.ORGANIZER)
    return user


@pytest.mark.parametrize("role", ["anonymous", "delegate", "host", "host_staff", "other"])
def test_only_the_event_s_organizers_download_its_backup(
    role: str,
    event: Event,
    organizer: User,
    host_admin: User,
    other_organizer: User,
    client_for: Callable[[User | None], Client],
) -> None:
    users = {
        "anonymous": None,
        "delegate": person_user("amina@example.org"),
        "host": host_admin,
        "host_staff": person_user("chen@example.org"),
        "other": other_organizer,
    }
    response = client_for(users[role]).get(_url(event))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/signin/?next=")
    else:
        assert response.status_code == 403
    assert not AuditEntry.objects.filter(model="backup").exists()
    allowed = client_for(organizer).get(_url(event))
    allowed.getvalue()  # read to its end, which closes the file it streams from
    assert allowed.status_code == 200


def test_the_backup_is_private_and_named_after_the_event_and_its_date(
    event: Event, organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    response = client_for(organizer).get(_url(event))
    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    found = re.fullmatch(
        r'attachment; filename="tunis-b2b-2030-backup-(\d{4}-\d{2}-\d{2})\.zip"',
        response["Content-Disposition"],
    )
    assert found is not None, response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["event"] == event.slug
    created = datetime.fromisoformat(manifest["created_at"])
    assert created.utcoffset() is not None
    assert created.date().isoformat() == found.group(1)  # the manifest's UTC date


def test_a_signed_out_visitor_is_sent_to_sign_in_and_back(
    event: Event, client_for: Callable[[User | None], Client]
) -> None:
    response = client_for(None).get(_url(event))
    assert response["Location"] == f"/accounts/signin/?next={_url(event)}"


def test_the_downloaded_backup_restores_into_an_empty_database(
    busy: Busy,  # noqa: F811 (the fixture imported above)
    client_for: Callable[[User | None], Client],
    tmp_path: Path,
) -> None:
    organizer = User.objects.get(email="organizer@example.org")
    expected = backup_event(busy.event).counts
    response = client_for(organizer).get(_url(busy.event))
    assert response.status_code == 200
    path = tmp_path / "downloaded.zip"
    path.write_bytes(response.getvalue())
    empty_database()
    restored = restore_backup(path)
    assert restored.event.slug == busy.event.slug
    assert restored.counts == expected  # what the archive says it holds
    assert backup_event(restored.event).counts == expected  # what the database now holds
    assert expected["people"] > 0


def test_the_download_is_recorded_in_the_event_s_history(
    event: Event, organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    client = client_for(organizer)
    response = client.get(_url(event))
    name = re.findall(r'filename="(.+)"', response["Content-Disposition"])[0]
    response.getvalue()  # read to its end, which closes the file it streams from
    [entry] = AuditEntry.objects.filter(event=event.slug, model="backup")
    assert (entry.action, entry.key, entry.user, entry.actor) == (
        "downloaded",
        name,
        organizer,
        "org",
    )
    page = client.get(f"/organize/{event.slug}/history/").content.decode()
    newest = page.split('<tr class="entry">')[1]  # newest first; no changes listed
    assert "downloaded</span> · Event backup <code>" + name + "</code>" in newest
    assert 'class="entry-changes"' not in newest


def test_the_overview_links_the_backup_next_to_the_mission_file(
    event: Event, organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    page = client_for(organizer).get(f"/organize/{event.slug}/").content.decode()
    mission = page.index('id="mission-file"')
    backup = page.index(f'<a href="{_url(event)}" id="backup-download">')
    assert 0 < backup - mission < 200
    assert "Download a backup of this event</a>" in page


def test_the_replace_preview_links_the_backup_and_keeps_the_command(
    organizer: User,
    event: Event,
    client_for: Callable[[User | None], Client],
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.DATA_DIR = tmp_path / "data"
    Outcome.objects.create(event=event, assignment="r-2", kind="held", follow_up="call")
    core_event = make_core_event()
    without_r2 = dataclasses.replace(
        core_event, requests=tuple(r for r in core_event.requests if r.id != "r-2")
    )
    upload = SimpleUploadedFile("mission.yaml", dumps_event(without_r2).encode())
    answer = client_for(organizer).post("/events/import/", {"mission": upload, "replace": "on"})
    html = answer.content.decode()
    paragraph = html.split('<p id="work-backup">')[1].split("</p>")[0]
    assert f'<a href="{_url(event)}" id="work-backup-download">' in paragraph
    assert "liqa export --event tunis-b2b-2030 -o backup.zip" in paragraph
