"""Access follows the people of an event: re-imported spreadsheets withdraw stale accounts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from liqa.core.spreadsheets import export_event
from liqa.web.accounts.models import Membership, Role
from liqa.web.agendas.services import create_feed
from liqa.web.events.models import Event, Person
from tests.web.factories import make_core_event, person_user
from tests.web.spreadsheet_steps import upload_confirmed


def _reimport(client: Client, slug: str, files: list[Path]) -> int:
    """Upload the tables as the event's whole tables (records they leave out are removed)."""
    return int(upload_confirmed(client, slug, files, "remove").split(" ", 1)[0])


def _tables_without(folder: Path, person: str, organization: str) -> list[Path]:
    """The test event's tables as CSV files without ``person``, ``organization`` and the
    requests the person is a party to."""
    core_event = make_core_event()
    without = dataclasses.replace(
        core_event,
        people=tuple(p for p in core_event.people if p.id != person),
        organizations=tuple(o for o in core_event.organizations if o.id != organization),
        requests=tuple(r for r in core_event.requests if person not in (r.requester, r.target)),
    )
    return export_event(without, folder)


def test_new_address_for_a_person_locks_the_old_one_out(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    old_chen = client_for(person_user("chen@example.org"))
    secret = create_feed(event, "p-chen")
    core_event = make_core_event()
    moved = tuple(
        dataclasses.replace(p, email="li.chen@newco.example", phone="+216 999 000")
        if p.id == "p-chen"
        else p
        for p in core_event.people
    )
    files = export_event(dataclasses.replace(core_event, people=moved), tmp_path / "csv")
    assert _reimport(client_for(organizer), event.slug, files) == 200
    profile = old_chen.get(f"/me/{event.slug}/profile/")
    assert (profile.status_code, "+216 999 000" in profile.content.decode()) == (403, False)
    assert Client().get(f"/feeds/{secret}.ics").status_code == 404
    holders = Membership.objects.filter(event=event, role=Role.PARTICIPANT, person="p-chen")
    assert [m.user.email for m in holders] == ["li.chen@newco.example"]


def test_person_removed_from_the_event_loses_access(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    old_chen = client_for(person_user("chen@example.org"))
    files = _tables_without(tmp_path / "csv", "p-chen", "o-gamma")
    assert _reimport(client_for(organizer), event.slug, files) == 200
    assert old_chen.get(f"/me/{event.slug}/").status_code == 403
    assert client_for(person_user("amina@example.org")).get(f"/me/{event.slug}/").status_code == 200


def test_host_removed_from_the_event_locks_its_administrator_out(
    event: Event,
    organizer: User,
    host_admin: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> None:
    files = _tables_without(tmp_path / "csv", "p-bruno", "o-beta")
    assert _reimport(client_for(organizer), event.slug, files) == 200
    admin = client_for(host_admin)
    codes = (
        admin.get(f"/host/{event.slug}/").status_code,
        admin.get(f"/api/events/{event.slug}/host/").status_code,
    )
    assert codes == (403, 403)


def test_participant_access_follows_the_stored_address(
    event: Event, client_for: Callable[..., Client]
) -> None:
    """Whatever changed the address (admin, restore), the membership alone opens nothing."""
    chen = client_for(person_user("chen@example.org"))
    before = chen.get(f"/me/{event.slug}/").status_code
    Person.objects.filter(event=event, key="p-chen").update(email="someone.else@example.org")
    after = (
        chen.get(f"/me/{event.slug}/").status_code,
        chen.get(f"/api/events/{event.slug}/people/").status_code,
    )
    assert (before, after) == (200, (403, 403))
