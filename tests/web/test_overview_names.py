"""The organizer's overview names the parties of each request as read in the page's
language (found on a phone in Arabic: the demo's ministries, which have Arabic names, were
listed by their English ones)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event, Person


@pytest.mark.parametrize(
    ("lang", "parties"),
    [
        ("ar", ["أمينة الإدريسي", "برونو مارتان"]),
        ("fr", ["Amina Idrissi", "Bruno Martin"]),
    ],
)
def test_requests_name_their_parties_in_the_readers_language(
    lang: str,
    parties: list[str],
    organizer: User,
    event: Event,
    client_for: Callable[..., Client],
) -> None:
    Person.objects.filter(event=event, key="p-amina").update(name_ar="أمينة الإدريسي")
    Person.objects.filter(event=event, key="p-bruno").update(name_ar="برونو مارتان")
    page = client_for(organizer).get(f"/organize/{event.slug}/", HTTP_ACCEPT_LANGUAGE=lang)
    row = page.content.decode().split('<tr data-id="r-1">', 1)[1].split("</tr>", 1)[0]
    assert [cell.split("</td>", 1)[0] for cell in row.split("<td>")[1:3]] == parties


def test_request_messages_take_the_direction_of_their_text(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    """A Latin message ending in a full stop or a question mark had it on the wrong side
    in an Arabic table ("?Payments"): the cell takes the direction of its own text."""
    page = client_for(organizer).get(f"/organize/{event.slug}/", HTTP_ACCEPT_LANGUAGE="ar")
    row = page.content.decode().split('<tr data-id="r-1">', 1)[1].split("</tr>", 1)[0]
    assert row.endswith('<td dir="auto">Payments</td>')
