"""A busy event to back up: the demo mission planned, re-planned around a pin, published,
with a request answered, an outcome, a host confirmation, a reminder and a communiqué."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas.models import ReminderSent
from liqa.web.agendas.services import confirm_attendees, record_outcome
from liqa.web.audit.models import AuditEntry
from liqa.web.backup.dump import backup_event
from liqa.web.events import requests
from liqa.web.events.models import Event
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Run, RunState
from liqa.web.scheduling.services import set_pinned, start_run


@dataclass(frozen=True)
class Busy:
    """The stored event and the keys the tests look at."""

    event: Event
    delegate: str
    host: str
    visit: str
    pinned: str
    """An assignment the organizer pinned in version 1 (kept pinned in version 2)."""


def _run(event: Event, organizer: User, **options: object) -> Run:
    run = start_run(event, organizer, time_limit=1.0, **options)  # type: ignore[arg-type]
    run.refresh_from_db()
    assert run.state == RunState.DONE, run.message
    return run


@pytest.fixture
def busy(mission: Event) -> Busy:
    """The demo mission with every kind of data a backup holds."""
    organizer = accounts.user_for_email("organizer@example.org", "Olga Organizer")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    accounts.enrol_everyone(mission)
    first = _run(mission, organizer)
    assert first.result is not None
    pinned = first.result.assignments.filter(pinned=False).order_by("start", "key").first()
    assert pinned is not None
    set_pinned(first.result, pinned.key, True)
    second = _run(mission, organizer, base=first.result)
    assert second.result is not None
    publishing.publish(second.result, notify=False)
    requests.answer(mission, "c-guadalupe-dc", "r-09", accept=True)
    visit = second.result.assignments.filter(format=core.MeetingFormat.SITE_VISIT).first()
    assert visit is not None
    [host] = sorted(_hosts(mission) & set(visit.parties))
    admin = accounts.user_for_email(f"admin@{host}.example")
    accounts.grant(admin, mission, Role.HOST_ADMIN, organization=host)
    staff = list(mission.people.filter(organization=host).values_list("key", flat=True))
    confirm_attendees(mission, host, visit.key, staff, admin)
    record_outcome(mission, None, visit.key, "held", "mou", "Pilot agreed")
    delegate = next(a for a in visit.attendees if a not in staff)
    ReminderSent.objects.create(
        event=mission, person=delegate, months=3, sent_at=datetime(2024, 6, 1, tzinfo=UTC)
    )
    Event.objects.filter(pk=mission.pk).update(
        communique={"en": "A mission that delivered.", "ar": "بعثة ناجحة"}, public=False
    )
    mission.refresh_from_db()
    return Busy(mission, delegate, host, visit.key, pinned.key)


def empty_database() -> None:
    """Remove every event, account and audit entry: the database a restore starts from on
    a new server (the audit trail outlives deleted events, so it goes explicitly)."""
    Event.objects.all().delete()
    User.objects.all().delete()
    AuditEntry.objects.all().delete()


def _hosts(event: Event) -> set[str]:
    return set(event.organizations.filter(side="host").values_list("key", flat=True))


@pytest.fixture
def archive(busy: Busy, tmp_path: Path) -> Path:
    """The busy event's backup, written to a file."""
    path = tmp_path / "backup.zip"
    path.write_bytes(backup_event(busy.event).content)
    return path
