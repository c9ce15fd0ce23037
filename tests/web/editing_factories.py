"""A small trade mission (Houston, clocks moving forward on its first night), its users,
what the editing tests of visits, programme items and profiles share, and the visit and
published page that the publishing tests on it share."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record, store_event
from tests.web.factories import make_core_event, person_user

CHICAGO = ZoneInfo("America/Chicago")
"""The leg's zone: on 2030-03-10 its clocks move from 02:00 to 03:00."""


def houston(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant of March 2030, Houston time."""
    return datetime(2030, 3, day, hour, minute, tzinfo=CHICAGO)


def make_mission() -> core.Event:
    """A trade mission: one leg of three days, a delegation company, a host with a venue."""
    return core.Event(
        id="houston-2030",
        kind=core.EventKind.TRADE_MISSION,
        title={"en": "Houston 2030", "fr": "Houston 2030", "ar": "هيوستن 2030"},
        legs=(
            core.Leg("houston", "Houston", "America/Chicago", date(2030, 3, 10), date(2030, 3, 12)),
        ),
        venues=(
            core.Venue("v-port", "Port of Houston", "Houston", "America/Chicago"),
            core.Venue("v-iah", "Bush Airport", "Houston", "America/Chicago"),
            core.Venue("v-hotel", "Downtown Hotel", "Houston", "America/Chicago"),
        ),
        organizations=(
            core.Organization(
                "o-atlas",
                "Atlas Logistics",
                core.Side.DELEGATION,
                description={"en": "A logistics company."},
            ),
            core.Organization("o-port", "Port Authority", core.Side.HOST, venue="v-port"),
        ),
        people=(
            core.Person("p-amina", "Amina Idrissi", "o-atlas", email="amina@example.org"),
            core.Person("p-omar", "Omar Benali", "o-atlas", email="omar@example.org"),
            core.Person("p-hank", "Hank Miller", "o-port", email="hank@example.org"),
        ),
    )


def store_mission() -> Event:
    """The trade mission stored, with a participant account for each person."""
    row = store_event(make_mission())
    accounts.enrol_everyone(row)
    return row


def organizer_of(event: Event) -> Client:
    """A client signed in as an organizer of ``event``."""
    user = get_user_model().objects.create_user("m-org", "m-org@example.org", is_staff=True)
    accounts.grant(user, event, Role.ORGANIZER)
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, event: Event, path: str, data: dict[str, Any]) -> Any:
    """POST to one of the event's editing pages."""
    return client.post(f"/events/{event.slug}/edit/{path}", data)


def errors(response: Any, field: str) -> list[str]:
    """The messages the page shows under one field (``general`` for the top box)."""
    page = response.content.decode()
    marker = 'id="general-errors"' if field == "general" else f'id="error-{field}"'
    if marker not in page:
        return []
    block = page.split(marker, 1)[1].split("</ul>", 1)[0]
    items = [part.split("</li>", 1)[0] for part in block.split("<li>")[1:]]
    return [html.unescape(item) for item in items]


def snapshot(event: Event) -> tuple[object, ...]:
    """What an edit may change: the event's records and the memberships."""
    event.refresh_from_db()
    return (event_record(event), Membership.objects.count())


def refused(client: Client, event: Event, path: str, data: dict[str, Any], field: str) -> list[str]:
    """The messages under ``field`` when the POST of ``data`` to ``path`` is refused; asserts
    the page's status 400 and that nothing was stored."""
    before = snapshot(event)
    response = post(client, event, path, data)
    assert (response.status_code, snapshot(event)) == (400, before)
    return errors(response, field)


def outsiders(event: Event) -> dict[str, Client]:
    """Clients of everyone who must not edit ``event``: a participant, a host administrator,
    an anonymous visitor and the organizer of another event."""
    host = accounts.user_for_email("admin@port.example")
    accounts.grant(host, event, Role.HOST_ADMIN, organization="o-port")
    other: User = get_user_model().objects.create_user("other-org", "o@example.org", is_staff=True)
    accounts.grant(other, store_event(make_core_event("other-b2b-2030")), Role.ORGANIZER)
    clients = {}
    for who, user in (
        ("participant", person_user("amina@example.org")),
        ("host", host),
        ("other organizer", other),
    ):
        client = Client()
        client.force_login(user)
        clients[who] = client
    clients["anonymous"] = Client()
    return clients


DENIED = {"participant": 403, "host": 403, "other organizer": 403, "anonymous": 302}
"""How each outsider is turned away (anonymous visitors are sent to sign in)."""


def statuses(
    client: Client, event: Event, pages: list[str], posts: list[tuple[str, dict[str, Any]]]
) -> set[int]:
    """Every distinct status of GETs of ``pages`` and POSTs of ``posts``."""
    base = f"/events/{event.slug}/edit/"
    found = {client.get(base + path).status_code for path in pages}
    return found | {client.post(base + path, data).status_code for path, data in posts}


def refused_deletion(client: Client, event: Event, path: str) -> str:
    """The page (entities unescaped) when deleting at ``path`` is refused because other
    records use it; asserts the status 409 and that nothing was stored."""
    before = snapshot(event)
    response = post(client, event, path, {})
    assert (response.status_code, snapshot(event)) == (409, before)
    return html.unescape(response.content.decode())


EVERYONE_DENIED = {who: {status} for who, status in DENIED.items()}
"""What ``outsider_statuses`` answers when every outsider is turned away from everything."""


def outsider_statuses(
    event: Event, pages: list[str], posts: list[tuple[str, dict[str, Any]]]
) -> dict[str, set[int]]:
    """Each outsider's distinct statuses on ``pages`` and ``posts`` (see ``outsiders`` and
    ``statuses``); asserts that nothing was stored."""
    clients = outsiders(event)
    before = snapshot(event)
    found = {who: statuses(client, event, pages, posts) for who, client in clients.items()}
    assert snapshot(event) == before
    return found


def port_visit(event: Event, hour: int = 10) -> core.Schedule:
    """A schedule of one visit: the delegation (Amina, Omar) visits the Port Authority
    (Hank's) on 11 March from ``hour`` for an hour."""
    visit = core.Assignment(
        "vis-port",
        houston(11, hour),
        houston(11, hour + 1),
        "v-port",
        ("p-amina", "p-omar"),
        core.MeetingFormat.SITE_VISIT,
        parties=("o-port",),
    )
    made = core.Provenance("test", datetime(2030, 1, 1, tzinfo=UTC))
    return core.Schedule(event.slug, 0, (visit,), made)


def nadia_joins(event: Event) -> None:
    """A staff member of the host visited, Nadia Brooks, joins the event (after publishing)."""
    Person.objects.create(
        event=event,
        key="p-nadia",
        name="Nadia Brooks",
        organization="o-port",
        email="nadia@example.org",
        position=99,
    )


def published_page(client: Client, event: Event) -> tuple[str, list[str], str]:
    """Version 1's published page: its count line, the people its table lists and its note
    on how the list was made ("" when it has none)."""
    page = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    count = re.search(r'<p id="affected-count">(.*?)</p>', page)
    note = re.search(r'<p class="notice" id="affected-estimated">(.*?)</p>', page)
    assert count is not None
    people = re.findall(r'<tr data-person="([^"]+)">', page)
    return count.group(1), people, html.unescape(note.group(1)) if note else ""
