"""Replacing an event by its mission file carries the work done on the web over to the event
stored again wherever what it refers to is still in the file (by key), and drops only the
rest, previewing both with counts and why. Runs on SQLite, and on PostgreSQL with
``DATABASE_URL``."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.problems import InputError
from liqa.web.agendas.models import HostConfirmation, ReminderSent
from liqa.web.backup.schedules import RUNS, VERSIONS
from liqa.web.backup.section import Users
from liqa.web.events import services
from liqa.web.events.models import Booking, Event, Outcome
from liqa.web.scheduling.models import AssignmentRow, Run, RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at, make_core_event, make_schedule
from tests.web.mission_replace import (
    book,
    confirm_replacement,
    preview_items,
    store_replacement,
    upload_replacement,
)

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]

SENT = datetime(2030, 9, 1, 8, 0, tzinfo=UTC)


def _retitled() -> core.Event:
    """The test event's mission file with another title (every record kept, no outcomes)."""
    return dataclasses.replace(make_core_event(), title={"en": "Replaced"})


def _without_chen() -> core.Event:
    """The file without Chen Li, and so without r-2 and r-3 (Chen's meetings)."""
    event = _retitled()
    return dataclasses.replace(
        event,
        people=tuple(p for p in event.people if p.id != "p-chen"),
        requests=tuple(r for r in event.requests if r.id == "r-1"),
    )


def _outcome(event: Event, assignment: str, owner: str = "", notes: str = "") -> None:
    Outcome.objects.create(
        event=event, assignment=assignment, kind="held", follow_up="call", owner=owner, notes=notes
    )


def _bookings(slug: str) -> list[tuple[str, datetime, int, str, datetime, list[str]]]:
    found = Booking.objects.filter(event__slug=slug).order_by("request__key")
    return [
        (
            b.request.key,
            b.slot_start,
            b.table,
            b.booked_as,
            b.created_at,
            sorted(b.seats.values_list("party", flat=True)),
        )
        for b in found
    ]


def _confirm_attendance(event: Event, meeting: str, host: str, attendees: list[str]) -> None:
    HostConfirmation.objects.create(
        event=event, assignment=meeting, organization=host, attendees=attendees, confirmed_at=SENT
    )


def _confirmations(slug: str) -> list[tuple[str, str, list[str], datetime]]:
    found = HostConfirmation.objects.filter(event__slug=slug).order_by("assignment")
    return [(c.assignment, c.organization, list(c.attendees), c.confirmed_at) for c in found]


def _reminders(slug: str) -> list[tuple[str, int, datetime]]:
    found = ReminderSent.objects.filter(event__slug=slug).order_by("person", "months")
    return [(r.person, r.months, r.sent_at) for r in found]


def _outcomes(slug: str) -> list[tuple[str, str, str, str]]:
    found = Outcome.objects.filter(event__slug=slug).order_by("assignment")
    return [(o.assignment, o.kind, o.owner, o.notes) for o in found]


def test_reminders_and_outcomes_of_records_the_file_keeps_are_carried_over(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    ReminderSent.objects.create(event=event, person="p-amina", months=3, sent_at=SENT)
    _outcome(event, "r-2", owner="p-chen", notes="Sample sent")
    response = upload_replacement(organizer_client, _retitled())
    assert response.status_code == 302, response.content.decode()[:500]  # nothing dropped
    row = Event.objects.get(slug=event.slug)
    assert (row.pk != event.pk, row.title) == (True, {"en": "Replaced"})
    assert _reminders(event.slug) == [("p-amina", 3, SENT)]  # not sent again
    assert _outcomes(event.slug) == [("r-2", "held", "p-chen", "Sample sent")]


def test_what_refers_to_removed_records_is_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    ReminderSent.objects.create(event=event, person="p-amina", months=3, sent_at=SENT)
    ReminderSent.objects.create(event=event, person="p-chen", months=3, sent_at=SENT)
    _outcome(event, "r-1", owner="p-chen", notes="Pilot")  # kept, Chen no longer follows it
    _outcome(event, "r-2", notes="Gone with r-2")
    response = upload_replacement(organizer_client, _without_chen())
    answer = response.content.decode()
    assert response.status_code == 200, answer[:500]
    assert preview_items(answer, "work-deleted") == [
        "1 follow-up reminder recorded as sent, to a person the file no longer has "
        "(not sent again to them)",
        "1 outcome recorded, of a meeting the file no longer has",
    ]
    assert preview_items(answer, "work-kept") == [
        "1 follow-up reminder recorded as sent",
        "1 outcome recorded",
    ]
    assert len(_reminders(event.slug)) == 2  # nothing stored yet
    response = confirm_replacement(organizer_client, answer, event.slug)
    assert response.status_code == 302, response.content.decode()[:500]
    assert _reminders(event.slug) == [("p-amina", 3, SENT)]
    assert _outcomes(event.slug) == [("r-1", "held", "", "Pilot")]


def test_an_outcome_the_file_records_otherwise_is_the_files(event: Event, organizer: User) -> None:
    _outcome(event, "r-1", owner="p-amina", notes="Recorded on the web")
    _outcome(event, "r-2", notes="Kept")
    theirs = core.Outcome("r-1", core.OutcomeKind.NO_SHOW)
    file = dataclasses.replace(_retitled(), outcomes=(theirs,))
    preview = services.mission_preview(event, file, organizer.pk)
    work, kept = preview.work, preview.kept
    assert (work.outcomes_changed, work.outcomes, kept.outcomes) == (1, 0, 1)
    assert preview.held
    store_replacement(file, preview.expected(), organizer)
    assert _outcomes(event.slug) == [("r-1", "no_show", "", ""), ("r-2", "held", "", "Kept")]


def test_a_drop_after_the_preview_stops_the_confirmation(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    ReminderSent.objects.create(event=event, person="p-chen", months=3, sent_at=SENT)
    answer = upload_replacement(organizer_client, _without_chen()).content.decode()
    ReminderSent.objects.create(event=event, person="p-chen", months=6, sent_at=SENT)
    response = confirm_replacement(organizer_client, answer, event.slug)
    text = response.content.decode()
    assert response.status_code == 400, text[:500]
    assert "the event changed since the preview" in text
    assert Event.objects.get(slug=event.slug).pk == event.pk  # nothing stored


def test_work_kept_after_the_preview_does_not_stop_it(event: Event, organizer: User) -> None:
    ReminderSent.objects.create(event=event, person="p-chen", months=3, sent_at=SENT)
    file = _without_chen()
    expected = services.mission_preview(event, file, organizer.pk).expected()
    ReminderSent.objects.create(event=event, person="p-bruno", months=3, sent_at=SENT)
    store_replacement(file, expected, organizer)
    assert _reminders(event.slug) == [("p-bruno", 3, SENT)]


def test_a_replacement_stored_at_once_is_still_checked_under_the_lock(
    event: Event, organizer: User
) -> None:
    file = _without_chen()
    expected = services.mission_preview(event, file, organizer.pk).expected()
    ReminderSent.objects.create(event=event, person="p-chen", months=3, sent_at=SENT)
    with pytest.raises(InputError, match="changed since the preview"):
        store_replacement(file, expected, organizer)
    assert _reminders(event.slug) == [("p-chen", 3, SENT)]


def test_bookings_and_confirmations_of_records_the_file_keeps_are_carried_over(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    book(event, "r-1", 40, 3, booked_as="p-amina", made=SENT)
    _confirm_attendance(event, "r-1", "o-beta", ["p-bruno"])
    held = (_bookings(event.slug), _confirmations(event.slug))
    response = upload_replacement(organizer_client, _retitled())
    assert response.status_code == 302, response.content.decode()[:500]  # nothing dropped
    assert Event.objects.get(slug=event.slug).pk != event.pk
    assert (_bookings(event.slug), _confirmations(event.slug)) == held
    assert held[0] == [("r-1", at(9, 40), 3, "p-amina", SENT, ["p-amina", "p-bruno"])]


def test_bookings_and_confirmations_of_removed_records_are_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    book(event, "r-1", 0, 1, booked_as="p-bruno", made=SENT)
    book(event, "r-2", 20, 2, booked_as="p-chen", made=SENT)  # Chen's meeting: gone with Chen
    _confirm_attendance(event, "r-1", "o-beta", ["p-bruno", "p-chen"])  # Chen taken out
    _confirm_attendance(event, "r-2", "o-gamma", ["p-chen"])  # its meeting gone
    _confirm_attendance(event, "r-3", "o-beta", ["p-chen"])  # nobody left: asked again
    response = upload_replacement(organizer_client, _without_chen())
    answer = response.content.decode()
    assert response.status_code == 200, answer[:500]
    assert preview_items(answer, "work-deleted") == [
        "1 booking of a meeting the file no longer has as it was booked (its request, its two "
        "parties, its slot and table, the people seated)",
        "2 hosts' confirmations of meetings, hosts or attendees the file no longer has (the "
        "hosts are asked again)",
    ]
    assert preview_items(answer, "work-kept") == ["1 booking", "1 host's confirmation"]
    response = confirm_replacement(organizer_client, answer, event.slug)
    assert response.status_code == 302, response.content.decode()[:500]
    assert _bookings(event.slug) == [("r-1", at(9, 0), 1, "p-bruno", SENT, ["p-amina", "p-bruno"])]
    assert _confirmations(event.slug) == [("r-1", "o-beta", ["p-bruno"], SENT)]


def test_a_booking_the_file_no_longer_allows_is_dropped(event: Event, organizer: User) -> None:
    book(event, "r-1", 40, 3, booked_as="p-amina", made=SENT)
    book(event, "r-2", 0, 1, booked_as="p-amina", made=SENT)
    event_file = _retitled()
    assert event_file.brokerage is not None
    requests = tuple(
        dataclasses.replace(r, status=core.RequestStatus.DECLINED) if r.id == "r-2" else r
        for r in event_file.requests
    )
    brokerage = dataclasses.replace(event_file.brokerage, tables=2)  # r-1's table 3 is gone
    file = dataclasses.replace(event_file, requests=requests, brokerage=brokerage)
    preview = services.mission_preview(event, file, organizer.pk)
    assert (preview.work.bookings, preview.kept.bookings) == (2, 0)
    store_replacement(file, preview.expected(), organizer)
    assert _bookings(event.slug) == []


def _schedules(slug: str) -> tuple[Any, Any]:
    """The event's versions and runs as a backup dumps them (numbers, instants, pins...)."""
    row = Event.objects.get(slug=slug)
    return VERSIONS.dump(row, Users()), RUNS.dump(row, Users())


def _plan(event: Event, organizer: User) -> None:
    """Version 1 published (Amina, Bruno and Chen notified), version 2 a draft with r-1
    pinned and a move made by hand, a finished run from 1 to 2 and one still queued."""
    first = store_schedule(event, make_schedule(make_core_event()))
    publish(first)
    second = store_schedule(event, make_schedule(make_core_event(), version=2, r1_start=40))
    AssignmentRow.objects.filter(version=second, key="r-1").update(pinned=True)
    ScheduleVersion.objects.filter(pk=second.pk).update(hand_moves=1)
    Run.objects.create(
        event=event,
        state=RunState.DONE,
        base=first,
        result=second,
        created_by=organizer,
        started_at=SENT,
        finished_at=SENT,
        objective={"value": 12.5},
        message="done",
    )
    Run.objects.create(event=event, created_by=organizer)  # queued


def test_schedule_versions_and_finished_runs_are_carried_over_as_they_were(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    _plan(event, organizer)
    versions, runs = _schedules(event.slug)
    assert [len(v["notifications"]) for v in versions] == [3, 0]
    answer = upload_replacement(organizer_client, _retitled()).content.decode()
    assert preview_items(answer, "work-deleted") == [
        "1 scheduler run not finished (queued or running): start it again after the replacement"
    ]
    assert preview_items(answer, "work-kept") == [
        "2 schedule versions, 1 of them published",
        "1 scheduler run",
    ]
    response = confirm_replacement(organizer_client, answer, event.slug)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Event.objects.get(slug=event.slug).pk != event.pk
    assert _schedules(event.slug) == (versions, runs[:1])  # the queued run is gone
    assert runs[0]["state"] == "done"
    assert organizer_client.get(f"/organize/{event.slug}/versions/2/").status_code == 200


def test_a_published_version_naming_removed_records_is_kept_and_said(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    publish(store_schedule(event, make_schedule(make_core_event())))  # r-2 is Chen's meeting
    versions, _runs = _schedules(event.slug)
    answer = upload_replacement(organizer_client, _without_chen()).content.decode()
    assert 'id="work-deleted"' not in answer  # previewed for Chen's access only
    assert preview_items(answer, "work-kept") == [
        "1 schedule version, published",
        "1 schedule version names people or meetings the file no longer has: it is kept as "
        "it was published or drafted",
    ]
    response = confirm_replacement(organizer_client, answer, event.slug)
    assert response.status_code == 302, response.content.decode()[:500]
    assert _schedules(event.slug)[0] == versions
    for page in ("", "published/"):
        url = f"/organize/{event.slug}/versions/1/{page}"
        assert organizer_client.get(url).status_code == 200, url
