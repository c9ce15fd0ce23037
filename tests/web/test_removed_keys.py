"""A person or organization removed from an event leaves no key behind in the records that
name them by key rather than by a foreign key (bookings' ``booked_as``, hosts' attendance
confirmations, sent reminders): by the spreadsheet upload's removal and by the editing
pages' delete. A backup refuses to restore such a key, so each one left would break the
event's next restore (the upload test reads its backup back). Runs on SQLite, and on
PostgreSQL with ``DATABASE_URL``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from liqa.core.spreadsheets import export_event
from liqa.web.agendas import bookings
from liqa.web.agendas.models import HostConfirmation, ReminderSent
from liqa.web.backup.dump import write_backup
from liqa.web.backup.restore import read_backup
from liqa.web.events.models import Booking, Event, MeetingRequest, Organization, Person
from liqa.web.events.records import stored_event
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.factories import at
from tests.web.spreadsheet_steps import decide, staged_token, upload, upload_confirmed

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


@pytest.fixture
def dina(event: Event, draft: ScheduleVersion) -> Person:
    """A second person of Alpha Pay who booked her company's meeting, confirmed for the
    schedule's meetings with a colleague and alone, and was sent a reminder."""
    person = Person.objects.create(
        event=event, key="p-dina", position=3, name="Dina Haddad", organization="o-alpha"
    )
    MeetingRequest.objects.create(
        event=event, key="r-4", position=3, requester="o-alpha", target="p-bruno", status="accepted"
    )
    bookings.book(event, "p-dina", "r-4", at(9, 40))
    now = timezone.now()
    for assignment, organization, attendees in (
        ("r-1", "o-alpha", ["p-amina", "p-dina"]),
        ("r-2", "o-alpha", ["p-dina"]),
        ("r-1", "o-beta", []),
    ):
        HostConfirmation.objects.create(
            event=event,
            assignment=assignment,
            organization=organization,
            attendees=attendees,
            confirmed_at=now,
        )
    for key in ("p-dina", "p-amina"):
        ReminderSent.objects.create(event=event, person=key, months=3, sent_at=now)
    return person


def _people_without(event: Event, folder: Path, key: str) -> Path:
    path = next(f for f in export_event(stored_event(event), folder) if "people" in f.name)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(x for x in lines if key not in x.split(",")) + "\n", "utf-8")
    return path


def _assert_dina_forgotten(event: Event) -> None:
    booking = Booking.objects.get(event=event, request__key="r-4")
    assert booking.booked_as == ""  # the meeting stays booked; who booked it is gone
    confirmations = {
        (c.assignment, c.organization): c.attendees
        for c in HostConfirmation.objects.filter(event=event)
    }
    assert confirmations == {("r-1", "o-alpha"): ["p-amina"], ("r-1", "o-beta"): []}
    assert list(ReminderSent.objects.filter(event=event).values_list("person", flat=True)) == [
        "p-amina"
    ]


def test_upload_removing_a_person_forgets_their_key(
    event: Event, dina: Person, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    assert Booking.objects.get(event=event, request__key="r-4").booked_as == "p-dina"
    people = _people_without(event, tmp_path, "p-dina")
    client = client_for(organizer)
    preview = upload(client, event.slug, [people], "remove")
    assert "2 host confirmations of who attends will be changed or deleted." in preview
    answer = decide(client, event.slug, staged_token(preview))
    assert answer.startswith("200 "), answer
    assert not Person.objects.filter(event=event, key="p-dina").exists()
    _assert_dina_forgotten(event)
    archive = tmp_path / "backup.zip"
    write_backup(event.slug, archive)
    assert read_backup(archive).counts["reminders"] == 1  # checked: no unknown person


def test_deleting_a_person_on_the_editing_page_forgets_their_key(
    event: Event, dina: Person, organizer: User, client_for: Callable[..., Client]
) -> None:
    response = client_for(organizer).post(f"/events/{event.slug}/edit/people/p-dina/delete/")
    assert response.status_code == 302
    assert not Person.objects.filter(event=event, key="p-dina").exists()
    _assert_dina_forgotten(event)


def test_removed_host_loses_its_confirmations(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    Organization.objects.create(event=event, key="o-delta", position=3, name="Delta", side="host")
    for organization in ("o-delta", "o-beta"):
        HostConfirmation.objects.create(
            event=event,
            assignment="r-1",
            organization=organization,
            attendees=[],
            confirmed_at=timezone.now(),
        )
    path = next(f for f in export_event(stored_event(event), tmp_path) if "organization" in f.name)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(x for x in lines if "o-delta" not in x.split(",")) + "\n", "utf-8")
    answer = upload_confirmed(client_for(organizer), event.slug, [path], "remove")
    assert answer.startswith("200 "), answer
    kept = HostConfirmation.objects.filter(event=event).values_list("organization", flat=True)
    assert list(kept) == ["o-beta"]
