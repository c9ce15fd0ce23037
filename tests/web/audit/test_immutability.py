"""A published version cannot change through any ORM path the app (or the admin) uses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction

from liqa.web.events.models import Event
from liqa.web.scheduling import moves, publishing, services
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion
from liqa.web.scheduling.records import schedule_record
from liqa.web.scheduling.services import ImmutableVersion


def _row(version: ScheduleVersion) -> AssignmentRow:
    return version.assignments.get(key="r-1")


def _change_table(version: ScheduleVersion) -> None:
    row = _row(version)
    row.table = 4
    row.save()


def _add_assignment(version: ScheduleVersion) -> None:
    row = _row(version)
    AssignmentRow.objects.create(
        version=version, key="r-9", start=row.start, end=row.end, attendees=[], parties=[]
    )


def _renotify(version: ScheduleVersion) -> None:
    version.notified = True
    version.save(update_fields=["notified"])


def _renumber(version: ScheduleVersion) -> None:
    version.number = 7
    version.save()


WRITES: dict[str, Callable[[ScheduleVersion], object]] = {
    "pin": lambda v: services.set_pinned(v, "r-1", True),
    "move": lambda v: moves.move(v, "r-1", 2, 3),
    "save-assignment": _change_table,
    "add-assignment": _add_assignment,
    "delete-assignment": lambda v: _row(v).delete(),
    "delete-assignments": lambda v: AssignmentRow.objects.filter(version=v).delete(),
    "save-version": _renumber,
    "set-notified": _renotify,
    "publish-again": publishing.publish,
    "delete-version": lambda v: v.delete(),
}


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_published_version_refuses_every_write(draft: ScheduleVersion, write: str) -> None:
    publishing.publish(draft, notify=False)
    before = schedule_record(draft)
    with pytest.raises(ImmutableVersion), transaction.atomic():
        WRITES[write](ScheduleVersion.objects.get(pk=draft.pk))
    assert schedule_record(ScheduleVersion.objects.get(pk=draft.pk)) == before


def test_draft_assignments_still_change(draft: ScheduleVersion) -> None:
    _change_table(draft)
    _row(draft).delete()
    assert list(draft.assignments.values_list("key", "table")) == [("r-2", 2)]


def test_deleting_the_event_removes_its_published_versions(
    event: Event, draft: ScheduleVersion
) -> None:
    publishing.publish(draft, notify=False)
    event.delete()
    assert (ScheduleVersion.objects.count(), AssignmentRow.objects.count()) == (0, 0)
