"""The matrix's world: one brokerage event, its actors, and the private data each may see.

Participant A (Amina, delegation) meets Bruno (host Beta Bank) alone and Participant B
(Chen, host Gamma Farms) with A; Bruno's pending request to B is between them only.
Version 1 is published; version 2, a draft, moves both of A's meetings. The other
organizer organizes the demo mission (which also gives Django's admin itinerary rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.test import Client
from rest_framework.authtoken.models import Token

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas.services import create_feed, record_outcome
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.models import Notification, Run, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from liqa.web.scheduling.tasks import plan_run

ACTORS = (
    "anonymous",
    "participant_a",
    "participant_b",
    "host_admin",
    "organizer",
    "other_organizer",
    "superuser",
)
"""Who calls every URL: the issue's six roles, and the superuser (Django's admin)."""

SLUG = "authz-b2b-2030"
DEMO = Path(__file__).resolve().parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
A_EMAIL, A_PHONE = "amina.private@example.org", "+212 611 000 111"
B_EMAIL, B_PHONE = "chen.private@example.org", "+216 722 000 222"
A_ALONE = "req-amina-bruno"
"""A's meeting with Bruno: B is not in it."""
SHARED = "req-amina-chen"
"""The meeting of A and B."""
B_ALONE = "req-bruno-chen"
"""Bruno's pending request to B: A is not in it."""

_SEES_A = frozenset({"participant_a", "organizer", "superuser"})
_SEES_B = frozenset({"participant_b", "organizer", "superuser"})
PRIVATE: dict[str, frozenset[str]] = {
    A_EMAIL: _SEES_A,
    A_PHONE: _SEES_A,
    "Amina-Bruno payment rails": _SEES_A,
    "A-private-outcome-note": _SEES_A,
    A_ALONE: _SEES_A | {"host_admin"},  # Bruno's host sees its own meetings
    B_EMAIL: _SEES_B,
    B_PHONE: _SEES_B,
    "Bruno-Chen private note": _SEES_B,
    B_ALONE: _SEES_B,
}
"""Strings of private data, and the only actors whose responses may contain them."""

_TUNIS = ZoneInfo("Africa/Tunis")
_DAY = date(2030, 3, 14)


def _at(minute: int) -> datetime:
    return datetime(_DAY.year, _DAY.month, _DAY.day, 9, tzinfo=_TUNIS) + timedelta(minutes=minute)


def core_event() -> core.Event:
    """The brokerage event of the matrix."""
    people = (
        core.Person(
            "p-amina",
            "Amina Idrissi",
            "o-alpha",
            role="CEO",
            languages=("ar", "en"),
            email=A_EMAIL,
            phone=A_PHONE,
        ),
        core.Person(
            "p-bruno",
            "Bruno Martin",
            "o-beta",
            role="CTO",
            languages=("fr", "en"),
            email="bruno@example.org",
        ),
        core.Person(
            "p-chen", "Chen Li", "o-gamma", languages=("en",), email=B_EMAIL, phone=B_PHONE
        ),
    )
    return core.Event(
        id=SLUG,
        kind=core.EventKind.BROKERAGE,
        title={
            "en": "Authorization matrix B2B",
            "fr": "B2B de la matrice",
            "ar": "لقاءات المصفوفة",
        },
        legs=(core.Leg("tunis", "Tunis", "Africa/Tunis", _DAY, _DAY),),
        organizers=({"en": "Chamber of Commerce"},),
        themes=("fintech",),
        venues=(core.Venue("v-hall", "Palais des Congrès", "Tunis", "Africa/Tunis"),),
        organizations=(
            core.Organization("o-alpha", "Alpha Pay", core.Side.DELEGATION, country="MA"),
            core.Organization("o-beta", "Beta Bank", core.Side.HOST, country="TN", venue="v-hall"),
            core.Organization("o-gamma", "Gamma Farms", core.Side.HOST, country="TN"),
        ),
        people=people,
        requests=(
            core.MeetingRequest(
                A_ALONE,
                "p-amina",
                "p-bruno",
                status=core.RequestStatus.ACCEPTED,
                message="Amina-Bruno payment rails",
            ),
            core.MeetingRequest(SHARED, "p-amina", "p-chen", status=core.RequestStatus.ACCEPTED),
            core.MeetingRequest(B_ALONE, "p-bruno", "p-chen", message="Bruno-Chen private note"),
        ),
        brokerage=core.BrokerageSetup(
            venue="v-hall",
            slot_minutes=20,
            tables=5,
            sessions=(core.Session("am", _at(0), _at(60)),),
        ),
    )


def schedule(version: int) -> core.Schedule:
    """Version 1: A meets Bruno at 09:00 and B at 09:20; version 2 swaps the two."""
    alone, shared = (0, 20) if version == 1 else (20, 0)
    return core.Schedule(
        event=SLUG,
        version=version,
        assignments=(
            core.Assignment(
                A_ALONE,
                _at(alone),
                _at(alone + 20),
                "v-hall",
                ("p-amina", "p-bruno"),
                table=version,
                parties=("p-amina", "p-bruno"),
            ),
            core.Assignment(
                SHARED,
                _at(shared),
                _at(shared + 20),
                "v-hall",
                ("p-amina", "p-chen"),
                table=version + 2,
                parties=("p-amina", "p-chen"),
            ),
        ),
        provenance=core.Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC), status="feasible"),
    )


@dataclass(frozen=True)
class World:
    """The stored fixture: the event, each actor's session cookies and the URL secrets."""

    event: Event
    cookies: dict[str, SimpleCookie]
    link_secret: str
    feed_secret: str
    run_id: int
    users: dict[str, User]

    def client(self, actor: str) -> Client:
        """A fresh test client signed in as ``actor`` (CSRF checks off, errors as 500s)."""
        client = Client(raise_request_exception=False)
        for key, morsel in self.cookies[actor].items():
            client.cookies[key] = morsel.value
        return client


def _user(email: str, **flags: bool) -> User:
    user = get_user_model().objects.create_user(email, email, "matrix-pass-1", **flags)
    return user


def build_world() -> World:
    """Store both events, publish version 1, and sign every actor in."""
    event = store_event(core_event())
    accounts.enrol_everyone(event)
    other = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    model = get_user_model()
    users = {
        "participant_a": model.objects.get(email=A_EMAIL),
        "participant_b": model.objects.get(email=B_EMAIL),
        "host_admin": _user("host.admin@beta.example"),
        "organizer": _user("organizer@example.org", is_staff=True),
        "other_organizer": _user("other.organizer@example.org", is_staff=True),
        "superuser": _user("root@example.org", is_staff=True, is_superuser=True),
    }
    accounts.grant(users["host_admin"], event, Role.HOST_ADMIN, organization="o-beta")
    accounts.grant(users["organizer"], event, Role.ORGANIZER)
    accounts.grant(users["other_organizer"], other, Role.ORGANIZER)
    first = store_schedule(event, schedule(1))
    publish(first, notify=False)
    # what publishing e-mailed (a row for the admin's Notification pages)
    Notification.objects.create(version=first, person="p-amina", email=A_EMAIL)
    record_outcome(event, "p-amina", A_ALONE, "cancelled", "call", "A-private-outcome-note")
    run = Run.objects.create(event=event, time_limit=1.0)
    plan_run.enqueue(run.pk)  # a queued task row (the matrix runs with the database queue)
    Group.objects.create(name="matrix")
    Token.objects.create(user=users["organizer"])
    cookies: dict[str, SimpleCookie] = {"anonymous": SimpleCookie()}
    for actor, user in users.items():
        client = Client()
        client.force_login(user)
        cookies[actor] = client.cookies
    return World(
        event=event,
        cookies=cookies,
        link_secret=accounts.issue_link(users["participant_a"], f"/me/{SLUG}/").split("/")[-2],
        feed_secret=create_feed(event, "p-amina"),
        run_id=run.pk,
        users=users,
    )


def add_draft(world: World) -> ScheduleVersion:
    """Store version 2 as a draft (never published)."""
    return store_schedule(world.event, schedule(2))
