"""The history names a visit's placement by its host, as it names a meeting's by its
parties (found on a desktop walk of the demo mission: a pin read "Assignment v1/vis-hou-egov"
with nothing but the key)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_visits_assignment_is_named_by_its_host(
    lang: str, mission: Event, client_for: Callable[[User | None], Client]
) -> None:
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    AuditEntry.objects.create(
        event=mission.slug,
        actor="org",
        model="assignment",
        key="v1/vis-hou-egov",
        action="update",
        changes={"pinned": [False, True]},
    )
    url = f"/organize/{mission.slug}/history/"
    page = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert "<bdi>Houston Municipal Office of Digital Services</bdi></td>" in page
