"""The audit trail: exact entries (who, what, old → new) after each kind of change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from liqa.web.accounts.models import CalendarFeed
from liqa.web.audit.actor import acting
from liqa.web.audit.models import AuditEntry
from liqa.web.audit.receivers import recorded_fields
from liqa.web.events.models import Booking, Event, Person
from liqa.web.scheduling import services
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import api_client_for, make_core_event, make_schedule, person_user

SLUG = "tunis-b2b-2030"


def _entries(**filters: Any) -> list[tuple[str, str, str, str, dict[str, Any]]]:
    """(actor, model, key, action, changes) of the entries, oldest first, imports left out."""
    found = AuditEntry.objects.filter(event=SLUG, **filters).exclude(action="imported")
    return [(e.actor, e.model, e.key, e.action, e.changes) for e in found.order_by("at", "id")]


def test_storing_an_event_records_one_import_entry(event: Event) -> None:
    (entry,) = AuditEntry.objects.filter(event=SLUG)
    assert (entry.actor, entry.model, entry.key, entry.action, entry.changes) == (
        "system",
        "event",
        SLUG,
        "imported",
        {"organizations": [None, 3], "people": [None, 3], "requests": [None, 3]},
    )


def test_person_edit_records_the_user_and_each_changed_field(
    event: Event, client_for: Callable[..., Client]
) -> None:
    amina = client_for(person_user("amina@example.org"))
    response = amina.post(
        f"/me/{SLUG}/profile/", {"languages": ["fr"], "days": ["2030-03-14"], "phone": "+212 611"}
    )
    assert response.status_code == 302
    assert _entries() == [
        (
            "amina@example.org",
            "person",
            "p-amina",
            "changed",
            {"languages": [["ar", "fr"], ["fr"]], "phone": ["+212 600", "+212 611"]},
        )
    ]
    (entry,) = AuditEntry.objects.filter(event=SLUG, model="person")
    assert (entry.user, sorted(s.key for s in entry.subjects.all())) == (
        person_user("amina@example.org"),
        ["o-alpha", "p-amina"],
    )


def test_saving_without_a_change_records_nothing(event: Event) -> None:
    Person.objects.get(event=event, key="p-chen").save()
    assert _entries() == []


def test_request_answer_records_the_status_change(
    event: Event, client_for: Callable[..., Client]
) -> None:
    chen = client_for(person_user("chen@example.org"))
    response = chen.post(f"/me/{SLUG}/requests/", {"action": "accept", "key": "r-3"})
    assert response.status_code == 302
    assert _entries() == [
        ("chen@example.org", "request", "r-3", "changed", {"status": ["proposed", "accepted"]})
    ]


def test_booking_and_cancelling_through_the_api_record_the_token_user(event: Event) -> None:
    client = api_client_for(person_user("amina@example.org"))
    url = f"/api/events/{SLUG}/requests/r-1/book/"
    booked = client.post(url, {"slot": "2030-03-14T09:20:00+01:00"}, format="json")
    cancelled = client.delete(url)
    assert (booked.status_code, cancelled.status_code) == (201, 204)
    slot = [None, "2030-03-14T08:20:00+00:00"]
    assert _entries() == [
        (
            "amina@example.org",
            "booking",
            "r-1",
            "created",
            {"slot_start": slot, "table": [None, 1], "booked_as": [None, "p-amina"]},
        ),
        (
            "amina@example.org",
            "booking",
            "r-1",
            "deleted",
            {"slot_start": slot[::-1], "table": [1, None], "booked_as": ["p-amina", None]},
        ),
    ]


def test_a_booking_names_its_event_without_reading_it_again(event: Event) -> None:
    """Booking and cancelling hold the request's event: the entry takes its slug from it; a
    booking deleted by a query (no event held) reads the slug and names the same event."""
    client = api_client_for(person_user("amina@example.org"))
    url = f"/api/events/{SLUG}/requests/r-1/book/"
    sent: list[str] = []

    def log(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        sent.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(log):
        booked = client.post(url, {"slot": "2030-03-14T09:20:00+01:00"}, format="json")
        cancelled = client.delete(url)
    client.post(url, {"slot": "2030-03-14T09:20:00+01:00"}, format="json")
    Booking.objects.filter(event=event).delete()
    slug_reads = [q for q in sent if q.startswith('SELECT "events_event"."slug" AS')]
    assert (booked.status_code, cancelled.status_code, slug_reads) == (201, 204, [])
    assert [e[3] for e in _entries(model="booking")] == ["created", "deleted"] * 2


def test_publishing_records_the_organizer(
    draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    response = client_for(organizer).post(f"/organize/{SLUG}/versions/1/publish/", follow=True)
    draft.refresh_from_db()
    assert (response.status_code, response.redirect_chain[0][1]) == (200, 302)
    assert draft.published_at is not None
    assert _entries() == [
        (
            "org",
            "schedule",
            "v1",
            "published",
            {
                "published_at": [None, draft.published_at.isoformat()],
                # the publication's entry says what its e-mails came to once they went
                "notified": [
                    None,
                    {
                        "total": 3,
                        "sent": 3,
                        "not_set_up": 0,
                        "failed": 0,
                        "no_address": 0,
                        "pending": 0,
                    },
                ],
            },
        )
    ]


def test_pinning_records_the_assignment_of_its_version(
    draft: ScheduleVersion, organizer: User
) -> None:
    with acting(organizer):
        services.set_pinned(draft, "r-2", True)
    assert _entries() == [("org", "assignment", "v1/r-2", "changed", {"pinned": [False, True]})]


def test_new_version_records_one_entry_once_committed(
    event: Event, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        store_schedule(event, make_schedule(make_core_event()))
    assert _entries() == [
        (
            "system",
            "schedule",
            "v1",
            "created",
            {"meetings": [None, 2], "pinned_meetings": [None, 0], "method": [None, "hand"]},
        )
    ]


def test_deleting_an_event_records_one_entry_with_what_it_held(
    event: Event, draft: ScheduleVersion
) -> None:
    event.delete()
    assert _entries() == [
        (
            "system",
            "event",
            SLUG,
            "deleted",
            {
                "organizations": [3, None],
                "people": [3, None],
                "requests": [3, None],
                "bookings": [0, None],
                "versions": [1, None],
            },
        )
    ]


def test_deleting_a_person_records_what_they_held(event: Event) -> None:
    Person.objects.filter(event=event, key="p-chen").delete()
    assert _entries() == [
        (
            "system",
            "person",
            "p-chen",
            "deleted",
            {
                "key": ["p-chen", None],
                "name": ["Chen Li", None],
                "organization": ["o-gamma", None],
                "languages": [["en"], None],
                "email": ["chen@example.org", None],
            },
        )
    ]


def test_secret_fields_are_never_recorded() -> None:
    assert recorded_fields(CalendarFeed) == ["person", "revoked_at"]


@pytest.mark.parametrize(
    ("user", "actor"), [(None, "system"), ("amina@example.org", "amina@example.org")]
)
def test_acting_names_the_user_or_system(event: Event, user: str | None, actor: str) -> None:
    with acting(person_user(user) if user else None):
        Person.objects.filter(event=event, key="p-chen").update()  # no signal: nothing recorded
        chen = Person.objects.get(event=event, key="p-chen")
        chen.role = "Buyer"
        chen.save()
    assert _entries() == [(actor, "person", "p-chen", "changed", {"role": ["", "Buyer"]})]
