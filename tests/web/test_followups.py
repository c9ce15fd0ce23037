"""Outcomes after meetings, the organizer's follow-up pipeline, and the reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from liqa.web.agendas.followups import add_months, send_reminders
from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_participant_records_outcome_from_the_agenda(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft)
    chen = client_for(person_user("chen@example.org"))
    form = {"assignment": "r-2", "kind": "held", "follow_up": "mou", "notes": "Draft MoU"}
    assert chen.post(f"/me/{event.slug}/outcome/", form).status_code == 302
    refused = chen.post(f"/me/{event.slug}/outcome/", {**form, "assignment": "r-1"})
    invalid = chen.post(f"/me/{event.slug}/outcome/", {**form, "kind": "great"})
    assert (refused.status_code, invalid.status_code) == (403, 400)
    saved = Outcome.objects.get(event=event)
    assert (saved.assignment, saved.follow_up, saved.owner, saved.notes) == (
        "r-2",
        "mou",
        "p-chen",
        "Draft MoU",
    )


def test_pipeline_page_for_organizers_only(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft)
    Outcome.objects.create(event=event, assignment="r-1", kind="held", follow_up="call")
    path = f"/organize/{event.slug}/follow-ups/"
    page = client_for(organizer).get(path).content.decode()
    assert ('data-follow-up="call"' in page, 'data-follow-up="unrecorded"' in page) == (True, True)
    participant = client_for(person_user("amina@example.org"))
    assert participant.get(path).status_code == 403


def test_reminders_once_per_interval_until_outcome_updated(
    event: Event, draft: ScheduleVersion
) -> None:
    publish(draft, notify=False)
    assert send_reminders(event, date(2030, 4, 13)) == 0  # a month after 14 March: not yet
    assert send_reminders(event, date(2030, 4, 14)) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]
    assert send_reminders(event, date(2030, 4, 15)) == 0
    Outcome.objects.create(
        event=event,
        assignment="r-2",
        kind="held",
        recorded_at=datetime(2030, 4, 20, tzinfo=UTC),
    )
    mail.outbox.clear()
    assert send_reminders(event, date(2030, 6, 14)) == 2  # chen is done; amina still has r-1
    assert sorted(m.to[0] for m in mail.outbox) == ["amina@example.org", "bruno@example.org"]


def test_add_months_keeps_the_day_or_takes_the_last() -> None:
    assert [add_months(date(2030, 1, 31), n) for n in (1, 3, 12)] == [
        date(2030, 2, 28),
        date(2030, 4, 30),
        date(2031, 1, 31),
    ]
