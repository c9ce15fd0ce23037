"""A published schedule version never changes: the ORM refuses to save or delete any part of it.

``pre_save`` and ``pre_delete`` receivers raise :class:`ImmutableVersion` for a published
version's own row and for its assignments, whichever code path tries (services, admin,
shell). Deleting the whole event stays possible: that is the organizer's explicit choice
and the audit trail records it. ``QuerySet.update`` sends no signal; the app never uses
it on published versions (pins and moves save rows one by one, on drafts).
"""

from __future__ import annotations

from django.db import models
from django.db.models.signals import pre_delete, pre_save

from liqa.web.events.models import Event
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion
from liqa.web.scheduling.services import ImmutableVersion


def _published(version_id: int | None) -> int | None:
    """The version's number when it is published, else ``None``."""
    if version_id is None:
        return None
    return (
        ScheduleVersion.objects.filter(pk=version_id, published_at__isnull=False)
        .values_list("number", flat=True)
        .first()
    )


def _from_event(origin: object) -> bool:
    return isinstance(origin, Event) or (
        isinstance(origin, models.QuerySet) and origin.model is Event
    )


def _guard_version_save(
    sender: type[ScheduleVersion], instance: ScheduleVersion, **kwargs: object
) -> None:
    if instance.pk is not None and not instance._state.adding:
        number = _published(instance.pk)
        if number is not None:
            raise ImmutableVersion(f"version {number} is published and cannot change")


def _guard_version_delete(
    sender: type[ScheduleVersion],
    instance: ScheduleVersion,
    origin: object = None,
    **kwargs: object,
) -> None:
    if not _from_event(origin) and instance.published_at is not None:
        raise ImmutableVersion(f"version {instance.number} is published and cannot be deleted")


def _guard_assignment_save(
    sender: type[AssignmentRow], instance: AssignmentRow, **kwargs: object
) -> None:
    number = _published(instance.version_id)
    if number is not None:
        raise ImmutableVersion(
            f"version {number} is published: assignment {instance.key} cannot change"
        )


def _guard_assignment_delete(
    sender: type[AssignmentRow], instance: AssignmentRow, origin: object = None, **kwargs: object
) -> None:
    if _from_event(origin) or isinstance(origin, ScheduleVersion):
        return  # the whole event goes, or the version's own guard decides
    if isinstance(origin, models.QuerySet) and origin.model is ScheduleVersion:
        return
    number = _published(instance.version_id)
    if number is not None:
        raise ImmutableVersion(
            f"version {number} is published: assignment {instance.key} cannot be deleted"
        )


pre_save.connect(_guard_version_save, sender=ScheduleVersion, dispatch_uid="immutable-version")
pre_delete.connect(_guard_version_delete, sender=ScheduleVersion, dispatch_uid="immutable-version")
pre_save.connect(_guard_assignment_save, sender=AssignmentRow, dispatch_uid="immutable-assignment")
pre_delete.connect(
    _guard_assignment_delete, sender=AssignmentRow, dispatch_uid="immutable-assignment"
)
