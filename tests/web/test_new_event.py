"""A brokerage event started from nothing on the web (found walking the app as a French
organizer: the only way in was to write a mission file by hand; the import page refused
a title and a leg with three problems in YAML terms)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import permissions
from liqa.web.events.models import Event
from liqa.web.events.records import event_record

ANSWERS = {
    "title": "Rencontres d'affaires Agadir 2026",
    "city": "Agadir",
    "timezone": "Africa/Casablanca",
    "first_day": "2026-12-03",
    "last_day": "2026-12-04",
    "venue": "Palais des congrès d'Agadir",
    "session_start": "09:00",
    "session_end": "12:00",
    "slot_minutes": "20",
    "tables": "6",
}


@pytest.fixture
def staff(db: None) -> User:
    return get_user_model().objects.create_user(
        "staff", "staff@example.org", "staff-pass-1", is_staff=True
    )


def test_staff_create_a_brokerage_event_and_organize_it(
    staff: User, client_for: Callable[..., Client]
) -> None:
    client = client_for(staff)
    assert 'href="/events/new/"' in client.get("/").content.decode()
    form = client.get("/events/new/")
    assert form.status_code == 200
    found = re.search(r'name="once" value="([^"]+)"', form.content.decode())
    assert found is not None
    once = found.group(1)
    answered = client.post("/events/new/", {**ANSWERS, "once": once})
    assert answered.status_code == 302
    row = Event.objects.get()
    assert answered["Location"] == f"/events/{row.slug}/edit/"
    assert row.slug == "rencontres-d-affaires-agadir-2026"
    assert permissions.is_organizer(staff, row)
    event = event_record(row)
    assert event.title == {"en": "Rencontres d'affaires Agadir 2026"}
    assert [(leg.city, leg.timezone, str(leg.start), str(leg.end)) for leg in event.legs] == [
        ("Agadir", "Africa/Casablanca", "2026-12-03", "2026-12-04")
    ]
    assert event.brokerage is not None
    assert (event.brokerage.slot_minutes, event.brokerage.tables) == (20, 6)
    assert [v.name for v in event.venues] == ["Palais des congrès d'Agadir"]
    # one session a day, on the hall's clock (Casablanca is UTC+1 in December)
    assert [(s.start.astimezone(UTC), s.end.astimezone(UTC)) for s in event.brokerage.sessions] == [
        (datetime(2026, 12, 3, 8, tzinfo=UTC), datetime(2026, 12, 3, 11, tzinfo=UTC)),
        (datetime(2026, 12, 4, 8, tzinfo=UTC), datetime(2026, 12, 4, 11, tzinfo=UTC)),
    ]
    assert client.get(f"/events/{row.slug}/edit/").status_code == 200
    again = client.post("/events/new/", {**ANSWERS, "once": once})
    assert (again.status_code, Event.objects.count()) == (302, 1)  # sent twice: one event
    another = client.post("/events/new/", {**ANSWERS, "once": "another-token-1"})
    assert another.status_code == 302
    assert sorted(Event.objects.values_list("slug", flat=True)) == [
        "rencontres-d-affaires-agadir-2026",
        "rencontres-d-affaires-agadir-2026-2",
    ]


def test_wrong_answers_are_named_and_nothing_is_stored(
    staff: User, client_for: Callable[..., Client]
) -> None:
    wrong = {
        **ANSWERS,
        "timezone": "Agadir",
        "last_day": "2026-12-01",
        "session_end": "08:00",
        "once": "a-token-1",
    }
    answered = client_for(staff).post("/events/new/", wrong, HTTP_ACCEPT_LANGUAGE="en")
    page = answered.content.decode()
    assert answered.status_code == 400
    assert "Agadir is not a time zone" in page
    for field in ("timezone", "last_day", "session_end"):
        assert f'id="error-{field}"' in page
    assert 'value="Rencontres d&#x27;affaires Agadir 2026"' in page  # what was typed stays
    assert not Event.objects.exists()


def test_only_staff_start_events(event: Event, client_for: Callable[..., Client]) -> None:
    participant = client_for(get_user_model().objects.get(email="amina@example.org"))
    assert participant.get("/events/new/").status_code == 403
    assert participant.post("/events/new/", ANSWERS).status_code == 403
    assert Event.objects.count() == 1
