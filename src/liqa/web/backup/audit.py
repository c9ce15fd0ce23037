"""The event's audit trail (who changed what, when), written back as it was.

A restore adds no entry of its own (like Django's loaddata, whose raw saves the trail's
receivers skip): the trail of a restored event is the archived one. Entries the target
database already holds for that event id (a ``--replace`` in the same database) are not
written twice; the entry recording the deletion of the replaced event stays.
"""

from __future__ import annotations

from typing import Any

from liqa.web.audit.models import Action, AuditEntry, AuditSubject
from liqa.web.backup.checks import INSTANT, KEY, choice, record, records, unknown
from liqa.web.backup.section import (
    Found,
    Known,
    Restoring,
    Section,
    Users,
    instant,
    parse_instant,
)
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion

ENTRY = record(
    {
        "at": INSTANT,
        "user": {"type": ["string", "null"], "maxLength": 150},
        "actor": {"type": "string", "maxLength": 254},
        "model": {"type": "string", "maxLength": 40},
        "key": {"type": "string", "maxLength": 200},
        "action": choice(Action.values),
        "changes": {"type": "object"},
        "subjects": {"type": "array", "items": KEY},
    }
)


def _dump_audit(event: Event, users: Users) -> list[dict[str, Any]]:
    entries = (
        AuditEntry.objects.filter(event=event.slug)
        .select_related("user")
        .prefetch_related("subjects")
        .order_by("at", "pk")
    )
    return [
        {
            "at": instant(entry.at),
            "user": users.ref(entry.user),
            "actor": entry.actor,
            "model": entry.model,
            "key": entry.key,
            "action": entry.action,
            "changes": entry.changes,
            "subjects": [s.key for s in sorted(entry.subjects.all(), key=lambda s: s.pk)],
        }
        for entry in entries
    ]


def _check_audit(data: list[dict[str, Any]], known: Known) -> Found:
    # keys and subjects may name people or versions deleted since: the trail outlives them
    for index, item in enumerate(data):
        if message := unknown(item["user"] or "", known.users, "user"):
            yield f"[{index}].user", message


def _restore_audit(state: Restoring, data: list[dict[str, Any]]) -> None:
    slug = state.event.slug
    held = set(
        AuditEntry.objects.filter(event=slug).values_list("at", "model", "key", "action", "actor")
    )
    fresh = [
        item
        for item in data
        if (parse_instant(item["at"]), item["model"], item["key"], item["action"], item["actor"])
        not in held
    ]
    entries = AuditEntry.objects.bulk_create(
        AuditEntry(
            at=parse_instant(item["at"]),
            event=slug,
            user=state.users[item["user"]] if item["user"] else None,
            actor=item["actor"],
            model=item["model"],
            key=item["key"],
            action=item["action"],
            changes=item["changes"],
        )
        for item in fresh
    )
    AuditSubject.objects.bulk_create(
        AuditSubject(entry=entry, key=key)
        for entry, item in zip(entries, fresh, strict=True)
        for key in dict.fromkeys(item["subjects"])
    )
    _count_hand_moves(state)


def _count_hand_moves(state: Restoring) -> None:
    """The moves made by hand on each version whose archive had no count of them, from the
    restored trail, as the proof of quality counted them before versions kept the count
    (migration scheduling 0009): the ``changed`` entries of the version's assignments that
    moved a start or a table since the version was made."""
    for version in state.uncounted:
        version.hand_moves = AuditEntry.objects.filter(
            event=state.event.slug,
            model="assignment",
            key__startswith=f"v{version.number}/",
            action=Action.CHANGED,
            at__gte=version.created_at,
            changes__has_any_keys=["start", "table"],
        ).count()
    ScheduleVersion.objects.bulk_update(state.uncounted, ["hand_moves"])


AUDIT = Section(
    member="audit.json",
    schema=records(ENTRY),
    dump=_dump_audit,
    restore=_restore_audit,
    counts=lambda data: {"audit_entries": len(data)},
    references=_check_audit,
    required=False,
)
