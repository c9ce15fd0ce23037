"""What the history says of an import: what was there before and what changed.

Before, replacing an event by importing its mission file read "People: — → 4" (the
event's own rows were deleted and stored again, so the entry looked like a new event's),
and an upload that changed only values read "People: 3 → 3". The entry now keeps, per
table, how many records were added, removed and changed: a count that changed reads
"People: 3 → 4", a table that had none "3 people imported", and an unchanged count is left
out for what changed ("1 person's details changed"). Runs on SQLite, and on PostgreSQL
with ``DATABASE_URL``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event
from tests.web.factories import history_changes, make_core_event
from tests.web.spreadsheet_steps import tables, upload_confirmed

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]

SLUG = "tunis-b2b-2030"
DINA = core.Person("p-dina", "Dina Haddad", "o-gamma", email="dina@example.org")


def _import(client: Client, event: core.Event) -> None:
    """``event`` as a mission file, imported over the stored event (the preview of the
    accounts losing access confirmed, when it withdraws any)."""
    text = dumps_event(event)
    upload = SimpleUploadedFile("mission.yaml", text.encode(), content_type="application/yaml")
    response = client.post("/events/import/", {"mission": upload, "replace": "on"})
    staged = re.search(r'name="staged" value="([^"]+)"', response.content.decode())
    if response.status_code == 200 and staged:
        data = {"staged": staged.group(1), "event": event.id, "action": "confirm"}
        response = client.post("/events/import/", data)
    assert response.status_code == 302, response.content.decode()


def _last_import(client: Client, lang: str = "en") -> list[str]:
    """The change lines of the newest import entry on the history page."""
    page = client.get(f"/organize/{SLUG}/history/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    newest = page.split('class="entry-changes"')[1].split("</tr>")[0]
    return history_changes('class="history"' + newest)


def _imports() -> list[dict[str, Any]]:
    entries = AuditEntry.objects.filter(event=SLUG, model="event", action="imported")
    return [entry.changes for entry in entries.order_by("id")]


def test_replacing_by_a_mission_file_says_what_was_there_before(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    core_event = make_core_event()
    _import(
        client_for(organizer), dataclasses.replace(core_event, people=(*core_event.people, DINA))
    )
    assert _imports()[-1] == {
        "people": [3, 4],
        "records": [None, {"people": {"added": 1}}],
    }
    assert _last_import(client_for(organizer)) == ["People: 3 → 4"]


def test_a_new_event_reads_as_what_was_imported(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    assert _imports() == [{"organizations": [None, 3], "people": [None, 3], "requests": [None, 3]}]
    assert _last_import(client_for(organizer)) == [
        "3 organizations imported",
        "3 people imported",
        "3 requests imported",
    ]


def test_the_same_mission_file_again_records_nothing(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    _import(client_for(organizer), make_core_event())
    assert len(_imports()) == 1


def test_a_mission_file_changing_values_only_says_what_changed_not_the_same_count(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    core_event = make_core_event()
    people = list(core_event.people)
    people[2] = dataclasses.replace(people[2], email="li.chen@example.org")
    requests = [dataclasses.replace(r, message="Changed") for r in core_event.requests[:2]]
    changed = dataclasses.replace(
        core_event, people=tuple(people), requests=(*requests, core_event.requests[2])
    )
    _import(client_for(organizer), changed)
    assert _imports()[-1] == {
        "people": [3, 3],
        "requests": [3, 3],
        "records": [None, {"people": {"changed": 1}, "requests": {"changed": 2}}],
    }
    assert _last_import(client_for(organizer)) == [
        "1 person's details changed",
        "2 requests' details changed",
    ]


def test_an_upload_changing_an_address_says_a_persons_details_changed(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    people = tables(event, tmp_path)["people"]
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("chen@example.org", "li.chen@example.org"), encoding="utf-8")
    answer = upload_confirmed(organizer_client, SLUG, [people], None)  # Chen's old address
    assert answer.startswith("200 "), answer
    assert _imports()[-1] == {"people": [3, 3], "records": [None, {"people": {"changed": 1}}]}
    assert _last_import(organizer_client) == ["1 person's details changed"]


def test_a_person_swapped_for_another_says_added_and_removed(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    core_event = make_core_event()
    requests = tuple(r for r in core_event.requests if "p-chen" not in (r.requester, r.target))
    swapped = dataclasses.replace(
        core_event, people=(*core_event.people[:2], DINA), requests=requests
    )
    _import(client_for(organizer), swapped)
    assert _last_import(client_for(organizer)) == [
        "1 person added",
        "1 person removed",
        "Requests: 3 → 1",
    ]


def test_an_entry_recorded_before_the_details_leaves_the_same_count_out(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    AuditEntry.objects.create(
        event=SLUG,
        actor="org",
        model="event",
        key=SLUG,
        action="imported",
        changes={"people": [3, 3], "requests": [3, 4]},
    )
    assert _last_import(client_for(organizer)) == [
        "People: details changed",
        "Requests: 3 → 4",
    ]
