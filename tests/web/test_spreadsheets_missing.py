"""The web upload keeps what the event holds unless the organizer chooses otherwise.

A table that leaves out records the event has is refused by default (one message per
table, nothing stored); "keep" changes the records of the rows given and keeps the rest;
"remove" replaces the table and the page names what went. Records that stay keep their
rows, so their bookings stay too; a recorded outcome keeps the people and meetings it
names. Runs on SQLite, and on PostgreSQL with ``DATABASE_URL``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.agendas import bookings
from liqa.web.events.models import (
    Booking,
    BookingSeat,
    Event,
    MeetingRequest,
    Organization,
    Outcome,
    Person,
)
from tests.web.factories import at
from tests.web.spreadsheet_steps import tables as _tables
from tests.web.spreadsheet_steps import upload as _upload
from tests.web.spreadsheet_steps import upload_confirmed
from tests.web.spreadsheet_steps import without_rows as _without

pytestmark = pytest.mark.integration


def _keys(model: type[Person] | type[MeetingRequest], event: Event) -> list[str]:
    return list(model.objects.filter(event=event).values_list("key", flat=True))


def test_form_offers_the_three_choices_refuse_first(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    page = client_for(organizer).get(f"/events/{event.slug}/spreadsheets/").content.decode()
    choices = [page.index(f'value="{value}"') for value in ("refuse", "keep", "remove")]
    assert choices == sorted(choices)
    assert re.search(r'<input type="radio" name="missing" value="refuse"[^>]* checked', page)
    assert "Refuse if a table leaves out current records" in page
    assert "They replace the event's current tables" not in page


def _cells(answer: str) -> str:
    """The page with its problem cells' labels (shown on a phone) left out."""
    return re.sub(r'<td data-label="[^"]*">', "<td>", answer)


def test_partial_people_sheet_is_refused_by_default_and_nothing_changes(
    event: Event, dina: Person, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    people = _without(_tables(event, tmp_path)["people"], "p-dina")
    answer = _cells(_upload(client_for(organizer), event.slug, [people], None))
    assert answer.startswith("400 ")
    assert f"<td>{people.name}</td>" in answer
    assert "the table leaves out 1 of the event&#39;s 4 people: p-dina" in answer
    assert "Keep the records the tables leave out" in answer  # the choice, in the form's words
    assert "--missing" not in answer
    assert answer.count("<tr><td>") == 1  # one message for the table
    assert _keys(Person, event) == ["p-amina", "p-bruno", "p-chen", "p-dina"]
    assert Membership.objects.filter(event=event, person="p-dina").exists()


def test_empty_table_is_refused_by_default(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    empty = tmp_path / "requests.csv"
    empty.write_text("from,to\n", encoding="utf-8")
    answer = _upload(client_for(organizer), event.slug, [empty], "refuse")
    assert answer.startswith("400 ")
    assert "the table has no rows; leave it out to keep the event&#39;s 3 requests" in answer
    assert _keys(MeetingRequest, event) == ["r-1", "r-2", "r-3"]


def test_keep_changes_the_rows_given_and_keeps_the_others(
    event: Event, dina: Person, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    people = _without(_tables(event, tmp_path)["people"], "p-bruno", "p-chen", "p-dina")
    people.write_text(people.read_text(encoding="utf-8").replace("CEO", "Chair"), "utf-8")
    answer = _upload(client_for(organizer), event.slug, [people], "keep")
    assert answer.startswith("200 "), answer
    assert _keys(Person, event) == ["p-amina", "p-bruno", "p-chen", "p-dina"]
    assert Person.objects.get(event=event, key="p-amina").role == "Chair"
    assert "the people table leaves out 3 of the event&#39;s 4 people: they are kept" in answer
    assert Membership.objects.filter(event=event, person="p-dina").exists()


def test_remove_replaces_the_table_and_the_page_names_who_went(
    event: Event, dina: Person, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    people = _without(_tables(event, tmp_path)["people"], "p-dina")
    answer = upload_confirmed(client_for(organizer), event.slug, [people], "remove")
    assert answer.startswith("200 "), answer
    assert _keys(Person, event) == ["p-amina", "p-bruno", "p-chen"]
    assert 'id="removed"' in answer
    assert "Dina Haddad (p-dina)" in answer
    assert not Membership.objects.filter(event=event, person="p-dina").exists()
    assert re.search(r'value="refuse"[^>]* checked', answer)  # the next upload asks again


def test_upload_keeps_the_bookings_of_the_meetings_it_keeps(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    tables = _tables(event, tmp_path)
    before = MeetingRequest.objects.get(event=event, key="r-1").pk
    answer = _upload(client_for(organizer), event.slug, list(tables.values()), None)
    assert answer.startswith("200 "), answer
    booking = Booking.objects.get(event=event)
    assert (booking.request.key, booking.slot_start, booking.table) == ("r-1", at(9, 20), 1)
    assert booking.request.pk == before
    assert BookingSeat.objects.filter(event=event).count() == 2
    assert MeetingRequest.objects.get(event=event, key="r-1").fixed_start is None  # still a booking


def test_removing_a_booked_meeting_names_its_booking(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    bookings.book(event, "p-amina", "r-1", at(9, 20))
    requests = _without(_tables(event, tmp_path)["request"], "r-1")
    answer = upload_confirmed(client_for(organizer), event.slug, [requests], "remove")
    assert answer.startswith("200 "), answer
    assert _keys(MeetingRequest, event) == ["r-2", "r-3"]
    assert not Booking.objects.filter(event=event).exists()
    removed = answer[answer.index('id="removed"') :]
    assert "they are removed: r-1 (Amina Idrissi – Bruno Martin)" in removed
    assert "removed with their meeting, the bookings of r-1 (Amina Idrissi – Bruno Martin)" in (
        removed
    )


def test_person_with_a_recorded_outcome_is_not_removed(
    event: Event, dina: Person, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    Outcome.objects.create(
        event=event,
        assignment="r-1",
        kind="held",
        follow_up="call",
        owner="p-dina",
        recorded_at=datetime(2030, 3, 12, 12, tzinfo=UTC),
    )
    people = _without(_tables(event, tmp_path)["people"], "p-dina")
    answer = _upload(client_for(organizer), event.slug, [people], "remove")
    assert answer.startswith("400 "), answer
    assert "Dina Haddad (p-dina) follows up the recorded outcome of r-1" in answer
    assert _keys(Person, event) == ["p-amina", "p-bruno", "p-chen", "p-dina"]
    assert Outcome.objects.get(event=event).owner == "p-dina"


def test_removed_host_loses_its_administrators(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    Organization.objects.create(event=event, key="o-delta", position=3, name="Delta", side="host")
    admin = accounts.user_for_email("admin@delta.example")
    accounts.grant(admin, event, Role.HOST_ADMIN, organization="o-delta")
    organizations = _without(_tables(event, tmp_path)["organization"], "o-delta")
    answer = upload_confirmed(client_for(organizer), event.slug, [organizations], "remove")
    assert answer.startswith("200 "), answer
    assert not Membership.objects.filter(event=event, organization="o-delta").exists()


def test_people_sheet_naming_a_new_organization_stores_it(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    Organization.objects.filter(event=event).delete()
    Person.objects.filter(event=event).delete()
    MeetingRequest.objects.filter(event=event).delete()
    people = tmp_path / "people.csv"
    people.write_text("id,name,organization\np-eva,Eva Novak,Epsilon Labs\n", encoding="utf-8")
    # the people deleted above still hold their accounts' access: previewed, then confirmed
    answer = upload_confirmed(client_for(organizer), event.slug, [people], None)
    assert answer.startswith("200 "), answer
    person = Person.objects.get(event=event)
    assert Organization.objects.filter(event=event, key=person.organization).exists()


def test_event_changed_while_the_files_were_read_stores_nothing(
    event: Event,
    organizer: User,
    client_for: Callable[..., Client],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An organizer adds a person on the editing page while the upload is read: the upload
    (keep) would otherwise delete them, as the tables it read onto did not have them."""
    from liqa.core import spreadsheets

    read = spreadsheets.import_event

    def read_while_someone_edits(*args: object, **kwargs: object) -> object:
        found = read(*args, **kwargs)  # type: ignore[arg-type]
        Person.objects.create(
            event=event, key="p-late", position=9, name="Late Comer", organization="o-alpha"
        )
        return found

    monkeypatch.setattr(spreadsheets, "import_event", read_while_someone_edits)
    people = _tables(event, tmp_path)["people"]
    answer = _upload(client_for(organizer), event.slug, [people], "keep")
    assert answer.startswith("400 "), answer
    assert "the event changed while the files were read" in answer
    assert _keys(Person, event) == ["p-amina", "p-bruno", "p-chen", "p-late"]


def test_removing_people_the_requests_name_is_refused_in_the_events_words(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    people = _without(_tables(event, tmp_path)["people"], "p-chen")
    answer = _cells(_upload(client_for(organizer), event.slug, [people], "remove"))
    assert answer.startswith("400 "), answer
    assert (
        "<td>the event</td><td>2 references of the event&#39;s requests to what the tables "
        "would remove (requests[r-2].to → p-chen, requests[r-3].to → p-chen)</td>"
    ) in answer
    assert "base mission" not in answer
    assert "give the requests table too, without them" in answer
    assert _keys(Person, event) == ["p-amina", "p-bruno", "p-chen"]
