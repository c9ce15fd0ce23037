"""Importing a mission file never takes over someone else's event."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.web.accounts import permissions
from liqa.web.events.models import Event
from tests.web.factories import DEMO


def _import(client: Client, replace: bool) -> tuple[int, str]:
    data: dict[str, object] = {"mission": SimpleUploadedFile("mission.yaml", DEMO.read_bytes())}
    if replace:
        data["replace"] = "on"
    response = client.post("/events/import/", data)
    return response.status_code, response.content.decode()


@pytest.fixture
def demo_owner(mission: Event) -> User:
    """The staff user who imported the demo mission (its organizer)."""
    owner = get_user_model().objects.create_user("owner", "owner@example.org", is_staff=True)
    from liqa.web.accounts.services import setup_imported_event

    setup_imported_event(mission, owner)
    return owner


def test_staff_cannot_replace_an_event_they_do_not_organize(
    demo_owner: User, mission: Event, client_for: Callable[[User | None], Client]
) -> None:
    intruder = get_user_model().objects.create_user("other", "other@example.org", is_staff=True)
    status, page = _import(client_for(intruder), replace=True)
    assert status == 400
    assert "only its organizers may replace it" in page
    kept = Event.objects.get(slug=mission.slug)
    assert (kept.pk, permissions.is_organizer(intruder, kept)) == (mission.pk, False)


def test_organizer_replaces_their_own_event(
    demo_owner: User, mission: Event, client_for: Callable[[User | None], Client]
) -> None:
    status, _page = _import(client_for(demo_owner), replace=True)
    replaced = Event.objects.get(slug=mission.slug)
    assert (status, replaced.pk != mission.pk) == (302, True)
    assert permissions.is_organizer(demo_owner, replaced)
