"""The event's own settings beyond the mission file, host confirmations and reminders sent."""

from __future__ import annotations

from typing import Any

from liqa.web.agendas.models import HostConfirmation, ReminderSent
from liqa.web.backup.checks import (
    COUNT,
    FLAG,
    INSTANT,
    KEY,
    KEYS,
    TEXTS,
    duplicates,
    record,
    records,
    unknown,
)
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

EVENT = record({"public": FLAG, "communique": TEXTS, "created_at": INSTANT})


def _dump_event(event: Event, _users: Users) -> dict[str, Any]:
    return {
        "public": event.public,
        "communique": event.communique,
        "created_at": instant(event.created_at),
    }


def _restore_event(state: Restoring, data: dict[str, Any]) -> None:
    Event.objects.filter(pk=state.event.pk).update(
        public=data["public"],
        communique=data["communique"],
        created_at=parse_instant(data["created_at"]),
    )


EVENT_SETTINGS = Section(
    member="event.json",
    schema=EVENT,
    dump=_dump_event,
    restore=_restore_event,
    counts=lambda _data: {},
)

CONFIRMATION = record(
    {
        "assignment": KEY,
        "organization": KEY,
        "attendees": KEYS,
        "confirmed_by": {"type": ["string", "null"], "maxLength": 150},
        "confirmed_at": INSTANT,
    }
)


def _dump_confirmations(event: Event, users: Users) -> list[dict[str, Any]]:
    rows = (
        HostConfirmation.objects.filter(event=event)
        .select_related("confirmed_by")
        .order_by("assignment", "organization")
    )
    return [
        {
            "assignment": row.assignment,
            "organization": row.organization,
            "attendees": list(row.attendees),
            "confirmed_by": users.ref(row.confirmed_by),
            "confirmed_at": instant(row.confirmed_at),
        }
        for row in rows
    ]


def _check_confirmations(data: list[dict[str, Any]], known: Known) -> Found:
    yield from duplicates(data, ("assignment", "organization"), "confirmation")
    for index, item in enumerate(data):
        checks = [
            ("assignment", unknown(item["assignment"], known.assignments, "assignment")),
            ("organization", unknown(item["organization"], known.organizations, "organization")),
            ("confirmed_by", unknown(item["confirmed_by"] or "", known.users, "user")),
        ]
        checks += [
            (f"attendees[{n}]", unknown(person, known.people, "person"))
            for n, person in enumerate(item["attendees"])
        ]
        for path, message in checks:
            if message:
                yield f"[{index}].{path}", message


def _restore_confirmations(state: Restoring, data: list[dict[str, Any]]) -> None:
    HostConfirmation.objects.bulk_create(
        HostConfirmation(
            event=state.event,
            assignment=item["assignment"],
            organization=item["organization"],
            attendees=item["attendees"],
            confirmed_by=state.users[item["confirmed_by"]] if item["confirmed_by"] else None,
            confirmed_at=parse_instant(item["confirmed_at"]),
        )
        for item in data
    )


CONFIRMATIONS = Section(
    member="confirmations.json",
    schema=records(CONFIRMATION),
    dump=_dump_confirmations,
    restore=_restore_confirmations,
    counts=lambda data: {"confirmations": len(data)},
    references=_check_confirmations,
)

REMINDER = record({"person": KEY, "months": COUNT | {"maximum": 32767}, "sent_at": INSTANT})


def _dump_reminders(event: Event, _users: Users) -> list[dict[str, Any]]:
    rows = ReminderSent.objects.filter(event=event).order_by("person", "months")
    return [
        {"person": row.person, "months": row.months, "sent_at": instant(row.sent_at)}
        for row in rows
    ]


def _check_reminders(data: list[dict[str, Any]], known: Known) -> Found:
    yield from duplicates(data, ("person", "months"), "reminder")
    for index, item in enumerate(data):
        if message := unknown(item["person"], known.people, "person"):
            yield f"[{index}].person", message


def _restore_reminders(state: Restoring, data: list[dict[str, Any]]) -> None:
    ReminderSent.objects.bulk_create(
        ReminderSent(
            event=state.event,
            person=item["person"],
            months=item["months"],
            sent_at=parse_instant(item["sent_at"]),
        )
        for item in data
    )


REMINDERS = Section(
    member="reminders.json",
    schema=records(REMINDER),
    dump=_dump_reminders,
    restore=_restore_reminders,
    counts=lambda data: {"reminders": len(data)},
    references=_check_reminders,
)
