"""Users and memberships in a backup: who has which role, by e-mail; never passwords,
sign-in links or calendar-feed digests (those are secrets of one database)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from liqa.web.accounts.models import Membership, Role
from liqa.web.backup.checks import KEY, choice, duplicates, record, records, unknown
from liqa.web.backup.section import Found, Known, Restoring, Section, Users
from liqa.web.events.models import Event

USER = record(
    {
        "username": {"type": "string", "minLength": 1, "maxLength": 150},
        "email": {"type": "string", "maxLength": 254},
        "first_name": {"type": "string", "maxLength": 150},
        "last_name": {"type": "string", "maxLength": 150},
    }
)


class UserConflict(Exception):
    """A user of the archive matches no account by e-mail and its username is taken."""


def _dump_users(_event: Event, users: Users) -> list[dict[str, Any]]:
    return users.records()


def find_or_create(data: dict[str, Any]) -> User:
    """The account with the archive user's e-mail (else username), created if new.

    A created account has no usable password: the person signs in by e-mailed link.
    """
    model = get_user_model()
    email = data["email"].strip()
    if email:
        found = model.objects.filter(email__iexact=email).order_by("pk").first()
        if found is not None:
            return found
    by_name = model.objects.filter(username=data["username"]).first()
    if by_name is not None:
        if email and by_name.email and by_name.email.lower() != email.lower():
            raise UserConflict(data["username"])
        return by_name
    user = model.objects.create_user(
        username=data["username"],
        email=email,
        first_name=data["first_name"],
        last_name=data["last_name"],
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def _restore_users(state: Restoring, data: list[dict[str, Any]]) -> None:
    for item in data:
        state.users[item["username"]] = find_or_create(item)


USERS = Section(
    member="users.json",
    schema=records(USER),
    dump=_dump_users,
    restore=_restore_users,
    counts=lambda data: {"users": len(data)},
    references=lambda data, _known: duplicates(data, ("username",), "user"),
)


MEMBERSHIP = record(
    {
        "user": KEY | {"maxLength": 150},
        "role": choice(Role.values),
        "person": KEY,
        "organization": KEY,
        "language": {"type": "string", "maxLength": 5},
    }
)


def _dump_memberships(event: Event, users: Users) -> list[dict[str, Any]]:
    rows = Membership.objects.filter(event=event).select_related("user")
    return sorted(
        (
            {
                "user": users.ref(row.user),
                "role": row.role,
                "person": row.person,
                "organization": row.organization,
                "language": row.language,
            }
            for row in rows
        ),
        key=lambda item: (item["user"], item["role"]),
    )


def _check_memberships(data: list[dict[str, Any]], known: Known) -> Found:
    yield from duplicates(data, ("user", "role"), "membership")
    for index, item in enumerate(data):
        for key, what, among in (
            ("user", "user", known.users),
            ("person", "person", known.people),
            ("organization", "organization", known.organizations),
        ):
            if message := unknown(item[key], among, what):
                yield f"[{index}].{key}", message


def _restore_memberships(state: Restoring, data: list[dict[str, Any]]) -> None:
    Membership.objects.bulk_create(
        Membership(
            user=state.users[item["user"]],
            event=state.event,
            role=item["role"],
            person=item["person"],
            organization=item["organization"],
            language=item["language"],
        )
        for item in data
    )


MEMBERSHIPS = Section(
    member="memberships.json",
    schema=records(MEMBERSHIP),
    dump=_dump_memberships,
    restore=_restore_memberships,
    counts=lambda data: {"memberships": len(data)},
    references=_check_memberships,
)
