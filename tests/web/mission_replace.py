"""The set-up the tests of a mission-file replacement share: bookings made on the web before
the file comes, the test event's file with a few changes, and the replacement uploaded and
confirmed on the page as the organizer does it, its preview's lists read item by item (the
uploads are staged in a data directory of the test's own: ``data_dir`` of the web tests'
conftest, which the modules using this one ask for)."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.web.events import services
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest
from tests.web.factories import at, make_core_event

MADE = datetime(2030, 3, 1, 8, 0, tzinfo=UTC)
"""When the bookings of :func:`book` were made, by default."""


def book(
    event: Event,
    request: str,
    minute: int,
    table: int,
    *,
    booked_as: str | None = None,
    made: datetime = MADE,
) -> None:
    """Book ``request`` at 09:``minute`` at ``table``, as ``booked_as`` (its requester by
    default), made at ``made``; a seat for each of its two parties."""
    row = MeetingRequest.objects.get(event=event, key=request)
    booking = Booking.objects.create(
        event=event,
        request=row,
        slot_start=at(9, minute),
        table=table,
        booked_as=row.requester if booked_as is None else booked_as,
    )
    Booking.objects.filter(pk=booking.pk).update(created_at=made)
    for party in (row.requester, row.target):
        BookingSeat.objects.create(
            event=event, party=party, slot_start=at(9, minute), booking=booking
        )


def stored_bookings(slug: str) -> list[tuple[str, datetime, int]]:
    """The event's bookings: request, slot and table, by request."""
    found = Booking.objects.filter(event__slug=slug).order_by("request__key")
    return [(b.request.key, b.slot_start, b.table) for b in found]


def mission_file(
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


def store_replacement(file: core.Event, expected: dict[str, Any], importer: User) -> None:
    """Store ``file`` in place of the event of its id, as ``importer`` confirms it having
    seen the preview whose counts are ``expected`` (``mission_preview(...).expected()``)."""
    services.import_event(
        file, filename="mission.yaml", replace=True, expected=expected, importer=importer.pk
    )


def preview_items(answer: str, list_id: str) -> list[str]:
    """The preview's list ``list_id``, item by item."""
    found = re.search(rf'<ul id="{list_id}">(.*?)</ul>', answer, re.S)
    assert found, answer[:800]
    return [
        html.unescape(re.sub(r"\s+", " ", item).strip())
        for item in re.findall(r"<li[^>]*>(.*?)</li>", found[1], re.S)
    ]


def upload_replacement(client: Client, file: core.Event) -> Any:
    """Upload ``file`` to replace the event of its id: the answer is the preview held for
    the organizer to confirm (200), or the redirect once stored when nothing is dropped."""
    text = dumps_event(file).encode()
    mission = SimpleUploadedFile("mission.yaml", text, content_type="application/yaml")
    return client.post("/events/import/", {"mission": mission, "replace": "on"})


def confirm_replacement(client: Client, answer: str, slug: str) -> Any:
    """Confirm the replacement of event ``slug`` held on the preview page ``answer``."""
    staged = re.search(r'name="staged" value="([^"]+)"', answer)
    assert staged, answer[:500]
    data = {"staged": staged[1], "event": slug, "action": "confirm"}
    return client.post("/events/import/", data)


def replace_on_the_page(client: Client, event: Event, file: core.Event) -> str:
    """Upload ``file`` to replace ``event``: the preview held for the organizer to confirm,
    then confirmed (the preview's page is answered)."""
    response = upload_replacement(client, file)
    answer: str = response.content.decode()
    assert response.status_code == 200, answer[:500]  # held for the organizer to confirm
    confirmed = confirm_replacement(client, answer, event.slug)
    assert confirmed.status_code == 302, confirmed.content.decode()[:500]
    assert Event.objects.get(slug=event.slug).pk != event.pk
    return answer
