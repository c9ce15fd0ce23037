"""Publishing: freeze a version, compare it with the previous one, tell only those affected.

The comparison works on the core's :class:`~liqa.core.model.Schedule` records by stable
assignment id. (When ``liqa.core`` gains its own schedule diff, this uses it instead.)
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.web.accounts.models import Membership, Role
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record
from liqa.web.scheduling.services import ImmutableVersion, latest_published


@dataclass(frozen=True)
class Change:
    """One difference between two versions for one assignment."""

    id: str
    kind: str
    """``added``, ``removed`` or ``changed``."""
    before: core.Assignment | None
    after: core.Assignment | None


def _same(a: core.Assignment, b: core.Assignment) -> bool:
    return (a.start, a.end, a.venue, a.table, set(a.attendees)) == (
        b.start,
        b.end,
        b.venue,
        b.table,
        set(b.attendees),
    )


def diff(old: core.Schedule | None, new: core.Schedule) -> list[Change]:
    """Added, removed and changed assignments, in id order."""
    before = {a.id: a for a in old.assignments} if old is not None else {}
    after = {a.id: a for a in new.assignments}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if a is None:
            changes.append(Change(key, "added", None, b))
        elif b is None:
            changes.append(Change(key, "removed", a, None))
        elif not _same(a, b):
            changes.append(Change(key, "changed", a, b))
    return changes


def changes_by_person(changes: list[Change]) -> dict[str, list[Change]]:
    """For each person attending a changed assignment (before or after), their changes."""
    out: dict[str, list[Change]] = {}
    for change in changes:
        people = set(change.before.attendees if change.before else ()) | set(
            change.after.attendees if change.after else ()
        )
        for person in sorted(people):
            out.setdefault(person, []).append(change)
    return out


def publish(version: ScheduleVersion) -> dict[str, list[Change]]:
    """Publish a draft; e-mail each affected participant their changes; return them by person."""
    if version.published:
        raise ImmutableVersion(f"version {version.number} is already published")
    with transaction.atomic():
        previous = latest_published(version.event)
        old = schedule_record(previous) if previous is not None else None
        affected = changes_by_person(diff(old, schedule_record(version)))
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])
    _notify(version, affected)
    return affected


def _notify(version: ScheduleVersion, affected: dict[str, list[Change]]) -> None:
    members = Membership.objects.filter(
        event=version.event, role=Role.PARTICIPANT, person__in=list(affected)
    ).select_related("user")
    link = settings.BASE_URL + reverse("agendas:me", args=[version.event.slug])
    for member in members:
        if not member.user.email:
            continue
        with translation.override(member.language):
            body = render_to_string(
                "scheduling/email_changes.txt",
                {"changes": affected[member.person], "link": link, "version": version},
            )
            send_mail(_("Your agenda has changed"), body, None, [member.user.email])
