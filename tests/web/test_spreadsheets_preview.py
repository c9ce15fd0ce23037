"""Removing records by spreadsheet upload is previewed, then confirmed or cancelled.

The first POST with "Remove them (replace)" reads and checks the files, stores nothing and
shows what would go (records by name, the bookings and accounts they take along), with the
files staged on the server under a random token; confirming stores exactly that, cancelling
nothing; both delete the staged files. An unknown, used, expired or someone else's token
changes nothing, and so does a confirmation after the event changed since the preview.
Runs on SQLite, and on PostgreSQL with ``DATABASE_URL``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.agendas import bookings
from liqa.web.audit.models import AuditEntry
from liqa.web.events import staged_uploads
from liqa.web.events.models import Booking, Event, MeetingRequest, Person
from tests.web.factories import at
from tests.web.spreadsheet_steps import decide, staged_token, tables, upload, without_rows

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _counts(event: Event) -> tuple[int, ...]:
    return (
        Person.objects.filter(event=event).count(),
        MeetingRequest.objects.filter(event=event).count(),
        Booking.objects.filter(event=event).count(),
        Membership.objects.filter(event=event).count(),
        AuditEntry.objects.filter(event=event.slug).count(),
    )


def _staged(data_dir: Path) -> list[str]:
    folder = data_dir / staged_uploads.FOLDER
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@dataclass(frozen=True)
class Preview:
    """The organizer's upload of the people without Dina, previewed: nothing stored yet."""

    client: Client
    answer: str
    token: str
    before: tuple[int, ...]
    """The counts of ``_counts`` before the upload."""


@pytest.fixture
def preview(
    event: Event,
    dina: Person,
    organizer: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> Preview:
    """The organizer uploads the people without Dina, choosing "remove": the preview page."""
    client = client_for(organizer)
    before = _counts(event)
    people = without_rows(tables(event, tmp_path)["people"], "p-dina")
    answer = upload(client, event.slug, [people], "remove")
    assert answer.startswith("200 "), answer
    return Preview(client, answer, staged_token(answer), before)


def test_preview_names_what_would_go_and_stores_nothing(
    event: Event, preview: Preview, data_dir: Path
) -> None:
    answer = preview.answer
    assert _counts(event) == preview.before
    assert 'id="preview"' in answer
    assert "Nothing is stored yet." in answer
    assert "<li>Dina Haddad (p-dina)</li>" in answer
    assert "1 account will lose its access to the event." in answer
    assert "<li>people: 0 added, 0 changed, 1 removed</li>" in answer
    assert 'class="danger" id="confirm-removal">Remove 1 record</button>' in answer
    assert 'value="cancel" class="secondary"' in answer
    assert 'name="csrfmiddlewaretoken"' in answer
    assert _staged(data_dir) == [staged_token(answer)]
    assert len(staged_token(answer)) == 43


def test_confirm_applies_the_preview_and_deletes_the_staged_files(
    event: Event, preview: Preview, data_dir: Path
) -> None:
    client, token = preview.client, preview.token
    answer = decide(client, event.slug, token)
    assert answer.startswith("200 "), answer
    assert 'id="removed"' in answer
    assert "Dina Haddad (p-dina)" in answer
    assert list(Person.objects.filter(event=event).values_list("key", flat=True)) == [
        "p-amina",
        "p-bruno",
        "p-chen",
    ]
    assert not Membership.objects.filter(event=event, person="p-dina").exists()
    assert AuditEntry.objects.filter(event=event.slug, key="p-dina", action="deleted").exists()
    assert _staged(data_dir) == []
    again = decide(client, event.slug, token)  # a token is used once
    assert again.startswith("400 ")
    assert 'id="stale"' in again


def test_cancel_stores_nothing_and_deletes_the_staged_files(
    event: Event, preview: Preview, data_dir: Path
) -> None:
    client, token = preview.client, preview.token
    before = _counts(event)
    answer = decide(client, event.slug, token, "cancel")
    assert answer.startswith("200 "), answer
    assert "Cancelled: nothing was stored, and the uploaded files were deleted." in answer
    assert _counts(event) == before
    assert _staged(data_dir) == []
    assert decide(client, event.slug, token).startswith("400 ")
    assert Person.objects.filter(event=event, key="p-dina").exists()


@pytest.mark.parametrize("token", ["A" * 43, "../../secret_key", "", "x" * 44])
def test_unknown_or_forged_token_changes_nothing(
    event: Event, preview: Preview, data_dir: Path, token: str
) -> None:
    staged = preview.token
    before = _counts(event)
    answer = decide(preview.client, event.slug, token)
    assert answer.startswith("400 ")
    assert "This preview is no longer available" in answer
    assert _counts(event) == before
    assert _staged(data_dir) == [staged]


def test_another_organizers_token_is_refused_and_kept_for_its_owner(
    event: Event,
    preview: Preview,
    organizer: User,
    client_for: Callable[..., Client],
    data_dir: Path,
) -> None:
    token = preview.token
    colleague = accounts.user_for_email("colleague@example.org")
    accounts.grant(colleague, event, Role.ORGANIZER)
    answer = decide(client_for(colleague), event.slug, token)
    assert answer.startswith("400 ")
    assert 'id="stale"' in answer
    assert Person.objects.filter(event=event, key="p-dina").exists()
    assert _staged(data_dir) == [token]
    assert decide(client_for(organizer), event.slug, token).startswith("200 ")
    assert not Person.objects.filter(event=event, key="p-dina").exists()


def test_token_of_another_event_is_refused(event: Event, preview: Preview, organizer: User) -> None:
    from liqa.web.events.records import store_event
    from tests.web.factories import make_core_event

    other = store_event(make_core_event("other-event"))
    accounts.grant(organizer, other, Role.ORGANIZER)
    assert decide(preview.client, other.slug, preview.token).startswith("400 ")
    assert Person.objects.filter(event=event, key="p-dina").exists()


def test_expired_token_is_refused_and_its_files_deleted(
    event: Event, preview: Preview, data_dir: Path
) -> None:
    client, token = preview.client, preview.token
    manifest = data_dir / staged_uploads.FOLDER / token / staged_uploads.MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["created"] = (timezone.now() - timedelta(hours=1, minutes=1)).isoformat()
    manifest.write_text(json.dumps(data), encoding="utf-8")
    answer = decide(client, event.slug, token)
    assert answer.startswith("400 ")
    assert 'id="stale"' in answer
    assert Person.objects.filter(event=event, key="p-dina").exists()
    assert _staged(data_dir) == []


def test_event_changed_since_the_preview_is_refused(
    event: Event, preview: Preview, data_dir: Path
) -> None:
    client, token = preview.client, preview.token
    Person.objects.filter(event=event, key="p-amina").update(role="Chair")  # someone edits
    answer = decide(client, event.slug, token)
    assert answer.startswith("400 "), answer
    assert "the event changed since the preview" in answer
    assert "upload the files again to preview" in answer
    assert Person.objects.filter(event=event, key="p-dina").exists()
    assert Person.objects.get(event=event, key="p-amina").role == "Chair"
    assert _staged(data_dir) == []


def test_meeting_booked_since_the_preview_is_refused(
    event: Event,
    organizer: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> None:
    """Bookings are not part of the event's data stamp: confirming checks them too, so a
    booking made after the preview is not removed unseen."""
    client = client_for(organizer)
    requests = without_rows(tables(event, tmp_path)["request"], "r-1")
    answer = upload(client, event.slug, [requests], "remove")
    assert answer.startswith("200 ")
    assert "Bookings to be removed with their meeting" not in answer
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    answer = decide(client, event.slug, staged_token(answer))
    assert answer.startswith("400 ")
    assert "the event changed since the preview" in answer
    assert Booking.objects.filter(event=event, request__key="r-1").exists()


def test_preview_names_the_bookings_that_go_with_their_meeting(
    event: Event,
    organizer: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> None:
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    client = client_for(organizer)
    requests = without_rows(tables(event, tmp_path)["request"], "r-1")
    answer = upload(client, event.slug, [requests], "remove")
    assert answer.startswith("200 "), answer
    assert "<h3>Bookings to be removed with their meeting</h3>" in answer
    assert "<li>r-1 (Amina Idrissi – Bruno Martin)</li>" in answer
    assert Booking.objects.filter(event=event).count() == 1
    answer = decide(client, event.slug, staged_token(answer))
    assert answer.startswith("200 "), answer
    assert not Booking.objects.filter(event=event).exists()


def test_remove_with_nothing_to_remove_stores_at_once(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path, data_dir: Path
) -> None:
    people = tables(event, tmp_path)["people"]
    people.write_text(people.read_text(encoding="utf-8").replace("CEO", "Chair"), "utf-8")
    answer = upload(client_for(organizer), event.slug, [people], "remove")
    assert answer.startswith("200 "), answer
    assert 'id="imported"' in answer
    assert 'name="staged"' not in answer
    assert Person.objects.get(event=event, key="p-amina").role == "Chair"
    assert _staged(data_dir) == []


def test_only_organizers_may_confirm(
    event: Event, preview: Preview, host_admin: User, client_for: Callable[..., Client]
) -> None:
    response = client_for(host_admin).post(
        f"/events/{event.slug}/spreadsheets/", {"staged": preview.token, "action": "confirm"}
    )
    assert response.status_code == 403
    assert Person.objects.filter(event=event, key="p-dina").exists()


def test_confirming_needs_the_csrf_token(event: Event, preview: Preview, organizer: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(organizer)
    response = client.post(
        f"/events/{event.slug}/spreadsheets/", {"staged": preview.token, "action": "confirm"}
    )
    assert response.status_code == 403
    assert Person.objects.filter(event=event, key="p-dina").exists()
