"""Factories for web tests: a small brokerage event as core records, and its users; the mail
backends the publishing tests send through, and what the published page says of them; the
event's history as its page reads it."""

from __future__ import annotations

import html
import re
import smtplib
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.utils import timezone as django_timezone
from django_tasks_db.management.commands.db_worker import Worker
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event, Person
from liqa.web.events.records import store_event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import store_schedule

TUNIS = ZoneInfo("Africa/Tunis")
DAY = date(2030, 3, 14)


def at(hour: int, minute: int = 0) -> datetime:
    """An instant on the event day, Tunis time."""
    return datetime(DAY.year, DAY.month, DAY.day, hour, tzinfo=TUNIS) + timedelta(minutes=minute)


def make_core_event(slug: str = "tunis-b2b-2030") -> core.Event:
    """A brokerage event: one delegation company, two hosts, three people, three requests."""
    return core.Event(
        id=slug,
        kind=core.EventKind.BROKERAGE,
        title={"en": "Tunis B2B 2030", "fr": "Rencontres B2B Tunis 2030", "ar": "لقاءات تونس 2030"},
        legs=(core.Leg("tunis", "Tunis", "Africa/Tunis", DAY, DAY),),
        organizers=({"en": "Chamber of Commerce"},),
        themes=("fintech", "agritech"),
        venues=(
            core.Venue(
                "v-hall",
                "Palais des Congrès",
                "Tunis",
                "Africa/Tunis",
                address="Avenue Mohamed V, Tunis",
                latitude=36.8065,
                longitude=10.1815,
            ),
        ),
        organizations=(
            core.Organization("o-alpha", "Alpha Pay", core.Side.DELEGATION, country="MA"),
            core.Organization("o-beta", "Beta Bank", core.Side.HOST, country="TN", venue="v-hall"),
            core.Organization("o-gamma", "Gamma Farms", core.Side.HOST, country="TN"),
        ),
        people=(
            core.Person(
                "p-amina",
                "Amina Idrissi",
                "o-alpha",
                role="CEO",
                languages=("ar", "fr"),
                email="amina@example.org",
                phone="+212 600",
            ),
            core.Person(
                "p-bruno",
                "Bruno Martin",
                "o-beta",
                role="CTO",
                languages=("fr",),
                email="bruno@example.org",
                phone="+216 700",
            ),
            core.Person(
                "p-chen", "Chen Li", "o-gamma", languages=("en",), email="chen@example.org"
            ),
        ),
        requests=(
            core.MeetingRequest(
                "r-1",
                "p-amina",
                "p-bruno",
                priority=3,
                status=core.RequestStatus.ACCEPTED,
                message="Payments",
            ),
            core.MeetingRequest("r-2", "p-amina", "p-chen", status=core.RequestStatus.ACCEPTED),
            core.MeetingRequest("r-3", "p-bruno", "p-chen", message="Private note from Bruno"),
        ),
        brokerage=core.BrokerageSetup(
            venue="v-hall",
            slot_minutes=20,
            tables=5,
            sessions=(core.Session("morning", at(9), at(10)),),
        ),
    )


def make_schedule(event: core.Event, version: int = 1, r1_start: int = 0) -> core.Schedule:
    """A hand-made schedule: r-1 at 09:00 (+ ``r1_start`` minutes) and r-2 at 09:20."""
    return core.Schedule(
        event=event.id,
        version=version,
        assignments=(
            core.Assignment(
                "r-1",
                at(9, r1_start),
                at(9, r1_start + 20),
                "v-hall",
                ("p-amina", "p-bruno"),
                table=1,
                parties=("p-amina", "p-bruno"),
            ),
            core.Assignment(
                "r-2",
                at(9, 20),
                at(9, 40),
                "v-hall",
                ("p-amina", "p-chen"),
                table=2,
                parties=("p-amina", "p-chen"),
            ),
        ),
        provenance=core.Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC), status="feasible"),
    )


@pytest.fixture
def after_the_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock moved on to the morning after the test event's day (still ticking), so
    that its meetings have taken place and can be recorded as held or as no-shows."""
    real = django_timezone.now
    shift = datetime.combine(DAY + timedelta(days=1), time(9), TUNIS) - real()
    monkeypatch.setattr(django_timezone, "now", lambda: real() + shift)


@pytest.fixture
def event(db: None) -> Event:
    """The stored test event, with a participant account for each person with an e-mail."""
    row = store_event(make_core_event())
    accounts.enrol_everyone(row)
    return row


@pytest.fixture
def draft(event: Event) -> ScheduleVersion:
    """Version 1 of the schedule, not published."""
    return store_schedule(event, make_schedule(make_core_event()))


@pytest.fixture
def dina(event: Event) -> Person:
    """A fourth person whom nothing in the event refers to, with a participant account."""
    person = Person.objects.create(
        event=event,
        key="p-dina",
        position=3,
        name="Dina Haddad",
        name_ar="دينا حداد",
        organization="o-alpha",
        email="dina@example.org",
    )
    accounts.enrol_everyone(event)
    return person


def _user(email: str) -> User:
    return accounts.user_for_email(email)


@pytest.fixture
def organizer(event: Event) -> User:
    """The event's organizer, with a password."""
    user = get_user_model().objects.create_user(
        "org", "org@example.org", "organizer-pass-1", is_staff=True
    )
    accounts.grant(user, event, Role.ORGANIZER)
    return user


BETA_ADMIN = "admin@beta.example"
"""The address of host Beta Bank's administrator."""


def grant_beta_admin(event: Event, language: str = "en") -> User:
    """Make :data:`BETA_ADMIN` an administrator of host Beta Bank, reading ``language``
    (idempotent: granted again, the language changes)."""
    user = _user(BETA_ADMIN)
    accounts.grant(user, event, Role.HOST_ADMIN, organization="o-beta", language=language)
    return user


@pytest.fixture
def host_admin(event: Event) -> User:
    """The administrator of host Beta Bank."""
    return grant_beta_admin(event)


def mail_body(to: str) -> str:
    """The body of the one e-mail in ``mail.outbox`` sent to ``to`` alone."""
    bodies = [str(m.body) for m in mail.outbox if m.to == [to]]
    assert len(bodies) == 1, [m.to for m in mail.outbox]
    return bodies[0]


def beta_admin_mail(event: Event, language: str = "en") -> str:
    """What Beta Bank's administrator (reading ``language``) is sent when everyone is
    invited (the other e-mails stay in ``mail.outbox``)."""
    grant_beta_admin(event, language)
    mail.outbox.clear()
    accounts.invite_participants(event)
    return mail_body(BETA_ADMIN)


@pytest.fixture
def stranger(db: None) -> User:
    """A signed-up user with no role in the event."""
    return _user("stranger@example.org")


@pytest.fixture
def client_for() -> Callable[[User | None], Client]:
    """A test client signed in as the given user (anonymous for ``None``)."""

    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def organizer_client(organizer: User, client_for: Callable[[User | None], Client]) -> Client:
    """A client signed in as the event's organizer."""
    return client_for(organizer)


@pytest.fixture
def draft_grid(event: Event, draft: ScheduleVersion) -> str:
    """The address of the draft's grid (version 1, not published)."""
    return f"/organize/{event.slug}/versions/1/"


def person_user(email: str) -> User:
    """The participant account of the person with this e-mail."""
    return get_user_model().objects.get(email=email)


def api_client_for(user: User | None) -> APIClient:
    """An API client sending the user's token (anonymous for ``None``)."""
    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def run_worker(name: str) -> None:
    """A database task worker named ``name`` runs every queued task, then stops."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=name,
        excluded_queue_names=[],
    ).run()


DEMO = Path(__file__).resolve().parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


@pytest.fixture
def mission(db: None, settings: Any) -> Event:
    """The demo mission, imported (scheduler runs limited to one second)."""
    settings.LIQA_SCHEDULER_SECONDS = 1.0
    return import_mission_file(DEMO.read_bytes(), "mission.yaml")


LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
REFUSING_BRUNO = "tests.web.factories.RefusingBruno"
NO_SERVER = "tests.web.factories.NoServer"


def use_mailer(settings: Any, backend: str) -> None:
    """Send the e-mails through ``backend`` (a dotted path) from now on."""
    settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": {}}}


class RefusingOne(EmailBackend):
    """Delivers like the in-memory backend, except to ``address``, which the server refuses
    (what Django's SMTP backend raises then)."""

    address: ClassVar[str]

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        for message in messages:
            if self.address in message.to:
                refused = {self.address: (550, b"5.1.1 mailbox unavailable")}
                raise smtplib.SMTPRecipientsRefused(refused)  # type: ignore[arg-type]
        return super().send_messages(messages)


class RefusingBruno(RefusingOne):
    """The server refuses Bruno's address."""

    address = "bruno@example.org"


class NoServer(EmailBackend):
    """No mail server answers (what Django's SMTP backend raises when it is down)."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        raise ConnectionRefusedError(111, "Connection refused")


def remove_address(event: Event, person: str) -> None:
    """The organizer removes the person's address: their participant account goes too."""
    Person.objects.filter(event=event, key=person).update(email="")
    accounts.enrol_everyone(event)


def page_text(page: str, id: str) -> str:
    """The text of the paragraph with ``id``, as read ("" when the page has none)."""
    found = re.search(rf'id="{id}"[^>]*>(.*?)</p>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))) if found else ""


def told_counts(client: Client, event: Event, lang: str = "en") -> str:
    """The sentences of version 1's published page about its e-mails, as read in ``lang``."""
    url = f"/organize/{event.slug}/versions/1/published/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    found = re.search(r'<p id="told-counts">(.*?)</p>', page)
    assert found is not None, page
    return re.sub(r"<[^>]+>", "", found.group(1))


def history_entry(model: str, key: str, action: str, changes: dict[str, Any]) -> AuditEntry:
    """An entry in the test event's history, as if the organizer ("org") made the change."""
    return AuditEntry.objects.create(
        event="tunis-b2b-2030", actor="org", model=model, key=key, action=action, changes=changes
    )


def history_changes(page: str) -> list[str]:
    """Each change line of a history page as text (tags dropped)."""
    items = re.findall(r"<li>(.*?)</li>", page.split('class="history"')[1], re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in items]


def host_admins(event: Event) -> list[tuple[str, str]]:
    """The event's host administrators: (e-mail, host organization), sorted."""
    members = Membership.objects.filter(event=event, role=Role.HOST_ADMIN)
    return sorted(members.values_list("user__email", "organization"))


def host_role_withdrawals(event: Event) -> list[tuple[str, str, object]]:
    """The history's host administrator changes that took a role away: (actor, host, change)."""
    entries = AuditEntry.objects.filter(event=event.slug, model="organization").order_by("id")
    return [
        (e.actor, e.key, e.changes["host_administrator"])
        for e in entries
        if "host_administrator" in e.changes and e.changes["host_administrator"][1] == ""
    ]
