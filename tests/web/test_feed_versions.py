"""What changes between published versions: calendar feeds that update, diffs with tables."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import icalendar
import pytest
from django.core import mail
from django.test import Client

from liqa.core import model as core
from liqa.web.agendas import services
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at, make_core_event, make_schedule, person_user

R1 = "r-1@tunis-b2b-2030.liqa"
R2 = "r-2@tunis-b2b-2030.liqa"


def _schedule(
    version: int, *, r1_start: int = 0, r1_table: int = 1, r2: bool = True
) -> core.Schedule:
    """Version ``version``: r-1 at 09:00 + ``r1_start`` at ``r1_table``; r-2 kept or dropped."""
    base = make_schedule(make_core_event(), version, r1_start=r1_start)
    kept = tuple(
        dataclasses.replace(a, table=r1_table) if a.id == "r-1" else a
        for a in base.assignments
        if r2 or a.id != "r-2"
    )
    return dataclasses.replace(base, assignments=kept)


def _publish(event: Event, schedule: core.Schedule) -> ScheduleVersion:
    version = store_schedule(event, schedule)
    publish(version, notify=False)
    return version


def _events(data: bytes) -> dict[str, tuple[int, str, object]]:
    """UID → (SEQUENCE, STATUS, DTSTART) of every VEVENT."""
    calendar = icalendar.Calendar.from_ical(data)
    return {
        str(v["UID"]): (int(str(v["SEQUENCE"])), str(v["STATUS"]), v.decoded("DTSTART"))
        for v in calendar.walk("VEVENT")
    }


@pytest.fixture
def amina(event: Event, client_for: Callable[..., Client]) -> Client:
    return client_for(person_user("amina@example.org"))


def test_feed_keeps_uids_raises_sequence_and_cancels_dropped(event: Event) -> None:
    _publish(event, _schedule(1))
    secret = services.create_feed(event, "p-amina")
    feed = Client()
    first = _events(feed.get(f"/feeds/{secret}.ics").content)
    _publish(event, _schedule(2, r1_start=40, r2=False))  # r-1 moves to 09:40, r-2 dropped
    second = _events(feed.get(f"/feeds/{secret}.ics").content)
    assert first == {R1: (0, "CONFIRMED", at(9)), R2: (0, "CONFIRMED", at(9, 20))}
    assert second == {R1: (1, "CONFIRMED", at(9, 40)), R2: (1, "CANCELLED", at(9, 20))}


def test_feed_sequence_stays_when_a_version_changes_nothing(event: Event) -> None:
    _publish(event, _schedule(1))
    _publish(event, _schedule(2, r1_start=40, r2=False))
    _publish(event, _schedule(3, r1_start=40, r2=False))
    secret = services.create_feed(event, "p-amina")
    third = _events(Client().get(f"/feeds/{secret}.ics").content)
    assert third == {R1: (1, "CONFIRMED", at(9, 40)), R2: (1, "CANCELLED", at(9, 20))}


def test_ics_download_follows_the_versions_too(amina: Client, event: Event) -> None:
    _publish(event, _schedule(1))
    _publish(event, _schedule(2, r1_start=40, r2=False))
    downloaded = _events(amina.get(f"/me/{event.slug}/agenda.ics").content)
    assert downloaded == {R1: (1, "CONFIRMED", at(9, 40)), R2: (1, "CANCELLED", at(9, 20))}


def test_feed_of_a_person_removed_since_is_empty(event: Event) -> None:
    _publish(event, _schedule(1))
    secret = services.create_feed(event, "p-chen")
    event.people.filter(key="p-chen").delete()
    assert _events(Client().get(f"/feeds/{secret}.ics").content) == {}


def test_table_change_is_a_change_for_both_parties(event: Event) -> None:
    publish(store_schedule(event, _schedule(1)))
    mail.outbox.clear()
    affected = publish(store_schedule(event, _schedule(2, r1_table=4)))  # same time, table 1 → 4
    assert {person: (c.added, c.removed, c.moved) for person, c in affected.items()} == {
        "p-amina": ((), (), ("r-1",)),
        "p-bruno": ((), (), ("r-1",)),
    }
    bodies = {m.to[0]: str(m.body) for m in mail.outbox}
    assert sorted(bodies) == ["amina@example.org", "bruno@example.org"]
    moved = {to: body.split("\n- ", 1)[1].split("\n", 1)[0] for to, body in bodies.items()}
    assert moved == {
        "amina@example.org": "14\u200f/03\u200f/2030 09:00 \u2066CET\u2069 · لقاء مع Beta Bank · "
        "Palais des Congrès · الطاولة 4",
        "bruno@example.org": "14 mars 2030 09:00 CET · Rendez-vous avec Alpha Pay · "
        "Palais des Congrès · Table 4",
    }


def test_table_change_raises_the_feed_sequence(event: Event) -> None:
    _publish(event, _schedule(1))
    _publish(event, _schedule(2, r1_table=4))
    secret = services.create_feed(event, "p-bruno")
    assert _events(Client().get(f"/feeds/{secret}.ics").content) == {R1: (1, "CONFIRMED", at(9))}


def _lunch(group: str, person: str, minute: int) -> core.Assignment:
    """A subgroup's lunch break in the hall at 12:``minute`` (the planner's key)."""
    return core.Assignment(
        f"lunch-2030-03-14-{group}",
        at(12, minute),
        at(13, minute),
        "v-hall",
        (person,),
        format=core.MeetingFormat.PROGRAMME_ITEM,
        group=group,
    )


def _with_lunches(version: int, minute: int, groups: tuple[str, str]) -> core.Schedule:
    """Version ``version`` with Amina's and Bruno's subgroups lunching together."""
    base = _schedule(version)
    lunches = (_lunch(groups[0], "p-amina", minute), _lunch(groups[1], "p-bruno", minute))
    return dataclasses.replace(base, assignments=(*base.assignments, *lunches))


def test_replanned_lunch_is_the_same_calendar_event_updated(amina: Client, event: Event) -> None:
    """Publish, then re-plan: the lunch moves from 12:30 to 12:45. Amina's .ics keeps one
    lunch event, its UID, and raises its SEQUENCE (the UID was the lunch's time and place:
    a second lunch appeared beside the cancelled one); Bruno's feed, of the other subgroup
    at the same meal, names it with the same UID."""
    _publish(event, _with_lunches(1, 30, ("g1", "g2")))
    first = _events(amina.get(f"/me/{event.slug}/agenda.ics").content)
    _publish(event, _with_lunches(2, 45, ("g1", "g2")))
    second = _events(amina.get(f"/me/{event.slug}/agenda.ics").content)
    lunch = "lunch-2030-03-14-g1@tunis-b2b-2030.liqa"
    assert {uid: v for uid, v in first.items() if uid.startswith("lunch-")} == {
        lunch: (0, "CONFIRMED", at(12, 30))
    }
    assert {uid: v for uid, v in second.items() if uid.startswith("lunch-")} == {
        lunch: (1, "CONFIRMED", at(12, 45))
    }
    assert sorted(second) == sorted(first) == [lunch, R1, R2]
    secret = services.create_feed(event, "p-bruno")
    bruno = _events(Client().get(f"/feeds/{secret}.ics").content)
    assert [uid for uid in bruno if uid.startswith("lunch-")] == [lunch]
