"""Replacing an event by its mission file keeps the accounts the file does not manage: every
organizer role, and each host administrator role whose host the file still has (the file
lists neither). A host administrator of a host the file no longer has is named in the
preview, withdrawn on confirming and the history records it. The preview's check and the
replacement are one step under the event's lock. Runs on SQLite, and on PostgreSQL with
``DATABASE_URL``."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.core.problems import InputError
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.events import services
from liqa.web.events.models import Event, Person
from tests.web.factories import host_admins, host_role_withdrawals, make_core_event

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


@pytest.fixture
def second_organizer(event: Event) -> User:
    """Another organizer of the event, granted on the web."""
    user = accounts.user_for_email("second@example.org")
    accounts.grant(user, event, Role.ORGANIZER)
    return user


@pytest.fixture
def gamma_admin(event: Event) -> User:
    """The administrator of host Gamma Farms, granted on the web."""
    user = accounts.user_for_email("admin@gamma.example")
    accounts.grant(user, event, Role.HOST_ADMIN, organization="o-gamma")
    return user


def _without_gamma() -> core.Event:
    """The test event without host Gamma Farms, its person Chen and Chen's requests."""
    event = make_core_event()
    return dataclasses.replace(
        event,
        organizations=tuple(o for o in event.organizations if o.id != "o-gamma"),
        people=tuple(p for p in event.people if p.id != "p-chen"),
        requests=tuple(r for r in event.requests if r.id == "r-1"),
    )


def _renamed() -> core.Event:
    return dataclasses.replace(make_core_event(), title={"en": "Renamed"})


def _replace(client: Client, event: core.Event) -> Any:
    text = dumps_event(event).encode()
    mission = SimpleUploadedFile("mission.yaml", text, content_type="application/yaml")
    return client.post("/events/import/", {"mission": mission, "replace": "on"})


def _decide(client: Client, answer: str, action: str = "confirm") -> Any:
    found = re.search(r'name="staged" value="([^"]+)"', answer)
    assert found, answer[:500]
    slug = re.search(r'name="event" value="([^"]+)"', answer)
    assert slug, answer[:500]
    data = {"staged": found.group(1), "event": slug.group(1), "action": action}
    return client.post("/events/import/", data)


def _roles(slug: str) -> set[tuple[str, str, str]]:
    members = Membership.objects.filter(event__slug=slug)
    return set(members.values_list("user__email", "role", "organization"))


def _listed(answer: str, ident: str) -> str:
    return answer.split(f'id="{ident}">', 1)[1].split("</ul>", 1)[0] if ident in answer else ""


def test_a_second_organizer_and_a_kept_hosts_administrator_keep_access(
    event: Event, organizer_client: Client, second_organizer: User, host_admin: User
) -> None:
    before = _roles(event.slug)
    response = _replace(organizer_client, _renamed())
    assert response.status_code == 302, response.content.decode()[:500]
    assert Event.objects.get(slug=event.slug).title == {"en": "Renamed"}
    assert _roles(event.slug) == before
    assert ("second@example.org", "organizer", "") in before
    assert ("admin@beta.example", "host_admin", "o-beta") in before


def test_a_confirmed_replacement_keeps_them_too(
    event: Event, organizer_client: Client, second_organizer: User, host_admin: User
) -> None:
    readdressed = make_core_event()
    people = tuple(
        dataclasses.replace(p, email="li.chen@newco.example") if p.id == "p-chen" else p
        for p in readdressed.people
    )
    answer = _replace(organizer_client, dataclasses.replace(readdressed, people=people))
    text = answer.content.decode()
    assert answer.status_code == 200, text[:500]
    lost = _listed(text, "access-withdrawn")
    assert ("chen@example.org" in lost, "second@" in lost, "admin@beta" in lost) == (
        True,
        False,
        False,
    )
    assert "5 accounts will keep their access to the event." in text  # org, 2nd, beta, A., B.
    done = _decide(organizer_client, text)
    assert done.status_code == 302, done.content.decode()[:500]
    roles = _roles(event.slug)
    assert ("second@example.org", "organizer", "") in roles
    assert ("admin@beta.example", "host_admin", "o-beta") in roles
    assert ("chen@example.org", "participant", "") not in roles


def test_an_administrator_granted_from_a_person_who_stays_keeps_the_role(
    event: Event, organizer_client: Client
) -> None:
    accounts.grant_host(event, "o-beta", "p-bruno")
    response = _replace(organizer_client, _renamed())
    assert response.status_code == 302, response.content.decode()[:500]
    assert host_admins(Event.objects.get(slug=event.slug)) == [("bruno@example.org", "o-beta")]


def test_the_administrator_of_a_host_the_file_drops_is_previewed_and_withdrawn(
    event: Event,
    organizer_client: Client,
    second_organizer: User,
    host_admin: User,
    gamma_admin: User,
) -> None:
    response = _replace(organizer_client, _without_gamma())
    text = response.content.decode()
    assert response.status_code == 200, text[:500]
    hosts = _listed(text, "hosts-withdrawn")
    assert ("admin@gamma.example" in hosts, "Gamma Farms" in hosts, "admin@beta" in hosts) == (
        True,
        True,
        False,
    )
    lost = _listed(text, "access-withdrawn")
    addresses = re.findall(r'<bdi dir="ltr">([^<]+)</bdi>', lost)
    assert sorted(addresses) == ["admin@gamma.example", "chen@example.org"]
    assert "2 accounts will lose their access to the event." in text
    assert "5 accounts will keep their access to the event." in text  # org, 2nd, beta, A., B.
    done = _decide(organizer_client, text)
    assert done.status_code == 302, done.content.decode()[:500]
    row = Event.objects.get(slug=event.slug)
    assert host_admins(row) == [("admin@beta.example", "o-beta")]
    assert ("second@example.org", "organizer", "") in _roles(event.slug)
    assert host_role_withdrawals(row) == [("org", "o-gamma", ["admin@gamma.example", ""])]


def test_the_preview_counts_what_the_replacement_does(
    event: Event,
    organizer_client: Client,
    second_organizer: User,
    host_admin: User,
    gamma_admin: User,
) -> None:
    before = {m.user_id for m in Membership.objects.filter(event=event)}
    changes = services.mission_preview(event, _without_gamma(), None).accounts
    services.import_event(_without_gamma(), filename="mission.yaml", replace=True)
    row = Event.objects.get(slug=event.slug)
    accounts.enrol_everyone(row)
    after = {m.user_id for m in Membership.objects.filter(event=row)}
    assert (changes.kept, changes.withdrawn, changes.given, changes.created) == (
        len(before & after),
        len(before - after),
        len(after - before),
        0,
    )
    assert sorted(a.email for a in changes.lost) == ["admin@gamma.example", "chen@example.org"]


def test_a_role_granted_after_the_preview_on_a_dropped_host_stops_the_confirmation(
    event: Event, organizer_client: Client, stranger: User
) -> None:
    answer = _replace(organizer_client, _without_gamma()).content.decode()
    accounts.grant(stranger, event, Role.HOST_ADMIN, organization="o-gamma")
    done = _decide(organizer_client, answer)
    assert done.status_code == 400
    assert "the event changed since the preview" in done.content.decode()
    assert Person.objects.filter(event__slug=event.slug, key="p-chen").exists()
    assert ("stranger@example.org", "host_admin", "o-gamma") in _roles(event.slug)


def test_the_replacement_checks_what_was_previewed_under_the_events_lock(
    event: Event, gamma_admin: User, stranger: User
) -> None:
    """The check is part of the import's transaction: given what the preview showed, the
    replacement refuses, storing nothing, when it no longer holds."""
    preview = services.mission_preview(event, _without_gamma(), None)
    accounts.grant(stranger, event, Role.HOST_ADMIN, organization="o-gamma")
    with pytest.raises(InputError) as refused:
        services.import_event(
            _without_gamma(),
            filename="mission.yaml",
            replace=True,
            expected=preview.expected(),
        )
    assert [p.code for p in refused.value.problems] == ["changed_since_preview"]
    assert Person.objects.filter(event__slug=event.slug, key="p-chen").exists()
    assert Event.objects.get(slug=event.slug).pk == event.pk
