"""A mission file replacing an event, when it withdraws sign-in access (a person given
another address; a host administrator's role of a host the file no longer has), stops
at a preview with the exact account counts and the names of those who lose access; nothing
is stored until the organizer confirms. A replacement that changes no access is stored at
once. Runs on SQLite, and on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event, Person
from liqa.web.events.staged_uploads import root
from tests.web.factories import make_core_event
from tests.web.spreadsheet_steps import staged_token, tables, upload

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _chen_readdressed() -> core.Event:
    event = make_core_event()
    people = tuple(
        dataclasses.replace(p, email="li.chen@newco.example") if p.id == "p-chen" else p
        for p in event.people
    )
    return dataclasses.replace(event, people=people)


def _replace(client: Client, event: core.Event) -> Any:
    text = dumps_event(event).encode()
    mission = SimpleUploadedFile("mission.yaml", text, content_type="application/yaml")
    return client.post("/events/import/", {"mission": mission, "replace": "on"})


def _decide(client: Client, answer: str, action: str = "confirm") -> Any:
    found = re.search(r'name="staged" value="([^"]+)"', answer)
    assert found, answer
    slug = re.search(r'name="event" value="([^"]+)"', answer)
    assert slug, answer
    data = {"staged": found.group(1), "event": slug.group(1), "action": action}
    return client.post("/events/import/", data)


def _access(slug: str) -> dict[int, str]:
    members = Membership.objects.filter(event__slug=slug).select_related("user")
    return {m.user_id: m.user.email for m in members}


def test_a_new_address_in_a_replacing_mission_file_is_previewed(
    event: Event, organizer_client: Client
) -> None:
    before, users = _access(event.slug), get_user_model().objects.count()
    response = _replace(organizer_client, _chen_readdressed())
    answer = response.content.decode()
    assert response.status_code == 200, answer[:300]
    told = [
        "1 sign-in account will be created for a new address.",
        "3 accounts will keep their access to the event.",
        "1 account will lose its access to the event.",
    ]
    assert [line for line in told if line in answer] == told
    withdrawn = answer.split('id="access-withdrawn">', 1)[1].split("</ul>", 1)[0]
    assert ("Chen Li" in withdrawn, "chen@example.org" in withdrawn) == (True, True)
    assert Person.objects.get(event__slug=event.slug, key="p-chen").email == "chen@example.org"
    assert (_access(event.slug), get_user_model().objects.count()) == (before, users)


def test_cancelling_a_mission_preview_stores_nothing(
    event: Event, organizer_client: Client
) -> None:
    before, users = _access(event.slug), get_user_model().objects.count()
    answer = _replace(organizer_client, _chen_readdressed()).content.decode()
    done = _decide(organizer_client, answer, "cancel")
    assert done.status_code == 200
    assert 'id="cancelled"' in done.content.decode()
    assert Person.objects.get(event__slug=event.slug, key="p-chen").email == "chen@example.org"
    assert (_access(event.slug), get_user_model().objects.count()) == (before, users)
    assert list(root().iterdir()) == []


def test_confirming_a_mission_preview_replaces_and_the_accounts_are_as_previewed(
    event: Event, organizer_client: Client
) -> None:
    before, users = _access(event.slug), get_user_model().objects.count()
    answer = _replace(organizer_client, _chen_readdressed()).content.decode()
    done = _decide(organizer_client, answer)
    assert done.status_code == 302, done.content.decode()[:300]
    after = _access(event.slug)
    created = get_user_model().objects.count() - users
    given, kept = len(set(after) - set(before)) - created, len(set(before) & set(after))
    assert (created, given, kept, len(set(before) - set(after))) == (1, 0, 3, 1)
    assert [before[pk] for pk in set(before) - set(after)] == ["chen@example.org"]
    assert Person.objects.get(event__slug=event.slug, key="p-chen").email == (
        "li.chen@newco.example"
    )


def test_a_replacement_names_the_host_administrator_it_drops(
    event: Event, organizer_client: Client, host_admin: User
) -> None:
    full = make_core_event()
    without_beta = dataclasses.replace(
        full,
        organizations=tuple(o for o in full.organizations if o.id != "o-beta"),
        people=tuple(p for p in full.people if p.id != "p-bruno"),
        requests=tuple(r for r in full.requests if r.id == "r-2"),
    )
    response = _replace(organizer_client, without_beta)
    answer = response.content.decode()
    assert response.status_code == 200, answer[:300]
    withdrawn = answer.split('id="access-withdrawn">', 1)[1].split("</ul>", 1)[0]
    assert "admin@beta.example" in withdrawn


def test_a_replacement_that_changes_no_access_is_stored_at_once(
    event: Event, organizer_client: Client
) -> None:
    before = _access(event.slug)
    changed = dataclasses.replace(make_core_event(), title={"en": "Renamed"})
    response = _replace(organizer_client, changed)
    assert response.status_code == 302, response.content.decode()[:300]
    assert _access(event.slug) == before
    assert Event.objects.get(slug=event.slug).title == {"en": "Renamed"}


def test_a_role_granted_after_the_mission_preview_stops_the_confirmation(
    event: Event, organizer_client: Client, stranger: User
) -> None:
    answer = _replace(organizer_client, _chen_readdressed()).content.decode()
    accounts.grant(stranger, event, Role.PARTICIPANT, person="p-chen")  # withdrawn too
    done = _decide(organizer_client, answer)
    assert done.status_code == 400
    assert "the event changed since the preview" in done.content.decode()
    assert Person.objects.get(event__slug=event.slug, key="p-chen").email == "chen@example.org"


def test_a_spreadsheet_preview_cannot_be_confirmed_as_a_mission_file(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    people = tables(event, tmp_path)["people"]
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("chen@example.org", "li.chen@example.org"), encoding="utf-8")
    answer = upload(organizer_client, event.slug, [people], "keep")
    token = staged_token(answer)
    data = {"staged": token, "event": event.slug, "action": "confirm"}
    done = organizer_client.post("/events/import/", data)
    assert (done.status_code, 'id="stale"' in done.content.decode()) == (400, True)
    assert Person.objects.get(event__slug=event.slug, key="p-chen").email == "chen@example.org"


def test_the_mission_preview_names_people_in_the_arabic_readers_script(
    event: Event, dina: Person, organizer_client: Client
) -> None:
    organizer_client.cookies["django_language"] = "ar"
    response = _replace(organizer_client, make_core_event())  # without Dina
    answer = response.content.decode()
    assert response.status_code == 200, answer[:300]
    withdrawn = answer.split('id="access-withdrawn">', 1)[1].split("</ul>", 1)[0]
    assert ("دينا حداد" in withdrawn, "Dina Haddad" in withdrawn) == (True, False)
    assert '<bdi dir="ltr">dina@example.org</bdi>' in withdrawn
    assert Person.objects.filter(event__slug=event.slug, key="p-dina").exists()
