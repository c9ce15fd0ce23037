"""A mission-file replacement keeps only the bookings and hosts' confirmations that still
hold: a booking the published version carried over leaves no room for is dropped, a
booking whose slot has started stands as it was (the meeting is not booked again), and a
confirmation of an organization the file puts on the delegation's side is dropped; each
dropped item is counted in the preview with why. Runs on SQLite, and on PostgreSQL with
``DATABASE_URL``."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.agendas import bookings
from liqa.web.agendas.models import HostConfirmation
from liqa.web.events import services
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest
from liqa.web.events.replacing import Work
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at, make_core_event

pytestmark = pytest.mark.integration

MADE = datetime(2030, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    """A data directory of the test's own, where the uploads are staged."""
    settings.DATA_DIR = tmp_path / "data"
    return Path(settings.DATA_DIR)


def _now(monkeypatch: pytest.MonkeyPatch, instant: datetime) -> None:
    """Make ``django.utils.timezone.now()`` answer ``instant``."""
    monkeypatch.setattr(timezone, "now", lambda: instant)


def _book(event: Event, request: str, minute: int, table: int, made: int = 0) -> None:
    """Book ``request`` at 09:``minute`` at ``table``, made ``made`` minutes after MADE."""
    row = MeetingRequest.objects.get(event=event, key=request)
    booking = Booking.objects.create(
        event=event, request=row, slot_start=at(9, minute), table=table, booked_as=row.requester
    )
    Booking.objects.filter(pk=booking.pk).update(created_at=MADE.replace(minute=made))
    for party in (row.requester, row.target):
        BookingSeat.objects.create(
            event=event, party=party, slot_start=at(9, minute), booking=booking
        )


def _bookings(slug: str) -> list[tuple[str, datetime, int]]:
    found = Booking.objects.filter(event__slug=slug).order_by("request__key")
    return [(b.request.key, b.slot_start, b.table) for b in found]


def _file(
    people: dict[str, tuple[core.TimeWindow, ...]] | None = None,
    limit: int | None = None,
    accepted: tuple[str, ...] = (),
    delegation: tuple[str, ...] = (),
) -> core.Event:
    """The test event's mission file, retitled, with some people's availability, the
    brokerage's meetings per session limit, more requests ``accepted`` and some
    organizations moved to the ``delegation`` side."""
    event = make_core_event()
    assert event.brokerage is not None
    available = people or {}
    return dataclasses.replace(
        event,
        title={"en": "Replaced"},
        people=tuple(
            dataclasses.replace(p, availability=available[p.id]) if p.id in available else p
            for p in event.people
        ),
        organizations=tuple(
            dataclasses.replace(o, side=core.Side.DELEGATION) if o.id in delegation else o
            for o in event.organizations
        ),
        requests=tuple(
            dataclasses.replace(r, status=core.RequestStatus.ACCEPTED) if r.id in accepted else r
            for r in event.requests
        ),
        brokerage=dataclasses.replace(event.brokerage, max_meetings_per_session=limit),
    )


def _items(answer: str, list_id: str) -> list[str]:
    found = re.search(rf'<ul id="{list_id}">(.*?)</ul>', answer, re.S)
    assert found, answer[:800]
    return [
        html.unescape(re.sub(r"\s+", " ", item).strip())
        for item in re.findall(r"<li[^>]*>(.*?)</li>", found[1], re.S)
    ]


def _replace_on_the_page(client: Client, event: Event, file: core.Event) -> str:
    """Upload ``file`` to replace ``event``: the preview held for the organizer to confirm,
    then confirmed (the preview's page is answered)."""
    text = dumps_event(file).encode()
    mission = SimpleUploadedFile("mission.yaml", text, content_type="application/yaml")
    response = client.post("/events/import/", {"mission": mission, "replace": "on"})
    answer = response.content.decode()
    assert response.status_code == 200, answer[:500]  # held for the organizer to confirm
    staged = re.search(r'name="staged" value="([^"]+)"', answer)
    assert staged, answer[:500]
    data = {"staged": staged[1], "event": event.slug, "action": "confirm"}
    confirmed = client.post("/events/import/", data)
    assert confirmed.status_code == 302, confirmed.content.decode()[:500]
    assert Event.objects.get(slug=event.slug).pk != event.pk
    return answer


def _bruno_and_chen_published_at_nine_forty(event: Event) -> None:
    """Publish a version placing r-3 (Bruno and Chen, still proposed on the web, so holding
    no slot) at 09:40, table 1."""
    meeting = core.Assignment(
        "r-3",
        at(9, 40),
        at(10),
        "v-hall",
        ("p-bruno", "p-chen"),
        table=1,
        parties=("p-bruno", "p-chen"),
    )
    provenance = core.Provenance("hand", datetime(2030, 1, 1, tzinfo=UTC), status="feasible")
    schedule = core.Schedule(event.slug, 1, (meeting,), provenance=provenance)
    publish(store_schedule(event, schedule), notify=False)


def test_a_booking_clashing_with_the_published_version_is_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    _now(monkeypatch, at(8))
    _bruno_and_chen_published_at_nine_forty(event)
    booked = bookings.book(event, "p-amina", "r-1", at(9, 40))  # the web allows it: r-3 is
    assert booked.table == 1  # not an accepted meeting, so it holds neither Bruno nor table 1
    _book(event, "r-2", 0, 2)  # Amina and Chen at 09:00: nothing published then
    monkeypatch.undo()  # back to now (the organizer's session is of now): every slot to come
    answer = _replace_on_the_page(organizer_client, event, _file(accepted=("r-3",)))
    assert _items(answer, "work-deleted") == [
        "1 booking clashing with a meeting of the published schedule "
        "(a party busy then, the table taken…)"
    ]
    assert _items(answer, "work-kept") == ["1 schedule version, published", "1 booking"]
    assert _bookings(event.slug) == [("r-2", at(9), 2)]
    replaced = Event.objects.get(slug=event.slug)  # the booking path refuses it there too
    with pytest.raises(bookings.SlotTaken, match="Bruno Martin already meets Chen Li"):
        bookings.book(replaced, "p-amina", "r-1", at(9, 40))


def test_a_booking_whose_slot_started_stands_whatever_the_file_rules(
    event: Event, organizer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    _book(event, "r-1", 0, 1)  # Amina and Bruno at 09:00, under way at 09:05
    _book(event, "r-2", 20, 2)  # Amina and Chen at 09:20, still to come
    _now(monkeypatch, at(9, 5))
    file = _file({"p-bruno": (core.TimeWindow(at(9, 20), at(10)),)})  # Bruno away at 09:00
    preview = services.mission_preview(event, file, organizer.pk)
    assert (preview.work, preview.kept.bookings) == (Work(), 2)
    services.import_event(
        file,
        filename="mission.yaml",
        replace=True,
        expected=preview.expected(),
        importer=organizer.pk,
    )
    assert _bookings(event.slug) == [("r-1", at(9), 1), ("r-2", at(9, 20), 2)]
    replaced = Event.objects.get(slug=event.slug)
    [option] = [o for o in bookings.options(replaced, "p-amina") if o.request.id == "r-1"]
    assert (option.started, option.free) == (True, [])  # not offered to be booked again
    with pytest.raises(bookings.NotBookable, match="the booking stands"):
        bookings.cancel(replaced, "p-amina", "r-1")


def test_a_booking_whose_slot_started_holds_its_slot_against_one_made_earlier(
    event: Event, organizer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    _book(event, "r-2", 40, 2, made=1)  # Amina and Chen at 09:40, booked first
    _book(event, "r-1", 0, 1, made=2)  # Amina and Bruno at 09:00, booked next: it took place
    _now(monkeypatch, at(9, 25))
    file = _file(limit=1)  # one meeting per session each: Amina has two
    preview = services.mission_preview(event, file, organizer.pk)
    work, kept = preview.work, preview.kept
    assert (work.bookings, work.bookings_disallowed, kept.bookings) == (0, 1, 1)
    services.import_event(
        file,
        filename="mission.yaml",
        replace=True,
        expected=preview.expected(),
        importer=organizer.pk,
    )
    assert _bookings(event.slug) == [("r-1", at(9), 1)]


def test_a_confirmation_of_a_host_moved_to_the_delegation_is_dropped_and_previewed(
    event: Event, organizer: User, organizer_client: Client
) -> None:
    for organization, meeting, person in (
        ("o-beta", "r-1", "p-bruno"),
        ("o-gamma", "r-2", "p-chen"),
    ):
        HostConfirmation.objects.create(
            event=event,
            assignment=meeting,
            organization=organization,
            attendees=[person],
            confirmed_by=organizer,
            confirmed_at=MADE,
        )
    answer = _replace_on_the_page(organizer_client, event, _file(delegation=("o-beta",)))
    assert _items(answer, "work-deleted") == [
        "1 host's confirmation of an organization the file puts on the delegation's side "
        "(no longer a host)"
    ]
    assert _items(answer, "work-kept") == ["1 host's confirmation"]
    found = HostConfirmation.objects.filter(event__slug=event.slug)
    assert [(c.organization, c.assignment) for c in found] == [("o-gamma", "r-2")]
